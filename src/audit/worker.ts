/**
 * A worker thread of the audit pool (pool.ts): audits the batches of files it is sent. Loaded
 * outside a worker (the build warming the bundled worker's code cache) it only exports `auditBatch`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditContext, auditInOrder } from './file.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import { pack } from './packed.js';
import type { WorkerSettings } from './settings.js';

/** A batch's reply, and the buffers that go with it without a copy. */
export async function auditBatch(task: WorkerTask, context: AuditContext): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  try {
    // Packed here, where the findings were made: the calling thread never holds them as objects.
    const results = await auditInOrder(task.files, context, undefined, pack);
    return { reply: { indexes: task.indexes, results }, transfer: results.flatMap((p) => (p.findings ? [p.findings.bytes.buffer as ArrayBuffer] : [])) };
  } catch (e) {
    return { reply: { failure: (e as Error).message ?? String(e), stack: (e as Error).stack }, transfer: [] };
  }
}

export { AuditContext } from './file.js';

if (parentPort) {
  const port = parentPort;
  const context = new AuditContext(workerData as WorkerSettings);
  port.on('message', async (task: WorkerTask) => {
    const { reply, transfer } = await auditBatch(task, context);
    port.postMessage(reply, transfer);
  });
}
