import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { auditsOnWorkers } from '../../src/audit/jobs.js';
import { loadBuiltinCatalog } from '../../src/catalog/builtin.js';
import { discoverPlans } from '../../src/plan/discover.js';

/**
 * Runs of more than one batch of plans audit on workers with a bounded heap, also on one thread,
 * so that memory stays that of the largest plans (src/audit/pool.ts); a plan too big for a worker
 * is audited on the calling thread instead of ending the run.
 */
// The built modules: worker threads load dist/audit/worker.js.
const pool = (await import(new URL('../../dist/audit/pool.js', import.meta.url).href)) as typeof import('../../src/audit/pool.js');
const file = (await import(new URL('../../dist/audit/file.js', import.meta.url).href)) as typeof import('../../src/audit/file.js');
const { packed } = (await import(new URL('../../dist/audit/packed.js', import.meta.url).href)) as typeof import('../../src/audit/packed.js');

describe('when a run goes to worker threads', () => {
  it('sends more than one batch (8 plans) to workers, and one batch to none', () => {
    expect(auditsOnWorkers(1)).toBe(false);
    expect(auditsOnWorkers(8)).toBe(false);
    expect(auditsOnWorkers(9)).toBe(true);
  });

  it('bounds a worker heap by the file size limit, never past the process limit', () => {
    const processMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    expect(pool.workerHeapMb(5 * 2 ** 20)).toBe(Math.min(1024, processMb));
    expect(pool.workerHeapMb(20 * 2 ** 20)).toBe(Math.min(1920, processMb));
    expect(pool.workerHeapMb(2 ** 40)).toBe(processMb);
  });
});

describe('a worker that runs out of memory', () => {
  // Nine small plans and one whose flow sequence of 400,000 items needs far more than 16 MiB of heap.
  const dir = mkdtempSync(join(tmpdir(), 'ra-worker-oom-'));
  for (let i = 0; i < 9; i++) copyFileSync(i % 2 ? 'examples/partial.yaml' : 'examples/misaligned.yaml', join(dir, `p${i}.yaml`));
  writeFileSync(join(dir, 'big.yaml'), `${'county: 大'.padEnd(12)}\nitems: [${Array(400_000).fill('1').join(',')}]\n`);
  const setup = { catalog: loadBuiltinCatalog(), waivers: [], today: '2026-12-01', cwd: dir };

  it('loses only its batch: the batch is audited on the calling thread and the report is the in-order one', async () => {
    const { files } = await discoverPlans(['.'], dir);
    expect(files).toHaveLength(10);
    const inOrder = await file.auditInOrder(files, new file.AuditContext(setup), undefined, packed);
    const lost: string[][] = [];
    const seen: string[] = [];
    const pooled = await pool.auditInPool(files, 1, setup, {
      heapMb: 16,
      onOutOfMemory: (batch) => lost.push(batch.map((f) => f.display)),
      onFile: (_done, _total, name) => seen.push(name),
    });
    // The first batch (big.yaml and seven plans) at least; a 16 MiB worker may not start at all.
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(lost[0]).toContain('big.yaml');
    expect(seen.sort()).toEqual(files.map((f) => f.display).sort());
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inOrder));
    expect(pooled.some((a) => a.result.findings.length > 0)).toBe(true);
  });

  it('is not needed with the default heap: the same audits, no batch lost', async () => {
    const { files } = await discoverPlans(['.'], dir);
    const lost: unknown[] = [];
    const pooled = await pool.auditInPool(files, 2, setup, { onOutOfMemory: (batch) => lost.push(batch) });
    const inOrder = await file.auditInOrder(files, new file.AuditContext(setup), undefined, packed);
    expect(lost).toEqual([]);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inOrder));
  });
});
