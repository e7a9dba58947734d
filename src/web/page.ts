/**
 * The browser page (`rural-audit web`): choose or drop plans, see the HTML report's sections with
 * every gap linked to its line in the plan, download the reports. The audit runs in a Web Worker
 * (worker.ts) started from this very script; the report is the HTML formatter's own output.
 */
import type { AuditResult } from '../audit/result.js';
import type { Lang } from '../catalog/types.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from '../plan/document.js';
import planSchema from '../plan/plan.schema.json' with { type: 'json' };
import { joinReport } from '../report/chunks.js';
import { html } from '../report/html.js';
import { json } from '../report/json.js';
import { remediation } from '../report/remediation.js';
import { problemLines } from '../report/text.js';
import { isWordKey, say } from '../plan/words.js';
import { planTemplate } from '../scaffold/template.js';
import { readVillagesCsv } from '../scaffold/villages-csv.js';
import { VERSION } from '../version.js';
import type { PagePlan } from './audit.js';
import { PROFILES } from './profiles.js';
import { runTask, type AuditTask, type WorkerMessage } from './worker.js';

/** Lines shown around the one a gap points at: a 20,000-village plan has too many to show at once. */
const SOURCE_WINDOW = 300;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface State {
  lang: Lang;
  plans: PagePlan[];
  result?: AuditResult;
  sources: Record<string, string>;
  task: number;
}

export function startPage(): void {
  const state: State = { lang: 'zh', plans: [], sources: {}, task: 0 };
  const worker = startWorker(
    (m) => onWorker(state, m),
    (message) => showProblems([`${say(state.lang, 'web.failed')}: ${message}`], 'failed', state),
  );
  // Never a blank or silent page: anything unexpected is said where the report would be.
  window.addEventListener('error', (e) => showProblems([`${say(state.lang, 'web.failed')}: ${e.message}`], 'failed', state));
  const langSelect = $<HTMLSelectElement>('lang');
  const today = $<HTMLInputElement>('today');
  const profile = $<HTMLSelectElement>('profile');
  const maxSize = $<HTMLInputElement>('max-size');
  langSelect.value = state.lang;
  today.value = localDate(new Date());
  maxSize.value = '5M';
  for (const p of PROFILES) profile.append(new Option(p.name, p.name));

  const audit = () => {
    if (state.plans.length === 0) return;
    const maxBytes = parseByteSize(maxSize.value) ?? (maxSize.value.trim() === '' ? DEFAULT_MAX_BYTES : undefined);
    if (maxBytes === undefined) return showProblems([say(state.lang, 'web.badSize')], 'failed', state);
    const task: AuditTask = { id: ++state.task, plans: state.plans, profile: profile.value, today: today.value || localDate(new Date()), maxBytes };
    document.body.dataset.state = 'auditing';
    setStatus(state, `${say(state.lang, 'web.auditing')} 0/${task.plans.length}`, 0);
    if (worker) worker.postMessage(task);
    else auditHere(state, task);
  };
  const choose = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // An audit still running on the plans being replaced must not show its result meanwhile.
    state.task++;
    setStatus(state, say(state.lang, 'web.reading'));
    state.plans = await Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    audit();
  };

  langSelect.addEventListener('change', () => {
    state.lang = langSelect.value === 'en' ? 'en' : 'zh';
    translate(state);
    if (state.result) render(state);
  });
  for (const input of [today, profile, maxSize]) input.addEventListener('change', audit);
  $<HTMLInputElement>('files').addEventListener('change', (e) => void choose((e.target as HTMLInputElement).files));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void choose(e.dataTransfer?.files ?? null);
  });
  $('report').addEventListener('click', (e) => {
    const row = (e.target as Element).closest<HTMLElement>('tr[data-line]');
    const file = row?.closest<HTMLElement>('section[data-file]')?.dataset.file;
    if (row && file !== undefined) showSource(state, file, Number(row.dataset.line));
  });
  $('print').addEventListener('click', () => window.print());
  $('download-json').addEventListener('click', () => state.result && download('rural-audit-report.json', joinReport(json(state.result, { lang: state.lang, color: false })), 'application/json'));
  $('download-csv').addEventListener('click', () => state.result && download('rural-audit-remediation.csv', joinReport(remediation(state.result, { lang: state.lang, color: false })), 'text/csv'));
  $('download-html').addEventListener('click', () => state.result && download('rural-audit-report.html', joinReport(html(state.result, { lang: state.lang, color: false })), 'text/html'));
  $('source-close').addEventListener('click', () => ($('source').hidden = true));
  newPlanDialog(state);
  translate(state);
  setStatus(state, say(state.lang, 'web.waiting'));
  document.body.dataset.state = 'ready';
}

/** A control's word, named by its `data-w`. */
function pageWord(lang: Lang, name: string | undefined): string {
  const key = `web.${name}`;
  return isWordKey(key) ? say(lang, key) : '';
}

/** The worker from this page's own script; undefined where a browser refuses workers from blob: URLs. */
function startWorker(onMessage: (m: WorkerMessage) => void, onError: (message: string) => void): Worker | undefined {
  try {
    const code = document.getElementById('engine')!.textContent!;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
    worker.onerror = (e) => onError(e.message);
    return worker;
  } catch {
    return undefined;
  }
}

/** Without a worker: the same audit on the page's thread. */
function auditHere(state: State, task: AuditTask): void {
  showProblems([say(state.lang, 'web.noWorker')], 'auditing', state);
  setTimeout(() => {
    try {
      onWorker(state, { id: task.id, kind: 'done', ...runTask(task) });
    } catch (e) {
      showProblems([e instanceof Error ? e.message : String(e)], 'failed', state);
    }
  });
}

function onWorker(state: State, m: WorkerMessage): void {
  if (m.id !== state.task) return; // an audit the planner has since replaced
  if (m.kind === 'progress') {
    setStatus(state, `${say(state.lang, 'web.auditing')} ${m.done}/${m.total}${m.file && m.done < m.total ? ` · ${m.file}` : ''}`, m.total ? m.done / m.total : 0);
  } else if (m.kind === 'failed') {
    showProblems([`${say(state.lang, 'web.failed')}: ${m.message}`], 'failed', state);
  } else {
    state.result = m.result;
    state.sources = m.sources;
    render(state);
  }
}

function render(state: State): void {
  const result = state.result!;
  const page = new DOMParser().parseFromString(joinReport(html(result, { lang: state.lang, color: false })), 'text/html');
  $('report-style').textContent = page.querySelector('style')?.textContent ?? '';
  $('report').replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
  const profile = PROFILES.find((p) => p.name === ($<HTMLSelectElement>('profile').value || 'default'));
  const notices = profile?.example ? [say(state.lang, 'web.exampleProfile', { name: profile.name })] : [];
  showProblems([...problemLines(result, state.lang, false), ...notices], 'done', state);
  for (const id of ['print', 'download-json', 'download-csv', 'download-html']) $<HTMLButtonElement>(id).disabled = false;
  const files = result.files.length;
  setStatus(state, `${say(state.lang, 'web.done')} · ${say(state.lang, 'report.files', { count: files })}`, 1);
}

/** Input errors and notices, one line each, as `check` prints them on stderr. */
function showProblems(lines: string[], pageState: string, state: State): void {
  const list = $('problems');
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  list.hidden = lines.length === 0;
  document.body.dataset.state = pageState;
  if (pageState === 'failed') setStatus(state, say(state.lang, 'web.failed'));
}

function setStatus(state: State, text: string, fraction?: number): void {
  $('status').textContent = text;
  const bar = $<HTMLProgressElement>('progress');
  bar.hidden = fraction === undefined || state.plans.length === 0;
  if (fraction !== undefined) bar.value = fraction;
}

function showSource(state: State, file: string, line: number): void {
  const text = state.sources[file];
  if (text === undefined) return;
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - SOURCE_WINDOW);
  const last = Math.min(lines.length, line + SOURCE_WINDOW);
  const list = document.createElement('ol');
  list.start = first;
  for (let n = first; n <= last; n++) {
    const item = document.createElement('li');
    item.textContent = lines[n - 1] || '\u00a0';
    if (n === line) item.className = 'hit';
    list.append(item);
  }
  $('source-title').textContent = `${file}:${line}`;
  $('source-code').replaceChildren(list);
  $('source').hidden = false;
  // Scrolled within the source view only: the report stays where the planner clicked.
  const hit = list.querySelector<HTMLElement>('.hit');
  const view = $('source-code');
  if (hit) view.scrollTop = hit.offsetTop - view.clientHeight / 2;
}

/** The `init` template, with the villages pasted from a spreadsheet. */
function newPlanDialog(state: State): void {
  const dialog = $<HTMLDialogElement>('new-plan-dialog');
  $('new-plan').addEventListener('click', () => dialog.showModal());
  $('np-close').addEventListener('click', () => dialog.close());
  $('np-schema').addEventListener('click', () => download('plan.schema.json', `${JSON.stringify(planSchema, null, 2)}\n`, 'application/json'));
  $('np-download').addEventListener('click', () => {
    const county = $<HTMLInputElement>('np-county').value.trim() || undefined;
    const code = $<HTMLInputElement>('np-code').value.trim() || undefined;
    const pasted = $<HTMLTextAreaElement>('np-villages').value;
    let villages;
    if (pasted.trim() !== '') {
      const read = readVillagesCsv(new TextEncoder().encode(pasted));
      if (!read.ok) {
        $('np-problems').replaceChildren(
          ...read.problems.map((p) => Object.assign(document.createElement('li'), { textContent: `villages:${p.line}:${p.column}: ${p.message[state.lang]}` })),
        );
        return;
      }
      villages = read.villages;
    }
    $('np-problems').replaceChildren();
    const catalog = PROFILES[0]?.catalog;
    const text = planTemplate({ county: { name: county, code }, villages, schema: 'plan.schema.json', catalog });
    download(`${county ?? 'plan'}.yaml`, text, 'text/yaml');
  });
}

/** Every element with `data-w` shows that word of the page in the chosen language. */
function translate(state: State): void {
  document.documentElement.lang = say(state.lang, 'langTag');
  for (const el of document.querySelectorAll<HTMLElement>('[data-w]')) el.textContent = pageWord(state.lang, el.dataset.w);
  document.title = say(state.lang, 'web.title');
  for (const option of $<HTMLSelectElement>('profile').options) {
    const p = PROFILES.find((x) => x.name === option.value);
    if (p) option.textContent = `${p.name} · ${p.title[state.lang]}`;
  }
  $('about').textContent = `rural-audit ${VERSION} · ${say(state.lang, 'report.source')} · ${say(state.lang, 'web.rules', { count: PROFILES[0]?.catalog.rules.length ?? 0 })}`;
}

function download(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The audit date's default: today on this computer's calendar, as `check` takes it. */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
