import { dirname, relative } from 'node:path';
import { matchesGlobs } from '../config/load.js';
import { readSource } from '../config/yaml.js';
import { InputFileError, type InputError } from '../plan/input-error.js';
import { sayBoth } from '../plan/words.js';
import type { FileWaiver, WaiversFile } from './apply.js';
import { readWaivers, type Waiver } from './waiver.js';

/**
 * A waivers file: `waivers:` with the same entries as a plan's, plus `county` (a county code)
 * and `files` (globs relative to the waivers file) to say which plans each one is for.
 */
export function loadWaiversFile(path: string, display: string, knownRules: ReadonlySet<string>): WaiversFile {
  const loaded = readWaiversFile(path, display, knownRules);
  return { path, file: display, ...loaded };
}

function readWaiversFile(path: string, display: string, knownRules: ReadonlySet<string>): { waivers: Waiver[]; errors: InputError[] } {
  try {
    const src = readSource(path, display, 'waivers', 'invalid-waiver');
    const data = src.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, 'waivers')) {
      return { waivers: [], errors: [{ file: display, code: 'invalid-waiver', line: 1, column: 1, values: sayBoth('waiver.fileShape') }] };
    }
    const extra = Object.keys(data).filter((k) => k !== 'waivers');
    const errors: InputError[] = extra.map((k) => {
      const at = src.locator.locate([k]);
      return { file: display, code: 'invalid-waiver', line: at.line, column: at.column, values: sayBoth('waiver.unknownKey', { key: k }) };
    });
    const read = readWaivers((data as { waivers: unknown }).waivers, { file: display, locator: src.locator }, ['waivers'], knownRules, true);
    return { waivers: read.waivers, errors: [...errors, ...read.errors] };
  } catch (e) {
    // Unreadable, too large, not YAML: one error, and the plans are still audited.
    if (!(e instanceof InputFileError)) throw e;
    return { waivers: [], errors: [e.error] };
  }
}

/** The waivers of these files, each knowing which plans its `files` globs (relative to its file's folder) take in. */
export function fileWaiversOf(files: readonly WaiversFile[]): FileWaiver[] {
  return files.flatMap((f) =>
    f.waivers.map((waiver) => {
      const dir = dirname(f.path);
      return { waiver, isFor: (absPath: string) => waiver.files === undefined || matchesGlobs(waiver.files, relative(dir, absPath).split('\\').join('/')) };
    }),
  );
}
