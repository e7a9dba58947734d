import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
};

/** The package's own version, read once from package.json beside dist/. */
export const VERSION: string = pkg.version;

/** The package's `homepage`, where it is described on the web. */
export const HOMEPAGE: string | undefined = pkg.homepage;

/**
 * The repository's web address, from package.json's `repository` (`git+https://host/owner/name.git`
 * → `https://host/owner/name`): the one place the project's address is written.
 */
export const REPOSITORY: string | undefined = (() => {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const web = url?.replace(/^git\+/, '').replace(/\.git$/, '');
  return web && /^https:\/\//.test(web) ? web : undefined;
})();

/** Where this version's documents are read on the web: the repository at the release tag. */
export const DOCS_BASE: string | undefined = REPOSITORY ? `${REPOSITORY}/blob/v${VERSION}/` : HOMEPAGE;
