import { displayWidth } from './text.js';

/** A run of text with one style. `keep`: never broken (a rule id, a clause), unless wider than a whole line. */
export interface Piece {
  text: string;
  paint?: (s: string) => string;
  keep?: boolean;
}

// Chinese line breaking (禁则): no line starts with closing punctuation, none ends with an opening one.
const OPEN = new Set([...'（「『《〈【〔“‘([{']);
const CLOSE = new Set([...'）」』》〉】〕”’，。、：；！？…)]},.:;!?%']);

const ANSI = /\u001b\[[0-9;]*m/g;

/** Display cells of text that may hold colour escapes. */
export function cells(text: string): number {
  return displayWidth(text.replace(ANSI, ''));
}

interface Token {
  text: string;
  piece: number;
  space: boolean;
}

/** Words, spaces and single wide characters, with punctuation held to its neighbour. */
function tokens(pieces: Piece[]): Token[] {
  const out: Token[] = [];
  pieces.forEach((p, piece) => {
    if (p.keep) {
      out.push({ text: p.text, piece, space: false });
      return;
    }
    const start = out.length;
    for (const m of p.text.matchAll(/ +|[^ ]/gu)) {
      const t = m[0];
      const prev = out.length > start ? out[out.length - 1] : undefined;
      const space = t.startsWith(' ');
      const wide = !space && displayWidth(t) === 2;
      const glue =
        prev !== undefined &&
        !space &&
        !prev.space &&
        // A word goes on with narrow characters; wide ones stand alone, except for punctuation.
        ((!wide && displayWidth([...prev.text].pop()!) === 1) ||
          CLOSE.has(t) ||
          OPEN.has([...prev.text].pop()!));
      if (glue) prev.text += t;
      else out.push({ text: t, piece, space });
    }
  });
  return out;
}

/**
 * Lay pieces out in lines of at most `width` cells: the first line after `first`, the others after
 * `rest` (a hanging indent). Breaks fall at spaces and between Chinese characters, never inside a
 * word or a kept piece unless it is wider than a whole line. Without a width, one line.
 */
export function wrap(pieces: Piece[], width: number | undefined, first: string, rest: string): string[] {
  const paintOf = (i: number) => pieces[i]!.paint ?? ((s: string) => s);
  if (width === undefined) return [first + pieces.map((p, i) => paintOf(i)(p.text)).join('')];
  const lines: string[] = [];
  let line: { text: string; piece: number }[] = [];
  let used = cells(first);
  let prefix = first;
  let pending: Token | undefined;
  const flush = () => {
    // Consecutive runs of one piece are painted once.
    const runs: { text: string; piece: number }[] = [];
    for (const r of line) {
      const last = runs[runs.length - 1];
      if (last && last.piece === r.piece) last.text += r.text;
      else runs.push({ ...r });
    }
    lines.push(prefix + runs.map((r) => paintOf(r.piece)(r.text)).join(''));
    line = [];
    prefix = rest;
    used = cells(rest);
    pending = undefined;
  };
  for (const t of tokens(pieces)) {
    if (t.space) {
      if (line.length > 0) pending = t;
      continue;
    }
    const w = displayWidth(t.text);
    const gap = pending ? displayWidth(pending.text) : 0;
    if (line.length > 0 && used + gap + w > width) flush();
    else if (pending) {
      line.push({ text: pending.text, piece: pending.piece });
      used += gap;
      pending = undefined;
    }
    if (used + w <= width) {
      line.push({ text: t.text, piece: t.piece });
      used += w;
      continue;
    }
    // Wider than what is left of an empty line: cut it, at a path separator where one is near.
    let chars = [...t.text];
    while (chars.length > 0) {
      const fit = Math.max(1, width - used);
      let n = 0;
      let cw = 0;
      while (n < chars.length && cw + displayWidth(chars[n]!) <= fit) cw += displayWidth(chars[n++]!);
      n = Math.max(1, n);
      if (n < chars.length) {
        const at = Math.max(...['.', '_', '-', '/'].map((s) => chars.slice(0, n).lastIndexOf(s)));
        if (at >= n / 2) n = at + 1;
      }
      const part = chars.slice(0, n).join('');
      line.push({ text: part, piece: t.piece });
      used += displayWidth(part);
      chars = chars.slice(n);
      if (chars.length > 0) flush();
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** A plain paragraph wrapped to `width`, continuation lines indented by `indent` spaces. */
export function wrapLine(text: string, width: number | undefined, indent = 2, paint?: (s: string) => string): string[] {
  return wrap([{ text, ...(paint ? { paint } : {}) }], width, '', ' '.repeat(indent));
}
