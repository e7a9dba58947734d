/**
 * Problems with the input itself, as opposed to gaps in a plan's content. Each becomes one
 * line `file:line:column: error: …` and makes the run exit 2; the other files are still audited.
 * docs/errors.md explains every code and its fix; test/robust/errors-doc.test.ts keeps it complete.
 */
import { fillTemplate } from './interpolate.js';
import { SEQ_ITEM, type ParseFailure } from './parse.js';

export type InputErrorCode =
  // file system
  | 'not-found'
  | 'dangling-symlink'
  | 'symlink-loop'
  | 'unreadable'
  | 'not-a-file'
  | 'too-large'
  | 'no-match'
  | 'too-many-files'
  // bytes
  | 'binary'
  | 'undecodable'
  // YAML
  | 'bad-indent'
  | 'tab-indent'
  | 'unclosed-quote'
  | 'unclosed-flow'
  | 'nested-mapping'
  | 'multiline-key'
  | 'missing-colon'
  | 'bad-escape'
  | 'stray-bracket'
  | 'text-after-value'
  | 'reserved-character'
  | 'bad-tagged-value'
  | 'key-too-long'
  | 'duplicate-key'
  | 'non-scalar-key'
  | 'unsupported-tag'
  | 'unknown-alias'
  | 'alias-cycle'
  | 'alias-limit'
  | 'too-deep'
  | 'too-many-keys'
  | 'multiple-documents'
  | 'yaml-syntax'
  // the plan as a whole
  | 'empty'
  | 'not-a-mapping'
  // other inputs
  | 'invalid-catalog'
  | 'invalid-config'
  | 'invalid-waiver'
  | 'invalid-baseline'
  | 'internal-error';

export interface InputError {
  file: string;
  code: InputErrorCode;
  line?: number;
  column?: number;
  /** Words filled into the message template: the parser's own detail, a size, an encoding. */
  values: Record<string, string | number>;
  /** The source line the position is on (cut to a window around it), for an excerpt with a caret. */
  excerpt?: { text: string; caret: number };
}

export const INPUT_ERROR_MESSAGES: Record<InputErrorCode, { zh: string; en: string }> = {
  'not-found': { zh: '文件不存在', en: 'no such file' },
  'dangling-symlink': { zh: '符号链接指向不存在的文件', en: 'symbolic link to a file that does not exist' },
  'symlink-loop': { zh: '符号链接形成循环', en: 'symbolic links loop' },
  unreadable: { zh: '无法读取文件（{{detail}}），请检查权限', en: 'cannot read the file ({{detail}}): check its permissions' },
  'not-a-file': { zh: '不是普通文件（{{kind}}）', en: 'not a regular file ({{kind}})' },
  'too-large': {
    zh: '文件大小 {{size}} 字节，超过上限 {{limit}} 字节{{hint}}',
    en: 'the file is {{size}} bytes, over the limit of {{limit}} bytes{{hint}}',
  },
  'no-match': { zh: '没有匹配的 YAML 文件', en: 'matches no YAML file' },
  'too-many-files': {
    zh: '查找时已看过 {{limit}} 个目录项仍未结束，已停止：请指定离规划文件更近的目录或更具体的通配符',
    en: 'the search looked at {{limit}} entries without finishing and stopped: name a folder nearer the plans, or a narrower glob',
  },
  binary: {
    zh: '二进制文件（第 {{offset}} 字节为 NUL），不是 YAML 文本{{hint}}',
    en: 'binary file (NUL byte at offset {{offset}}), not YAML text{{hint}}',
  },
  undecodable: {
    zh: '第 {{offset}} 字节无法按 {{encoding}} 解码{{hint}}',
    en: 'byte {{offset}} cannot be decoded as {{encoding}}{{hint}}',
  },
  'bad-indent': {
    zh: '缩进不正确：同一层的键必须对齐，子项必须比父项缩进更深（{{detail}}）',
    en: 'wrong indentation: keys of one level line up, children are indented deeper than their parent ({{detail}})',
  },
  'tab-indent': { zh: '用了制表符（Tab）缩进，YAML 只允许空格缩进', en: 'indented with a tab; YAML indents with spaces only' },
  'unclosed-quote': {
    zh: '此处开始的引号没有闭合：请在值的末尾补上 {{quote}}',
    en: 'the quote opened here is never closed: end the value with {{quote}}',
  },
  'unclosed-flow': {
    zh: '此处的 {{open}} 没有对应的 {{close}}：请补上 {{close}}（若跨行，结尾要比键缩进更深）',
    en: 'the {{open}} opened here is never closed: add {{close}} (if it spans lines, indent them deeper than the key)',
  },
  'nested-mapping': {
    zh: '值里出现了嵌套的“键: 值”：嵌套的键应另起一行并缩进，含“: ”的文字应加引号',
    en: 'a "key: value" inside a value: put a nested key on its own, indented line, or quote text containing ": "',
  },
  'multiline-key': {
    zh: '键不能跨行：可能是上一行缺少冒号，或引号没有闭合',
    en: 'a key cannot span lines: a colon is probably missing on the line before, or a quote is not closed',
  },
  'missing-colon': {
    zh: '这一行缺少冒号：映射里的每一项都应写成“键: 值”',
    en: 'this line lacks a colon: every entry of a mapping is written "key: value"',
  },
  'bad-escape': {
    zh: '双引号字符串里的转义无效（{{detail}}）：反斜杠请写成 \\\\，或改用单引号',
    en: 'invalid escape in a double-quoted string ({{detail}}): write a backslash as \\\\, or use single quotes',
  },
  'stray-bracket': {
    zh: '多余的 {{bracket}}：前面没有与之对应的开括号，请删除',
    en: 'a stray {{bracket}} with no opening bracket before it: remove it',
  },
  'text-after-value': {
    zh: '值结束后还有文字：请给整个值加引号，或把新的键另起一行；同一层不能混用列表项（- ）和键',
    en: 'more text after a complete value: quote the whole value, or start a new key on its own line; a level holds list items (- ) or keys, not both',
  },
  'reserved-character': {
    zh: '不加引号的值不能以 {{char}} 开头：请给值加引号',
    en: 'a value without quotes cannot start with {{char}}: quote the value',
  },
  'bad-tagged-value': {
    zh: '值与其标签 {{tag}} 不符：请删除标签或改正值',
    en: 'the value does not fit its tag {{tag}}: remove the tag or correct the value',
  },
  'key-too-long': { zh: '键超过 1024 个字符', en: 'a key longer than 1024 characters' },
  'duplicate-key': {
    zh: '键“{{key}}”重复（第一次出现在第 {{first}} 行）：同一映射中的键必须唯一',
    en: 'duplicate key "{{key}}" (first on line {{first}}): keys of a mapping are unique',
  },
  'non-scalar-key': {
    zh: '键必须是文字或数字，不能是列表或映射',
    en: 'a key must be text or a number, not a list or a mapping',
  },
  'unsupported-tag': {
    zh: '不支持标签 {{tag}}：规划文件只用普通的 YAML 值，标签不会被执行或解析，请删除',
    en: 'tag {{tag}} is not supported: plans hold plain YAML values, tags are never executed or resolved; remove it',
  },
  'unknown-alias': { zh: '别名 *{{name}} 之前没有定义锚点 &{{name}}', en: 'alias *{{name}} has no anchor &{{name}} before it' },
  'alias-cycle': { zh: '别名 *{{name}} 指向包含它自身的节点（循环引用）', en: 'alias *{{name}} refers to a node that contains it (a cycle)' },
  'alias-limit': {
    zh: '别名展开后超过 {{limit}} 个节点，疑似“别名炸弹”',
    en: 'aliases expand to more than {{limit}} nodes: possibly an alias bomb',
  },
  'too-deep': { zh: '嵌套超过 {{limit}} 层', en: 'nested more than {{limit}} levels deep' },
  'too-many-keys': {
    zh: '一个映射中的键超过 {{limit}} 个（从这里起）：规划格式中最大的映射也只有几十个字段',
    en: 'more than {{limit}} keys in one mapping (from here on): the largest mapping of the plan format has a few dozen fields',
  },
  'multiple-documents': {
    zh: '第二个 YAML 文档从这里开始：一个规划文件只能包含一个文档（删除多余的 ---，或拆分为多个文件）',
    en: 'a second YAML document starts here: a plan file holds one document (remove the extra ---, or split the file)',
  },
  'yaml-syntax': { zh: 'YAML 语法错误：{{detail}}', en: 'YAML syntax error: {{detail}}' },
  empty: { zh: '文件没有内容（空文件或只有注释）', en: 'the file holds nothing (empty, or comments only)' },
  'not-a-mapping': {
    zh: '规划的顶层必须是映射（format_version: 1、county: …），这里是{{found}}',
    en: 'the top level of a plan must be a mapping (format_version: 1, county: …), found {{found}}',
  },
  'invalid-catalog': { zh: '规则文件无效：{{detail}}', en: 'invalid rule file: {{detail}}' },
  'invalid-config': { zh: '配置无效：{{detail}}', en: 'invalid configuration: {{detail}}' },
  'invalid-waiver': { zh: '豁免无效：{{zh}}', en: 'invalid waiver: {{en}}' },
  'invalid-baseline': { zh: '基线文件无效：{{detail}}', en: 'invalid baseline file: {{detail}}' },
  'internal-error': {
    zh: '审计此文件时出现内部错误（{{detail}}），这是 rural-audit 的缺陷，请报告',
    en: 'internal error while auditing this file ({{detail}}): a bug in rural-audit, please report it',
  },
};

/** Extra words for some messages, filled in by language. */
export const INPUT_ERROR_HINTS: Record<string, { zh: string; en: string }> = {
  'utf-16': { zh: '；看起来是没有 BOM 的 UTF-16，可用 --encoding utf-16le 指定', en: '; it looks like UTF-16 without a BOM: pass --encoding utf-16le' },
  gb18030: { zh: '；如果是 GBK 编码，可用 --encoding gbk 指定', en: '; if it is GBK, pass --encoding gbk' },
  encoding: { zh: '（可用 --encoding 指定编码）', en: ' (force an encoding with --encoding)' },
  'max-file-size': { zh: '（可用 --max-file-size 调整）', en: ' (raise it with --max-file-size)' },
  'fixed-limit': { zh: '（配置、规则、豁免和基线文件的固定上限）', en: ' (the fixed limit for config, rule, waiver and baseline files)' },
  list: { zh: '列表', en: 'a list' },
  text: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值', en: 'a boolean' },
  null: { zh: '空值（null）', en: 'null' },
};

/** The notice given when a file was read as GB18030 because it was not valid UTF-8. */
export const ENCODING_NOTICE = {
  zh: '提示：文件不是有效的 UTF-8，已按 {{encoding}} 编码读取；建议另存为 UTF-8，或用 --encoding {{encoding}} 明确指定',
  en: 'notice: not valid UTF-8, read as {{encoding}}; save it as UTF-8, or pass --encoding {{encoding}} to say so',
};

const YAML_CODES: Record<string, InputErrorCode> = {
  BAD_INDENT: 'bad-indent',
  TAB_AS_INDENT: 'tab-indent',
  BLOCK_AS_IMPLICIT_KEY: 'nested-mapping',
  MULTILINE_IMPLICIT_KEY: 'multiline-key',
  BAD_DQ_ESCAPE: 'bad-escape',
  KEY_OVER_1024_CHARS: 'key-too-long',
  DUPLICATE_KEY: 'duplicate-key',
  NON_SCALAR_KEY: 'non-scalar-key',
  UNSUPPORTED_TAG: 'unsupported-tag',
  UNKNOWN_ALIAS: 'unknown-alias',
  ALIAS_CYCLE: 'alias-cycle',
  ALIAS_LIMIT: 'alias-limit',
  TOO_DEEP: 'too-deep',
  TOO_MANY_KEYS: 'too-many-keys',
  MULTIPLE_DOCS: 'multiple-documents',
};

/**
 * A YAML parse failure as an input error: the library's code translated into one of ours,
 * with an excerpt of the line. Plans, configuration, rule and waiver files all go through here.
 */
export function yamlInputError(file: string, failure: ParseFailure, text?: string): InputError {
  const { detail } = failure;
  let code: InputErrorCode = YAML_CODES[failure.code] ?? 'yaml-syntax';
  const values: Record<string, string | number> = { detail, ...failure.values };
  if (failure.code === 'MISSING_CHAR' && /quote/.test(detail)) {
    code = 'unclosed-quote';
    values.quote = detail.includes("'") ? "'" : '"';
  } else if (/^Flow (sequence|map).*end with/.test(detail)) {
    code = 'unclosed-flow';
    values.open = detail.startsWith('Flow map') ? '{' : '[';
    values.close = detail.startsWith('Flow map') ? '}' : ']';
  } else if (/Implicit map keys need to be followed by map values/.test(detail)) code = 'missing-colon';
  else if (SEQ_ITEM.test(detail)) code = 'bad-indent';
  else if (failure.code === 'UNEXPECTED_TOKEN' && /Unexpected flow-(seq|map)-end token/.test(detail)) {
    code = 'stray-bracket';
    values.bracket = detail.includes('flow-seq-end') ? ']' : '}';
  } else if (failure.code === 'UNEXPECTED_TOKEN' && /Unexpected scalar at node end/.test(detail)) code = 'text-after-value';
  else if (failure.code === 'BAD_SCALAR_START') {
    code = 'reserved-character';
    values.char = detail.slice(-1);
  } else if (failure.code === 'UNSUPPORTED_TAG' && /^!!(str|int|float|bool|null|map|seq)$/.test(String(values.tag))) code = 'bad-tagged-value';
  return {
    file,
    code,
    line: failure.line,
    column: failure.column,
    values,
    ...withExcerpt(text, failure.line, failure.column),
  };
}

/** Longest excerpt kept: enough to recognise the line, short enough for any report. */
export const EXCERPT_WIDTH = 120;

/**
 * The line at `line`, cut to a window around `column` with `…` at the cut ends, and where the
 * caret goes in it (1-based, in characters).
 */
export function excerptOf(text: string, line: number, column: number): { text: string; caret: number } | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const full = text.slice(start, Math.min(end, start + 100_000)).replace(/\r$/, '');
  if (full.length <= EXCERPT_WIDTH) return { text: full, caret: column };
  const from = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 2, full.length - EXCERPT_WIDTH));
  const head = from > 0 ? '…' : '';
  const tail = from + EXCERPT_WIDTH < full.length ? '…' : '';
  return { text: `${head}${full.slice(from, from + EXCERPT_WIDTH)}${tail}`, caret: column - from + head.length };
}

export function withExcerpt(text: string | undefined, line: number, column: number): { excerpt?: { text: string; caret: number } } {
  const excerpt = text === undefined ? undefined : excerptOf(text, line, column);
  return excerpt ? { excerpt } : {};
}

/** The message of an input error in one language, without file or position. */
export function inputErrorMessage(e: InputError, lang: 'zh' | 'en'): string {
  const values: Record<string, string | number> = { ...e.values };
  // Plans name the option that raises their limit; other input files carry their own hint.
  if (e.code === 'too-large' && values.hint === undefined) values.hint = 'max-file-size';
  for (const name of ['hint', 'found'] as const) {
    const v = values[name];
    if (typeof v === 'string') values[name] = INPUT_ERROR_HINTS[v]?.[lang] ?? v;
  }
  return fillTemplate(INPUT_ERROR_MESSAGES[e.code]?.[lang] ?? e.code, values);
}

export { fillTemplate };

/**
 * An input file that stops the run before any plan is audited — a config, profile, rule file
 * or baseline that cannot be read or is invalid: the one error type for all of them.
 */
export class InputFileError extends Error {
  constructor(readonly error: InputError) {
    super(`${error.file}:${error.line ?? 1}:${error.column ?? 1}: ${inputErrorMessage(error, 'en')}`);
    this.name = 'InputFileError';
  }
}

/** Input errors in a stable order (file, line, column, code): the report is the same whatever order they were found in. */
export function compareInputErrors(a: InputError, b: InputError): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
