/**
 * The value `rural-audit init` writes wherever the planner still has to fill something in.
 * One token for every kind of field (text, date, code, yes/no, choice, number), so that a planner
 * can search for it and the audit can say "not filled in yet" rather than "wrong type".
 */
export const PLACEHOLDER = '待填写';

/** A placeholder is a string that starts with 待填写 (`待填写`, `待填写：县委组织部？` …). */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && value.trimStart().startsWith(PLACEHOLDER);
}
