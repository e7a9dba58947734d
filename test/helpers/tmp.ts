import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder holding the given files (paths relative to it, folders made as needed). */
export function tmpTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-cfg-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
