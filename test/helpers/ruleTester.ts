import type { Rule } from '../../src/catalog/types.js';
import type { Finding } from '../../src/engine/finding.js';
import { catalog } from './audit.js';

/** What a test expects of one finding, in the manner of ESLint's RuleTester: rule, line and message id. */
export interface Expected {
  rule: string;
  line: number;
  messageId: string;
}

const patterns = new Map<string, [string, RegExp][]>();

/**
 * The message id a finding was worded with: the template (`message` is `default`) whose fixed
 * words it reads as. Templates differ in their fixed words, so exactly one matches.
 */
export function messageIdOf(finding: Finding): string {
  const rule = catalog().rules.find((r) => r.id === finding.ruleId) as Rule;
  let list = patterns.get(rule.id);
  if (!list) {
    const toRegExp = (template: string) =>
      new RegExp(`^${template.split(/\{\{\s*[\w.]+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
    list = [['default', toRegExp(rule.message.en)], ...Object.entries(rule.messages ?? {}).map(([id, m]) => [id, toRegExp(m.en)] as [string, RegExp])];
    patterns.set(rule.id, list);
  }
  const ids = list.filter(([, re]) => re.test(finding.message.en)).map(([id]) => id);
  // A specific template that matches wins over the default, whose placeholders may swallow anything.
  return ids.find((id) => id !== 'default') ?? ids[0] ?? '?';
}

export const expected = (findings: Finding[]): Expected[] =>
  findings.map((f) => ({ rule: f.ruleId, line: f.line, messageId: messageIdOf(f) }));

/**
 * Expectations written in a plan as comments, as markdownlint's fixtures do:
 * `# expect: rule-id messageId` on the line the finding is expected at (or on the line above it,
 * as `# expect-next: …`, where a comment cannot stand at the end of the line).
 */
export function inlineExpectations(text: string): { rules: string[]; expected: Expected[] } {
  const lines = text.split('\n');
  const rules = /^# rules: (.+)$/m.exec(text)?.[1]!.split(/,\s*/) ?? [];
  const out: Expected[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/# expect(-next)?: ([a-z0-9-]+) ([A-Za-z]+)/g)) {
      out.push({ rule: m[2]!, line: i + 1 + (m[1] ? 1 : 0), messageId: m[3]! });
    }
  });
  return { rules, expected: out };
}

export const byPosition = (a: Expected, b: Expected): number => a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
