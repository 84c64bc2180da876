import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/http/log.js';
import { startScheduler } from '../../src/lifecycle/scheduler.js';
import { createServices } from '../../src/services.js';
import { setup } from '../helpers.js';

describe('startScheduler with recheckTaxIds', () => {
  it('runs the checks beside the billing run: a stuck registry never delays billing, one check run at a time, stop() waits for it', async () => {
    const h = await setup();
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const starts: number[] = [];
    const scheduler = startScheduler({
      ...services.lifecycle.deps,
      clock: h.clock,
      log: silentLogger,
      intervalMs: 60_000,
      recheckTaxIds: (atMs) => {
        starts.push(atMs);
        return held;
      },
    });
    // Billing runs complete while the checks hang; no second check run starts meanwhile.
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect(starts).toEqual([h.clock.now()]);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    h.close();
  });

  it('a failing check run is logged and the next tick starts another', async () => {
    const h = await setup();
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const logged: unknown[] = [];
    let calls = 0;
    const scheduler = startScheduler({
      ...services.lifecycle.deps,
      clock: h.clock,
      log: (entry) => logged.push(entry),
      intervalMs: 60_000,
      recheckTaxIds: () => {
        calls += 1;
        return Promise.reject(new Error('registry exploded'));
      },
    });
    await scheduler.runOnce();
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.runOnce();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', msg: 'tax id checks failed', error: 'registry exploded' }));
    await scheduler.stop();
    h.close();
  });
});
