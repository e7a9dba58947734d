import type { Lang } from '../catalog/types.js';
import { decode, type Encoding } from '../plan/decode.js';
import { say, sayBoth } from '../plan/words.js';

/** One administrative village as a county's list gives it, in the plan format's fields. */
export interface VillageRow {
  name: string;
  code: string;
  township?: string;
  category?: string;
  poverty_status?: 'exited' | 'non_poor';
  /** Yuan, as the plan format counts (a ledger column in 万元 is converted). */
  collective_income?: { operating: number };
}

/** The columns a list may have: the plan's fields, with the collective income flattened. */
type Column = 'name' | 'code' | 'township' | 'category' | 'poverty_status' | 'operating';

/** A problem in the village list: `file:line:column`, one line each. */
export interface CsvProblem {
  line: number;
  column: number;
  message: { zh: string; en: string };
}

export type VillagesCsv =
  | { ok: true; villages: VillageRow[]; encoding: Encoding; detected: boolean }
  | { ok: false; problems: CsvProblem[] };

/** Header names people actually use in exported village lists and ledgers, in Chinese and English. */
const HEADERS: Record<Column, readonly string[]> = {
  name: ['name', 'village', '村名', '名称', '村庄名称', '行政村', '行政村名称', '村委会', '村民委员会', '单位名称'],
  code: ['code', 'village_code', '代码', '区划代码', '统计用区划代码', '村代码', '行政区划代码', '统计用区划代码和城乡划分代码'],
  township: ['township', '乡镇', '所属乡镇', '乡镇（街道）', '乡镇街道', '所属乡镇（街道）', '街道'],
  category: ['category', '村庄分类', '村庄类型', '分类', '村庄类别'],
  poverty_status: ['poverty_status', '是否脱贫村', '是否已脱贫村', '贫困状况', '村类型'],
  operating: ['operating', 'collective_operating_income', '集体经营性收入', '村集体经营性收入', '经营性收入', '村集体经济经营性收入'],
};

/**
 * The village categories of the plan format (R3.1's 集聚提升、城郊融合、特色保护、搬迁撤并, and
 * 看不准), as ledgers write them.
 */
const CATEGORIES: Record<string, string> = {
  集聚提升类: 'upgrade', 集聚提升: 'upgrade', 城郊融合类: 'suburban', 城郊融合: 'suburban', 特色保护类: 'protection', 特色保护: 'protection',
  搬迁撤并类: 'relocation', 搬迁撤并: 'relocation', 看不准: 'undetermined', 暂不分类: 'undetermined', 待定: 'undetermined',
  upgrade: 'upgrade', suburban: 'suburban', protection: 'protection', relocation: 'relocation', undetermined: 'undetermined',
};
const YES = new Set(['是', '√', 'y', 'yes', 'true', '1', '脱贫村', '已脱贫村', '原贫困村', 'exited']);
const NO = new Set(['否', '×', 'n', 'no', 'false', '0', '非贫困村', 'non_poor']);

const VILLAGE_CODE = /^\d{12}$/;

/**
 * Read a village list: CSV (or tab-separated, as pasted from a spreadsheet) with the columns
 * name, code and optionally township — by header when the first row names them, by position
 * otherwise. UTF-8 with or without BOM, UTF-16 with BOM and GBK/GB18030 (what Excel saves on a
 * Chinese Windows) are recognised; quoted fields may hold commas, quotes and line breaks.
 */
export function readVillagesCsv(bytes: Uint8Array, encoding?: Encoding): VillagesCsv {
  const decoded = decode(bytes, encoding);
  if (!decoded.ok) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          message: sayBoth(decoded.reason === 'binary' ? 'villages.binary' : 'villages.encoding'),
        },
      ],
    };
  }
  const read = villagesFromRows(parseCsv(decoded.text));
  return read.ok ? { ...read, encoding: decoded.encoding, detected: decoded.detected } : read;
}

/**
 * Villages from the rows of a list, however it was stored (CSV text, a spreadsheet's sheet):
 * columns by header when the first row names them, else name, code, township by position.
 * Every row that cannot be used is a problem at its line (or spreadsheet row) and column.
 */
export function villagesFromRows(all: CsvRow[]): { ok: true; villages: VillageRow[] } | { ok: false; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  // Ledgers often open with a title row (桃溪县行政村台账) above the header: up to four are skipped.
  const headerAt = all.slice(0, 5).findIndex((r) => isHeader(r.cells));
  const rows = headerAt > 0 ? all.slice(headerAt) : all;
  const first = rows[0];
  let columns: Partial<Record<Column, number>> = { name: 0, code: 1, township: 2 };
  /** A ledger's income column in 万元 (ten thousand yuan) is multiplied out: the plan counts yuan. */
  let incomeScale = 1;
  let body = rows;
  if (first && isHeader(first.cells)) {
    columns = {};
    for (const key of Object.keys(HEADERS) as Column[]) {
      const at = first.cells.findIndex((c) => HEADERS[key].includes(normaliseHeader(c)));
      if (at >= 0) columns[key] = at;
    }
    if (columns.operating !== undefined && /万元/.test(first.cells[columns.operating]!)) incomeScale = 10_000;
    body = rows.slice(1);
    for (const key of ['name', 'code'] as const) {
      if (columns[key] === undefined) {
        const said = (lang: Lang) =>
          say(lang, 'villages.noColumn', { column: say(lang, key === 'name' ? 'villages.columnName' : 'villages.columnCode'), names: HEADERS[key].join(say(lang, 'list.separator')) });
        problems.push({ line: first.line, column: 1, message: { zh: said('zh'), en: said('en') } });
      }
    }
    if (problems.length) return { ok: false, problems };
  }
  const villages: VillageRow[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const cell = (k: Column) => (columns[k] === undefined ? undefined : row.cells[columns[k]!]?.trim() || undefined);
    const name = cell('name') ?? '';
    const code = cell('code') ?? '';
    const township = cell('township');
    const at = (k: Column) => ({ line: row.lines[columns[k] ?? 0] ?? row.line, column: row.columns[columns[k] ?? 0] ?? 1 });
    if (!name) {
      problems.push({ ...at('name'), message: sayBoth('villages.noName') });
      continue;
    }
    if (!VILLAGE_CODE.test(code)) {
      problems.push({ ...at('code'), message: codeProblem(name, code) });
      continue;
    }
    const dup = seen.get(code);
    if (dup !== undefined) {
      problems.push({ ...at('code'), message: sayBoth('villages.repeatedCode', { code, line: dup }) });
      continue;
    }
    const village: VillageRow = { name, code, ...(township ? { township } : {}) };
    const category = cell('category');
    if (category !== undefined) {
      const known = CATEGORIES[category] ?? CATEGORIES[category.toLowerCase()];
      if (!known) {
        problems.push({ ...at('category'), message: sayBoth('villages.badCategory', { name, category }) });
        continue;
      }
      village.category = known;
    }
    const exited = cell('poverty_status')?.toLowerCase();
    if (exited !== undefined) {
      if (!YES.has(exited) && !NO.has(exited)) {
        problems.push({ ...at('poverty_status'), message: sayBoth('villages.badExited', { name, exited }) });
        continue;
      }
      village.poverty_status = YES.has(exited) ? 'exited' : 'non_poor';
    }
    const income = cell('operating');
    if (income !== undefined) {
      const amount = Number(income.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(amount) || amount < 0) {
        problems.push({ ...at('operating'), message: sayBoth('villages.badIncome', { name, income }) });
        continue;
      }
      village.collective_income = { operating: Math.round(amount * incomeScale * 100) / 100 };
    }
    seen.set(code, row.line);
    villages.push(village);
  }
  if (problems.length) return { ok: false, problems };
  if (villages.length === 0) {
    return { ok: false, problems: [{ line: 1, column: 1, message: sayBoth('villages.noRows') }] };
  }
  return { ok: true, villages };
}

function codeProblem(name: string, code: string): { zh: string; en: string } {
  return sayBoth(/^\d+(\.\d+)?e\+?\d+$/i.test(code) ? 'villages.scientificCode' : 'villages.badCode', { name, code });
}

/** Header text compared without case, spaces or a unit in brackets: 集体经营性收入（万元） is 集体经营性收入. */
function normaliseHeader(cell: string): string {
  const bare = cell.trim().toLowerCase().replace(/\s+/g, '');
  const unit = /^(.+?)[（(][^）)]*(元|万元|个|户|人|%)[^）)]*[）)]$/.exec(bare);
  return unit ? unit[1]! : bare;
}

function isHeader(cells: string[]): boolean {
  const all = Object.values(HEADERS).flat();
  return cells.some((c) => all.includes(normaliseHeader(c))) && !cells.some((c) => VILLAGE_CODE.test(c.trim()));
}

export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts, and the line and column where each cell starts. */
  line: number;
  lines: number[];
  columns: number[];
}

/**
 * RFC 4180 CSV: quoted fields with doubled quotes and embedded line breaks; comma or, for text
 * pasted from a spreadsheet, tab as the separator (whichever the first line uses). Blank rows are skipped.
 */
export function parseCsv(text: string): CsvRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let columns: number[] = [];
  let lines: number[] = [];
  let cellLine = 1;
  let cell = '';
  let line = 1;
  let column = 1;
  let rowLine = 1;
  let cellColumn = 1;
  let quoted = false;
  const endCell = () => {
    cells.push(cell);
    lines.push(cellLine);
    columns.push(cellColumn);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line: rowLine, lines, columns });
    cells = [];
    lines = [];
    columns = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
        column += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      if (ch === '\n') {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      column++;
    } else if (ch === sep) {
      endCell();
      column++;
      cellColumn = column;
      cellLine = line;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      column = 1;
      rowLine = line;
      cellLine = line;
      cellColumn = 1;
    } else {
      cell += ch;
      column++;
    }
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}
