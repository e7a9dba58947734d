/**
 * A merged JSON report without its `shards` section (the one part a single run lacks), as
 * bytes: the rest must equal the single run's report byte for byte.
 */
export function withoutShards(merged: string): string {
  const at = merged.lastIndexOf(',\n  "shards": [');
  if (at < 0) throw new Error('the merged report has no shards section');
  return `${merged.slice(0, at)}\n}\n`;
}
