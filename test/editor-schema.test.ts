import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import planSchema from '../src/plan/plan.schema.json' with { type: 'json' };
import { PLACEHOLDER } from '../src/plan/placeholder.js';
import { EDITOR_SCHEMA_FILE, editorSchema } from '../src/scaffold/editorSchema.js';
import { planTemplate } from '../src/scaffold/template.js';
import { catalog } from './helpers/audit.js';
import { cli } from './helpers/cli.js';

/**
 * The editor's view, as VS Code and other editors get it: yaml-language-server's own validator and
 * hover, driven in-process with the schema, on a fresh `init` template and on mistakes.
 */
function languageService(schema: object) {
  const ls = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema),
    workspaceContext: { resolveRelativePath: (path: string) => path },
  });
  ls.configure({ validate: true, hover: true, completion: true, schemas: [{ uri: 'file:///plan.schema.json', fileMatch: ['*.yaml'] }], yamlVersion: '1.2' });
  return ls;
}

const template = () =>
  planTemplate({ schema: 'plan.schema.json', catalog: catalog() })
    .split('\n')
    .filter((l) => !l.includes('yaml-language-server:'))
    .join('\n');

// yaml-language-server caches parsed documents by URI and version: every text gets its own URI.
let documents = 0;
const documentOf = (text: string) => TextDocument.create(`file:///plan-${++documents}.yaml`, 'yaml', 1, text);

async function diagnostics(schema: object, text: string) {
  const doc = documentOf(text);
  return (await languageService(schema).doValidation(doc, false)).map((d) => ({ line: d.range.start.line + 1, message: d.message }));
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('the editor schema (yaml-language-server)', () => {
  const schema = editorSchema(catalog());

  it('shows no error on a fresh init template, where the plain schema showed one per typed placeholder', async () => {
    const text = template();
    expect(await diagnostics(schema, text)).toEqual([]);
    // What editors showed before: every 待填写 in a date, code, yes/no, number or choice field.
    expect((await diagnostics(planSchema, text)).length).toBeGreaterThan(50);
  });

  it('says in Chinese and English what a pattern, a code list or a type wants', async () => {
    const text = template()
      .replace('code: 待填写', 'code: "439900"')
      .replace(/(\n +)frequency: 待填写/, '$1frequency: daily')
      .replace(/stated: 待填写/, 'stated: 也许');
    expect(await diagnostics(schema, text)).toEqual([
      { line: lineOf(text, 'code: "439900"'), message: '县级行政区划代码为 6 位数字，末两位不为 00，如 439921 / a county code: six digits, not ending in 00, e.g. 439921（或保留 待填写 / or the placeholder）' },
      { line: lineOf(text, 'stated: 也许'), message: '填 true（是）或 false（否） / true or false（或保留 待填写 / or the placeholder）' },
      { line: lineOf(text, 'frequency: daily'), message: '应为以下之一 / one of: weekly（每周）、monthly（每月）、quarterly（每季度）、half_yearly（每半年）、yearly（每年）' },
    ]);
  });

  it('describes every code, and quotes the clauses of the rules that check a field on hover', async () => {
    const codes: { enum: unknown[]; enumDescriptions: string[]; markdownEnumDescriptions: string[] }[] = [];
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      const node = n as Record<string, unknown>;
      if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')) codes.push(node as never);
      for (const v of Object.values(node)) walk(v);
    };
    walk(schema);
    expect(codes.length).toBeGreaterThan(15);
    for (const c of codes) {
      expect(c.enum.at(-1)).toBe(PLACEHOLDER);
      expect(c.enumDescriptions).toHaveLength(c.enum.length);
      expect(c.markdownEnumDescriptions).toHaveLength(c.enum.length);
      // Each described in Chinese, none by its bare code.
      c.enumDescriptions.forEach((d, i) => expect(d, String(c.enum[i])).toMatch(/[\u4e00-\u9fff]/));
    }
    const text = template();
    const doc = documentOf(text);
    const line = lineOf(text, '    kept_until: 待填写') - 1;
    const hover = await languageService(schema).doHover(doc, { line, character: 6 });
    const shown = JSON.stringify(hover?.contents);
    expect(shown).toContain('no-removal-through-transition');
    expect(shown).toContain('脱贫不摘责任、不摘政策、不摘帮扶、不摘监管');
  });

  it('is what `rural-audit schema` prints and what the build writes for init to point at', () => {
    const built = readFileSync(new URL(`../dist/plan/${EDITOR_SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(JSON.parse(built)).toEqual(schema);
    const printed = cli(['schema']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(built);
  });
});
