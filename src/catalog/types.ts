export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Higher is graver: a gap fails a run when its rank reaches that of `--fail-on`. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** Every text a person reads exists in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface Citation {
  /** Clause ids of the source document, e.g. `R2.2`. */
  clauses: string[];
  /** The clause's words, verbatim. */
  quote: string;
  /**
   * Documents other than the source document that the rule takes a requirement or a figure from
   * (ids of `rules/sources.yaml`): shown apart from the clauses, never attributed to them.
   */
  cites?: string[];
}

/** A document the catalog cites besides the source document (`rules/sources.yaml`). */
export interface OutsideSource {
  id: string;
  title: Bilingual;
  issuer: Bilingual;
  /** `YYYY-MM-DD`, or `YYYY-MM` where only the month is published. */
  date: string;
  /** What the catalog takes from it. */
  facts: Bilingual;
}

/**
 * When a rule applies, for rules that hold only in a period (the transition period, a plan's
 * period): dates or references (`{$param}`, `{$plan}`, `{$latest}`), resolved per plan.
 */
export interface RuleWindow {
  /** The rule applies on and before this day. */
  through?: unknown;
  /** The rule applies only after this day. */
  after?: unknown;
  /** Outside the window: the severity its gaps get instead, or `off` (not checked). */
  outside: Severity | 'off';
  /** The window in words; `{{through}}`, `{{after}}` and `{{today}}` are filled in. */
  note: Bilingual;
}

export interface RuleCheck {
  /** Name of a built-in check function (src/engine/functions). */
  function: string;
  /** Look at this field of each selected node instead of the node itself. */
  field?: string;
  options?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  area: string;
  severity: Severity;
  title: Bilingual;
  /** Default message template, filled with the check's measured values (`{{actual}}`, `{{expected}}`, …). */
  message: Bilingual;
  /** Further templates a check may choose by id. */
  messages?: Record<string, Bilingual>;
  source: Citation;
  rationale?: Bilingual;
  remediation: Bilingual;
  /** JSONPath-like selectors: `$.a.b`, `$.list[*]`, `$.map.*`. */
  given: string[];
  /** A JSON Schema a selected node must match for the rule to apply to it. */
  where?: Record<string, unknown>;
  then: RuleCheck[];
  /** When the rule applies: absent, always. */
  window?: RuleWindow;
  /**
   * YAML snippets shown by `rules show`: a plan fragment that passes and one that fails, audited
   * as of `today` when the rule reads the audit date.
   */
  examples?: { pass?: string; fail?: string; today?: string };
  /** Where the rule was defined (catalog file), for error messages and docs. */
  definedIn: string;
}

export interface Area {
  id: string;
  title: Bilingual;
  clauses: string[];
}

export interface Parameter {
  name: string;
  default: unknown;
  description: Bilingual;
  /** Clauses of the source document the parameter serves. */
  source?: string[];
  /** Where the default comes from when not from the source document (ids of `rules/sources.yaml`). */
  cites?: string[];
}

/**
 * A clause, or part of one, that no machine can check: it appears in reports as an item of the
 * reviewer's checklist, apart from the gaps.
 */
export interface ManualItem {
  id: string;
  clauses: string[];
  /** Why a machine cannot check it. */
  reason: Bilingual;
  /** What the reviewer should look for. */
  check: Bilingual;
}

/** Where a plan names who fixes the gaps of an area (`rules/owners.yaml`). */
export interface OwnerSource {
  /** Only gaps at or under this plan path (`{name}` placeholders match one step); absent: every gap. */
  at?: string;
  /** Plan fields naming the owner, tried in order. */
  owner: string[];
}

export interface Catalog {
  rules: Rule[];
  /** Manual-review items (`rules/manual.yaml`). */
  manual: ManualItem[];
  areas: Area[];
  parameters: Record<string, Parameter>;
  /** Display names of enumerated values and field names, e.g. `township` → 乡镇 / township. */
  terms: Record<string, Bilingual>;
  /** Documents cited besides the source document (`rules/sources.yaml`), by id. */
  sources?: Record<string, OutsideSource>;
  /** Owner sources by area (`rules/owners.yaml`), for the remediation view. */
  owners?: Record<string, OwnerSource[]>;
}
