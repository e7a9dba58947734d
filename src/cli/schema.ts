import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load.js';
import { editorSchema } from '../scaffold/editorSchema.js';

const EXAMPLES = `
Examples:
  $ rural-audit schema > plan.schema.json     a copy for editors and other tools
  $ rural-audit schema | jq '.properties | keys'

Editor set-up: docs/editor.md. Field reference: docs/plan-format.md.`;

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description("print the plan format's JSON Schema for editors: Chinese and English titles and messages / 输出供编辑器使用的规划格式 JSON Schema")
    .addHelpText('after', EXAMPLES)
    .action(() => {
      process.stdout.write(`${JSON.stringify(editorSchema(loadCatalog()), null, 2)}\n`);
    });
}
