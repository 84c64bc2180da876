import type { Clock } from '../../clock/index.js';

/**
 * A value per mode (test, live), loaded on first use and kept until invalidated or `ttlMs` old.
 *
 * Why a TTL as well as invalidation: writes through this process invalidate at once, but another
 * replica sharing the database (or the CLI seeding a running server's file) cannot reach this
 * memory, so a stale copy lives at most `ttlMs`.
 */
export function perModeCache<T>(clock: Clock, ttlMs: number) {
  const entries = new Map<boolean, { value: Promise<T>; loadedAtMs: number; generation: number }>();
  let generation = 0;
  return {
    get(livemode: boolean, load: () => Promise<T>): Promise<T> {
      const nowMs = clock.now();
      const entry = entries.get(livemode);
      if (
        entry &&
        entry.generation === generation &&
        nowMs - entry.loadedAtMs < ttlMs &&
        nowMs >= entry.loadedAtMs
      )
        return entry.value;
      const value = load();
      const fresh = { value, loadedAtMs: nowMs, generation };
      entries.set(livemode, fresh);
      // A failed load is not cached: the next call tries again.
      value.catch(() => {
        if (entries.get(livemode) === fresh) entries.delete(livemode);
      });
      return value;
    },
    invalidate(livemode?: boolean): void {
      if (livemode === undefined) {
        generation += 1;
        entries.clear();
      } else entries.delete(livemode);
    },
  };
}
export type PerModeCache<T> = ReturnType<typeof perModeCache<T>>;
