import type { Lang } from '../catalog/types.js';
import { fillTemplate } from './interpolate.js';

/**
 * Every word rural-audit says in both languages, beside each other, with one lookup: `say`.
 * Report formats, commands, docs, the browser page and input-error messages all take their words
 * from here (rule messages are data in rules/, terms in rules/terms.yaml). A word with values is a
 * `{{name}}` template, filled by the one filler (interpolate.ts). Here in src/plan, the bottom
 * layer, so that every layer can import it.
 */
const WORDS = {
  // ── Shared by every format ──
  'list.separator': { zh: '、', en: ', ' },
  /** After a list cut short: zh counts the whole list, en what was left out. */
  'list.more': { zh: ' 等共 {{total}} 项', en: ', and {{more}} more' },
  /** A text with a note after it: a code beside its label, a county's code beside its name. */
  'withNote': { zh: '{{text}}（{{note}}）', en: '{{text}} ({{note}})' },
  /** The `lang` attribute of a page in the language. */
  'langTag': { zh: 'zh-CN', en: 'en' },
  'fix': { zh: '修改建议', en: 'fix' },
  'waived': { zh: '已豁免', en: 'waived' },
  'waivedBy': {
    zh: '已豁免：{{justification}}（批准：{{approvedBy}}，有效期至 {{expires}}）',
    en: 'waived: {{justification}} (approved by {{approvedBy}}, expires {{expires}})',
  },
  /** The word in `file:line:column: error: …`, the one line of an input error. */
  'inputError': { zh: '错误', en: 'error' },
  'severity.error': { zh: '错误', en: 'error' },
  'severity.warning': { zh: '警告', en: 'warning' },
  'severity.info': { zh: '提示', en: 'info' },
  'rulesCount': { zh: '共 {{count}} 条规则', en: '{{count}} rules' },

  // ── The printed reports (Markdown, HTML, the workbook, remediation) ──
  'report.title': { zh: '乡村振兴规划审计报告', en: 'Rural-revitalization plan audit' },
  'report.source': {
    zh: '依据《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》',
    en: 'Against “Effectively linking rural revitalization and consolidating poverty-alleviation achievements”',
  },
  'report.files': { zh: '共 {{count}} 个规划文件', en: '{{count}} plan file(s)' },
  'report.asOf': { zh: '审计日 {{date}}', en: 'audit date {{date}}' },
  'report.totals': {
    zh: '{{errors}} 个错误，{{warnings}} 个警告，{{info}} 个提示',
    en: '{{errors}} error(s), {{warnings}} warning(s), {{info}} info',
  },
  /** After `report.totals` when some gaps are waived. */
  'report.totalsWaived': { zh: '，{{waived}} 个已豁免', en: ', {{waived}} waived' },
  'report.rollup': { zh: '各县对比', en: 'Counties compared' },
  'report.rollupLegend': {
    zh: '每格为对齐得分（0–100，见 docs/score.md）和未豁免差距数（错误/警告/提示）。',
    en: 'Each cell: alignment score (0–100, see docs/score.md) and open gaps (errors/warnings/info).',
  },
  'report.county': { zh: '县', en: 'County' },
  'report.score': { zh: '得分', en: 'Score' },
  'report.overall': { zh: '总分', en: 'Overall' },
  'report.mean': { zh: '平均 / 合计', en: 'Mean / total' },
  'report.total': { zh: '合计', en: 'Total' },
  'report.weakest': { zh: '最薄弱领域', en: 'Weakest areas' },
  'report.byArea': { zh: '各领域差距', en: 'Gaps by area' },
  'report.area': { zh: '领域', en: 'Area' },
  'report.clauses': { zh: '条款', en: 'Clauses' },
  'report.waived': { zh: '已豁免', en: 'Waived' },
  'report.where': { zh: '位置', en: 'Line' },
  'report.severity': { zh: '级别', en: 'Severity' },
  'report.rule': { zh: '规则', en: 'Rule' },
  'report.problem': { zh: '问题', en: 'Gap' },
  'report.values': { zh: '实为 → 应为', en: 'Actual → expected' },
  'report.fix': { zh: '修改建议', en: 'Fix' },
  'report.owner': { zh: '责任主体', en: 'Owner' },
  'report.due': { zh: '整改期限', en: 'Due' },
  'report.dueBasis': { zh: '期限依据', en: 'Due date from' },
  'report.dueByPlanPeriod': { zh: '规划期末', en: 'end of the plan period' },
  'report.dueByLeadTime': { zh: '审计日后 {{days}} 天', en: '{{days}} days after the audit date' },
  'report.dueGiven': { zh: '--due 指定', en: 'set by --due' },
  'report.dueByWaiver': { zh: '豁免到期日', en: 'waiver expiry' },
  'report.ownerField': { zh: '责任主体所在字段', en: 'Owner named in' },
  'report.noOwner': { zh: '规划未指定', en: 'not named in the plan' },
  'report.clauseQuotes': { zh: '引用条款原文', en: 'Clauses cited' },
  'report.noGaps': { zh: '未发现差距。', en: 'No gaps found.' },
  'report.manual': { zh: '人工审核清单', en: 'Reviewer checklist' },
  'report.manualIntro': {
    zh: '以下条款无法由机器检查，请审核人逐项核对：',
    en: 'No machine can check these clauses; the reviewer checks each by hand:',
  },
  'report.reason': { zh: '原因', en: 'why' },
  'report.notAudited': { zh: '未能审计', en: 'Not audited' },
  'report.approximate': { zh: '（缺少该项，位置为其上级）', en: '(missing; shown at its parent)' },
  'report.remediation': { zh: '整改清单', en: 'Remediation' },
  'report.status': { zh: '状态', en: 'Status' },
  'report.open': { zh: '待整改', en: 'open' },
  'report.file': { zh: '文件', en: 'File' },
  'report.line': { zh: '行', en: 'Line' },
  'report.column': { zh: '列', en: 'Column' },
  'report.message': { zh: '问题', en: 'Gap' },
  'report.more': { zh: '另有 {{count}} 处差距未列出。', en: '{{count}} more gap(s) not listed.' },

  // ── The reviewer's documents (charts, the printable page, the workbook, the review opinion) ──
  'review.heatMap': { zh: '各县各领域得分', en: 'Scores by county and area' },
  'review.sortBy': { zh: '排序', en: 'Sort by' },
  'review.listed': { zh: '原顺序', en: 'as listed' },
  'review.scoreLegend': { zh: '得分（深色为薄弱）', en: 'score (darker is weaker)' },
  'review.gapBars': { zh: '各领域未豁免差距（按级别）', en: 'Open gaps per area, by severity' },
  'review.gapAxis': { zh: '差距数', en: 'gaps' },
  'review.gapTotals': { zh: '各领域未豁免差距数', en: 'Open gaps per area' },
  'review.profile': { zh: '各领域得分', en: 'Score per area' },
  'review.clean': { zh: '未发现差距的规划', en: 'Plans without gaps' },
  'review.summarySheet': { zh: '汇总', en: 'Summary' },
  'review.remediationSheet': { zh: '整改清单', en: 'Remediation' },
  'review.dueDate': { zh: '整改期限', en: 'Due' },
  'review.status': { zh: '整改情况', en: 'Progress' },
  'review.location': { zh: '位置', en: 'Location' },
  'review.opinion': { zh: '审查意见', en: 'Review opinion' },
  'review.opinionTitle': { zh: '关于{{county}}乡村振兴规划的审查意见', en: 'Review opinion on the rural-revitalization plan of {{county}}' },
  'review.basis': { zh: '审查依据', en: 'Basis' },
  'review.basisText': {
    zh: '《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》；rural-audit 规则目录',
    en: '“Effectively linking rural revitalization and consolidating poverty-alleviation achievements”; the rural-audit rules catalog',
  },
  'review.verdict': { zh: '总体意见', en: 'Overall opinion' },
  'review.verdictErrors': {
    zh: '规划与政策要求尚有差距：对齐得分 {{score}}，{{errors}} 处错误须整改，{{warnings}} 处警告建议完善。请按下列问题修改后重新报送。',
    en: 'The plan falls short of the policy: alignment score {{score}}, {{errors}} error(s) to fix, {{warnings}} warning(s) to improve. Revise it as listed below and submit it again.',
  },
  'review.verdictWarnings': {
    zh: '规划基本符合政策要求：对齐得分 {{score}}，无错误，{{warnings}} 处警告建议完善。',
    en: 'The plan broadly meets the policy: alignment score {{score}}, no errors, {{warnings}} warning(s) to improve.',
  },
  'review.verdictClean': { zh: '规划符合机器可检查的各项要求：对齐得分 {{score}}。', en: 'The plan meets every requirement a machine can check: alignment score {{score}}.' },
  'review.gapsByArea': { zh: '分领域问题', en: 'Gaps by area' },
  'review.reviewer': { zh: '审核人', en: 'Reviewer' },
  /** Before and after the page number in the footer. */
  'review.pageBefore': { zh: '第 ', en: 'Page ' },
  'review.pageAfter': { zh: ' 页', en: '' },
  'review.reviewDate': { zh: '审核日期', en: 'Date' },
  'review.section1': { zh: '一、', en: '1. ' },
  'review.section2': { zh: '二、', en: '2. ' },
  'review.section3': { zh: '三、', en: '3. ' },
  'review.section4': { zh: '四、', en: '4. ' },

  // ── The terminal table ──
  'table.summary': {
    zh: '共审计 {{files}} 个文件：{{errors}} 个错误，{{warnings}} 个警告，{{info}} 个提示',
    en: '{{files}} file(s) audited: {{errors}} error(s), {{warnings}} warning(s), {{info}} info',
  },
  'table.asOf': { zh: '；审计日 {{date}}', en: '; audit date {{date}}' },
  'table.notAudited': { zh: '未能审计', en: 'not audited' },
  'table.mean': { zh: '平均', en: 'Mean' },
  'table.legend': { zh: '得分 0–100（见 docs/score.md）', en: 'scores 0–100 (see docs/score.md)' },
  'table.legendSeparator': { zh: '；', en: '; ' },

  // ── One-line and CI formats ──
  'github.tool': { zh: 'rural-audit：', en: 'rural-audit: ' },
  'junit.path': { zh: '位置', en: 'path' },
  'junit.expected': { zh: '应为', en: 'expected' },
  'junit.actual': { zh: '实为', en: 'actual' },
  'junit.clause': { zh: '条款', en: 'clause' },
  'junit.more': { zh: '（另有 {{count}} 处）', en: ' (and {{count}} more)' },
  'junit.belowFailOn': { zh: '低于 --fail-on {{failOn}}，不判失败：', en: 'below --fail-on {{failOn}}, not failing: ' },
  'github.notAudited': { zh: 'rural-audit：无法审计', en: 'rural-audit: not audited' },
  'github.waived': { zh: '已豁免 ', en: 'waived ' },
  'compact.waived': { zh: '（已豁免）', en: '(waived) ' },
  'sarif.truncated': {
    zh: '结果共 {{total}} 条，超出每次运行 {{cap}} 条的上限（GitHub 代码扫描的限制），已略去 {{left}} 条（错误 {{errors}}、警告 {{warnings}}、提示 {{notes}}）；完整结果见 -f json 或 -f junit。',
    en: '{{left}} of {{total}} results left out ({{errors}} error, {{warnings}} warning, {{notes}} note): a run holds at most {{cap}} (GitHub code scanning\'s limit); -f json or -f junit has them all.',
  },

  // ── Commands ──
  'check.maxWarnings': { zh: '警告 {{count}} 个，超过 --max-warnings {{max}}', en: '{{count}} warning(s), more than --max-warnings {{max}}' },
  'watch.reaudited': { zh: '已重新审计 {{file}}', en: 're-audited {{file}}' },
  'watch.watching': { zh: '监视中：保存规划即重新审计（Ctrl-C 退出）', en: 'watching: saving a plan audits it again (Ctrl-C to stop)' },
  'rules.headRule': { zh: '规则', en: 'Rule' },
  'rules.headSeverity': { zh: '级别', en: 'Severity' },
  'rules.headArea': { zh: '领域', en: 'Area' },
  'rules.headClauses': { zh: '条款', en: 'Clauses' },
  'rules.headTitle': { zh: '标题', en: 'Title' },
  'rulesTest.notYaml': { zh: 'examples.{{kind}} 不是有效的 YAML', en: 'examples.{{kind}} is not valid YAML' },
  'rulesTest.passTriggered': { zh: 'examples.pass 不应触发，但触发：{{message}}', en: 'examples.pass should not trigger it, but did: {{message}}' },
  'rulesTest.failSilent': { zh: 'examples.fail 应触发，但未触发', en: 'examples.fail should trigger it, but did not' },
  'rulesTest.examples': { zh: '规则示例', en: 'rule examples' },
  'rulesTest.itDidAt': { zh: '（实际位置 {{at}}）', en: ' (it did at {{at}})' },
  'rulesTest.onLine': { zh: '在第 {{line}} 行', en: ' on line {{line}}' },
  'rulesTest.expected': { zh: '{{where}}: 应触发 {{rule}}{{at}}，但未触发{{got}}', en: '{{where}}: expected {{rule}} to trigger{{at}}; it did not{{got}}' },
  'rulesTest.unexpected': {
    zh: '{{where}}: 不应触发 {{rule}}，但在 {{at}} 触发：{{message}}',
    en: '{{where}}: expected {{rule}} not to trigger; it did at {{at}}: {{message}}',
  },
  'rulesTest.summary': { zh: '{{fixtures}} 个样例，{{checked}} 项预期：{{failed}} 项未满足', en: '{{fixtures}} fixture(s), {{checked}} expectation(s): {{failed}} failed' },
  'rulesTest.broken': { zh: '，{{broken}} 个样例无效', en: ', {{broken}} invalid fixture(s)' },
  'waivers.headState': { zh: '状态', en: 'State' },
  'waivers.headExpires': { zh: '到期日', en: 'Expires' },
  'waivers.headRule': { zh: '规则', en: 'Rule' },
  'waivers.headTarget': { zh: '对象', en: 'Target' },
  'waivers.headApprovedBy': { zh: '批准人', en: 'Approved by' },
  'waivers.headJustification': { zh: '理由', en: 'Justification' },
  'waivers.headWhere': { zh: '位置', en: 'Where' },
  'waivers.daysLeft': { zh: '（剩 {{days}} 天）', en: ' ({{days}} d)' },
  'waivers.summary': {
    zh: '截至 {{today}}：共 {{count}} 项豁免，有效 {{active}}，{{days}} 天内到期 {{expiring}}，已过期 {{expired}}',
    en: 'as of {{today}}: {{count}} waiver(s), {{active}} active, {{expiring}} expiring within {{days}} days, {{expired}} expired',
  },
  /** Filled into the waiver rules' messages (src/waivers/rules.ts) when a waiver names its target. */
  'waivers.target': { zh: '（对象 {{target}}）', en: ' (target {{target}})' },
  'waivers.stateActive': { zh: '有效', en: 'active' },
  'waivers.stateExpiring': { zh: '即将到期', en: 'expiring' },
  'waivers.stateExpired': { zh: '已过期', en: 'expired' },

  // ── `init`: a village list (CSV or Excel) that cannot be used ──
  'villages.binary': { zh: '不是文本文件（含 NUL 字节）；请另存为 CSV', en: 'not a text file (NUL bytes); save it as CSV' },
  'villages.encoding': { zh: '无法识别文件编码；请另存为 UTF-8 或 GBK 编码的 CSV', en: 'unrecognised encoding; save it as UTF-8 or GBK CSV' },
  'villages.columnName': { zh: '村名', en: 'name' },
  'villages.columnCode': { zh: '代码', en: 'code' },
  'villages.noColumn': { zh: '表头中没有「{{column}}」列（可用列名：{{names}}）', en: 'the header has no {{column}} column (accepted names: {{names}})' },
  'villages.noName': { zh: '缺少村名', en: 'no village name' },
  'villages.scientificCode': {
    zh: '{{name}} 的代码「{{code}}」被表格软件改成了科学计数法；请把代码列设为文本格式后重新导出',
    en: 'the code of {{name}} ("{{code}}") was turned into scientific notation by the spreadsheet; format the column as text and export again',
  },
  'villages.badCode': { zh: '{{name}} 的代码「{{code}}」不是 12 位统计用区划代码', en: 'the code of {{name}} ("{{code}}") is not a 12-digit statistical division code' },
  'villages.repeatedCode': { zh: '代码 {{code}} 与第 {{line}} 行重复', en: 'code {{code}} repeats line {{line}}' },
  'villages.badCategory': {
    zh: '{{name}} 的村庄分类「{{category}}」不是集聚提升类、城郊融合类、特色保护类、搬迁撤并类或看不准',
    en: 'the category of {{name}} ("{{category}}") is not one of upgrade, suburban, protection, relocation, undetermined',
  },
  'villages.badExited': { zh: '{{name}} 是否脱贫村写作「{{exited}}」，应为 是 或 否', en: 'whether {{name}} is an exited village reads "{{exited}}"; write yes or no' },
  'villages.badIncome': { zh: '{{name}} 的集体经营性收入「{{income}}」不是金额', en: 'the collective operating income of {{name}} ("{{income}}") is not an amount' },
  'villages.noRows': { zh: '没有村庄数据行', en: 'no village rows' },
  'villages.notWorkbook': { zh: '不是可读取的 Excel 工作簿（.xlsx）', en: 'not a readable Excel workbook (.xlsx)' },
  'villages.noSheet': { zh: '工作簿中没有工作表「{{sheet}}」（有：{{names}}）', en: 'the workbook has no sheet "{{sheet}}" (it has: {{names}})' },

  // ── The editor schema (`rural-audit schema --editor`): what a planner reads on a value in the wrong form ──
  'editor.date': { zh: '日期写成 YYYY-MM-DD，如 2025-12-31', en: 'a date written YYYY-MM-DD, e.g. 2025-12-31' },
  'editor.countyCode': { zh: '县级行政区划代码为 6 位数字，末两位不为 00，如 439921', en: 'a county code: six digits, not ending in 00, e.g. 439921' },
  'editor.villageCode': { zh: '村级区划代码为 12 位数字，如 439921101201', en: 'a village code: twelve digits, e.g. 439921101201' },
  'editor.boolean': { zh: '填 true（是）或 false（否）', en: 'true or false' },
  'editor.number': { zh: '填数字', en: 'a number' },
  'editor.integer': { zh: '填整数', en: 'a whole number' },
  'editor.notYet': { zh: '尚未填写（{{placeholder}}）：check 以 placeholder-unfilled 报告', en: 'not filled in yet ({{placeholder}}): check reports it as placeholder-unfilled' },
  'editor.badFormat': { zh: '格式不符', en: 'not in the expected format' },

  // ── What is wrong with a waiver (an `invalid-waiver` error carries both languages) ──
  'waiver.fileShape': { zh: '豁免文件应以 waivers: 列表开头', en: 'a waivers file holds a list under waivers:' },
  'waiver.notList': { zh: 'waivers 应为列表', en: 'waivers must be a list' },
  'waiver.notMapping': { zh: '每项豁免应为映射（rule、justification、approved_by、expires）', en: 'each waiver must be a mapping (rule, justification, approved_by, expires)' },
  'waiver.unknownKey': { zh: '未知字段 {{key}}', en: 'unknown key {{key}}' },
  'waiver.noRule': { zh: '豁免必须写明规则编号 rule', en: 'a waiver must name its rule' },
  'waiver.unknownRule': { zh: '未知规则 {{rule}}', en: 'unknown rule {{rule}}' },
  'waiver.noJustification': { zh: '豁免必须写明理由 justification', en: 'a waiver must give its justification' },
  'waiver.noApprovedBy': { zh: '豁免必须写明批准人 approved_by', en: 'a waiver must say who approved it (approved_by)' },
  'waiver.noExpires': { zh: '豁免必须写明到期日 expires', en: 'a waiver must have an expiry date (expires)' },
  'waiver.badExpires': { zh: '到期日 {{expires}} 不是有效日期（YYYY-MM-DD）', en: 'expires {{expires}} is not a real date (YYYY-MM-DD)' },
  'waiver.badTarget': { zh: 'target 应为村代码、项目编号或规划中的路径', en: 'target must be a village code, a project id or a path in the plan' },
  'waiver.badCounty': { zh: 'county 应为县级代码', en: 'county must be a county code' },
  'waiver.badFiles': { zh: 'files 应为文件通配符列表', en: 'files must be a list of file globs' },
  'waiver.noTarget': { zh: '规划中没有豁免对象 {{target}}（村代码、项目编号或路径）', en: 'the plan has no target {{target}} (a village code, a project id or a path)' },

  // ── The browser page: its controls (`data-w` names the word after `web.`) and what it says ──
  'web.rules': { zh: '{{count}} 条规则', en: '{{count}} rules' },
  'web.title': { zh: '乡村振兴规划审计（离线网页版）', en: 'Rural-revitalization plan audit (offline page)' },
  'web.privacy': { zh: '全部检查在本机浏览器内完成：规划文件不会上传，也不会发送到任何地方，本页面不访问网络。', en: 'Everything is checked here, in this browser: plan files are not uploaded or sent anywhere, and this page makes no network access.' },
  'web.choose': { zh: '选择规划文件', en: 'Choose plan files' },
  'web.drop': { zh: '或把 .yaml 规划文件拖到这里（可多个；UTF-8 或 GBK 编码均可）', en: 'or drop .yaml plan files here (several at once; UTF-8 or GBK)' },
  'web.lang': { zh: '语言', en: 'Language' },
  'web.today': { zh: '审计日期', en: 'Audit date' },
  'web.profile': { zh: '配置档', en: 'Profile' },
  'web.maxSize': { zh: '文件大小上限', en: 'Largest file' },
  'web.print': { zh: '打印报告', en: 'Print the report' },
  'web.json': { zh: '下载 JSON 报告', en: 'Download the JSON report' },
  'web.csv': { zh: '下载整改清单（CSV）', en: 'Download the remediation list (CSV)' },
  'web.html': { zh: '下载 HTML 报告', en: 'Download the HTML report' },
  'web.newPlan': { zh: '新建规划模板', en: 'New plan template' },
  'web.waiting': { zh: '尚未选择规划文件。', en: 'No plan chosen yet.' },
  'web.reading': { zh: '正在读取文件……', en: 'Reading the files…' },
  'web.auditing': { zh: '正在审计', en: 'Auditing' },
  'web.done': { zh: '审计完成', en: 'Audit finished' },
  'web.failed': { zh: '审计失败', en: 'The audit failed' },
  'web.source': { zh: '规划原文', en: 'Plan source' },
  'web.sourceHint': { zh: '点击报告中的一行差距，可在此查看规划原文中的对应位置。', en: 'Click a gap in the report to see its place in the plan here.' },
  'web.close': { zh: '关闭', en: 'Close' },
  'web.npIntro': { zh: '生成与 rural-audit init 相同的规划模板；村庄名单可从 Excel 复制后粘贴（每行：村名、代码、所属乡镇，以制表符或逗号分隔）。', en: 'The plan template rural-audit init writes; paste the village list from Excel (each row: name, code, township — tab- or comma-separated).' },
  'web.npCounty': { zh: '县名', en: 'County name' },
  'web.npCode': { zh: '县代码（6 位）', en: 'County code (6 digits)' },
  'web.npVillages': { zh: '行政村名单', en: 'Administrative villages' },
  'web.npDownload': { zh: '下载规划模板', en: 'Download the plan template' },
  'web.npSchema': { zh: '下载 plan.schema.json（编辑器提示用）', en: 'Download plan.schema.json (for editor help)' },
  'web.exampleProfile': { zh: '提示：配置档 {{name}} 是示例，其中的数值为虚构，并非任何省份的政策', en: "notice: profile {{name}} is an EXAMPLE; its values are invented, not any province's policy" },
  'web.badSize': { zh: '文件大小上限应为正数，如 5242880、512k 或 20M', en: 'the largest file must be a positive size, like 5242880, 512k or 20M' },
  'web.noWorker': { zh: '本浏览器不能启动后台线程，审计在页面内进行，大文件时页面会暂时无响应。', en: 'This browser cannot start a background thread: the audit runs in the page, which may not respond for a while on large files.' },

  // ── `rules show ID`: one rule explained ──
  'explain.severity': { zh: '级别', en: 'Severity' },
  'explain.area': { zh: '领域', en: 'Area' },
  'explain.clauses': { zh: '条款', en: 'Clauses' },
  'explain.quote': { zh: '引文', en: 'Quote' },
  'explain.rationale': { zh: '理由', en: 'Rationale' },
  'explain.parameters': { zh: '参数', en: 'Parameters' },
  'explain.default': { zh: '默认值', en: 'default' },
  'explain.none': { zh: '无', en: 'none' },
  'explain.pass': { zh: '通过的示例', en: 'Passing example' },
  'explain.fail': { zh: '不通过的示例', en: 'Failing example' },
  'explain.gap': { zh: '审计结果', en: 'Audit says' },
  'explain.remediation': { zh: '如何修改', en: 'Remediation' },
  'explain.definedIn': { zh: '定义于', en: 'Defined in' },
  'explain.check': { zh: '检查', en: 'Check' },
  'explain.window': { zh: '适用期', en: 'When it applies' },
  'explain.through': { zh: '适用至', en: 'applies through' },
  'explain.after': { zh: '适用于此日之后', en: 'applies after' },
  'explain.outside': { zh: '适用期外', en: 'outside the window' },
  'explain.off': { zh: '不检查', en: 'not checked' },
  'explain.outsideSources': { zh: '外部来源（非来源文件条款）', en: 'Outside sources (not clauses of the source document)' },
  'explain.asOf': { zh: '按审计日', en: 'audited as of' },

  // ── Documents made from data (rules show, rules --coverage) ──
  'docs.outsideSource': { zh: '{{title}}（{{issuer}}，{{date}}）', en: '{{title}} ({{issuer}}, {{date}})' },
  'docs.ruleCount': { zh: '{{count}} 条规则', en: '{{count}} rule(s)' },
  'docs.manualOnly': { zh: '仅人工审查', en: 'manual only' },
  'docs.manual': { zh: '人工审查', en: 'manual' },
  'docs.outsideSources': { zh: '外部来源（不是来源文件的条款）：', en: 'Outside sources (not clauses of the source document):' },
  'docs.parameter': { zh: '参数 {{name}}', en: 'parameter {{name}}' },
  'docs.coverage': {
    zh: '共 {{count}} 条条款：{{enforced}} 条由规则检查，{{manual}} 条仅人工审查，{{uncovered}} 条未覆盖',
    en: '{{count}} clauses: {{enforced}} enforced by rules, {{manual}} manual review only, {{uncovered}} uncovered',
  },
  'docs.uncoveredList': { zh: '：{{ids}}', en: ': {{ids}}' },
  /** After the severity label in `rules show`: zh adds the code the config uses, en's label is the code. */
  'docs.severityCode': { zh: ' ({{severity}})', en: '' },

  // ── Notices of a run (src/audit/notices.ts) ──
  'notice.example-profile': {
    zh: '提示：配置档 {{profile}} 是示例，其中的数值为虚构，并非任何省份的政策',
    en: "notice: profile {{profile}} is an EXAMPLE; its values are invented, not any province's policy",
  },
  'notice.ignored-by-config': { zh: '{{file}}：配置 ignore 忽略了此文件', en: "{{file}}: ignored by the config's ignore globs" },
  'notice.baseline-applied': {
    zh: '基线 {{file}}：未显示 {{known}} 个已知差距，{{fixed}} 个已整改',
    en: 'baseline {{file}}: {{known}} known gap(s) not shown, {{fixed}} fixed since',
  },
  'notice.baseline-written': { zh: '基线：已将 {{count}} 个差距记入 {{file}}', en: 'baseline: {{count}} gap(s) recorded in {{file}}' },
  'notice.baseline-not-written': {
    zh: '基线：有 {{errors}} 个输入错误，未写入 {{file}}',
    en: 'baseline: not written to {{file}}: {{errors}} input error(s)',
  },
  /** Given when a file was read as GB18030 because it was not valid UTF-8. */
  'notice.guessed-encoding': {
    zh: '提示：文件不是有效的 UTF-8，已按 {{encoding}} 编码读取；建议另存为 UTF-8，或用 --encoding {{encoding}} 明确指定',
    en: 'notice: not valid UTF-8, read as {{encoding}}; save it as UTF-8, or pass --encoding {{encoding}} to say so',
  },

  // ── Input errors (input-error.ts; docs/errors.md explains each code) ──
  'error.not-found': { zh: '文件不存在', en: 'no such file' },
  'error.dangling-symlink': { zh: '符号链接指向不存在的文件', en: 'symbolic link to a file that does not exist' },
  'error.symlink-loop': { zh: '符号链接形成循环', en: 'symbolic links loop' },
  'error.unreadable': { zh: '无法读取文件（{{detail}}），请检查权限', en: 'cannot read the file ({{detail}}): check its permissions' },
  'error.not-a-file': { zh: '不是普通文件（{{kind}}）', en: 'not a regular file ({{kind}})' },
  'error.too-large': {
    zh: '文件大小 {{size}} 字节，超过上限 {{limit}} 字节{{hint}}',
    en: 'the file is {{size}} bytes, over the limit of {{limit}} bytes{{hint}}',
  },
  'error.no-match': { zh: '没有匹配的 YAML 文件', en: 'matches no YAML file' },
  'error.too-many-files': {
    zh: '查找时已看过 {{limit}} 个目录项仍未结束，已停止：请指定离规划文件更近的目录或更具体的通配符',
    en: 'the search looked at {{limit}} entries without finishing and stopped: name a folder nearer the plans, or a narrower glob',
  },
  'error.binary': {
    zh: '二进制文件（第 {{offset}} 字节为 NUL），不是 YAML 文本{{hint}}',
    en: 'binary file (NUL byte at offset {{offset}}), not YAML text{{hint}}',
  },
  'error.undecodable': {
    zh: '第 {{offset}} 字节无法按 {{encoding}} 解码{{hint}}',
    en: 'byte {{offset}} cannot be decoded as {{encoding}}{{hint}}',
  },
  'error.bad-indent': {
    zh: '缩进不正确：同一层的键必须对齐，子项必须比父项缩进更深（{{detail}}）',
    en: 'wrong indentation: keys of one level line up, children are indented deeper than their parent ({{detail}})',
  },
  'error.tab-indent': { zh: '用了制表符（Tab）缩进，YAML 只允许空格缩进', en: 'indented with a tab; YAML indents with spaces only' },
  'error.unclosed-quote': {
    zh: '此处开始的引号没有闭合：请在值的末尾补上 {{quote}}',
    en: 'the quote opened here is never closed: end the value with {{quote}}',
  },
  'error.unclosed-flow': {
    zh: '此处的 {{open}} 没有对应的 {{close}}：请补上 {{close}}（若跨行，结尾要比键缩进更深）',
    en: 'the {{open}} opened here is never closed: add {{close}} (if it spans lines, indent them deeper than the key)',
  },
  'error.nested-mapping': {
    zh: '值里出现了嵌套的“键: 值”：嵌套的键应另起一行并缩进，含“: ”的文字应加引号',
    en: 'a "key: value" inside a value: put a nested key on its own, indented line, or quote text containing ": "',
  },
  'error.multiline-key': {
    zh: '键不能跨行：可能是上一行缺少冒号，或引号没有闭合',
    en: 'a key cannot span lines: a colon is probably missing on the line before, or a quote is not closed',
  },
  'error.missing-colon': {
    zh: '这一行缺少冒号：映射里的每一项都应写成“键: 值”',
    en: 'this line lacks a colon: every entry of a mapping is written "key: value"',
  },
  'error.bad-escape': {
    zh: '双引号字符串里的转义无效（{{detail}}）：反斜杠请写成 \\\\，或改用单引号',
    en: 'invalid escape in a double-quoted string ({{detail}}): write a backslash as \\\\, or use single quotes',
  },
  'error.stray-bracket': {
    zh: '多余的 {{bracket}}：前面没有与之对应的开括号，请删除',
    en: 'a stray {{bracket}} with no opening bracket before it: remove it',
  },
  'error.text-after-value': {
    zh: '值结束后还有文字：请给整个值加引号，或把新的键另起一行；同一层不能混用列表项（- ）和键',
    en: 'more text after a complete value: quote the whole value, or start a new key on its own line; a level holds list items (- ) or keys, not both',
  },
  'error.reserved-character': {
    zh: '不加引号的值不能以 {{char}} 开头：请给值加引号',
    en: 'a value without quotes cannot start with {{char}}: quote the value',
  },
  'error.bad-tagged-value': {
    zh: '值与其标签 {{tag}} 不符：请删除标签或改正值',
    en: 'the value does not fit its tag {{tag}}: remove the tag or correct the value',
  },
  'error.key-too-long': { zh: '键超过 1024 个字符', en: 'a key longer than 1024 characters' },
  'error.duplicate-key': {
    zh: '键“{{key}}”重复（第一次出现在第 {{first}} 行）：同一映射中的键必须唯一',
    en: 'duplicate key "{{key}}" (first on line {{first}}): keys of a mapping are unique',
  },
  'error.non-scalar-key': {
    zh: '键必须是文字或数字，不能是列表或映射',
    en: 'a key must be text or a number, not a list or a mapping',
  },
  'error.unsupported-tag': {
    zh: '不支持标签 {{tag}}：规划文件只用普通的 YAML 值，标签不会被执行或解析，请删除',
    en: 'tag {{tag}} is not supported: plans hold plain YAML values, tags are never executed or resolved; remove it',
  },
  'error.unknown-alias': { zh: '别名 *{{name}} 之前没有定义锚点 &{{name}}', en: 'alias *{{name}} has no anchor &{{name}} before it' },
  'error.alias-cycle': { zh: '别名 *{{name}} 指向包含它自身的节点（循环引用）', en: 'alias *{{name}} refers to a node that contains it (a cycle)' },
  'error.alias-limit': {
    zh: '别名展开后超过 {{limit}} 个节点，疑似“别名炸弹”',
    en: 'aliases expand to more than {{limit}} nodes: possibly an alias bomb',
  },
  'error.too-deep': { zh: '嵌套超过 {{limit}} 层', en: 'nested more than {{limit}} levels deep' },
  'error.too-many-keys': {
    zh: '一个映射中的键超过 {{limit}} 个（从这里起）：规划格式中最大的映射也只有几十个字段',
    en: 'more than {{limit}} keys in one mapping (from here on): the largest mapping of the plan format has a few dozen fields',
  },
  'error.multiple-documents': {
    zh: '第二个 YAML 文档从这里开始：一个规划文件只能包含一个文档（删除多余的 ---，或拆分为多个文件）',
    en: 'a second YAML document starts here: a plan file holds one document (remove the extra ---, or split the file)',
  },
  'error.yaml-syntax': { zh: 'YAML 语法错误：{{detail}}', en: 'YAML syntax error: {{detail}}' },
  'error.empty': { zh: '文件没有内容（空文件或只有注释）', en: 'the file holds nothing (empty, or comments only)' },
  'error.not-a-mapping': {
    zh: '规划的顶层必须是映射（format_version: 1、county: …），这里是{{found}}',
    en: 'the top level of a plan must be a mapping (format_version: 1, county: …), found {{found}}',
  },
  'error.invalid-catalog': { zh: '规则文件无效：{{detail}}', en: 'invalid rule file: {{detail}}' },
  'error.invalid-config': { zh: '配置无效：{{detail}}', en: 'invalid configuration: {{detail}}' },
  'error.invalid-waiver': { zh: '豁免无效：{{zh}}', en: 'invalid waiver: {{en}}' },
  'error.invalid-baseline': { zh: '基线文件无效：{{detail}}', en: 'invalid baseline file: {{detail}}' },
  'error.internal-error': {
    zh: '审计此文件时出现内部错误（{{detail}}），这是 rural-audit 的缺陷，请报告',
    en: 'internal error while auditing this file ({{detail}}): a bug in rural-audit, please report it',
  },

  // ── Extra words filled into input-error messages, by language ──
  'hint.utf-16': { zh: '；看起来是没有 BOM 的 UTF-16，可用 --encoding utf-16le 指定', en: '; it looks like UTF-16 without a BOM: pass --encoding utf-16le' },
  'hint.gb18030': { zh: '；如果是 GBK 编码，可用 --encoding gbk 指定', en: '; if it is GBK, pass --encoding gbk' },
  'hint.encoding': { zh: '（可用 --encoding 指定编码）', en: ' (force an encoding with --encoding)' },
  'hint.max-file-size': { zh: '（可用 --max-file-size 调整）', en: ' (raise it with --max-file-size)' },
  'hint.fixed-limit': { zh: '（配置、规则、豁免和基线文件的固定上限）', en: ' (the fixed limit for config, rule, waiver and baseline files)' },
  'hint.list': { zh: '列表', en: 'a list' },
  'hint.text': { zh: '文字', en: 'text' },
  'hint.number': { zh: '数字', en: 'a number' },
  'hint.boolean': { zh: '布尔值', en: 'a boolean' },
  'hint.null': { zh: '空值（null）', en: 'null' },
} satisfies Record<string, Record<Lang, string>>;

export type WordKey = keyof typeof WORDS;

/** Values filled into a word's `{{name}}` placeholders. */
export type WordValues = Readonly<Record<string, string | number>>;

/** The one lookup: the word `key` in `lang`, its `{{name}}` placeholders filled from `values`. */
export function say(lang: Lang, key: WordKey, values: WordValues = {}): string {
  return fillTemplate(WORDS[key][lang], values);
}

/** The word in both languages: for what carries both (an input error's values) until it is shown. */
export function sayBoth(key: WordKey, values: WordValues = {}): Record<Lang, string> {
  return { zh: say('zh', key, values), en: say('en', key, values) };
}

/** `say` for one language, for code that says many words in it. */
export type Say = (key: WordKey, values?: WordValues) => string;

export function sayIn(lang: Lang): Say {
  return (key, values) => say(lang, key, values);
}

/** The other language: `rules show` gives a rule's title in both. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** Whether `key` names a word: for keys made from data (an input error's hint). */
export function isWordKey(key: string): key is WordKey {
  return Object.prototype.hasOwnProperty.call(WORDS, key);
}
