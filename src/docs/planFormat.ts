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
    '# Plan format, version 1 / 规划格式第 1 版',
    '',
    '<!-- Generated from src/plan/plan.schema.json by `npm run docs`; do not edit by hand. -->',
    '',
    'A plan is one YAML file per county. It starts with `format_version: 1`; keys are English, values are',
    'Chinese text, numbers, `YYYY-MM-DD` dates (quote them: `\'2025-12-31\'`), or the enumerated codes listed',
    'below. The JSON Schema at `src/plan/plan.schema.json` carries the same',
    'titles and descriptions, so an editor with YAML support shows them as you type. `examples/aligned.yaml`',
    'is a complete plan that passes every rule.',
    '',
    '每个县一个 YAML 文件，以 `format_version: 1` 开头；字段名为英文，取值为中文文本、数字、`YYYY-MM-DD` 日期（请加引号）',
    '或下表列出的枚举代码。完整示例见 `examples/aligned.yaml`。',
    '',
    'Compatibility: new optional fields may be added within version 1; renaming or removing a field, or',
    'changing its meaning, needs `format_version: 2`.',
    '',
    '| Field 字段 | Type 类型 | Required 必填 | Title 标题 | Description 说明 |',
    '| --- | --- | --- | --- | --- |',
  ];
  const req = new Set(root.required ?? []);
  for (const [key, child] of Object.entries(root.properties ?? {})) rows(child, key, req.has(key), out);
  return `${out.join('\n')}\n`;
}
