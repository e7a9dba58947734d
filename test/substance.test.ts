import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditText } from './helpers/audit.js';
import { byPosition, expected, inlineExpectations } from './helpers/ruleTester.js';

/**
 * Plans written as planners write them (test/substance/*.yaml): each defect plan names the rules it
 * is about (`# rules: …`) and marks each expected finding on its line (`# expect: rule messageId`);
 * its aligned counterpart states the same facts correctly and gives none of those rules' findings.
 */
const dir = new URL('./substance/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('plans as planners write them', () => {
  it('come in pairs: each defect plan has its aligned counterpart', () => {
    const defects = files.filter((f) => f.endsWith('.defect.yaml'));
    expect(defects.length).toBeGreaterThan(0);
    for (const f of defects) expect(files).toContain(f.replace('.defect.yaml', '.aligned.yaml'));
  });

  it.each(files.filter((f) => f.endsWith('.defect.yaml')))('%s gives exactly the findings it marks', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const { rules, expected: marked } = inlineExpectations(text);
    expect(rules.length).toBeGreaterThan(0);
    const found = expected(auditText(text).filter((f) => rules.includes(f.ruleId)));
    expect(found.sort(byPosition)).toEqual(marked.sort(byPosition));
  });

  it.each(files.filter((f) => f.endsWith('.aligned.yaml')))('%s gives none of the findings its defect plan marks', (file) => {
    const { rules } = inlineExpectations(readFileSync(new URL(file.replace('.aligned.yaml', '.defect.yaml'), dir), 'utf8'));
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(expected(auditText(text).filter((f) => rules.includes(f.ruleId)))).toEqual([]);
  });
});
