import { dirname, relative, resolve } from 'node:path';
import { CatalogError } from '../catalog/load.js';
import { anyGlob } from '../config/load.js';
import { readSource } from '../config/yaml.js';
import type { InputError } from '../plan/input-error.js';
import { readWaivers, type Waiver } from './waiver.js';

/**
 * A waivers file: `waivers:` with the same entries as a plan's, plus `county` (a county code)
 * and `files` (globs relative to the waivers file) to say which plans each one is for.
 */
export function loadWaiversFile(path: string, display: string, knownRules: Set<string>): { waivers: Waiver[]; errors: InputError[] } {
  try {
    const src = readSource(path, display, 'invalid-waiver');
    const data = src.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, 'waivers')) {
      const message = { zh: '豁免文件应以 waivers: 列表开头', en: 'a waivers file holds a list under waivers:' };
      return { waivers: [], errors: [{ file: display, code: 'invalid-waiver', line: 1, column: 1, values: message }] };
    }
    const extra = Object.keys(data).filter((k) => k !== 'waivers');
    const errors: InputError[] = extra.map((k) => {
      const at = src.locator.locate([k]);
      return { file: display, code: 'invalid-waiver', line: at.line, column: at.column, values: { zh: `未知字段 ${k}`, en: `unknown key ${k}` } };
    });
    const read = readWaivers((data as { waivers: unknown }).waivers, { file: display, locator: src.locator }, ['waivers'], knownRules, true);
    return { waivers: read.waivers, errors: [...errors, ...read.errors] };
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    // A YAML error: the message template of invalid-waiver takes zh/en, the parser speaks English.
    const detail = String(e.error.values.detail ?? '');
    const values = e.error.code === 'invalid-waiver' ? { zh: `YAML 语法错误：${detail}`, en: `YAML syntax error: ${detail}` } : e.error.values;
    return { waivers: [], errors: [{ ...e.error, values }] };
  }
}

/** A waiver of a waivers file, with the plans it has met during the run. */
export interface FileWaiver {
  waiver: Waiver;
  /** Whether the waiver is for a plan (its path as shown, relative to `cwd`): its `files` globs are relative to the waivers file's folder. */
  forFile: (file: string, cwd: string) => boolean;
  /** Plans it applied to, and in how many of them its target exists. */
  applied: number;
  found: number;
}

export function fileWaivers(waivers: Waiver[], waiversFileAbs: string): FileWaiver[] {
  const dir = dirname(waiversFileAbs);
  return waivers.map((waiver) => {
    const matches = waiver.files ? anyGlob(waiver.files) : () => true;
    return { waiver, forFile: (file, cwd) => matches(relative(dir, resolve(cwd, file)).split('\\').join('/')), applied: 0, found: 0 };
  });
}
