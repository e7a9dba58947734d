#!/usr/bin/env node
// `--version` answers before the CLI, its commands, the catalog and the schemas are loaded:
// CI calls it often, and it should cost no more than starting node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { loadCli } = await import('./cli-script.js');
  const { installProcessHandlers, main } = loadCli().exports;
  installProcessHandlers();
  process.exitCode = await main(args);
}
