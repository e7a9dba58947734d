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
