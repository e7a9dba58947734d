/**
 * Property-based: a plan holding lone surrogates (YAML's `"\ud800"`) and control characters in
 * its names and keys gives, in every format and both languages, text that encodes to UTF-8 and
 * back unchanged (no lone surrogate, no `\udXXX` escape in JSON), and well-formed XML where XML.
 * Fixed seed, so a failure in CI is a failure on every machine.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { auditDocument, compileCatalog } from '../../src/engine/audit.js';
import { isInputError, parseDocumentBytes } from '../../src/plan/load.js';
import { joinReport } from '../../src/report/chunks.js';
import { FORMATS } from '../../src/report/index.js';
import { catalog } from '../helpers/audit.js';

const SEED = 20_261_202;
const compiled = compileCatalog(catalog());
const PLAN = readFileSync('examples/misaligned.yaml', 'utf8');
const XML_FORMATS = new Set(['junit']);

/** Code units that break strict UTF-8 or XML readers, or terminals, and some ordinary text. */
const UNITS = [0xd800, 0xdbff, 0xdc00, 0xdfff, 0x0, 0x1, 0x7, 0x8, 0xb, 0xc, 0x1b, 0x7f, 0x85, 0x9b, 0x202e, 0x2028, 0xfffe, 0xffff, 0x41, 0x6751];
/** Text as a YAML double-quoted scalar, every unit written as an escape so that the plan itself stays valid. */
const hostileText = fc
  .array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 12 })
  .map((units) => `"${units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('')}"`);

function reportsOf(name: string, key: string): Record<string, string> {
  // The county's name appears in every report's heading; the unknown key in plan-schema's message and path.
  const text = PLAN.replace('  name: 柳河县', `  name: ${name}\n  ${key}: 1`);
  const doc = parseDocumentBytes(Buffer.from(text, 'utf8'), 'plan.yaml');
  if (isInputError(doc)) throw new Error(`the generated plan does not parse: ${JSON.stringify(doc)}`);
  const cat = catalog();
  const result: AuditResult = {
    tool: { name: 'rural-audit', version: 'test' },
    files: [{ file: 'plan.yaml', findings: auditDocument(doc, compiled), county: doc.data && (doc.data as { county?: { name?: string } }).county?.name }],
    errors: [],
    rules: cat.rules,
    manual: cat.manual,
    areas: cat.areas,
    terms: cat.terms,
  };
  const out: Record<string, string> = {};
  for (const [format, formatter] of Object.entries(FORMATS)) {
    for (const lang of ['zh', 'en'] as const) {
      const output = formatter(result, { lang, color: false });
      // xlsx and docx give bytes (a zip), not text: their own tests read them back.
      if (output instanceof Uint8Array || output instanceof Promise) continue;
      out[`${format}/${lang}`] = joinReport(output);
    }
  }
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Characters XML 1.0 forbids outright.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

describe('property: every format is valid UTF-8 (and XML where XML) whatever a plan holds', () => {
  it('lone surrogates and control characters in names and keys', () => {
    let seenInReport = 0;
    fc.assert(
      fc.property(hostileText, hostileText, (name, key) => {
        for (const [which, text] of Object.entries(reportsOf(name, key))) {
          expect(LONE_SURROGATE.test(text), `${which}: a lone surrogate`).toBe(false);
          expect(Buffer.from(text, 'utf8').toString('utf8'), `${which}: UTF-8 round trip`).toBe(text);
          if (which.startsWith('json/') || which.startsWith('sarif/')) {
            expect(text, `${which}: a \\udXXX escape`).not.toMatch(/(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i);
            expect(() => JSON.parse(text), which).not.toThrow();
          }
          if (XML_FORMATS.has(which.split('/')[0]!)) {
            expect(NOT_XML.test(text), `${which}: a character XML forbids`).toBe(false);
            expect(XMLValidator.validate(text), `${which}: well-formed XML`).toBe(true);
          }
          if (text.includes('\ufffd')) seenInReport++;
        }
      }),
      { seed: SEED, numRuns: 12 },
    );
    // The hostile text did reach the reports (as U+FFFD where a surrogate stood), or the property proved nothing.
    expect(seenInReport).toBeGreaterThan(0);
  });
});
