import type { Bilingual, Catalog, Rule } from '../catalog/types.js';
import { formatPath } from '../plan/path.js';
import { PLACEHOLDER } from '../plan/placeholder.js';
import planSchema from '../plan/plan.schema.json' with { type: 'json' };
import { sayBoth, type WordKey } from '../plan/words.js';
import { rulesByField } from './template.js';

/**
 * Messages for the formats the plan schema's definitions write as patterns: what a planner reads
 * instead of `String does not match the pattern of "^\d{4}(?!00)\d{2}$"`.
 */
const PATTERN_MESSAGES: Record<string, WordKey> = { date: 'editor.date', county_code: 'editor.countyCode', village_code: 'editor.villageCode' };

const TYPE_MESSAGES: Record<string, WordKey> = { boolean: 'editor.boolean', number: 'editor.number', integer: 'editor.integer' };

const NOT_YET: Bilingual = sayBoth('editor.notYet', { placeholder: PLACEHOLDER });

type Node = Record<string, unknown>;

/** Its file name beside the built code, dist/plan/ (written by `npm run build`). */
export const EDITOR_SCHEMA_FILE = 'editor.schema.json';

const both = (m: Bilingual) => `${m.zh} / ${m.en}`;

/**
 * The plan schema as editors use it (`rural-audit schema`, and the file `init`'s first line points
 * at). The same format, with what yaml-language-server shows added from the catalog's data:
 * Chinese and English messages for patterns and types (`patternErrorMessage`, `errorMessage`), a
 * description of every code (`enumDescriptions`, `markdownEnumDescriptions`, from terms.yaml), and
 * each field's `markdownDescription` with the clauses and quotes of the rules that check it. The
 * placeholder `待填写` is accepted in typed fields, so that a fresh template shows no errors: the
 * audit reports each placeholder left, under `placeholder-unfilled`. The audit itself keeps the
 * plain schema.
 */
export function editorSchema(catalog: Catalog, schema: object = planSchema): object {
  const copy = structuredClone(schema) as Node & { $defs?: Record<string, Node> };
  const checks = rulesByField(catalog.rules, schema);
  const term = (code: string): Bilingual | undefined => catalog.terms[code];
  for (const [name, def] of Object.entries(copy.$defs ?? {})) leaf(def, PATTERN_MESSAGES[name], def.description);
  walk(copy, []);
  return copy;

  function walk(n: Node, path: (string | number)[]): void {
    const props = n.properties as Record<string, Node> | undefined;
    if (props) {
      for (const [key, child] of Object.entries(props)) {
        const childPath = [...path, key];
        describe(child, checks.get(formatPath(childPath)) ?? [], (n.required as string[] | undefined)?.includes(key) ?? false);
        leaf(child, undefined, child.description);
        walk(child, childPath);
      }
    }
    if (n.items && typeof n.items === 'object') {
      leaf(n.items as Node, undefined, (n.items as Node).description ?? n.description);
      walk(n.items as Node, [...path, 0]);
    }
    // Each branch is a form the same value may take (a 三变 item: a text, or {kind, measure}).
    for (const branch of [n.anyOf, n.oneOf].flatMap((b) => (Array.isArray(b) ? (b as Node[]) : []))) {
      leaf(branch, undefined, branch.description ?? n.description);
      walk(branch, path);
    }
    const ref = typeof n.$ref === 'string' ? copy.$defs?.[n.$ref.replace('#/$defs/', '')] : undefined;
    if (ref && ref !== n && path.length < 12) walk(ref, path);
  }

  /** A typed value also takes the placeholder, and says in both languages what it wants. */
  function leaf(n: Node, patternMessage: WordKey | undefined, description: unknown): void {
    if (n.enum && Array.isArray(n.enum) && n.enum.every((v) => typeof v === 'string') && !n.enum.includes(PLACEHOLDER)) {
      const codes = n.enum as string[];
      // terms.yaml first; else the field's own `code 名称 · code 名称` description.
      const listed = new Map(
        (typeof description === 'string' ? description.split(' · ') : []).map((part) => {
          const [code = '', ...label] = part.trim().split(/\s+/);
          return [code, label.join(' ')] as const;
        }),
      );
      const said = codes.map((c): Bilingual | undefined => term(c) ?? (listed.get(c) ? { zh: listed.get(c)!, en: c } : undefined));
      n.enumDescriptions = [...said.map((t, i) => (t ? both(t) : codes[i]!)), both(NOT_YET)];
      n.markdownEnumDescriptions = [...said.map((t, i) => (t ? `**${t.zh}** · ${t.en}` : `\`${codes[i]}\``)), both(NOT_YET)];
      n.errorMessage = `应为以下之一 / one of: ${codes.map((c, i) => (said[i] ? `${c}（${said[i]!.zh}）` : c)).join('、')}`;
      n.enum = [...codes, PLACEHOLDER];
      return;
    }
    if (typeof n.pattern === 'string' && n.type === 'string' && n.patternErrorMessage === undefined) {
      const message = sayBoth(patternMessage ?? 'editor.badFormat');
      n.patternErrorMessage = `${both(message)}（或保留 ${PLACEHOLDER} / or the placeholder）`;
      n.pattern = `(?:^${PLACEHOLDER})|(?:${n.pattern})`;
      return;
    }
    if (typeof n.type === 'string' && TYPE_MESSAGES[n.type]) {
      n.errorMessage = `${both(sayBoth(TYPE_MESSAGES[n.type]!))}（或保留 ${PLACEHOLDER} / or the placeholder）`;
      n.patternErrorMessage = n.errorMessage;
      n.type = [n.type, 'string'];
      n.pattern = `^${PLACEHOLDER}`;
    }
  }

  /** Markdown on hover: the title and description, whether it is required, the rules and their clauses quoted. */
  function describe(n: Node, rules: Rule[], required: boolean): void {
    const parts: string[] = [];
    if (typeof n.title === 'string') parts.push(`**${n.title}**${required ? ' · 必填 / required' : ''}`);
    if (typeof n.description === 'string') parts.push(n.description);
    for (const r of rules) {
      const clauses = r.source.clauses.join('、') || '—';
      parts.push(`\`${r.id}\`（${clauses}）${r.title.zh} / ${r.title.en}\n\n> ${r.source.quote}`);
    }
    if (parts.length > 0) n.markdownDescription = parts.join('\n\n');
  }
}
