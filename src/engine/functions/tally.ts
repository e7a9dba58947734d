import type { CheckContext } from './types.js';

export interface Tally {
  /** Items that count (those matching `where`, or all). */
  total: number;
  /** Of those, the ones matching the condition, with their place in the list. */
  hits: { index: number; item: unknown }[];
}

/** One pass over a list: which items count, and which of them meet a condition (coverage, share). */
export function tally(list: readonly unknown[], where: object | undefined, condition: (item: unknown) => boolean, ctx: CheckContext): Tally {
  let total = 0;
  const hits: Tally['hits'] = [];
  list.forEach((item, index) => {
    if (where && !ctx.conforms(where, item)) return;
    total++;
    if (condition(item)) hits.push({ index, item });
  });
  return { total, hits };
}
