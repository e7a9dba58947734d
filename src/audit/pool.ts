import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { PlanFile } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES } from '../plan/load.js';
import { AuditContext, auditInOrder, type FileAudit } from './file.js';
import { BATCH } from './jobs.js';
import { packed, unpacked, type PackedAudit } from './packed.js';
import type { WorkerSettings } from './settings.js';

/** A batch of files for one worker, by their place in the sorted list. */
export interface WorkerTask {
  indexes: number[];
  files: PlanFile[];
}

export type WorkerReply = { indexes: number[]; results: PackedAudit[] } | { failure: string; stack?: string };

/**
 * A worker's old-generation limit, in MiB. V8 grows a heap in step with its limit (4 GiB by
 * default on the project's machine): the live heap of a run stays under 25 MB, yet with the default
 * limit the process grew past 200 MB on the 2,844 synthetic plans. 1 GiB holds the largest plan
 * allowed by default twice over (parsing takes ~90 times a file's size, plan/document.ts); a larger
 * `--max-file-size` raises it to 96 times that size, never past the process's own limit. A batch
 * that needs more is audited again on the calling thread (`auditInPool`).
 */
export function workerHeapMb(maxBytes: number): number {
  const processLimit = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  return Math.min(processLimit, Math.max(1024, Math.ceil((maxBytes * 96) / 2 ** 20)));
}

export interface PoolOptions {
  /** Called after each file is audited, in the order files finish. */
  onFile?: (done: number, total: number, file: string) => void;
  /** Each worker's old-generation limit in MiB; `workerHeapMb` of the settings' file size limit by default. */
  heapMb?: number;
  /** Called when a worker ran out of memory on a batch, before that batch is audited on the calling thread. */
  onOutOfMemory?: (files: PlanFile[]) => void;
}

/**
 * Audit files on `jobs` worker threads. Each worker audits with the settings it is given (plain
 * data: catalog, config, waivers, audit date) and reads nothing else but the plans; results are
 * put back in the order of `files`, so the report is the same whatever `jobs` is.
 */
export async function auditInPool(files: PlanFile[], jobs: number, setup: WorkerSettings, options: PoolOptions = {}): Promise<FileAudit[]> {
  const { onFile, onOutOfMemory, heapMb = workerHeapMb(setup.maxBytes ?? DEFAULT_MAX_BYTES) } = options;
  const results: FileAudit[] = new Array(files.length);
  let done = 0;
  let next = 0;
  const take = (): WorkerTask | undefined => {
    if (next >= files.length) return undefined;
    const indexes: number[] = [];
    for (; indexes.length < BATCH && next < files.length; next++) indexes.push(next);
    return { indexes, files: indexes.map((i) => files[i]!) };
  };
  const finish = (indexes: number[], audits: FileAudit[]) =>
    indexes.forEach((i, k) => {
      results[i] = audits[k]!;
      onFile?.(++done, files.length, files[i]!.display);
    });
  let here: AuditContext | undefined;
  const url = new URL('./worker.js', import.meta.url);
  const workers = new Set<Worker>();

  // One worker, fed batches until none is left. A worker that runs out of memory loses only its
  // batch: that is audited here, where the heap is the process's own, and a fresh worker goes on.
  const serve = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      workers.add(worker);
      let task: WorkerTask | undefined;
      let replaced = false;
      const feed = () => {
        task = take();
        if (task) return worker.postMessage(task);
        workers.delete(worker);
        void worker.terminate().then(() => resolve());
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('failure' in reply) {
          const error = new Error(reply.failure);
          if (reply.stack) error.stack = reply.stack;
          return reject(error);
        }
        finish(reply.indexes, reply.results.map(unpacked));
        feed();
      });
      worker.on('error', (e: Error & { code?: string }) => {
        workers.delete(worker);
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY' || !task) return reject(e);
        const lost = task;
        replaced = true;
        onOutOfMemory?.(lost.files);
        here ??= new AuditContext(setup);
        auditInOrder(lost.files, here, undefined, packed)
          .then((audits) => {
            finish(lost.indexes, audits);
            return next < files.length ? serve() : undefined;
          })
          .then(resolve, reject);
      });
      worker.on('exit', (code) => {
        if (!replaced && task) reject(new Error(`audit worker stopped with code ${code} while auditing ${task.files[0]!.display}`));
      });
      feed();
    });

  const count = Math.max(1, Math.min(jobs, Math.ceil(files.length / BATCH)));
  try {
    await Promise.all(Array.from({ length: count }, serve));
  } catch (e) {
    // One worker failed: stop the others, or they would keep the process alive.
    await Promise.all([...workers].map((w) => w.terminate()));
    throw e;
  }
  return results;
}
