/** The parts of a JSON Schema node that docs and templates generated from the plan schema read. */
export type SchemaNode = {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  /** The value a new plan starts with (`format_version`: the latest version). */
  default?: unknown;
  pattern?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

/**
 * A resolver of local `$ref`s (`#/$defs/name`) that keeps the outermost title and description:
 * they say what a field is for, the definition only what kind of value it holds.
 */
export function refResolver(defs: Record<string, SchemaNode>): (node: SchemaNode) => SchemaNode {
  return (node) => {
    let merged: SchemaNode = { ...node };
    // A bound on the chain, so that a cyclic definition cannot hang a generator.
    for (let depth = 0; merged.$ref && depth < 32; depth++) {
      const target = defs[merged.$ref.replace('#/$defs/', '')] ?? {};
      const { $ref: _, ...rest } = merged;
      merged = { ...target, ...rest, title: rest.title ?? target.title, description: rest.description ?? target.description };
    }
    return merged;
  };
}
