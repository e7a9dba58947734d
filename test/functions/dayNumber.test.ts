import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/engine/functions/date.js';

/** What dayNumber meant when it asked `Date`: read digit by digit, it must name the same days. */
function byDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return y * 10000 + mo * 100 + d;
}

describe('dayNumber', () => {
  it('names the days Date names, leap years and years before 100 included', () => {
    for (const y of [0, 99, 100, 1900, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let mo = 0; mo <= 13; mo++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(dayNumber(text), text).toBe(byDate(text));
        }
      }
    }
    expect(dayNumber('2024-02-29')).toBe(20240229);
    expect(dayNumber('1900-02-29')).toBeUndefined();
  });

  it('refuses what is not YYYY-MM-DD', () => {
    for (const v of ['2024-1-01', '2024-01-01\n', ' 2024-01-01', '2024/01/01', '2024-0a-01', '２０２４-01-01', '+024-01-01', '', null, 20240101]) {
      expect(dayNumber(v), String(v)).toBeUndefined();
    }
  });
});
