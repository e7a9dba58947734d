import { oneLine } from './escape.js';
import { inputErrorMessage } from '../plan/input-error.js';
import { say } from '../plan/words.js';
import type { Formatter } from './types.js';

/**
 * One line per gap, `file:line:col: severity rule message`, for editors' problem matchers and
 * pre-commit logs (ESLint's `compact`). A waived gap is `info` with its message marked waived; a
 * file that could not be read is `error` under its error code. Nothing else: no summary.
 */
export const compact: Formatter = (result, { lang }) => {
  const out: string[] = [];
  for (const e of [...result.errors, ...result.files.flatMap((f) => (f.error ? [f.error] : []))]) {
    out.push(`${oneLine(e.file)}:${e.line ?? 1}:${e.column ?? 1}: error ${e.code} ${oneLine(inputErrorMessage(e, lang))}`);
  }
  const waived = say(lang, 'compact.waived');
  for (const f of result.files) {
    for (const x of f.findings) {
      const severity = x.waiver ? 'info' : x.severity;
      out.push(`${oneLine(x.file)}:${x.line}:${x.column}: ${severity} ${x.ruleId} ${x.waiver ? waived : ''}${oneLine(x.message[lang])}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
};
