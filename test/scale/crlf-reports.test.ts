import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { tmpTree } from '../helpers/tmp.js';

/**
 * Windows files read as their LF originals: the same plans saved with CRLF line ends, and with a
 * byte-order mark too, give byte-identical reports — positions included — on one thread and two.
 */
describe('CRLF and byte-order-mark plans', () => {
  it('give the reports of the LF plans, byte for byte, with --jobs 1 and --jobs 2', () => {
    const originals = ['partial', 'misaligned', 'aligned'].map((n) => readFileSync(join(ROOT, 'examples', `${n}.yaml`), 'utf8'));
    // More files than one worker's batch, so that --jobs 2 starts two threads.
    const files = Array.from({ length: 10 }, (_, i) => [`plans/p${String(i).padStart(2, '0')}.yaml`, originals[i % 3]!] as const);
    const variants = {
      lf: (t: string) => t,
      crlf: (t: string) => t.replace(/\n/g, '\r\n'),
      bomCrlf: (t: string) => `\ufeff${t.replace(/\n/g, '\r\n')}`,
    };
    const reports: Record<string, string> = {};
    for (const [name, variant] of Object.entries(variants)) {
      const dir = tmpTree(Object.fromEntries(files.map(([f, t]) => [f, variant(t)])));
      if (name !== 'lf') expect(readFileSync(join(dir, files[0]![0]), 'utf8')).toContain('\r\n');
      for (const jobs of ['1', '2']) {
        for (const format of ['json', 'table']) {
          const r = cli(['check', 'plans', '--format', format, '--today', '2026-12-01', '--jobs', jobs, '--lang', 'en'], { cwd: dir });
          expect(r.code, r.stderr).toBe(1);
          reports[`${name} ${format} --jobs ${jobs}`] = r.stdout;
        }
      }
    }
    for (const [key, text] of Object.entries(reports)) expect(text, key).toBe(reports[`lf ${key.split(' ')[1]} --jobs 1`]);
    expect(reports['lf json --jobs 1']).toMatch(/"line": \d+,\n\s+"column": \d+/);
  }, 300_000);
});
