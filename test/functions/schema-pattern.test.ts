import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as api from '../../dist/index.js';

const schema = JSON.parse(readFileSync(new URL('../../src/plan/plan.schema.json', import.meta.url), 'utf8')) as { $defs: Record<string, { pattern?: string }> };
const terms = parse(readFileSync(new URL('../../rules/terms.yaml', import.meta.url), 'utf8')) as Record<string, { zh: string; en: string }>;

describe('plan-schema on a value of the wrong form', () => {
  it('names the form in the message language, not the schema description in both', async () => {
    const r = await api.auditText('format_version: 1\ncounty: {name: 某县, code: "12ab"}\nvillages:\n  - {name: 红星村, code: "4399"}\n');
    const gaps = r.files[0]!.findings.filter((f) => f.ruleId === 'plan-schema' && /code$/.test(f.path));
    expect(gaps.map((f) => [f.path, f.line, f.column])).toEqual([
      ['county.code', 2, 26],
      ['villages[0].code', 4, 23],
    ]);
    expect(gaps[0]!.message.en).toBe('county.code is "12ab", which is not well-formed: a 6-digit GB/T 2260 county code, never ending in 00');
    expect(gaps[1]!.message.zh).toBe('villages[0].code 的值「4399」格式不对：12 位统计用区划代码（县 6 位 + 乡镇 3 位 + 村 3 位）');
    for (const f of gaps) expect(f.message.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('has words for the form of every value type the plan format gives a pattern', () => {
    const patterned = Object.entries(schema.$defs).filter(([, d]) => d.pattern !== undefined).map(([name]) => name);
    expect(patterned.length).toBeGreaterThan(0);
    for (const name of patterned) expect(terms[`form.${name}`], name).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
  });
});
