import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { auditText, lineOf } from './helpers/audit.js';

/**
 * The aligned example has no gaps; taking one thing out of it must yield exactly the one gap
 * that names it, at the line of the nearest existing parent.
 */
const aligned = readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');

function without(path: (string | number)[]): string {
  const doc = parseDocument(aligned);
  expect(doc.hasIn(path), `aligned example has ${path.join('.')}`).toBe(true);
  doc.deleteIn(path);
  return doc.toString();
}

describe('the aligned example', () => {
  it('has no gaps at all', () => {
    expect(auditText(aligned).map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
  });
});

describe('removing one of the four no-removals', () => {
  it.each([
    ['responsibility', '不摘责任'],
    ['policy', '不摘政策'],
    ['assistance', '不摘帮扶'],
    ['supervision', '不摘监管'],
  ])('%s yields one gap naming it, at no_removals', (key, zh) => {
    const text = without(['no_removals', key]);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('no-removals-all-four');
    expect(f!.line).toBe(lineOf(text, '\nno_removals:') + 1);
    expect(f!.message.zh).toContain(zh);
    expect(f!.message.en).toContain(key);
    expect(f!.message.zh).toContain('已明确 3 项，应为 4 项');
  });
});

describe('removing one level of a five-level chain', () => {
  const chains = [
    ['poverty_alleviation', '五级书记抓脱贫攻坚'],
    ['revitalization', '五级书记抓乡村振兴'],
  ] as const;
  const levels = [
    ['province', '省级'],
    ['city', '市级'],
    ['county', '县'],
    ['township', '乡镇'],
    ['village', '村级'],
  ] as const;
  const cases = chains.flatMap(([chain, chainZh]) => levels.map(([level, levelZh]) => [chain, level, chainZh, levelZh] as const));
  it.each(cases)('%s.%s yields one gap naming the level, at the chain', (chain, level, chainZh, levelZh) => {
    const text = without(['leadership', 'secretary_chains', chain, level]);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('secretary-chain-five-levels');
    expect(f!.path).toBe(`leadership.secretary_chains.${chain}`);
    expect(f!.line).toBe(lineOf(text, `  ${chain}:`));
    expect(f!.message.zh).toContain(chainZh);
    expect(f!.message.zh).toContain(levelZh);
    expect(f!.message.en).toContain('1 level(s)');
  });
});

describe("removing one village's plan", () => {
  it('yields one coverage gap at that village, naming it, with the measured coverage', () => {
    const text = without(['villages', 4, 'plan']);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('village-plan-coverage');
    expect(f!.line).toBe(lineOf(text, '- name: 竹林村') );
    expect(f!.column).toBe(5);
    expect(f!.path).toBe('villages[4]');
    expect(f!.message.zh).toContain('12 个行政村中有 1 个（8.3%）');
    expect(f!.message.zh).toContain('竹林村（439921102202）');
    expect(f!.message.en).toContain('1 of 12 administrative villages (8.3%)');
    expect(f!.actual).toBe('91.7%');
    expect(f!.expected).toBe('100.0%');
  });
});
