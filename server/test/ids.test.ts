import { describe, expect, it } from 'vitest';
import { randomBase62, randomIds } from '../src/ids/index.js';

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
});
