/**
 * `YYYY-MM-DD` that names a real day, as a sortable number (20251231), or undefined. Years before
 * 100 are none (as `Date.UTC` reads them, 19xx). Read digit by digit: dates are judged for every
 * village, and a regular expression and a `Date` each time were most of the cost.
 */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return y * 10000 + mo * 100 + d;
}

const DASH = 0x2d;

/** The number the ASCII digits from `start` to `end` write; -1 when one is no digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
