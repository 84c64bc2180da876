/** A module the pricing table loads with `import()` only when a page's data or a click needs it. */
export interface LazyModule<M> {
  /** The module once loaded; `undefined` before, or when loading failed. */
  readonly value: M | undefined;
  /**
   * True when the table can render what needs the module: loaded, or failed to load (the table
   * then renders without it, e.g. an unupgraded stepper, rather than a skeleton forever).
   */
  readonly ready: boolean;
  /** Loads the module once per page; concurrent callers share the request, a failure may be retried. */
  load(): Promise<M | undefined>;
}

/**
 * Wraps a dynamic import so render code can ask synchronously whether it is there. Kept out of
 * the first download on purpose: the table's budget counts only what every page needs.
 * `onLoad` runs once with the module before `value` is set (e.g. to register the copy it brings).
 *
 * @example
 * const tiers = lazyModule(() => import('./tier-table.js'));
 * if (!tiers.ready) void tiers.load().then(() => this.requestUpdate());
 */
export function lazyModule<M>(loader: () => Promise<M>, onLoad?: (module: M) => void): LazyModule<M> {
  let value: M | undefined;
  let failed = false;
  let pending: Promise<M | undefined> | undefined;
  return {
    get value() {
      return value;
    },
    get ready() {
      return value !== undefined || failed;
    },
    load() {
      pending ??= loader().then(
        (module) => {
          onLoad?.(module);
          return (value = module);
        },
        () => {
          // A chunk that could not be fetched (offline CDN, CSP): render without it; retry later.
          failed = true;
          pending = undefined;
          return undefined;
        },
      );
      return pending;
    },
  };
}

/**
 * A {@link LazyModule} that is already there. Builds that carry everything anyway (abona.js, see
 * eagerPricingExtras in scripts/bundles.mjs) use it instead of the import(), so the first table
 * renders without waiting a turn for a module it already has.
 */
export function loadedModule<M>(module: M, onLoad?: (module: M) => void): LazyModule<M> {
  onLoad?.(module);
  return { value: module, ready: true, load: () => Promise.resolve(module) };
}
