/** `__proto__`, `constructor` and `prototype` in a plan are data: nothing reaches Object.prototype. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { auditDocument, compileCatalog } from '../../src/engine/audit.js';
import { isInputError, parseDocumentBytes } from '../../src/plan/load.js';
import { joinReport } from '../../src/report/chunks.js';
import { BINARY_FORMATS, FORMATS } from '../../src/report/index.js';
import { catalog } from '../helpers/audit.js';

const HOSTILE = '__proto__: {polluted: yes, toString: 1}\nconstructor: {prototype: {polluted: yes}}\nprototype: {polluted: yes}\n';
const nested = (indent: string) => `${HOSTILE.trimEnd().replace(/^/gm, indent)}\n`;

const plan = readFileSync('examples/partial.yaml', 'utf8')
  .replace(/^county:\n/m, `${HOSTILE}county:\n${nested('  ')}`)
  .replace(/^villages:\n  - /m, `villages:\n  - ${nested('    ').trimStart()}    `);

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(typeof {}.toString).toBe('function');
});

describe('prototype pollution', () => {
  it('loads the keys as own data at every level', () => {
    const doc = parseDocumentBytes(Buffer.from(plan), 'plan.yaml');
    if (isInputError(doc)) throw new Error(JSON.stringify(doc));
    const data = doc.data as Record<string, any>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype']));
    expect(Object.getOwnPropertyDescriptor(data.county, '__proto__')?.value).toEqual({ polluted: 'yes', toString: 1 });
    expect(Object.getOwnPropertyDescriptor(data.villages[0], '__proto__')).toBeDefined();
  });

  it('audits and reports them as unknown fields, in every format, without touching the prototype', () => {
    const doc = parseDocumentBytes(Buffer.from(plan), 'plan.yaml');
    if (isInputError(doc)) throw new Error(JSON.stringify(doc));
    const findings = auditDocument(doc, compileCatalog(catalog()));
    const unknown = findings.filter((f) => f.ruleId === 'plan-schema').map((f) => f.path);
    expect(unknown).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype', 'county.__proto__']));
    const cat = catalog();
    const result: AuditResult = { tool: { name: 'rural-audit', version: 't' }, asOf: '2024-06-01', files: [{ file: 'plan.yaml', findings }], errors: [], rules: cat.rules, manual: cat.manual, areas: cat.areas, terms: cat.terms };
    // Markdown formats escape the underscores; the key is still named.
    for (const [name, format] of Object.entries(FORMATS)) if (!BINARY_FORMATS.has(name)) expect(joinReport(format(result, { lang: 'en', color: false }))).toMatch(/(__|\\_\\_)proto(__|\\_\\_)/);
    // The plan's own findings are still there: the hostile keys hid nothing.
    expect(findings.some((f) => f.ruleId === 'village-plan-coverage')).toBe(true);
  });
});
