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
    const walk = (value: unknown, path: Path): void => {
      if (isPlaceholder(value)) {
        // The field's own name; for a list item, the list's.
        const field = [...path].reverse().find((s): s is string => typeof s === 'string') ?? 'document';
        gaps.push({ path, values: { actual: value, expected: term('filled'), field: term(field) } });
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(target, ctx.path);
    return gaps;
  },
});
