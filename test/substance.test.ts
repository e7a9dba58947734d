import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditText, lineOf } from './helpers/audit.js';
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

describe('a plan whose villages section is missing', () => {
  // The aligned example without its villages: projects, the stationed teams and planning support
  // still name village codes, which now match no village of the plan.
  const aligned = readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');
  const cut = aligned.replace(/^villages:\n(?:[ #].*\n|\n)*/m, '');

  it('still names village codes elsewhere (the case is real)', () => {
    expect(cut).not.toMatch(/^villages:/m);
    expect(cut).toMatch(/^projects:/m);
    for (const section of ['village_stationed_assistance:', 'planning_support:']) expect(cut).toContain(section);
  });

  // A missing section is reported where the plan begins, an empty one on its own line.
  it.each([
    ['missing', cut, 'format_version'],
    ['empty', cut.replace(/^projects:/m, 'villages: []\nprojects:'), 'villages: []'],
  ])('gets one finding for it when %s, and no cross-check of the codes', (_case, text, at) => {
    expect(expected(auditText(text))).toEqual([{ rule: 'villages-listed', line: lineOf(text, at), messageId: 'default' }]);
  });
});
