import { readFileSync } from 'node:fs';

/** The package's own version, read once from package.json beside dist/. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The package's `homepage`, where its docs can be read on the web; absent until one is published. */
export const HOMEPAGE: string | undefined = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { homepage?: string }
).homepage;
