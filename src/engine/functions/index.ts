import type { CheckFunction } from './types.js';
import coverage from './coverage.js';
import dateWithin from './dateWithin.js';
import enumeration from './enumeration.js';
import equals from './equals.js';
import flagWords from './flagWords.js';
import fragmented from './fragmented.js';
import includesAll from './includesAll.js';
import memberOf from './memberOf.js';
import nonEmpty from './nonEmpty.js';
import notStale from './notStale.js';
import numberWithin from './numberWithin.js';
import pattern from './pattern.js';
import placeholders from './placeholders.js';
import planSchema from './planSchema.js';
import present from './present.js';
import schema from './schema.js';
import share from './share.js';
import startsWith from './startsWith.js';
import targetBelowShare from './targetBelowShare.js';
import tilt from './tilt.js';
import unique from './unique.js';

/** The built-in check functions a rule may name in `then.function` (docs/functions.md). */
export const FUNCTIONS: Readonly<Record<string, CheckFunction<any>>> = Object.freeze({
  coverage,
  dateWithin,
  enumeration,
  equals,
  flagWords,
  fragmented,
  includesAll,
  memberOf,
  nonEmpty,
  notStale,
  numberWithin,
  pattern,
  placeholders,
  planSchema,
  present,
  schema,
  share,
  startsWith,
  targetBelowShare,
  tilt,
  unique,
});
