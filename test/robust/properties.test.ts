/**
 * Property-based: whatever text arrives, the loader and the engine answer with findings or an
 * input error, never an exception, and the same bytes always give the same report bytes.
 * Fixed seed, so a failure in CI is a failure on every machine; fast-check shrinks it to a
 * minimal input, printed with the seed and path to replay it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { auditDocument, compileCatalog } from '../../src/engine/audit.js';
import { INPUT_ERROR_CODES } from '../../src/plan/input-error.js';
import { isInputError, parseDocumentBytes } from '../../src/plan/load.js';
import { joinReport } from '../../src/report/chunks.js';
import { BINARY_FORMATS, FORMATS } from '../../src/report/index.js';
import { catalog } from '../helpers/audit.js';

const SEED = 20_261_129;
const compiled = compileCatalog(catalog());
const EXAMPLES = ['aligned', 'partial', 'misaligned'].map((n) => readFileSync(`examples/${n}.yaml`, 'utf8'));

/** The whole pipeline for one file, short of the CLI: load, audit, every report format in both languages. */
function reportsOf(bytes: Uint8Array): string {
  const doc = parseDocumentBytes(bytes, 'plan.yaml');
  const file = isInputError(doc)
    ? { file: 'plan.yaml', findings: [], error: doc }
    : { file: 'plan.yaml', findings: auditDocument(doc, compiled), encoding: doc.encoding };
  if (isInputError(doc)) {
    expect(INPUT_ERROR_CODES).toContain(doc.code);
    if (doc.line !== undefined) expect(doc.line).toBeGreaterThanOrEqual(1);
    if (doc.column !== undefined) expect(doc.column).toBeGreaterThanOrEqual(1);
  }
  const cat = catalog();
  const result: AuditResult = {
    tool: { name: 'rural-audit', version: 'test' },
    asOf: '2024-06-01',
    files: [file],
    errors: [],
    rules: cat.rules,
    manual: cat.manual,
    areas: cat.areas,
    terms: cat.terms,
  };
  // The binary formats are documents of the same views; test/report/office.test.ts reads them back.
  return Object.entries(FORMATS)
    .filter(([name]) => !BINARY_FORMATS.has(name))
    .flatMap(([name, format]) => (['zh', 'en'] as const).map((lang) => `${name}/${lang}\n${joinReport(format(result, { lang, color: false }))}`))
    .join('\n');
}

/** How the runs ended: a property that only ever saw input errors would prove little about the engine. */
const outcomes = { audited: 0, refused: 0 };

function holds(bytes: Uint8Array): void {
  const first = reportsOf(bytes);
  outcomes[first.includes('"error": {') ? 'refused' : 'audited']++;
  expect(reportsOf(Uint8Array.from(bytes))).toBe(first);
}

/** Characters that mean something to YAML, plus the text plans are made of. */
const YAML_CHARS = [...':-?[]{},\'"&*!|>#%@`~.<= \n\n\n  \t\\', ...'abcxyz019', ...'桃溪县村', '\r', '\u0000', '\u001b', '\ufeff', '\u2028'];
const yamlText = fc.array(fc.constantFrom(...YAML_CHARS), { maxLength: 120 }).map((cs) => cs.join(''));

/** Pieces that break or abuse a plan when dropped into it. */
const SNIPPETS = [
  '', ':', ': ', '- ', '-', '[', ']', '{', '}', '"', "'", '\t', '  ', '\n', '#', '&a ', '*a', '*nope', '&x [*x]', '!!js/function f',
  '!foo ', '!!binary aGk=', '<<: *a', '__proto__: {polluted: 1}', 'constructor: {prototype: {polluted: 1}}', '.nan', '.inf',
  '-.inf', '1e999', '123456789012345678901234567890', '~', 'null', '[]', '{}', '---\n', '...\n', '%YAML 1.1\n', '? ', '|\n',
  '>-\n', '"\\e[31m"', '"\\u009b"', '\u0000', '\u00ff', '？', '：', '- - - - x', `${'['.repeat(200)}`,
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), piece: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('dedent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const li = m.at % lines.length;
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.piece + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'replace-value':
      lines[li] = lines[li]!.replace(/:\s.*$/, `: ${m.piece}`);
      return lines.join('\n');
    case 'dedent':
      lines[li] = lines[li]!.replace(/^ {1,3}/, '');
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 'swap-lines': {
      const next = (li + 1) % lines.length;
      [lines[li], lines[next]] = [lines[next]!, lines[li]!];
      return lines.join('\n');
    }
  }
}

// Hundreds of audits, each rendered in every format and language: compute-bound, so more time than one test gets by default.
describe('property: nothing thrown, same bytes in, same report out', { timeout: 120_000 }, () => {
  it('random YAML-like text', () => {
    fc.assert(
      fc.property(yamlText, (text) => holds(Buffer.from(text, 'utf8'))),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => holds(bytes)),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('random mutations of the example plans', () => {
    outcomes.audited = outcomes.refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        holds(Buffer.from(ms.reduce(mutate, text), 'utf8'));
      }),
      { seed: SEED, numRuns: 120 },
    );
    // Both roads were travelled: plans audited with findings, and plans refused as input errors.
    expect(outcomes.audited).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
