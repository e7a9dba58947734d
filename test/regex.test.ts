import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { linearRegex, regexProblem } from '../src/plan/regex.js';

const re2 = (source: string, text: string) => RE2JS.compile(source).matcher(text).find();

/** Pieces of fixed-width patterns (src/plan/regex.ts), which run as a RegExp. */
const atom = fc.constantFrom('a', 'b', '1', '局', '-', ' ', '\\d', '[ab]', '[0-9]', '[a-c局]', '[235]');
const piece = fc.oneof(
  fc.tuple(atom, fc.constantFrom('', '{1}', '{2}', '{3}')).map(([a, q]) => a + q),
  fc.array(fc.constantFrom('a', 'b1', '局', '中心', '1'), { minLength: 1, maxLength: 4 }).map((alts) => `(?:${alts.join('|')})`),
);
const fixedWidth = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 5 }), fc.boolean())
  .map(([start, pieces, end]) => `${start ? '^' : ''}${pieces.join('')}${end ? '$' : ''}`);
const text = fc.array(fc.constantFrom('a', 'b', 'c', '1', '2', '3', '5', '局', '中', '心', '-', ' ', '\n', '😀', '\ud800'), { maxLength: 12 }).map((cs) => cs.join(''));

describe('linearRegex', () => {
  it('matches a fixed-width pattern as RE2 does', () => {
    fc.assert(
      fc.property(fixedWidth, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        expect(regexProblem(source)).toBeUndefined();
        for (const t of texts) expect(linearRegex(source).test(t), `${JSON.stringify(source)} on ${JSON.stringify(t)}`).toBe(re2(source, t));
      }),
      { numRuns: 500 },
    );
  });

  it('matches the catalog’s kinds of pattern as RE2 does, at the ends of lines too', () => {
    const cases: [string, string[]][] = [
      ['^\\d{9}[235]\\d{2}$', ['430102003201', '430102003401', '43010200320', '430102003201\n', 'x430102003201', '٤30102003201']],
      ['^\\d{4}-\\d{2}-\\d{2}$', ['2026-12-01', '2026-12-01\n', '\n2026-12-01', '2026-1-01']],
      ['(?:局|委|中心)$', ['农业局', '农业局\n', '服务中心', '中心站', '']],
    ];
    for (const [source, texts] of cases) for (const t of texts) expect(linearRegex(source).test(t), `${source} on ${JSON.stringify(t)}`).toBe(re2(source, t));
  });

  it('runs any other pattern on RE2: linear on a pattern that backtracks, lookaround refused', () => {
    expect(linearRegex('^(a+)+$').test(`${'a'.repeat(50_000)}!`)).toBe(false);
    expect(linearRegex('a.c').test('a\nc')).toBe(false);
    expect(linearRegex('^\\s$').test('\u3000')).toBe(re2('^\\s$', '\u3000'));
    expect(regexProblem('^(?=a)a$')).toMatch(/lookaround and backreferences are not allowed/);
    expect(regexProblem('[z-a]')).toMatch(/is not supported/);
    expect(regexProblem('a{1001}')).toMatch(/is not supported/);
  });
});
