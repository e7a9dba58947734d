import type { PlanFile } from '../plan/discover.js';

/** Shard `index` (1-based) of `count`: one job of a CI matrix. */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` → {index: 2, count: 4}; undefined when the text is not such a pair. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The files of one shard: every `count`-th file of the sorted list, starting at `index`. The
 * shards of one list are disjoint, cover it, and differ in size by at most one file.
 */
export function shardOf(files: readonly PlanFile[], shard: Shard): PlanFile[] {
  return files.filter((_, i) => i % shard.count === shard.index - 1);
}
