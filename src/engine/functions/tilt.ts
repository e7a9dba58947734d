import { childOf, isRecord } from '../select.js';
import { defineFunction } from './types.js';
import { percent } from './percent.js';

interface Options {
  /** Field of the checked node holding the units (e.g. `villages`). */
  units: string;
  /** Which units are favoured (e.g. exited poor villages), as a JSON Schema. */
  favoured: object;
  /** Field identifying a unit (e.g. `code`). */
  key?: string;
  /** Field of the checked node holding the items that carry amounts (e.g. `projects`). */
  items: string;
  /** Field of an item listing the units it goes to (e.g. `villages`). */
  refs: string;
  /** Field of an item holding its amount (e.g. `funds`). */
  amount: string;
  /** Required ratio of the favoured units' share of the amount to their share of the units (1: at least proportional). */
  minRatio: number;
}


/**
 * Resources tilt toward favoured units: the share of the amount that reaches them is at least
 * `minRatio` times their share of all units. An item's amount is split evenly among the units
 * it lists. Linear in units plus item references.
 */
export default defineFunction<Options>({
  name: 'tilt',
  optionsSchema: {
    type: 'object',
    required: ['units', 'favoured', 'items', 'refs', 'amount', 'minRatio'],
    additionalProperties: false,
    properties: {
      units: { type: 'string' },
      favoured: { type: 'object' },
      key: { type: 'string' },
      items: { type: 'string' },
      refs: { type: 'string' },
      amount: { type: 'string' },
      minRatio: { type: 'number', minimum: 0 },
    },
  },
  check(target, { units, favoured, key = 'code', items, refs, amount, minRatio }, ctx) {
    const unitList = childOf(target, units);
    const itemList = childOf(target, items);
    if (!Array.isArray(unitList) || !Array.isArray(itemList) || unitList.length === 0) return [];
    const favouredKeys = new Set<unknown>();
    for (const u of unitList) if (ctx.conforms(favoured, u)) favouredKeys.add(childOf(u, key));
    let total = 0;
    let reached = 0;
    for (const item of itemList) {
      const value = childOf(item, amount);
      const to = childOf(item, refs);
      if (!isRecord(item) || typeof value !== 'number' || !Array.isArray(to) || to.length === 0) continue;
      total += value;
      reached += (value * to.filter((k) => favouredKeys.has(k)).length) / to.length;
    }
    if (total === 0 || favouredKeys.size === 0) return [];
    const unitShare = favouredKeys.size / unitList.length;
    const amountShare = reached / total;
    if (amountShare >= unitShare * minRatio) return [];
    return [
      {
        path: [...ctx.path, items],
        values: {
          actual: percent(amountShare),
          expected: percent(Math.min(1, unitShare * minRatio)),
          unitShare: percent(unitShare),
          favoured: favouredKeys.size,
          total: unitList.length,
          amount: Math.round(reached),
          totalAmount: Math.round(total),
        },
      },
    ];
  },
});
