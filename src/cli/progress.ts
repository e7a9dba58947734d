/**
 * A one-line progress indicator for long runs: on stderr, only when stderr is a terminal, and
 * only once a run has lasted long enough to need one — a quick check, a pipe, a CI log and
 * stdout (which carries the report) never see it. The line is erased before the report prints.
 */
export interface Progress {
  update(done: number, total: number, file: string): void;
  /** Erase the line; call before anything else is written. */
  end(): void;
}

export interface ProgressOptions {
  /** Stay silent for runs shorter than this (ms). */
  delay?: number;
  /** Redraw at most this often (ms). */
  interval?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

type Stream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

const SILENT: Progress = { update() {}, end() {} };

export function createProgress(stream: Stream = process.stderr, options: ProgressOptions = {}): Progress {
  const { delay = 300, interval = 100, env = process.env, now = Date.now } = options;
  if (stream.isTTY !== true || env.TERM === 'dumb' || env.CI !== undefined) return SILENT;
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, file) {
      const t = now();
      if (t - start < delay || (t - last < interval && (total === 0 || done < total))) return;
      last = t;
      shown = true;
      // total 0: still searching for plans (src/plan/discover.ts), `done` entries seen so far.
      const pct = Math.floor((done / total) * 100);
      const head = total === 0 ? `rural-audit searching (${done} entries) ` : `rural-audit ${done}/${total} (${pct}%) `;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[K${fit(head + printable(file), width)}`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** File names reach the terminal without control characters. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Cut to `width` terminal cells, counting CJK characters as two, keeping the end of the path. */
function fit(s: string, width: number): string {
  const cells = (c: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1);
  const chars = [...s];
  let total = chars.reduce((n, c) => n + cells(c), 0);
  if (total <= width) return s;
  const headEnd = s.indexOf(') ') + 2;
  const head = [...s.slice(0, headEnd)];
  const tail = chars.slice(head.length);
  while (total > width - 1 && tail.length) total -= cells(tail.shift()!);
  return `${head.join('')}…${tail.join('')}`;
}
