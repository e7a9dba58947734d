/** `{{name}}`, spaces allowed inside the braces; a name may have dots (`{{item.code}}`). */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/**
 * The one filler of `{{name}}` templates — rule messages, input-error messages, notices, report
 * words. Each name is looked up; one the lookup does not know stays as written, so that a
 * missing value shows in the output instead of vanishing.
 */
export function interpolate(template: string, lookup: (name: string) => string | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => lookup(name) ?? whole);
}

/** `interpolate` from a record of values; only its own keys count (a name such as `constructor` is not a value). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return interpolate(template, (name) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : undefined));
}
