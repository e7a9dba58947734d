/**
 * The page's Web Worker: audits the plans it is sent, off the page's thread, so that a 20,000-
 * village plan does not freeze the page, and reports progress after each file.
 */
import type { AuditResult } from '../audit/result.js';
import { decode } from '../plan/decode.js';
import { auditInPage, byName, type PagePlan } from './audit.js';
import { PROFILES } from './profiles.js';

export interface AuditTask {
  id: number;
  plans: PagePlan[];
  profile: string;
  today: string;
  maxBytes: number;
}

export type WorkerMessage =
  | { id: number; kind: 'progress'; done: number; total: number; file?: string }
  | { id: number; kind: 'done'; result: AuditResult; sources: Record<string, string> }
  | { id: number; kind: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<AuditTask>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

/** One audit as the page asks for it: the result, and each plan's text as the audit decoded it (for the source view). */
export function runTask(task: AuditTask, onProgress: (m: WorkerMessage) => void = () => undefined): { result: AuditResult; sources: Record<string, string> } {
  const profile = PROFILES.find((p) => p.name === task.profile) ?? PROFILES[0]!;
  const plans = byName(task.plans);
  onProgress({ id: task.id, kind: 'progress', done: 0, total: plans.length, file: plans[0]?.name });
  const result = auditInPage(plans, {
    profile,
    today: task.today,
    maxBytes: task.maxBytes,
    onFile: (done, total) => onProgress({ id: task.id, kind: 'progress', done, total, file: plans[done]?.name }),
  });
  const sources: Record<string, string> = {};
  for (const p of plans) {
    const decoded = p.bytes.length <= task.maxBytes ? decode(p.bytes) : undefined;
    if (decoded?.ok) sources[p.name] = decoded.text;
  }
  return { result, sources };
}

export function startWorker(scope: WorkerScope): void {
  scope.onmessage = ({ data: task }) => {
    const post = (m: WorkerMessage) => scope.postMessage(m);
    try {
      post({ id: task.id, kind: 'done', ...runTask(task, post) });
    } catch (e) {
      post({ id: task.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };
}
