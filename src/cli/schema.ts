import type { Command } from 'commander';
import planSchema from '../plan/plan.schema.json' with { type: 'json' };

const EXAMPLES = `
Examples:
  $ rural-audit schema > plan.schema.json     a copy for editors and other tools
  $ rural-audit schema | jq '.properties | keys'

Editor set-up: docs/editor.md. Field reference: docs/plan-format.md.`;

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description("print the plan format's JSON Schema, with Chinese and English titles / 输出规划格式的 JSON Schema")
    .addHelpText('after', EXAMPLES)
    .action(() => {
      process.stdout.write(`${JSON.stringify(planSchema, null, 2)}\n`);
    });
}
