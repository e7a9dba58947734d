import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';

function stream(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { isTTY, columns, written, write: (s: string) => (written.push(s), true) };
}

describe('the progress indicator', () => {
  it('draws one line on a terminal once the run has lasted, and erases it at the end', () => {
    let now = 0;
    const s = stream(true);
    const p = createProgress(s, { env: {}, now: () => now });
    p.update(1, 3000, 'plans/a.yaml');
    expect(s.written).toEqual([]); // a quick run never shows it
    now = 400;
    p.update(120, 3000, 'plans/b.yaml');
    now = 450;
    p.update(121, 3000, 'plans/c.yaml'); // within the redraw interval
    now = 600;
    p.update(3000, 3000, 'plans/z.yaml');
    p.end();
    expect(s.written).toEqual(['\r\x1b[Krural-audit 120/3000 (4%) plans/b.yaml', '\r\x1b[Krural-audit 3000/3000 (100%) plans/z.yaml', '\r\x1b[K']);
  });

  it('shows a long search for plans as entries seen so far, throttled like the rest', () => {
    let now = 0;
    const s = stream(true);
    const p = createProgress(s, { env: {}, now: () => now });
    now = 400;
    p.update(5_000, 0, '/usr/share');
    now = 450;
    p.update(9_000, 0, '/usr/lib'); // within the redraw interval
    p.end();
    expect(s.written).toEqual(['\r\x1b[Krural-audit searching (5000 entries) /usr/share', '\r\x1b[K']);
  });

  it('is silent when stderr is not a terminal, on a dumb terminal and in CI', () => {
    for (const [tty, env] of [[false, {}], [true, { TERM: 'dumb' }], [true, { CI: 'true' }]] as const) {
      let now = 0;
      const s = stream(tty);
      const p = createProgress(s, { env, now: () => now });
      now = 1000;
      p.update(5, 10, 'a.yaml');
      p.end();
      expect(s.written).toEqual([]);
    }
  });

  it('fits the line to the terminal, counting Chinese characters as two cells, and strips control characters', () => {
    let now = 1000;
    const s = stream(true, 30);
    const p = createProgress(s, { env: {}, now: () => now, delay: 0 });
    p.update(1, 2, '各县规划/湖南省/青岚市/桃溪县乡村振兴规划.yaml');
    const wide = stream(true, 80);
    createProgress(wide, { env: {}, now: () => now, delay: 0 }).update(2, 2, 'evil\x1b[31m.yaml');
    const [first, second] = [...s.written, ...wide.written].map((w) => w.replace('\r\x1b[K', ''));
    const cells = [...first!].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(cells).toBeLessThanOrEqual(29);
    expect(first).toMatch(/^rural-audit 1\/2 \(50%\) …/);
    expect(first).toMatch(/\.yaml$/);
    expect(second).toBe('rural-audit 2/2 (100%) evil?[31m.yaml');
  });

  it('never writes to stdout: check on a pipe keeps stdout to the report alone', async () => {
    const { cli } = await import('./helpers/cli.js');
    const r = cli(['check', 'examples', '--format', 'json']);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toBe('');
  });
});
