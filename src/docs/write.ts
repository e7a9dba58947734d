import { writeFileSync } from 'node:fs';
import { planFormatDoc } from './planFormat.js';

/** `npm run docs`: regenerate the documents that are made from data. A test fails when they drift. */
export const GENERATED: Record<string, () => string> = {
  'docs/plan-format.md': planFormatDoc,
};

export function writeGeneratedDocs(root: URL): void {
  for (const [file, make] of Object.entries(GENERATED)) writeFileSync(new URL(file, root), make());
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  writeGeneratedDocs(new URL('../../', import.meta.url));
}
