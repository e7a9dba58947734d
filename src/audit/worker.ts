/** A worker thread of the audit pool (pool.ts): audits the batches of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditContext, auditInOrder } from './file.js';
import { pack, type PackedAudit } from './packed.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import type { WorkerSettings } from './settings.js';

const context = new AuditContext(workerData as WorkerSettings);

parentPort!.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  let packedAudits: PackedAudit[] = [];
  try {
    // Packed here, where the findings were made: the calling thread never holds them as objects.
    packedAudits = await auditInOrder(task.files, context, undefined, pack);
    reply = { indexes: task.indexes, results: packedAudits };
  } catch (e) {
    reply = { failure: (e as Error).message ?? String(e), stack: (e as Error).stack };
  }
  const transfer = packedAudits.flatMap((p) => (p.findings ? [p.findings.bytes.buffer as ArrayBuffer] : []));
  parentPort!.postMessage(reply, transfer);
});
