import { describe, expect, it } from 'vitest';
import { parseOutputs } from '../../src/cli/check.js';
import { fileUri, ruleDocsUrl } from '../../src/report/links.js';

describe('--format name[:file]', () => {
  it('sends the table to stdout by default and each name:file to its file', () => {
    expect(parseOutputs([])).toEqual([{ format: 'table' }]);
    expect(parseOutputs(['table', 'sarif:out/a.sarif', 'junit:C:\\ci\\junit.xml'])).toEqual([
      { format: 'table' },
      { format: 'sarif', file: 'out/a.sarif' },
      { format: 'junit', file: 'C:\\ci\\junit.xml' },
    ]);
  });

  it('gives --output to the one format named without a file', () => {
    expect(parseOutputs(['json'], 'r.json')).toEqual([{ format: 'json', file: 'r.json' }]);
    expect(parseOutputs([], 'r.txt')).toEqual([{ format: 'table', file: 'r.txt' }]);
    expect(parseOutputs(['json', 'sarif:a.sarif'], 'r.json')).toEqual([
      { format: 'json', file: 'r.json' },
      { format: 'sarif', file: 'a.sarif' },
    ]);
    expect(() => parseOutputs(['sarif:a.sarif'], 'r.json')).toThrow(/--output needs exactly one --format without a file/);
  });

  it('refuses what cannot be done', () => {
    expect(() => parseOutputs(['table', 'json'])).toThrow(/only one report can go to stdout/);
    expect(() => parseOutputs(['sarif:a', 'junit:./a'])).toThrow(/two reports to the same file/);
    expect(() => parseOutputs(['sarif:'])).toThrow(/no file after the colon/);
    expect(() => parseOutputs(['toString'])).toThrow(/unknown format toString/);
  });
});

describe('links', () => {
  it('links a rule to its page beneath the homepage, and to nothing without one', () => {
    expect(ruleDocsUrl('no-removal-complete', 'https://example.org/rural-audit')).toBe('https://example.org/rural-audit/docs/rules/no-removal-complete.md');
    expect(ruleDocsUrl('x', 'https://example.org/a/')).toBe('https://example.org/a/docs/rules/x.md');
    expect(ruleDocsUrl('x', '')).toBeUndefined();
    expect(ruleDocsUrl('x', 'javascript:alert(1)')).toBeUndefined();
  });

  it('turns display paths into URI references', () => {
    expect(fileUri('plans/梅岭 县.yaml')).toBe('plans/%E6%A2%85%E5%B2%AD%20%E5%8E%BF.yaml');
    expect(fileUri('/srv/plans/a.yaml')).toBe('file:///srv/plans/a.yaml');
    expect(fileUri('C:\\plans\\a.yaml')).toBe('file:///C:/plans/a.yaml');
  });
});
