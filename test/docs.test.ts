import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../src/docs/write.js';

describe('generated documents', () => {
  it.each(Object.keys(GENERATED))('%s matches the data it is generated from (run `npm run docs`)', (file) => {
    expect(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')).toBe(GENERATED[file]!());
  });

  it('plan-format.md documents every field of the schema', () => {
    const doc = readFileSync(new URL('../docs/plan-format.md', import.meta.url), 'utf8');
    for (const field of ['no_removals.policy.kept_until', 'villages[].plan.assembly_approved', 'leadership.secretary_chains.revitalization.township.secretary', 'villages[].collective_income.photovoltaic']) {
      expect(doc).toContain(`\`${field}\``);
    }
  });
});
