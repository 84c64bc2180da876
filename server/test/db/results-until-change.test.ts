import { describe, expect, it } from 'vitest';
import { keepable, readKey, resultsUntilChange } from '../../src/db/results-until-change.js';

describe('answers kept until the database changes', () => {
  it('returns a kept answer while the version stands, and forgets everything when it moves', () => {
    let version = 1;
    const results = resultsUntilChange(() => version);
    expect(results.lookup('q')).toBeUndefined();
    results.keep('q', [[1, 'a']]);
    expect(results.lookup('q')).toEqual([[1, 'a']]);
    version = 2;
    expect(results.lookup('q')).toBeUndefined();
    results.keep('q', [[2, 'b']]);
    expect(results.lookup('q')).toEqual([[2, 'b']]);
  });

  it('keeps an answer read before a commit only until the next lookup sees the commit', () => {
    let version = 1;
    const results = resultsUntilChange(() => version);
    expect(results.lookup('q')).toBeUndefined();
    version = 2; // another connection commits between the lookup and the statement
    results.keep('q', [[2]]);
    expect(results.lookup('q')).toBeUndefined();
  });

  it('does not keep long or wide answers, or answers with blobs', () => {
    const results = resultsUntilChange(() => 1);
    results.lookup('x');
    results.keep('long', Array.from({ length: 101 }, (_, i) => [i]));
    results.keep('wide', [['x'.repeat(40_000)]]);
    results.keep('blob', [[new ArrayBuffer(2)]]);
    results.keep('small', Array.from({ length: 100 }, (_, i) => [i]));
    expect(results.lookup('long')).toBeUndefined();
    expect(results.lookup('wide')).toBeUndefined();
    expect(results.lookup('blob')).toBeUndefined();
    expect(results.lookup('small')).toHaveLength(100);
  });

  it('stays within its memory bound however many answers are kept', () => {
    const results = resultsUntilChange(() => 1);
    results.lookup('x');
    const answer = [['y'.repeat(30_000)]];
    for (let i = 0; i < 200; i++) results.keep(`q${i}`, answer);
    // 200 × 30,000 characters is past the 4 Mi bound: the table was cleared on the way.
    const kept = Array.from({ length: 200 }, (_, i) => results.lookup(`q${i}`)).filter(Boolean).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept * 30_000).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('never keeps SQL whose answer can change without a write', () => {
    expect(keepable('select "id" from "coupons" where "coupons"."id" = ?')).toBe(true);
    expect(keepable('select "at_time" from t')).toBe(true);
    for (const sql of ['select random()', "select datetime('now')", 'select current_timestamp', 'select * from t where at < unixepoch()', 'select changes()'])
      expect(keepable(sql)).toBe(false);
  });

  it('keys a statement by its text and arguments, unambiguously', () => {
    expect(readKey('select ?', ['1'])).not.toBe(readKey('select ?', [1]));
    expect(readKey('select ?, ?', ['a', null])).not.toBe(readKey('select ?, ?', ['a', 'null']));
    expect(readKey('select 1', [])).toBe('select 1');
  });
});
