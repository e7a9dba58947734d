import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load.js';
import { PLACEHOLDER } from '../plan/placeholder.js';
import { EDITOR_SCHEMA_FILE } from '../scaffold/editorSchema.js';
import { planTemplate } from '../scaffold/template.js';
import { readVillagesCsv, type VillageRow } from '../scaffold/villages-csv.js';
import { readVillagesXlsx } from '../scaffold/villages-xlsx.js';
import { sanitize } from '../report/text.js';
import { guardTemporaryFiles, pending } from './output.js';
import { UsageError } from './usage.js';

/** The plan format's JSON Schema as shipped in the package (package.json `files`). */
export const SCHEMA_FILE = fileURLToPath(new URL(`../plan/${EDITOR_SCHEMA_FILE}`, import.meta.url));

interface InitOptions {
  force?: boolean;
  county?: string;
  code?: string;
  villages?: string;
  sheet?: string;
  schema?: string;
}

const EXAMPLES = `
Examples:
  $ rural-audit init                                   write plan.yaml in this folder
  $ rural-audit init 桃溪县.yaml --county 桃溪县 --code 439921
  $ rural-audit init plan.yaml --villages villages.csv  one entry per row of name,code[,township]
  $ rural-audit init plan.yaml --villages 村庄台账.xlsx --sheet 行政村   a ledger kept in Excel
  $ rural-audit init - > plan.yaml                      the template on stdout
  $ rural-audit init plan.yaml --force                  replace an existing plan.yaml

Every value to write is marked 待填写; until it is replaced, \`rural-audit check\` reports it.
The first line turns on completion and hover help in editors with YAML support (docs/editor.md).`;

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a plan template with every section, Chinese comments and placeholders / 生成规划模板')
    .argument('[file]', 'where to write it; - for stdout', 'plan.yaml')
    .option('--county <name>', 'county name to fill in')
    .option('--code <code>', '6-digit county code (GB/T 2260) to fill in')
    .option('--villages <file>', 'administrative villages: CSV (name,code[,township]; UTF-8 or GBK; header optional) or an Excel ledger (.xlsx) with the usual Chinese headers')
    .option('--sheet <name>', 'the sheet of the .xlsx ledger to read (default: the first)')
    .option('--schema <path-or-url>', "what the editor line '# yaml-language-server: $schema=' points at (default: the installed schema, relative to the plan)")
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, opts: InitOptions) => {
      process.exitCode = await runInit(file, opts);
    });
}

export async function runInit(file: string, opts: InitOptions): Promise<number> {
  if (opts.code !== undefined && !/^\d{4}(?!00)\d{2}$/.test(opts.code)) {
    throw new UsageError(`--code ${opts.code}: a county code has 6 digits and does not end in 00 (GB/T 2260)`);
  }
  const toStdout = file === '-';
  const target = resolve(file);
  if (!toStdout && !opts.force && existsSync(target)) {
    throw new UsageError(`${file} 已存在，未改动；要覆盖请加 --force / ${file} exists and was left as it is; add --force to replace it`);
  }
  if (opts.sheet !== undefined && opts.villages === undefined) throw new UsageError('--sheet names a sheet of the --villages workbook; give --villages too');
  const villages = opts.villages === undefined ? undefined : await readVillages(opts.villages, opts.sheet);
  const text = planTemplate({
    county: { name: opts.county, code: opts.code },
    villages,
    schema: opts.schema ?? schemaReference(toStdout ? process.cwd() : dirname(target)),
    catalog: loadCatalog(),
  });
  if (toStdout) {
    process.stdout.write(text);
    return 0;
  }
  await writeWhole(target, text, opts.force === true);
  const count = text.split('\n').filter((l) => !l.trimStart().startsWith('#') && l.includes(PLACEHOLDER)).length;
  process.stderr.write(
    `已生成 ${file}：${count} 处「${PLACEHOLDER}」需要填写${villages ? `，已列入 ${villages.length} 个行政村` : ''}。填写后运行 npx rural-audit check ${file}\n` +
      `wrote ${file}: ${count} placeholders to fill in${villages ? `, ${villages.length} villages listed` : ''}. Then run npx rural-audit check ${file}\n`,
  );
  return 0;
}

async function readVillages(csv: string, sheet?: string): Promise<VillageRow[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(csv);
  } catch (e) {
    throw new UsageError(`${csv}: cannot read the village list: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // An .xlsx is a zip archive: its first bytes say so, whatever the file is called.
  const workbook = bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004';
  if (sheet !== undefined && !workbook) throw new UsageError(`${csv}: --sheet applies to an Excel workbook (.xlsx), and this is not one`);
  const parsed = workbook ? await readVillagesXlsx(bytes, sheet) : readVillagesCsv(bytes);
  if (!parsed.ok) {
    const lines = parsed.problems.slice(0, 20).map((p) => sanitize(`${csv}:${p.line}:${p.column}: 错误: ${p.message.zh} / ${p.message.en}`));
    if (parsed.problems.length > 20) lines.push(`… ${parsed.problems.length - 20} more`);
    throw new UsageError(`the village list has problems; nothing was written\n${lines.join('\n')}`);
  }
  if ('detected' in parsed && parsed.detected && parsed.encoding !== 'utf-8') process.stderr.write(`${csv}: 提示：按 ${parsed.encoding.toUpperCase()} 编码读取 / notice: read as ${parsed.encoding.toUpperCase()}\n`);
  return parsed.villages;
}

/**
 * The schema for the editor line: the one installed with rural-audit, relative to the plan so
 * that the line works on every checkout. From a throw-away `npx` cache it would not last, so
 * then the published schema's URL is used and the user is told how to keep a copy.
 */
function schemaReference(planDir: string): string {
  const rel = relative(planDir, SCHEMA_FILE).split(sep).join('/');
  if (rel.includes('/_npx/')) {
    process.stderr.write('提示 / notice: rural-audit is not installed in this project; for editor support run `npx rural-audit schema > plan.schema.json` and `init --schema plan.schema.json`\n');
    return 'plan.schema.json';
  }
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Whole or not at all, and never over an existing file unless forced: a hard link fails if the name is taken. */
async function writeWhole(target: string, text: string, force: boolean): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Synchronous, like writeReport: no signal handler runs while the temporary file exists.
  guardTemporaryFiles();
  pending.add(tmp);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    if (force) renameSync(tmp, target);
    else {
      linkSync(tmp, target);
      unlinkSync(tmp);
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never made
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${target} exists and was left as it is; add --force to replace it`);
    throw new UsageError(`${target}: cannot write the template: ${code ?? (e as Error).message}`);
  } finally {
    pending.delete(tmp);
  }
}
