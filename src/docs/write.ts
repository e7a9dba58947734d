import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/load.js';
import { functionsDoc } from './functions.js';
import { planFormatDoc } from './planFormat.js';
import { rulePages } from './rulePages.js';
import { traceabilityDoc } from './traceability.js';

const catalog = loadCatalog();

/** `npm run docs`: regenerate the documents that are made from data. A test fails when they drift. */
export const GENERATED: Record<string, () => string> = {
  'docs/functions.md': functionsDoc,
  'docs/plan-format.md': planFormatDoc,
  'docs/traceability.md': () => traceabilityDoc(catalog),
  ...rulePages(catalog),
};

/** Folders whose every file is generated: a page left behind by a removed rule is deleted. */
export const GENERATED_DIRS = ['docs/rules/'];

export function writeGeneratedDocs(root: URL): void {
  for (const dir of GENERATED_DIRS) {
    const path = fileURLToPath(new URL(dir, root));
    mkdirSync(path, { recursive: true });
    for (const f of readdirSync(path)) if (!GENERATED[dir + f]) rmSync(new URL(dir + f, root));
  }
  for (const [file, make] of Object.entries(GENERATED)) {
    mkdirSync(dirname(fileURLToPath(new URL(file, root))), { recursive: true });
    writeFileSync(new URL(file, root), make());
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  writeGeneratedDocs(new URL('../../', import.meta.url));
}
