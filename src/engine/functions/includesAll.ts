import { scoped } from '../gap.js';
import { isRecord } from '../select.js';
import { defineFunction } from './types.js';

/**
 * A list holds every listed value, or a mapping has every listed key with a non-empty value
 * (an empty list counts as missing).
 * A missing node lacks all of them.
 */
export default defineFunction<{ values: string[] }>({
  name: 'includesAll',
  optionsSchema: {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    properties: { values: { type: 'array', minItems: 1, items: { type: 'string' }, uniqueItems: true } },
  },
  check(target, { values }, ctx) {
    // Keys are named as the field holding them means them: `unit` of a target is its unit of measure.
    const scope = [...ctx.path].reverse().find((s): s is string => typeof s === 'string');
    const has = (v: string): boolean => {
      if (Array.isArray(target)) return target.includes(v);
      if (!isRecord(target) || !Object.prototype.hasOwnProperty.call(target, v)) return false;
      const child = target[v];
      if (Array.isArray(child)) return child.length > 0;
      return child !== null && child !== undefined && child !== '';
    };
    const missing = values.filter((v) => !has(v));
    if (missing.length === 0) return [];
    return [
      {
        values: {
          missing: missing.map((v) => scoped(v, scope)),
          count: missing.length,
          actual: values.length - missing.length,
          expected: values.length,
        },
      },
    ];
  },
});
