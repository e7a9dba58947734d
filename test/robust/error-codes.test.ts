/**
 * docs/errors.md matches the code: every input error code it documents (all of
 * INPUT_ERROR_CODES, errors-doc.test.ts checks the page has each) is produced here by an
 * input made for it, through the loader that meets it in a real run.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { auditSources } from '../../src/audit/run.js';
import { readBaseline } from '../../src/baseline/baseline.js';
import { CatalogError, loadRuleFolder } from '../../src/catalog/load.js';
import { loadConfig } from '../../src/config/load.js';
import { FUNCTIONS } from '../../src/engine/functions/index.js';
import { discoverPlans } from '../../src/plan/discover.js';
import { INPUT_ERROR_CODES, type InputError, type InputErrorCode } from '../../src/plan/input-error.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument, parseDocumentBytes } from '../../src/plan/load.js';
import { MAX_KEYS_PER_MAPPING } from '../../src/plan/parse.js';
import { loadWaiversFile } from '../../src/waivers/file.js';
import { catalog } from '../helpers/audit.js';
import { tmpTree } from '../helpers/tmp.js';

type Producer = () => Promise<InputError | undefined> | InputError | undefined;

const parsed = (text: string | Uint8Array): InputError | undefined => {
  const r = parseDocumentBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'plan.yaml');
  return isInputError(r) ? r : undefined;
};

/** The file at `name` in a fresh folder, made by `make`, loaded as a plan. */
async function loaded(make: (dir: string) => string, maxBytes = DEFAULT_MAX_BYTES): Promise<InputError | undefined> {
  const dir = tmpTree({});
  const r = await loadDocument(make(dir), 'plan.yaml', { maxBytes });
  return isInputError(r) ? r : undefined;
}

const thrown = (f: () => unknown): InputError | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof CatalogError) return e.error;
    throw e;
  }
  return undefined;
};

const PRODUCERS: Record<InputErrorCode, Producer> = {
  'not-found': () => loaded((dir) => join(dir, 'missing.yaml')),
  'dangling-symlink': () => loaded((dir) => (symlinkSync(join(dir, 'gone.yaml'), join(dir, 'p.yaml')), join(dir, 'p.yaml'))),
  'symlink-loop': () => loaded((dir) => (symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml')), symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml')), join(dir, 'a.yaml'))),
  // A name longer than the file system allows: unreadable whoever runs the test (root reads anything).
  unreadable: () => loaded((dir) => join(dir, `${'x'.repeat(300)}.yaml`)),
  'not-a-file': () => loaded((dir) => (execFileSync('mkfifo', [join(dir, 'fifo.yaml')]), join(dir, 'fifo.yaml'))),
  'too-large': () => loaded((dir) => (writeFileSync(join(dir, 'p.yaml'), 'a: 1\n'.repeat(100)), join(dir, 'p.yaml')), 100),
  'no-match': async () => (await discoverPlans(['*.nothing'], tmpTree({}))).errors[0],
  'too-many-files': async () => (await discoverPlans(['**/*.yaml'], tmpTree({ 'a/b.yaml': '', 'c/d.yaml': '' }), { maxEntries: 2 })).errors[0],
  binary: () => parsed(Uint8Array.from([0x61, 0x3a, 0x20, 0x00, 0x0a])),
  undecodable: () => parsed(Uint8Array.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0xfd, 0x0a])),
  'bad-indent': () => parsed('a:\n    b: 1\n  c: 2\n'),
  'tab-indent': () => parsed('a:\n\tb: 2\n'),
  'unclosed-quote': () => parsed("a: 'open\nb: 2\n"),
  'unclosed-flow': () => parsed('a: [1, 2\nb: 2\n'),
  'nested-mapping': () => parsed('a: b: c\n'),
  'multiline-key': () => parsed('a\nb: 1\n'),
  'missing-colon': () => parsed('a: 1\nb\n'),
  'bad-escape': () => parsed('a: "C:\\qdir"\n'),
  'stray-bracket': () => parsed('a: [1, 2]]\n'),
  'text-after-value': () => parsed('a: "x" y\n'),
  'reserved-character': () => parsed('a: @home\n'),
  'bad-tagged-value': () => parsed('a: !!int foo\n'),
  'key-too-long': () => parsed(`${'k'.repeat(2_000)}: 1\n`),
  'duplicate-key': () => parsed('a: 1\na: 2\n'),
  'non-scalar-key': () => parsed('[a]: 1\n'),
  'unsupported-tag': () => parsed('a: !!js/function "f"\n'),
  'unknown-alias': () => parsed('a: *nope\n'),
  'alias-cycle': () => parsed('a: &x [1, *x]\n'),
  'alias-limit': () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 8; i++) s += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    return parsed(s);
  },
  'too-deep': () => parsed(`a: ${'['.repeat(500)}${']'.repeat(500)}\n`),
  'too-many-keys': () => parsed(Array.from({ length: MAX_KEYS_PER_MAPPING + 1 }, (_, i) => `k${i}: 1\n`).join('')),
  'multiple-documents': () => parsed('a: 1\n---\nb: 2\n'),
  'yaml-syntax': () => parsed('a: |x\n  b\n'),
  empty: () => parsed('# nothing yet\n'),
  'not-a-mapping': () => parsed('- a\n- b\n'),
  'invalid-catalog': () => thrown(() => loadRuleFolder(tmpTree({ 'r.yaml': '- id: x\n' }), catalog())),
  'invalid-config': () => thrown(() => loadConfig({ cwd: tmpTree({ 'rural-audit.config.yaml': 'rulez: {}\n' }) })),
  'invalid-waiver': () => loadWaiversFile(join(tmpTree({ 'w.yaml': 'waivers: 3\n' }), 'w.yaml'), 'w.yaml', new Set()).errors[0],
  'invalid-baseline': () => thrown(() => readBaseline(join(tmpTree({ 'b.json': '{"gaps": 3}' }), 'b.json'), 'b.json')),
  // A bug, not the plan's fault: a check that throws is reported against the file being audited.
  'internal-error': async () => {
    const spy = vi.spyOn(FUNCTIONS.planSchema!, 'check').mockImplementation(() => {
      throw new Error('a bug');
    });
    try {
      return (await auditSources([{ file: 'plan.yaml', content: 'county: {name: 桃溪县}\n' }])).files[0]!.error;
    } finally {
      spy.mockRestore();
    }
  },
};

describe('every documented input error code is produced by an input made for it', () => {
  it('covers every code', () => {
    expect(Object.keys(PRODUCERS).sort()).toEqual([...INPUT_ERROR_CODES].sort());
  });

  it.each(Object.keys(PRODUCERS) as InputErrorCode[])('%s', async (code) => {
    const error = await PRODUCERS[code]();
    expect(error?.code).toBe(code);
  });
});
