import type { Path } from '../plan/path.js';

/** One segment of a selector: a key, an index, or every child (`*`). */
type Segment = { key: string } | { index: number } | { wild: true };

export interface Match {
  path: Path;
  value: unknown;
}

/**
 * A compiled selector (`$.villages[*].plan`). A selector without wildcards always yields one
 * match, with `value` undefined when the node is missing, so that presence checks can report it;
 * a wildcard yields one match for each child that exists.
 */
export class Selector {
  private readonly segments: Segment[];

  constructor(readonly text: string) {
    this.segments = [];
    const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\.\*|\[\*\]|\[(\d+)\]/gy;
    re.lastIndex = 1;
    let m: RegExpExecArray | null;
    while (re.lastIndex < text.length && (m = re.exec(text))) {
      if (m[1] !== undefined) this.segments.push({ key: m[1] });
      else if (m[2] !== undefined) this.segments.push({ index: Number(m[2]) });
      else this.segments.push({ wild: true });
    }
    if (!text.startsWith('$') || re.lastIndex !== text.length && text.length > 1) {
      throw new Error(`invalid selector ${text}`);
    }
  }

  select(root: unknown): Match[] {
    const out: Match[] = [];
    this.walk(root, 0, [], out);
    return out;
  }

  private walk(value: unknown, i: number, path: (string | number)[], out: Match[]): void {
    if (i === this.segments.length) {
      out.push({ path, value });
      return;
    }
    const seg = this.segments[i]!;
    if ('wild' in seg) {
      if (Array.isArray(value)) for (let k = 0; k < value.length; k++) this.walk(value[k], i + 1, appended(path, k), out);
      else if (isRecord(value)) for (const k of Object.keys(value)) this.walk(value[k], i + 1, appended(path, k), out);
      return;
    }
    const step = 'key' in seg ? seg.key : seg.index;
    const child = childOf(value, step);
    if (child === undefined && this.segments.slice(i).some((s) => 'wild' in s)) return;
    this.walk(child, i + 1, appended(path, step), out);
  }
}

/** `[...path, seg]` without the spread's iteration and spare room: selecting every village allocated most of what selectors did. */
export function appended(path: readonly (string | number)[], seg: string | number): (string | number)[] {
  const out = new Array<string | number>(path.length + 1);
  for (let j = 0; j < path.length; j++) out[j] = path[j]!;
  out[path.length] = seg;
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a plan's `__proto__` or `constructor` key is data, never the prototype. */
export function childOf(value: unknown, step: string | number): unknown {
  if (Array.isArray(value)) return typeof step === 'number' ? value[step] : undefined;
  if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, step)) return value[step as string];
  return undefined;
}

export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) v = childOf(v, seg);
  return v;
}
