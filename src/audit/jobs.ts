/**
 * How a run's files are shared out, without loading the pool (pool.ts) itself: a run of one batch
 * never starts a thread, and its start-up spares worker_threads, v8 and zlib.
 */
import { availableParallelism } from 'node:os';

export const defaultJobs = (): number => availableParallelism();

/** Small batches keep every worker busy to the end even when one county's plan is ten times another's. */
export const BATCH = 8;

/**
 * Whether a run audits on worker threads: when it has more than one batch of plans, whatever
 * `jobs` is. One batch would go to one worker anyway, and the calling thread audits it sooner,
 * sparing a worker's start-up; more go to workers even on one thread, because a worker's heap is
 * bounded (pool.ts, `workerHeapMb`) and holds one batch at a time, so the memory of a
 * province-wide run stays that of its largest plans.
 */
export const auditsOnWorkers = (files: number): boolean => files > BATCH;
