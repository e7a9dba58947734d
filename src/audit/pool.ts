import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanFile } from '../plan/discover.js';
import type { FileAudit } from './file.js';
import { packed } from './packed.js';
import type { WorkerSettings } from './settings.js';

/** A batch of files for one worker, by their place in the sorted list. */
export interface WorkerTask {
  indexes: number[];
  files: PlanFile[];
}

export type WorkerReply = { indexes: number[]; results: FileAudit[] } | { failure: string; stack?: string };

export const defaultJobs = (): number => availableParallelism();

/** Small batches keep every worker busy to the end even when one county's plan is ten times another's. */
const BATCH = 8;

/**
 * Audit files on `jobs` worker threads. Each worker audits with the settings it is given (plain
 * data: catalog, config, waivers, audit date) and reads nothing else but the plans; results are put back in the order of `files`, so the report is the same whatever `jobs` is.
 */
export async function auditInPool(
  files: PlanFile[],
  jobs: number,
  setup: WorkerSettings,
  onFile?: (done: number, total: number, file: string) => void,
): Promise<FileAudit[]> {
  const results: FileAudit[] = new Array(files.length);
  let done = 0;
  let next = 0;
  const take = (): WorkerTask | undefined => {
    if (next >= files.length) return undefined;
    const indexes: number[] = [];
    for (; indexes.length < BATCH && next < files.length; next++) indexes.push(next);
    return { indexes, files: indexes.map((i) => files[i]!) };
  };
  const count = Math.max(1, Math.min(jobs, Math.ceil(files.length / BATCH)));
  const url = new URL('./worker.js', import.meta.url);
  const workers: Worker[] = [];
  const run = Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(url, { workerData: setup });
      workers.push(worker);
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          const task = take();
          if (task) worker.postMessage(task);
          else void worker.terminate().then(() => resolve());
        };
        worker.on('message', (reply: WorkerReply) => {
          if ('failure' in reply) {
            const error = new Error(reply.failure);
            if (reply.stack) error.stack = reply.stack;
            reject(error);
            return;
          }
          reply.indexes.forEach((i, k) => {
            results[i] = packed(reply.results[k]!);
            onFile?.(++done, files.length, files[i]!.display);
          });
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && code !== 1) reject(new Error(`audit worker stopped with code ${code}`));
        });
        feed();
      });
    }),
  );
  try {
    await run;
  } catch (e) {
    // One worker failed: stop the others, or they would keep the process alive.
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  return results;
}
