import type { Bilingual, Lang } from '../catalog/types.js';
import type { Value, Values } from './gap.js';
import { interpolate } from '../plan/interpolate.js';
import { say } from '../plan/words.js';
import { childOf } from './select.js';

/** How many items of a list a message names before it says how many more there are. */
export const LIST_LIMIT = 10;

/** Fill `{{field}}` from an item of the plan (labels of villages, projects). */
export function fillPlain(template: string, item: unknown): string {
  return interpolate(template, (name) => {
    const v = childOf(item, name);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '?';
  });
}

/** Fill a rule's message template with the measured values, in one language. */
export function fillMessage(template: string, values: Values, lang: Lang, terms: Record<string, Bilingual>): string {
  return interpolate(template, (name) => {
    const v = values[name];
    return v === undefined ? undefined : show(v, lang, terms);
  });
}

function show(v: Value, lang: Lang, terms: Record<string, Bilingual>): string {
  if (Array.isArray(v)) {
    const shownItems = v.slice(0, LIST_LIMIT).map((x) => show(x as Value, lang, terms));
    const more = v.length - shownItems.length;
    const list = shownItems.join(say(lang, 'list.separator'));
    return more > 0 ? `${list}${say(lang, 'list.more', { total: v.length, more })}` : list;
  }
  if (typeof v === 'object' && v !== null && 'term' in v) {
    const { term: t, coded, scope } = v as { term: string; coded?: boolean; scope?: string };
    const key = scope !== undefined && Object.prototype.hasOwnProperty.call(terms, `${scope}.${t}`) ? `${scope}.${t}` : t;
    const name = Object.prototype.hasOwnProperty.call(terms, key) ? terms[key]![lang] : t;
    if (!coded || name === t) return name;
    return say(lang, 'withNote', { text: t, note: name });
  }
  return String(v);
}

/** Both languages at once: findings carry both, and each report picks one. */
export function fillBilingual(template: Bilingual, values: Values, terms: Record<string, Bilingual>): Bilingual {
  return { zh: fillMessage(template.zh, values, 'zh', terms), en: fillMessage(template.en, values, 'en', terms) };
}
