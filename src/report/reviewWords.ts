import type { Lang } from '../catalog/types.js';

/**
 * Words of the reviewer's documents (charts, the printable page, the workbook and the review
 * opinion) beyond those all printed reports share (words.ts).
 */
export const REVIEW_WORDS = {
  zh: {
    heatMap: '各县各领域得分',
    sortBy: '排序',
    listed: '原顺序',
    scoreLegend: '得分（深色为薄弱）',
    gapBars: '各领域未豁免差距（按级别）',
    gapAxis: '差距数',
    gapTotals: '各领域未豁免差距数',
    profile: '各领域得分',
    clean: '未发现差距的规划',
    summarySheet: '汇总',
    remediationSheet: '整改清单',
    dueDate: '整改期限',
    status: '整改情况',
    location: '位置',
    opinion: '审查意见',
    opinionTitle: (county: string) => `关于${county}乡村振兴规划的审查意见`,
    basis: '审查依据',
    basisText: '《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》；rural-audit 规则目录',
    verdict: '总体意见',
    verdictText: (score: number | undefined, errors: number, warnings: number) =>
      errors > 0
        ? `规划与政策要求尚有差距：对齐得分 ${score ?? '—'}，${errors} 处错误须整改，${warnings} 处警告建议完善。请按下列问题修改后重新报送。`
        : warnings > 0
          ? `规划基本符合政策要求：对齐得分 ${score ?? '—'}，无错误，${warnings} 处警告建议完善。`
          : `规划符合机器可检查的各项要求：对齐得分 ${score ?? '—'}。`,
    gapsByArea: '分领域问题',
    reviewer: '审核人',
    /** Around the page number in the footer. */
    page: ['第 ', ' 页'] as const,
    reviewDate: '审核日期',
    sections: ['一、', '二、', '三、', '四、'],
  },
  en: {
    heatMap: 'Scores by county and area',
    sortBy: 'Sort by',
    listed: 'as listed',
    scoreLegend: 'score (darker is weaker)',
    gapBars: 'Open gaps per area, by severity',
    gapAxis: 'gaps',
    gapTotals: 'Open gaps per area',
    profile: 'Score per area',
    clean: 'Plans without gaps',
    summarySheet: 'Summary',
    remediationSheet: 'Remediation',
    dueDate: 'Due',
    status: 'Progress',
    location: 'Location',
    opinion: 'Review opinion',
    opinionTitle: (county: string) => `Review opinion on the rural-revitalization plan of ${county}`,
    basis: 'Basis',
    basisText: '“Effectively linking rural revitalization and consolidating poverty-alleviation achievements”; the rural-audit rules catalog',
    verdict: 'Overall opinion',
    verdictText: (score: number | undefined, errors: number, warnings: number) =>
      errors > 0
        ? `The plan falls short of the policy: alignment score ${score ?? '—'}, ${errors} error(s) to fix, ${warnings} warning(s) to improve. Revise it as listed below and submit it again.`
        : warnings > 0
          ? `The plan broadly meets the policy: alignment score ${score ?? '—'}, no errors, ${warnings} warning(s) to improve.`
          : `The plan meets every requirement a machine can check: alignment score ${score ?? '—'}.`,
    gapsByArea: 'Gaps by area',
    reviewer: 'Reviewer',
    page: ['Page ', ''] as const,
    reviewDate: 'Date',
    sections: ['1. ', '2. ', '3. ', '4. '],
  },
} satisfies Record<Lang, unknown>;
