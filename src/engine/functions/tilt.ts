import { childOf, isRecord } from '../select.js';
import { defineFunction } from './types.js';

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
  /** How many times the others' average funds per unit a favoured unit must get on average, strictly more (1: more than an even split). */
  minRatio: number;
}


/**
 * Resources tilt toward favoured units: a favoured unit gets on average more than `minRatio`
 * times what each other unit gets (an even split is no tilt). An item's amount is split evenly
 * among the units it lists; units without any item count with 0. Linear in units plus item references.
 */
export default defineFunction<Options>({
  name: 'tilt',
  summary: 'Favoured units get on average no more than `minRatio` times what each other unit gets (an item’s amount split evenly among the units it lists; an even split is no tilt).',
  messages: {},
  values: ['actual', 'expected', 'others', 'ratio', 'favoured', 'otherUnits', 'actualWan', 'othersWan', 'boundWan', 'actualYuan', 'othersYuan', 'boundYuan'],
  optionsSchema: {
    type: 'object',
    required: ['units', 'favoured', 'items', 'refs', 'amount', 'minRatio'],
    additionalProperties: false,
    properties: {
      units: { description: 'field holding the units (`villages`)', type: 'string' },
      favoured: { description: 'JSON Schema: which units are favoured', type: 'object' },
      key: { description: 'field identifying a unit (`code`)', type: 'string' },
      items: { description: 'field holding the items with amounts (`projects`)', type: 'string' },
      refs: { description: 'field of an item listing the units it goes to', type: 'string' },
      amount: { description: 'field of an item holding its amount', type: 'string' },
      minRatio: { description: 'how many times the others’ average a favoured unit must exceed (1: more than an even split)', type: 'number', minimum: 0 },
    },
  },
  check(target, { units, favoured, key = 'code', items, refs, amount, minRatio }, ctx) {
    const unitList = childOf(target, units);
    const itemList = childOf(target, items);
    if (!Array.isArray(unitList) || !Array.isArray(itemList) || unitList.length === 0) return [];
    const favouredKeys = new Set<unknown>();
    const otherKeys = new Set<unknown>();
    for (const u of unitList) (ctx.conforms(favoured, u) ? favouredKeys : otherKeys).add(childOf(u, key));
    let toFavoured = 0;
    let toOthers = 0;
    for (const item of itemList) {
      const value = childOf(item, amount);
      const to = childOf(item, refs);
      if (!isRecord(item) || typeof value !== 'number' || !Array.isArray(to) || to.length === 0) continue;
      const each = value / to.length;
      for (const k of to) {
        if (favouredKeys.has(k)) toFavoured += each;
        else if (otherKeys.has(k)) toOthers += each;
      }
    }
    if (favouredKeys.size === 0 || otherKeys.size === 0 || toFavoured + toOthers === 0) return [];
    const favouredAverage = toFavoured / favouredKeys.size;
    const otherAverage = toOthers / otherKeys.size;
    if (favouredAverage > otherAverage * minRatio) return [];
    return [
      {
        path: [...ctx.path, items],
        values: {
          actual: Math.round(favouredAverage),
          expected: `> ${Math.round(otherAverage * minRatio)}`,
          others: Math.round(otherAverage),
          // Chinese official text states amounts in 万元.
          actualWan: wan(favouredAverage),
          othersWan: wan(otherAverage),
          // The bar as an amount: "N 倍" alone is read both as N times and as N times more.
          boundWan: wan(otherAverage * minRatio),
          // English text groups thousands.
          actualYuan: yuan(favouredAverage),
          othersYuan: yuan(otherAverage),
          boundYuan: yuan(otherAverage * minRatio),
          ratio: minRatio,
          favoured: favouredKeys.size,
          otherUnits: otherKeys.size,
        },
      },
    ];
  },
});

/** Yuan as 万元, to two decimals without trailing zeros: 2250000 → 225, 12345 → 1.23. */
const wan = (amount: number): number => Math.round(amount / 100) / 100;

/** Whole yuan with thousands grouped: 2250000 → 2,250,000. */
const yuan = (amount: number): string => String(Math.round(amount)).replace(/\B(?=(\d{3})+$)/g, ',');
