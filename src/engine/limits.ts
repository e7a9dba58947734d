import type { Bilingual } from '../catalog/types.js';

/**
 * Caps that keep a report proportional to its plan rather than to what a hostile or broken plan
 * can make a rule say: a 5 MiB plan of 340,000 unknown keys once gave a 356 MB report, and three
 * of them no report at all (a string longer than V8 allows). Documented in docs/formats.md
 * ("Caps"); the numbers are this tool's, chosen well above a real county (a few hundred villages).
 */
export const LIMITS = {
  /** Unknown keys reported one by one in one mapping; the rest are one gap with their count. */
  unknownKeysPerMapping: 20,
  /** Gaps listed per rule and file; the rest are one "and N more" gap of the rule. */
  findingsPerRule: 1_000,
  /** Gaps listed per file; the rest are one "and N more" gap. */
  findingsPerFile: 5_000,
} as const;

/** The words of the "and N more" gaps: the engine's, not a rule's, since any rule may be cut. */
export const MORE_MESSAGES: Record<'rule' | 'file', Bilingual> = {
  rule: {
    zh: '规则「{{title}}」在本文件另有 {{count}} 个差距未列出（每条规则每个文件最多列出 {{limit}} 个）',
    en: '{{count}} more gaps of rule "{{title}}" in this file are not listed (at most {{limit}} per rule and file)',
  },
  file: {
    zh: '本文件另有 {{count}} 个差距未列出（每个文件最多列出 {{limit}} 个）',
    en: '{{count}} more gaps in this file are not listed (at most {{limit}} per file)',
  },
};

/** The summary line on stderr for a file whose gaps were cut. */
export const OMITTED_NOTICE: Bilingual = {
  zh: '提示：另有 {{count}} 个差距未列出（上限见 docs/formats.md「上限」）',
  en: 'notice: {{count}} more gaps are not listed (caps: docs/formats.md, "Caps")',
};
