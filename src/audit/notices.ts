import type { Bilingual, Lang } from '../catalog/types.js';
import { fillTemplate } from '../plan/input-error.js';
import type { Notice, NoticeCode } from './result.js';

/** The words of each notice; `{{name}}` is filled from the notice's values. */
export const NOTICE_MESSAGES: Record<NoticeCode, Bilingual> = {
  'example-profile': {
    zh: '提示：配置档 {{profile}} 是示例，其中的数值为虚构，并非任何省份的政策',
    en: "notice: profile {{profile}} is an EXAMPLE; its values are invented, not any province's policy",
  },
  'ignored-by-config': { zh: '{{file}}：配置 ignore 忽略了此文件', en: "{{file}}: ignored by the config's ignore globs" },
  'baseline-applied': {
    zh: '基线 {{file}}：未显示 {{known}} 个已知差距，{{fixed}} 个已整改',
    en: 'baseline {{file}}: {{known}} known gap(s) not shown, {{fixed}} fixed since',
  },
  'baseline-written': { zh: '基线：已将 {{count}} 个差距记入 {{file}}', en: 'baseline: {{count}} gap(s) recorded in {{file}}' },
  'baseline-not-written': {
    zh: '基线：有 {{errors}} 个输入错误，未写入 {{file}}',
    en: 'baseline: not written to {{file}}: {{errors}} input error(s)',
  },
};

export function noticeText(notice: Notice, lang: Lang): string {
  return fillTemplate(NOTICE_MESSAGES[notice.code][lang], notice.values);
}
