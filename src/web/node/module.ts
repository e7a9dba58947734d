/**
 * `node:module` in the browser page's bundle: engine/schemas.ts asks for the build's precompiled
 * plan-schema validator with `createRequire`. The page has none and compiles the schema with ajv
 * instead, as a run from source does.
 */
export function createRequire(_from?: string | URL): (id: string) => never {
  return (id) => {
    throw new Error(`require(${id}): not available in the browser`);
  };
}
