import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarks } from '../../src/cli/rulesTest.js';
import { cli, ROOT } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'docs/examples/custom-rules');

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-rules-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

describe('rural-audit rules test', () => {
  it('passes the documented example folder: rule examples and marked fixtures', () => {
    const r = cli(['rules', 'test', 'docs/examples/custom-rules', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ county-industry-project-linkage (rule examples)');
    expect(r.stdout).toContain('✓ docs/examples/custom-rules/fixtures/unlinked.yaml');
    expect(r.stdout).toMatch(/2 fixture\(s\), 4 expectation\(s\): 0 failed\n$/);
  });

  it('fails (exit 1) when a fixture does not trigger what it expects, or triggers what it must not', () => {
    const dir = copyExample();
    const unlinked = join(dir, 'fixtures/unlinked.yaml');
    writeFileSync(unlinked, readFileSync(unlinked, 'utf8').replace('@12', '@11'));
    const linked = join(dir, 'fixtures/linked.yaml');
    writeFileSync(linked, readFileSync(linked, 'utf8').replace('linkage: [dividend, wage]', 'linkage: []'));
    const r = cli(['rules', 'test', dir, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/fixtures\/unlinked\.yaml:2: expected county-industry-project-linkage to trigger on line 11; it did not \(it did at 12:5\)/);
    expect(r.stdout).toMatch(/fixtures\/linked\.yaml:2: expected county-industry-project-linkage not to trigger; it did at 8:5: /);
    expect(r.stdout).toMatch(/2 failed\n$/);
  });

  it('checks the rule\'s own examples like the built-in catalog tests do', () => {
    const dir = copyExample();
    const rule = join(dir, 'industry-linkage.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('kind: industry, linkage: [dividend]}', 'kind: industry, linkage: []}'));
    const r = cli(['rules', 'test', dir, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ county-industry-project-linkage (rule examples)');
    expect(r.stdout).toContain('examples.pass should not trigger it');
  });

  it('a broken rule file or a mark naming an unknown rule is an error, exit 2', () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'fixtures/typo.yaml'), '# expect: county-industry-project-linkge\nformat_version: 1\n');
    const r = cli(['rules', 'test', dir, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fixtures/typo.yaml:1:11: error: invalid rule file: fixture mark: unknown rule id county-industry-project-linkge\n');
    const broken = copyExample();
    writeFileSync(join(broken, 'industry-linkage.yaml'), '- id: x\n  area: projects\n');
    const b = cli(['rules', 'test', broken], { cwd: broken });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^industry-linkage\.yaml:1:3: error: invalid rule file: .*required property/);
  });

  it('reads marks: several per line, with optional lines; none at all is an error', () => {
    const known = new Set(['a-rule', 'b-rule']);
    const { marks, errors } = readMarks('# expect: a-rule@3, b-rule\nx: 1\n  #expect-not: b-rule\n', 'f.yaml', known);
    expect(errors).toEqual([]);
    expect(marks).toEqual([
      { kind: 'expect', rule: 'a-rule', line: 3, at: 1 },
      { kind: 'expect', rule: 'b-rule', at: 1 },
      { kind: 'expect-not', rule: 'b-rule', at: 3 },
    ]);
    expect(readMarks('x: 1\n', 'f.yaml', known).errors[0]!.values.detail).toMatch(/no "# expect:"/);
  });
});
