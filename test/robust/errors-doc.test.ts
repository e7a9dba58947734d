import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_ERROR_CODES } from '../../src/plan/input-error.js';
import { MAX_WALKED_ENTRIES } from '../../src/plan/discover.js';
import { DEFAULT_MAX_BYTES } from '../../src/plan/load.js';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from '../../src/plan/parse.js';

const doc = readFileSync('docs/errors.md', 'utf8');

describe('docs/errors.md', () => {
  it.each([...INPUT_ERROR_CODES])('explains %s in English and Chinese', (code) => {
    const start = doc.indexOf(`#### \`${code}\`\n`);
    expect(start).toBeGreaterThan(0);
    const section = doc.slice(start, doc.indexOf('\n#### ', start + 1) >>> 0);
    expect(section).toMatch(/\*\*en\*\*: .+Fix/s);
    expect(section).toMatch(/\*\*zh\*\*：[^\n]*\p{Script=Han}/u);
  });

  it('states the limits the code enforces', () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(doc).toContain('| file size | 5 MiB');
    expect(doc).toContain(`| nesting | ${MAX_DEPTH} levels`);
    expect(doc).toContain(`| aliases | ${MAX_ALIAS_EXPANSION.toLocaleString('en')} nodes`);
    expect(doc).toContain(`| directory entries searched | ${MAX_WALKED_ENTRIES.toLocaleString('en')} per path argument`);
  });
});
