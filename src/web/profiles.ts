import type { Bilingual, Catalog } from '../catalog/types.js';

/** A built-in profile as the page applies it: the catalog and parameters `check` uses with a config that extends it. */
export interface WebProfile {
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** Its values are invented (rules/profiles/example-province.yaml): the page says so. */
  example: boolean;
  /** The catalog tailored by the profile: rules turned off left out, severities changed. */
  catalog: Catalog;
  parameters: Record<string, unknown>;
}

/**
 * The built-in profiles, `default` first. The page's build (scripts/build-web.mjs) replaces this
 * module with the profiles resolved by the command line's own config loader; from source it is empty.
 */
export const PROFILES: readonly WebProfile[] = [];
