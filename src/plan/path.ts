/** A location inside a parsed document: keys of mappings and indexes of sequences. */
export type Path = readonly (string | number)[];

/** `villages[3].plan.status`: the form shown to people and used in fingerprints. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '$';
}

/**
 * `villages[3].plan`, `["x y"].z` → segments; undefined when the text is no path. The one
 * reader of the form `formatPath` writes: waivers' targets, owner fields, finding paths.
 */
export function parsePath(text: string): Path | undefined {
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  const out: (string | number)[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return re.lastIndex === text.length && out.length > 0 ? out : undefined;
}

/**
 * A set of paths, compared segment by segment (a number and the same digits as a key differ, as
 * they do in `formatPath`): asking whether it holds a path builds no text.
 */
export class PathSet {
  private readonly root = new PathNode();
  size = 0;

  add(path: Path): void {
    let node = this.root;
    for (const seg of path) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = new PathNode()));
      node = next;
    }
    if (!node.member) this.size++;
    node.member = true;
  }

  has(path: Path): boolean {
    let node: PathNode | undefined = this.root;
    for (let i = 0; i < path.length && node; i++) node = node.children.get(path[i]!);
    return node?.member === true;
  }
}

class PathNode {
  member = false;
  readonly children = new Map<string | number, PathNode>();
}
