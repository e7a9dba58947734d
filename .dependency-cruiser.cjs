/**
 * The dependency direction of CONTRIBUTING.md, checked by test/layers.test.ts (part of npm test):
 * src/cli → src/audit → the stages (src/config, src/waivers, src/baseline) → src/engine,
 * src/catalog, src/plan; src/report only reads results; src/web (the browser page) sits on top
 * of the library and only its build (scripts/build-web.mjs) loads it. Type-only imports are left out: they
 * vanish at build time and a type may be shared across layers.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'modules import each other at run time', from: {}, to: { circular: true } },
    {
      name: 'cli-is-the-top',
      severity: 'error',
      comment: 'only the command line imports the command line: the library (src/index.ts) never loads commander',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-is-the-top',
      severity: 'error',
      comment: 'the browser page uses the library; nothing in src imports it (scripts/build-web.mjs bundles it)',
      from: { path: '^src/(?!web/)' },
      to: { path: '^src/web/' },
    },
    {
      name: 'audit-above-stages',
      severity: 'error',
      comment: 'the audit runs the stages; no stage, engine, catalog, plan or report reaches back into it',
      from: { path: '^src/(config|waivers|baseline|engine|catalog|plan|report)/' },
      to: { path: '^src/audit/' },
    },
    {
      name: 'core-below-stages',
      severity: 'error',
      comment: 'the engine, the catalog and plan reading know nothing of config, waivers, baselines or reports',
      from: { path: '^src/(engine|catalog|plan)/' },
      to: { path: '^src/(config|waivers|baseline|report|docs|scaffold)/' },
    },
    {
      name: 'report-only-reads',
      severity: 'error',
      comment: 'report formats render results: they load no settings and run no stage',
      from: { path: '^src/report/' },
      to: { path: '^src/(config|waivers|baseline|docs|scaffold)/' },
    },
    {
      name: 'plan-is-the-bottom',
      severity: 'error',
      comment: 'reading and parsing a plan needs no rule, check function or catalog',
      from: { path: '^src/plan/' },
      to: { path: '^src/(engine|catalog)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
