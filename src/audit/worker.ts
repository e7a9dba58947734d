/** A worker thread of the audit pool (pool.ts): audits the batches of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditContext, auditInOrder } from './file.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import type { WorkerSettings } from './settings.js';

const context = new AuditContext(workerData as WorkerSettings);

parentPort!.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { indexes: task.indexes, results: await auditInOrder(task.files, context) };
  } catch (e) {
    reply = { failure: (e as Error).message ?? String(e), stack: (e as Error).stack };
  }
  parentPort!.postMessage(reply);
});
