import { describe, expect, it } from 'vitest';
import { formatPath, PathSet } from '../src/plan/path.js';

describe('PathSet', () => {
  it('holds the paths added, told apart as formatPath tells them apart', () => {
    const set = new PathSet();
    set.add(['villages', 3, 'plan']);
    set.add(['villages', 3, 'plan']);
    set.add(['a b', 'c']);
    expect(set.size).toBe(2);
    expect(set.has(['villages', 3, 'plan'])).toBe(true);
    expect(set.has(['a b', 'c'])).toBe(true);
    // A prefix, a longer path, or a key with the index's digits is another path.
    for (const other of [['villages', 3], ['villages', 3, 'plan', 'status'], ['villages', '3', 'plan'], []]) {
      expect(set.has(other), formatPath(other)).toBe(false);
    }
  });
});
