import type { Path } from '../../plan/path.js';
import { isPlaceholder } from '../../plan/placeholder.js';
import { term, type Gap } from '../gap.js';
import { isRecord } from '../select.js';
import { defineFunction } from './types.js';

/** Every value under the target still holding the placeholder 待填写 that `rural-audit init` writes. */
export default defineFunction<Record<string, never>>({
  name: 'placeholders',
  summary: 'A value under the node still holds the placeholder 待填写 that `rural-audit init` writes: one gap each.',
  messages: {},
  values: ['field', 'actual', 'expected'],
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target, _options, ctx) {
    const gaps: Gap<never>[] = [];
    // One path, grown and shrunk as the walk goes, copied only for a placeholder found: a copy
    // per value made a mapping of 445,000 keys take seconds.
    const path: (string | number)[] = [...ctx.path];
    const walk = (value: unknown): void => {
      if (isPlaceholder(value)) {
        gaps.push({ path: [...path], values: { actual: value, expected: term('filled'), field: term(fieldOf(path)) } });
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i]);
          path.pop();
        }
      } else if (isRecord(value)) {
        for (const k of Object.keys(value)) {
          path.push(k);
          walk(value[k]);
          path.pop();
        }
      }
    };
    walk(target);
    return gaps;
  },
});

/** The field's own name; for a list item, the list's. */
function fieldOf(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return 'document';
}
