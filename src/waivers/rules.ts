import type { Area, Rule } from '../catalog/types.js';

/**
 * Rules about the waivers themselves, not about the policy: they cite no clause and are never
 * run by the engine; the waivers step reports them. They appear in results only when used.
 */
export const WAIVERS_AREA: Area = { id: 'waivers', title: { zh: '豁免', en: 'Waivers' }, clauses: [] };

const base = {
  area: WAIVERS_AREA.id,
  source: { clauses: [], quote: '—' },
  given: [],
  then: [],
  definedIn: 'src/waivers/rules.ts',
};

export const WAIVER_EXPIRED: Rule = {
  ...base,
  id: 'waiver-expired',
  severity: 'warning',
  title: { zh: '豁免已过期', en: 'Waiver has expired' },
  message: {
    zh: '对规则 {{rule}}{{target}}的豁免已于 {{expires}} 到期（{{source}}），不再生效',
    en: 'the waiver of rule {{rule}}{{target}} expired on {{expires}} ({{source}}) and no longer applies',
  },
  remediation: {
    zh: '整改该差距后删除此豁免；确需延期的，重新报批并更新 expires、approved_by 和 justification。',
    en: 'Close the gap and remove the waiver; if more time is truly needed, have it approved again and update expires, approved_by and justification.',
  },
};

export const WAIVER_UNUSED: Rule = {
  ...base,
  id: 'waiver-unused',
  severity: 'info',
  title: { zh: '豁免未被使用', en: 'Waiver matches no gap' },
  message: {
    zh: '对规则 {{rule}}{{target}}的豁免没有对应的差距，可以删除',
    en: 'the waiver of rule {{rule}}{{target}} matches no gap and can be removed',
  },
  remediation: {
    zh: '差距已整改或规则未启用时，删除此豁免。',
    en: 'Remove the waiver once the gap is closed or the rule is not in force.',
  },
};

export const WAIVER_RULES: readonly Rule[] = [WAIVER_EXPIRED, WAIVER_UNUSED];
