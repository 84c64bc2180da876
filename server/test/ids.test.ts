import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBase62, randomIds, sortableBase62 } from '../src/ids/index.js';

describe('random ids', () => {
  it('are the asked length, base62 only, and never repeat across many draws (past several pool refills)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) {
      const id = randomIds.next('cus');
      expect(id).toMatch(/^cus_[A-Za-z0-9]{24}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
    expect(randomBase62(1)).toMatch(/^[A-Za-z0-9]$/);
    expect(randomBase62(100)).toHaveLength(100);
  });

  it('draw every character about equally often (no bias toward the first letters)', () => {
    const counts = new Map<string, number>();
    const text = randomBase62(62 * 2000);
    for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Expected 2000 each; a binomial standard deviation is ≈ 44, so ±300 is a 6.8 σ band.
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(300);
  });

  it('sort by creation time as text (SQLite compares bytes), and stay unique within one millisecond', () => {
    const first = randomIds.next('in');
    const later: string[] = [];
    const start = Date.now();
    while (Date.now() < start + 3) later.push(randomIds.next('in'));
    for (const id of later) expect(Buffer.compare(Buffer.from(first.slice(0, 11)), Buffer.from(id.slice(0, 11)))).toBeLessThanOrEqual(0);
    expect(new Set(later).size).toBe(later.length);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(later.at(-1) as string))).toBe(-1);
  });

  it('write times as fixed-width base62 that orders as the numbers do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 62 ** 8 - 1 }), fc.integer({ min: 0, max: 62 ** 8 - 1 }), (a, b) => {
        const [x, y] = [sortableBase62(a, 8), sortableBase62(b, 8)];
        expect(x).toHaveLength(8);
        expect(Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y)))).toBe(Math.sign(a - b));
      }),
    );
    expect(sortableBase62(0, 8)).toBe('00000000');
    expect(sortableBase62(Date.UTC(8000, 0, 1), 8) < 'zzzzzzzz').toBe(true);
  });
});
