/*
 * What the customer chose on a table's cards: seats per product (shown at once, sent to the
 * server once the clicking stops) and which tier tables are open. Part of the extras chunk: only
 * tables with seat or tier prices have anything to choose.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PricingProduct } from './pricing-response.js';

/** Seat changes wait this long for the customer to stop clicking before asking the server. */
const seatDebounceMs = 300;

/** The choices on one table's cards; re-renders the table when they change. */
export class CardChoices implements ReactiveController {
  /** Seats shown in each stepper right now (before the debounce settles). */
  shownSeats: Record<string, number> = {};
  /** Seats chosen per product, as sent to the server (after the debounce). */
  requestedSeats: Record<string, number> = {};
  /** Products whose tier table is open. */
  readonly openTiers = new Set<string>();
  private readonly host: ReactiveControllerHost;
  private seatTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.seatTimer);
  }

  /** Shows `seats` on a card now; asks the server for their price once the clicking stops. */
  changeSeats(productId: string, seats: number): void {
    this.shownSeats = { ...this.shownSeats, [productId]: seats };
    clearTimeout(this.seatTimer);
    // The server prices seats (tiers, tax, rounding); wait until the clicking stops, then ask once.
    this.seatTimer = setTimeout(() => {
      this.requestedSeats = { ...this.requestedSeats, ...this.shownSeats };
      this.host.requestUpdate();
    }, seatDebounceMs);
    this.host.requestUpdate();
  }

  /** Opens or closes a card's tier table. */
  toggleTiers(productId: string): void {
    if (!this.openTiers.delete(productId)) this.openTiers.add(productId);
    this.host.requestUpdate();
  }

  /**
   * The `quantity[price id]` of a pricing request for the seats chosen: each seat-priced price of
   * the product, clamped to its limits (the server prices tiers, tax and rounding).
   */
  quantities(products: readonly PricingProduct[]): Record<string, number> {
    const quantity: Record<string, number> = {};
    for (const product of products) {
      const seats = this.requestedSeats[product.id];
      if (seats === undefined) continue;
      for (const price of product.prices) {
        if (price.usage_type !== 'licensed' || price.model === 'flat' || price.model === 'package') continue;
        const max = price.max_quantity ?? Number.POSITIVE_INFINITY;
        quantity[price.id] = Math.min(max, Math.max(price.min_quantity ?? 1, seats));
      }
    }
    return quantity;
  }
}
