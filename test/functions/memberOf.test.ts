import { describe, expect, it } from 'vitest';
import memberOf from '../../src/engine/functions/memberOf.js';
import { run } from './helpers.js';

describe('memberOf', () => {
  const list = ['439921101201', '439921101202'];
  it('accepts a listed value and a missing one', () => {
    expect(run(memberOf, '439921101201', { list })).toEqual([]);
    expect(run(memberOf, undefined, { list })).toEqual([]);
  });
  it('rejects an unlisted value, naming it and pointing at it', () => {
    const village = { name: '高坪村', code: '439921102203' };
    expect(run(memberOf, village, { list, by: 'code', label: '{{name}}（{{code}}）' }, ['villages', 5])).toEqual([
      { path: ['villages', 5, 'code'], values: { actual: '439921102203', label: '高坪村（439921102203）', expected: 2 }, item: '439921102203' },
    ]);
  });
  it('takes the non-empty keys of a mapping as the list', () => {
    expect(run(memberOf, 'hill', { list: { hill: ['x'] } })).toEqual([]);
    expect(run(memberOf, 'lake', { list: { hill: ['x'], lake: null } })).toHaveLength(1);
  });
  it('checks ten thousand references against ten thousand values in linear time', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    let gaps = 0;
    for (let i = 0; i < 10_000; i++) gaps += run(memberOf, `v${i * 2}`, { list: big }).length;
    expect(gaps).toBe(5_000);
  });
});

describe('memberOf without a list', () => {
  it('checks nothing: the missing section is reported by its own rule, not at every reference', () => {
    expect(run(memberOf, '439921101209', {})).toEqual([]);
    expect(run(memberOf, '439921101209', { list: [] })).toHaveLength(1);
  });
});
