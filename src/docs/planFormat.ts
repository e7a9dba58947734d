import planSchema from '../plan/plan.schema.json' with { type: 'json' };
import { refResolver, type SchemaNode } from '../plan/schemaNode.js';

const resolve = refResolver((planSchema as { $defs: Record<string, SchemaNode> }).$defs);

function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(resolve(node.items)) : 'any'}`;
  const t = Array.isArray(node.type) ? node.type.join(' \\| ') : (node.type ?? 'any');
  const bounds = [
    node.pattern ? `pattern \`${node.pattern}\`` : '',
    node.minimum !== undefined ? `≥ ${node.minimum}` : '',
    node.exclusiveMinimum !== undefined ? `> ${node.exclusiveMinimum}` : '',
    node.maximum !== undefined ? `≤ ${node.maximum}` : '',
  ].filter(Boolean);
  return bounds.length ? `${t} (${bounds.join(', ')})` : t;
}

const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(node: SchemaNode, path: string, required: boolean, out: string[]): void {
  const n = resolve(node);
  out.push(`| \`${path}\` | ${typeOf(n)} | ${required ? 'yes' : ''} | ${cell(n.title)} | ${cell(n.description)} |`);
  const item = n.type === 'array' && n.items ? resolve(n.items) : undefined;
  const children = n.properties ?? item?.properties;
  const prefix = item?.properties ? `${path}[]` : path;
  const req = new Set(n.properties ? (n.required ?? []) : (item?.required ?? []));
  for (const [key, child] of Object.entries(children ?? {})) rows(child, `${prefix}.${key}`, req.has(key), out);
}

/** docs/plan-format.md, generated from the plan's JSON Schema so that the two cannot drift. */
export function planFormatDoc(): string {
  const root = planSchema as SchemaNode;
  const out: string[] = [
    '# Plan format, versions 1 and 2 / 规划格式第 1、2 版',
    '',
    '<!-- Generated from src/plan/plan.schema.json by `npm run docs`; do not edit by hand. -->',
    '',
    'A plan is one YAML file per county. It starts with `format_version: 2` (or `1`); keys are English, values are',
    'Chinese text, numbers, `YYYY-MM-DD` dates (quote them: `\'2025-12-31\'`), or the enumerated codes listed',
    'below. The JSON Schema at `src/plan/plan.schema.json` carries the same',
    'titles and descriptions, so an editor with YAML support shows them as you type. `examples/aligned-2026.yaml`',
    'is a complete 2026–2030 plan (version 2) that passes every rule today; `examples/aligned.yaml` a 2021–2025 plan',
    '(version 1) that passed every rule during the transition period.',
    '',
    '每个县一个 YAML 文件，以 `format_version: 2`（或 `1`）开头；字段名为英文，取值为中文文本、数字、`YYYY-MM-DD` 日期（请加引号）',
    '或下表列出的枚举代码。完整示例见 `examples/aligned-2026.yaml`（2026—2030 年规划）。',
    '',
    '## Versions / 版本',
    '',
    '- New optional fields may be added within a version; renaming or removing a field, making one required,',
    '  or changing its meaning needs a new `format_version`. `check` audits every version it knows; a plan of a',
    '  version it does not know fails the `plan-schema` rule.',
    '- **Version 1** (2021–2025 plans): as before. `plan_period` is optional; without it `check` warns',
    '  (`plan-period-stated`) and measures commitments against the transition period alone.',
    '- **Version 2** adds no field and renames none, but requires `plan_period` (a `plan-schema` error',
    '  without it): every commitment, evaluation and due date of a plan written after the transition period',
    '  is measured against the period the plan covers.',
    '',
    '第 1 版规划照常审计，未写明 `plan_period`（规划期）时给出警告；第 2 版必须写明规划期，其余字段与第 1 版相同。',
    '把 `format_version` 改为 2 并补写 `plan_period` 即完成升级。',
    '',
    '## Fields / 字段',
    '',
    '| Field 字段 | Type 类型 | Required 必填 | Title 标题 | Description 说明 |',
    '| --- | --- | --- | --- | --- |',
  ];
  const req = new Set(root.required ?? []);
  for (const [key, child] of Object.entries(root.properties ?? {})) rows(child, key, req.has(key), out);
  return `${out.join('\n')}\n`;
}
