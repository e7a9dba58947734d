import type { Path } from '../../plan/path.js';
import type { Gap } from '../gap.js';
import { term } from '../gap.js';
import { childOf, isRecord } from '../select.js';
import { fillPlain } from '../template.js';
import { defineFunction } from './types.js';

interface Options {
  /** Projects below this amount are small (`min_project_funds`). */
  below: number;
  /** Project kinds small by design, never fragmentation (到户产业扶持: household support). */
  exempt?: string[];
  /** How a project is named in the message. */
  label?: string;
}

/**
 * Fragmentation (零散化、碎片化) as the document means it: two or more small projects of the same
 * kind in the same village, funded from different channels (the sources of `funding` with a
 * share above 0). One gap per village and kind, at its first project, naming them all. Projects
 * without a kind or a stated funding are not judged.
 */
export default defineFunction<Options>({
  name: 'fragmented',
  summary: 'Two or more projects below `below` of the same kind in the same village come from different funding channels (kinds in `exempt` never count): one gap per village and kind.',
  messages: {},
  values: ['village', 'kind', 'count', 'channels', 'actual', 'expected', 'items'],
  optionsSchema: {
    type: 'object',
    required: ['below'],
    additionalProperties: false,
    properties: {
      below: { description: 'projects below this amount (yuan) are small', type: 'number', minimum: 0 },
      exempt: { description: 'project kinds small by design, never fragmentation', type: 'array', items: { type: 'string' } },
      label: { description: 'how a project is named in `items`', type: 'string' },
    },
  },
  check(target, { below, exempt = [], label = '{{id}} {{name}}' }, ctx) {
    if (!Array.isArray(target)) return [];
    const groups = new Map<string, { village: string; kind: string; at: number[]; channels: Set<string> }>();
    target.forEach((project, index) => {
      const kind = childOf(project, 'kind');
      const funds = childOf(project, 'funds');
      const villages = childOf(project, 'villages');
      const funding = childOf(project, 'funding');
      if (typeof kind !== 'string' || exempt.includes(kind) || typeof funds !== 'number' || funds >= below) return;
      if (!Array.isArray(villages) || !isRecord(funding)) return;
      const channel = Object.keys(funding)
        .filter((k) => typeof funding[k] === 'number' && (funding[k] as number) > 0)
        .sort()
        .join('+');
      for (const village of villages) {
        if (typeof village !== 'string') continue;
        const key = `${village}\0${kind}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { village, kind, at: [], channels: new Set() }));
        g.at.push(index);
        g.channels.add(channel);
      }
    });
    const gaps: Gap<never>[] = [];
    for (const g of groups.values()) {
      if (g.at.length < 2 || g.channels.size < 2) continue;
      const paths: Path[] = g.at.map((i) => [...ctx.path, i]);
      gaps.push({
        path: paths[0],
        related: paths.slice(1),
        values: {
          village: g.village,
          kind: term(g.kind),
          count: g.at.length,
          channels: g.channels.size,
          actual: g.at.length,
          expected: 1,
          items: g.at.map((i) => fillPlain(label, target[i])),
        },
        item: `${g.village}:${g.kind}`,
      });
    }
    return gaps;
  },
});
