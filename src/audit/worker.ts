/** A worker thread of the audit pool (pool.ts): audits the batches of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCatalog } from '../engine/audit.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './pool.js';
import { auditInOrder } from './run.js';

const setup = workerData as WorkerSetup;
const compiled = compileCatalog(setup.catalog, setup.parameters, setup.today);
const options = { catalog: setup.catalog, parameters: setup.parameters, today: setup.today, maxBytes: setup.maxBytes, encoding: setup.encoding };

parentPort!.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { indexes: task.indexes, results: await auditInOrder(task.files, compiled, options) };
  } catch (e) {
    reply = { failure: (e as Error).message ?? String(e), stack: (e as Error).stack };
  }
  parentPort!.postMessage(reply);
});
