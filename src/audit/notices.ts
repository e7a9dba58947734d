import type { Lang } from '../catalog/types.js';
import { say } from '../plan/words.js';
import type { Notice } from './result.js';

/** A notice in one language; its words are `notice.<code>` in src/plan/words.ts, filled from its values. */
export function noticeText(notice: Notice, lang: Lang): string {
  return say(lang, `notice.${notice.code}`, notice.values);
}
