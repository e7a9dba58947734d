import { Document, isMap, isScalar, isSeq, type Node, type Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Catalog, Rule } from '../catalog/types.js';
import { Selector } from '../engine/select.js';
import { formatPath } from '../plan/path.js';
import { PLACEHOLDER } from '../plan/placeholder.js';
import planSchema from '../plan/plan.schema.json' with { type: 'json' };
import { refResolver, type SchemaNode } from '../plan/schemaNode.js';
import type { VillageRow } from './villages-csv.js';

export interface TemplateOptions {
  county?: { name?: string; code?: string };
  /** Prefill `villages` with these instead of one blank village. */
  villages?: VillageRow[];
  /** What the `# yaml-language-server: $schema=` line points at: a path relative to the plan, or a URL. */
  schema: string;
  /** Rules named beside the fields they check; none when absent. */
  catalog?: Catalog;
  /** The schema to generate from; the plan format's own by default (tests pass a grown one). */
  planSchema?: object;
}

/**
 * Lists that a fresh plan leaves empty: a waiver is an approved exception to a rule, granted
 * later and for a reason, never part of a skeleton. Their item is shown as a comment instead.
 */
const EMPTY_LISTS = new Set(['waivers']);

/**
 * A complete plan skeleton, generated from the plan format's JSON Schema so that it grows with
 * it: every section and field in schema order, each under a Chinese comment made from its
 * title and description (with the clause behind it and the rules that check it), and the
 * placeholder 待填写 in every value the planner must write.
 */
export function planTemplate(options: TemplateOptions): string {
  const root = (options.planSchema ?? planSchema) as SchemaNode & { $defs?: Record<string, SchemaNode> };
  const defs = root.$defs ?? {};
  const resolve = refResolver(defs);
  const skeleton = skeletonMaker(root);
  const data = skeleton(root, '', 0) as Record<string, unknown>;
  const county = data.county as Record<string, unknown> | undefined;
  if (county && options.county?.name) county.name = options.county.name;
  if (county && options.county?.code) county.code = options.county.code;
  const villageSchema = root.properties?.villages?.items;
  if (options.villages?.length && villageSchema) {
    data.villages = options.villages.map((v) => {
      const blank = skeleton(villageSchema, 'villages', 1) as Record<string, unknown>;
      // A ledger gives some of the collective income: the other amounts stay to be filled in.
      const income = v.collective_income ? { collective_income: { ...(blank.collective_income as object), ...v.collective_income } } : {};
      return { ...blank, ...v, ...income };
    });
  }

  const checks = rulesByPath(options.catalog?.rules ?? [], data);
  const doc = new Document(data);
  doc.commentBefore = header(options.schema);
  annotate(doc.contents as Node, root, [], true);
  return doc.toString({ lineWidth: 0, singleQuote: true });

  function annotate(yamlNode: Node | null, schemaNode: SchemaNode, path: (string | number)[], commented: boolean): void {
    const n = resolve(schemaNode);
    if (isMap(yamlNode)) {
      for (const pair of (yamlNode as YAMLMap).items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const child = n.properties?.[key];
        if (!child) continue;
        const childPath = [...path, key];
        if (commented && isScalar(pair.key)) {
          pair.key.commentBefore = fieldComment(child, (n.required ?? []).includes(key), checks.get(formatPath(childPath)) ?? []);
          if (path.length === 0 && pair !== yamlNode.items[0]) pair.key.spaceBefore = true;
        }
        if (EMPTY_LISTS.has(key) && isSeq(pair.value) && resolve(child).items) {
          pair.value.flow = true;
          pair.value.comment = emptyListHint(resolve(child).items!);
        }
        annotate(pair.value, child, childPath, commented);
      }
    } else if (isSeq(yamlNode) && n.items) {
      (yamlNode as YAMLSeq).items.forEach((item, i) => {
        // One commented example is enough; the other items of a long list stay compact.
        annotate(item as Node, n.items!, [...path, i], commented && i === 0);
      });
    }
  }

  function fieldComment(node: SchemaNode, required: boolean, rules: Rule[]): string {
    const n = resolve(node);
    const title = zhTitle(n.title);
    const lines = title || required ? [`${title}${required ? '（必填）' : ''}`] : [];
    const description = zhPart(n.description);
    if (description) lines.push(description);
    const hint = typeHint(n, description);
    if (hint) lines.push(hint);
    for (const rule of rules) {
      const clauses = rule.source.clauses.length ? `（${rule.source.clauses.join('、')}）` : '';
      lines.push(`审计规则 ${rule.id}${clauses}：${rule.title.zh}`);
    }
    return lines.map((l) => ` ${l}`).join('\n');
  }

  /** How to write the value, unless the description already says it (an enum it lists, a date format). */
  function typeHint(n: SchemaNode, description: string): string | undefined {
    const listed = (values: unknown[]) => values.every((v) => description.includes(String(v)));
    if (n.type === 'array') {
      const item = n.items ? resolve(n.items) : {};
      if (item.enum) return listed(item.enum) ? '可多选，每行一项' : `可多选，每行一项：${item.enum.join('、')}`;
      if (item.properties) return '列表，每项一条；按实际增删条目';
      return '列表，每行一条，可写多条';
    }
    if (n.enum) return listed(n.enum) ? undefined : `填以下之一：${n.enum.join('、')}`;
    if (n.type === 'boolean') return '填 true（是）或 false（否）';
    if (n.type === 'number' || n.type === 'integer') {
      const bounds = [
        n.minimum !== undefined ? `不小于 ${n.minimum}` : '',
        n.exclusiveMinimum !== undefined ? `大于 ${n.exclusiveMinimum}` : '',
        n.maximum !== undefined ? `不大于 ${n.maximum}` : '',
      ].filter(Boolean);
      return `${n.type === 'integer' ? '整数' : '数字'}${bounds.length ? `，${bounds.join('，')}` : ''}`;
    }
    if (n.pattern && !description) return `格式：${n.pattern}`;
    return undefined;
  }

  function emptyListHint(items: SchemaNode): string {
    const item = resolve(items);
    const keys = Object.keys(item.properties ?? {});
    return ` 没有时保持为空；每项写 ${keys.join('、')}`;
  }
}

function header(schema: string): string {
  return [
    ` yaml-language-server: $schema=${schema}`,
    ' 乡村振兴规划（rural-audit 规划格式第 1 版），由 rural-audit init 生成。',
    ' 依据《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》审计；每个字段上方的注释说明含义、依据条款和审计规则。',
    ` 把每一处「${PLACEHOLDER}」换成本县的实际内容；不适用的可选项目整行（或整项）删除。`,
    ' 写完后运行 npx rural-audit check 本文件名 查看差距；字段说明见 docs/plan-format.md。',
  ].join('\n');
}

/** `县名 / County name (R1.2)` → `县名（R1.2）`: the Chinese title with the clause ids of the English one. */
export function zhTitle(title: string | undefined): string {
  if (!title) return '';
  const [zh, en = ''] = title.split(' / ');
  const clauses = /\(([A-Z]\d[\d.,\s A-Z]*)\)\s*$/.exec(en)?.[1];
  return clauses ? `${zh!.trim()}（${clauses.replace(/,\s*/g, '、')}）` : zh!.trim();
}

/** The Chinese part of a bilingual description: up to the first 。 after which no Chinese follows. */
export function zhPart(description: string | undefined): string {
  if (!description) return '';
  for (let i = description.indexOf('。'); i >= 0; i = description.indexOf('。', i + 1)) {
    const rest = description.slice(i + 1);
    if (rest.trim() && !/[\u4e00-\u9fff]/.test(rest)) return description.slice(0, i + 1);
  }
  return description;
}

/** The blank plan of a schema: every field, the placeholder in every value, one item per list. */
function skeletonMaker(root: SchemaNode & { $defs?: Record<string, SchemaNode> }) {
  const resolve = refResolver(root.$defs ?? {});
  const skeleton = (node: SchemaNode, key: string, depth: number): unknown => {
    const n = resolve(node);
    if (n.const !== undefined) return n.const;
    if (n.default !== undefined) return n.default;
    if (depth > 16) return PLACEHOLDER;
    if (n.properties) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(n.properties)) if (k !== '$schema') out[k] = skeleton(child, k, depth + 1);
      return out;
    }
    if (n.type === 'array') {
      if (EMPTY_LISTS.has(key)) return [];
      return [n.items ? skeleton(n.items, key, depth + 1) : PLACEHOLDER];
    }
    return PLACEHOLDER;
  };
  return skeleton;
}

/** The rules that check each field of the plan format, by path (`no_removals.policy.kept_until`, `villages[0].plan`). */
export function rulesByField(rules: Rule[], schema: object = planSchema): Map<string, Rule[]> {
  const root = schema as SchemaNode & { $defs?: Record<string, SchemaNode> };
  return rulesByPath(rules, skeletonMaker(root)(root, '', 0));
}

/** Which rules check which field: each rule's selectors run on the skeleton itself. */
function rulesByPath(rules: Rule[], data: unknown): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const given of rule.given) {
      for (const match of new Selector(given).select(data)) {
        if (match.path.length === 0 && rule.then.every((c) => c.field === undefined)) continue;
        for (const check of rule.then) {
          const key = formatPath(check.field === undefined ? match.path : [...match.path, check.field]);
          const list = out.get(key) ?? [];
          if (!list.includes(rule)) list.push(rule);
          out.set(key, list);
        }
      }
    }
  }
  return out;
}
