import { json } from './json.js';
import { table } from './table.js';
import type { Formatter } from './types.js';

/** Report formats by name, as `--format` takes them. */
export const FORMATS: Readonly<Record<string, Formatter>> = Object.freeze({ table, json });

export type { Formatter, FormatOptions } from './types.js';
