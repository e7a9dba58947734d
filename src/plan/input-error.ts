/**
 * Problems with the input itself, as opposed to gaps in a plan's content. Each becomes one
 * line `file:line:column: error: …` and makes the run exit 2; the other files are still audited.
 */
export type InputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'not-a-file'
  | 'too-large'
  | 'binary'
  | 'undecodable'
  | 'yaml-syntax'
  | 'multiple-documents'
  | 'alias-limit'
  | 'no-match'
  | 'invalid-catalog'
  | 'invalid-config'
  | 'invalid-waiver'
  | 'invalid-baseline';

export interface InputError {
  file: string;
  code: InputErrorCode;
  line?: number;
  column?: number;
  /** Words filled into the message template: the parser's own detail, a size, an encoding. */
  values: Record<string, string | number>;
}

export const INPUT_ERROR_MESSAGES: Record<InputErrorCode, { zh: string; en: string }> = {
  'not-found': { zh: '文件不存在', en: 'no such file' },
  unreadable: { zh: '无法读取文件：{{detail}}', en: 'cannot read the file: {{detail}}' },
  'not-a-file': { zh: '不是普通文件', en: 'not a regular file' },
  'too-large': {
    zh: '文件大小 {{size}} 字节，超过上限 {{limit}} 字节（可用 --max-file-size 调整）',
    en: 'the file is {{size}} bytes, over the limit of {{limit}} bytes (raise it with --max-file-size)',
  },
  binary: { zh: '二进制文件（第 {{offset}} 字节为 NUL），不是 YAML 文本', en: 'binary file (NUL byte at offset {{offset}}), not YAML text' },
  undecodable: {
    zh: '第 {{offset}} 字节无法按 {{encoding}} 解码（可用 --encoding 指定编码）',
    en: 'byte {{offset}} cannot be decoded as {{encoding}} (force an encoding with --encoding)',
  },
  'yaml-syntax': { zh: 'YAML 语法错误：{{detail}}', en: 'YAML syntax error: {{detail}}' },
  'multiple-documents': { zh: '一个规划文件只能包含一个 YAML 文档', en: 'a plan file holds one YAML document, this one holds several' },
  'alias-limit': { zh: '别名（alias）展开过多，疑似“别名炸弹”', en: 'too many alias expansions: possibly an alias bomb' },
  'no-match': { zh: '没有匹配的 YAML 文件', en: 'matches no YAML file' },
  'invalid-catalog': { zh: '规则文件无效：{{detail}}', en: 'invalid rule file: {{detail}}' },
  'invalid-config': { zh: '配置无效：{{detail}}', en: 'invalid configuration: {{detail}}' },
  'invalid-waiver': { zh: '豁免无效：{{zh}}', en: 'invalid waiver: {{en}}' },
  'invalid-baseline': { zh: '基线文件无效：{{detail}}', en: 'invalid baseline file: {{detail}}' },
};
