// Deterministic synthetic national corpus: one plan per county in plan format v1, with village
// counts that have a long tail and a realistic share of gaps. Same seed → same bytes, always.
//
//   node bench/generate.mjs [outDir=.bench] [--counties 2844]
//
// Writes outDir/corpus/<province>/<county code>.yaml, outDir/sample100/ (the first 100 plans
// again, for the memory ratio) and outDir/single/villages-2000.yaml, villages-20000.yaml.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = [
  ['11', '北京市'], ['13', '河北省'], ['14', '山西省'], ['15', '内蒙古自治区'], ['21', '辽宁省'], ['22', '吉林省'],
  ['23', '黑龙江省'], ['32', '江苏省'], ['33', '浙江省'], ['34', '安徽省'], ['35', '福建省'], ['36', '江西省'],
  ['37', '山东省'], ['41', '河南省'], ['42', '湖北省'], ['43', '湖南省'], ['44', '广东省'], ['45', '广西壮族自治区'],
  ['46', '海南省'], ['50', '重庆市'], ['51', '四川省'], ['52', '贵州省'], ['53', '云南省'], ['54', '西藏自治区'],
  ['61', '陕西省'], ['62', '甘肃省'], ['63', '青海省'], ['64', '宁夏回族自治区'], ['65', '新疆维吾尔自治区'],
];
const SYL = '桃溪青岚柳河梅岭云台石桥杨柳竹林高坪湖心渔港芦苇金鸡银杏松岭红星白沙黄土龙泉凤凰双河长乐永安太平新华东风胜利和平团结光明';
const TERRAIN = ['mountain', 'hill', 'plain', 'lake', 'plateau'];
const CATEGORIES = ['upgrade', 'suburban', 'protection', 'relocation', 'undetermined'];

/**
 * Sections a county writes much as every other county does (collective-economy reform, talent,
 * governance, local slogans, infrastructure use): taken verbatim from the aligned example, so the
 * corpus follows the catalog as it grows and its gaps stay where the generator puts them.
 */
const SHARED_SECTIONS = ['infrastructure_utilisation', 'collective_economy', 'talent', 'governance', 'slogans'];
function sharedSections() {
  const text = readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');
  const blocks = text.split(/\n(?=[a-z_]+:)/);
  return SHARED_SECTIONS.map((key) => {
    const block = blocks.find((b) => b.startsWith(`${key}:`));
    if (!block) throw new Error(`examples/aligned.yaml has no ${key} section`);
    return block.trimEnd();
  }).join('\n\n');
}
const SHARED = sharedSections();
const CONSIDERATIONS = '[land_use, industry, settlement, living_environment, ecology, heritage]';

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const name2 = (r) => pick(r, [...SYL]) + pick(r, [...SYL]);
const pad = (n, w) => String(n).padStart(w, '0');

/** 100–300 villages for most counties, a long tail to a few over 1,000. */
export function villageCount(r) {
  const u = r();
  if (u < 0.004) return 1000 + Math.floor(r() * 400);
  if (u < 0.03) return 300 + Math.floor(r() * 500);
  return 100 + Math.floor(r() * r() * r() * 200);
}

function header(r, county, gaps, exitedCodes) {
  const { name, code, province } = county;
  const g = (p) => gaps && r() < p;
  const lines = [];
  const push = (s) => lines.push(s);
  push(`# ${name}乡村振兴规划（合成基准数据 / synthetic benchmark data）`);
  push('format_version: 1');
  push('');
  push('county:');
  push(`  name: ${name}`);
  push(`  code: '${code}'`);
  push(`  province: ${province}`);
  push(`  city: ${name2(r)}市`);
  push(`  terrain: [${county.terrain.join(', ')}]`);
  push(`  exited_poverty_on: '20${pad(17 + Math.floor(r() * 4), 2)}-0${1 + Math.floor(r() * 9)}-30'`);
  push('');
  push('transition_period:');
  push("  start: '2021-01-01'");
  push("  end: '2025-12-31'");
  push('');
  push('leadership:');
  push('  overall_handle:');
  push('    stated: true');
  push(`    document: ${name.slice(0, 1)}发〔2021〕1号《关于把乡村振兴作为巩固脱贫攻坚成果总抓手的意见》`);
  push('  county_secretary:');
  push('    name: 县委书记');
  if (!g(0.08)) push('    main_energy_on_rural_work: true');
  push(`    leading_group_role: ${g(0.1) ? 'member' : 'chair'}`);
  push('  linking_coordination:');
  push(`    body: ${name}巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作领导小组`);
  push('    led_by: 县委书记');
  if (!g(0.1)) push('    meeting_frequency: quarterly');
  push('    duties:');
  push('      - 统筹脱贫攻坚与乡村振兴政策、项目、资金衔接');
  push('      - 每季度研究解决衔接中的重大问题');
  push('  secretary_chains:');
  const chain = (key, missingLevel) => {
    push(`    ${key}:`);
    for (const [lvl, who] of [['province', '省委书记'], ['city', '市委书记'], ['county', '县委书记'], ['township', '各乡镇党委书记'], ['village', '各村党组织书记']]) {
      if (lvl === missingLevel) continue;
      push(`      ${lvl}: {secretary: ${who}, duties: [${key === 'revitalization' ? '抓乡村振兴' : '抓巩固脱贫成果'}]}`);
    }
  };
  chain('poverty_alleviation', g(0.05) ? 'city' : undefined);
  if (!g(0.06)) chain('revitalization', g(0.05) ? 'village' : undefined);
  push('  responsibility_system:');
  for (const [k, h, d] of [
    ['leaders', '县级领导', '每名县级领导联系一个乡镇'],
    ['departments', '县农业农村局, 县乡村振兴局', '按职责出台配套政策'],
    ['assisting_units', '市直定点帮扶单位', '定点帮扶已脱贫村'],
    ['village_committees', '各村党组织委员会', '组织实施村级项目'],
    ['first_secretaries', '驻村第一书记和工作队', '抓党建促振兴'],
  ]) {
    if (k === 'assisting_units' && g(0.07)) continue;
    push(`    ${k}:`);
    push(`      holders: [${h}]`);
    if (!g(0.02)) push(`      duties: [${d}]`);
  }
  push('');
  push('no_removals:');
  for (const [k, owner, m] of [
    ['responsibility', '县委、县政府', '过渡期内县党政正职保持稳定'],
    ['policy', '县政府', '主要帮扶政策保持总体稳定'],
    ['assistance', '县委组织部', '驻村工作队不撤'],
    ['supervision', '县乡村振兴局', '防返贫动态监测每月一排查'],
  ]) {
    if (k === 'supervision' && g(0.05)) continue;
    push(`  ${k}:`);
    push(`    kept: ${g(0.02) ? 'false' : 'true'}`);
    push(`    kept_until: '${g(0.06) ? '2023-06-30' : '2025-12-31'}'`);
    push(`    owner: ${owner}`);
    push(`    measures: [${m}]`);
  }
  push('');
  push('policy_linkage:');
  push('  poverty_policies:');
  for (const k of ['industry', 'health', 'education', 'housing', 'social_security']) {
    push(`    ${k}: {action: ${pick(r, ['continue', 'optimise', 'adjust'])}, source: ${name.slice(0, 1)}政发〔2021〕${1 + Math.floor(r() * 20)}号, measures: [保持总体稳定]}`);
  }
  push('  revitalization_policies:');
  for (const k of ['industry', 'talent', 'culture', 'ecology', 'organisation']) {
    if (k === 'culture' && g(0.05)) continue;
    push(`    ${k}: {document: ${name.slice(0, 1)}政发〔2022〕${1 + Math.floor(r() * 20)}号, measures: [实施${k}振兴行动]}`);
  }
  push('  conflicts_review:');
  push("    reviewed_on: '2021-09-30'");
  push('    conflicts:');
  push('      - {description: 产业奖补与乡村振兴项目资金重复, resolution: 统一纳入衔接资金项目库}');
  push('  self_sustaining: {indicator: 脱贫户家庭经营性收入年增长, target: 8, unit: \'%\', measures: [每个已脱贫村至少一个主导产业]}');
  push('  local_employment: {indicator: 脱贫劳动力县内就业人数, target: 12000, unit: 人, measures: [建设就业帮扶车间]}');
  push('');
  push('evaluation:');
  push('  third_party_assessment: {unit: 县委农办, frequency: yearly}');
  // Teams stay in the exited villages (a few of them named); now and then a code that is no village of the plan.
  const stationed = exitedCodes.slice(0, 4).map((c) => `'${c}'`);
  if (g(0.05)) stationed.push(`'${county.code}999998'`);
  push(`  village_stationed_assistance: {unit: 县委组织部, villages: [${stationed.join(', ')}]}`);
  push('  special_inspection: {unit: 县委巡察办, frequency: yearly}');
  push(`  joint_review: {unit: 县委农办, frequency: yearly, consolidation_indicators: [监测户风险消除率, 脱贫人口人均纯收入增幅], revitalization_indicators: [${g(0.05) ? '' : '村集体经营性收入, 村庄规划覆盖率'}]}`);
  push('  outcome_indicators: [脱贫户人均纯收入增幅, 监测户风险消除率, 村集体经营性收入]');
  push('');
  push('monitoring:');
  push('  household_kinds: [unstable, marginal, sudden_hardship]');
  push(`  income_threshold: ${g(0.05) ? 4000 : 6500}`);
  push('  threshold_year: 2022');
  push('  unit: 县乡村振兴局');
  push('  frequency: monthly');
  push('');
  push('planning:');
  push('  terrain_measures:');
  for (const t of county.terrain) if (!g(0.05)) push(`    ${t}: [${t}地区村庄因地制宜布局]`);
  push('  planning_support:');
  push('    unit: 县自然资源局');
  push(`    villages: [${exitedCodes.filter(() => !g(0.01)).map((c) => `'${c}'`).join(', ')}]`);
  push(`    layouts: [industry, infrastructure, public_services, resources_energy${g(0.05) ? '' : ', ecology'}]`);
  push('');
  return lines;
}

/** The `k`-th village of township `t`: a village committee's code ends in 200–399 (居委会 001–199). */
function village(r, county, t, k, gaps, lines) {
  const code = `${county.code}${pad(101 + t, 3)}${pad(201 + k, 3)}`;
  const g = (p) => gaps && r() < p;
  const category = g(0.01) ? 'upgrad' : pick(r, CATEGORIES);
  lines.push(`  - name: ${name2(r)}村`);
  lines.push(`    code: '${g(0.003) ? county.code + '101201' : code}'`);
  lines.push(`    township: ${county.townships[t]}`);
  lines.push(`    category: ${category}`);
  const exited = r() < 0.3;
  lines.push(`    poverty_status: ${exited ? 'exited' : 'non_poor'}`);
  if (exited && !g(0.01)) lines.push('    first_secretary: 市直帮扶单位选派');
  if (category === 'relocation' && !g(0.02)) lines.push('    relocation_consent: true');
  if (category === 'protection') lines.push(`    heritage: [${name2(r)}古民居群]`);
  const kind = r();
  if (g(0.04)) {
    // no plan at all: a coverage gap
  } else if (kind < 0.35) {
    lines.push(`    plan: {kind: township_rules, status: approved, approved_on: '2024-05-20'}`);
  } else {
    lines.push('    plan:');
    lines.push('      kind: village_plan');
    lines.push(`      status: ${g(0.03) ? 'drafting' : 'approved'}`);
    lines.push(`      approved_on: '202${2 + Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}'`);
    lines.push(`      assembly_approved: ${g(0.03) ? 'false' : 'true'}`);
    lines.push('      integrated: true');
    lines.push(`      considerations: ${CONSIDERATIONS}`);
  }
  const operating = Math.floor(r() * 300) * 1000;
  // Photovoltaic income on a weak operating income is the Q2.4 gap: only where the generator wants one.
  const pv = r() < 0.2 && (operating >= 50000 || g(0.05)) ? 30000 : 0;
  const target = operating < 50000 ? ', target: 80000' : '';
  lines.push(`    collective_income: {year: 2024, operating: ${operating}, photovoltaic: ${pv}, subsidy: 0, other: ${Math.floor(r() * 30) * 1000}${target}}`);
  return { code, poor: exited };
}

/** One county's plan as YAML text. */
export function plan(seed, county, villages, gaps = true) {
  const r = rng(seed);
  // At most 899 townships, so that a township's three digits of the code stay three (101–999).
  const townshipCount = Math.min(899, Math.max(3, Math.round(villages / 12)));
  county.townships = Array.from({ length: townshipCount }, () => `${name2(r)}${r() < 0.5 ? '镇' : '乡'}`);
  county.terrain = [pick(r, TERRAIN), pick(r, TERRAIN)].filter((x, i, a) => a.indexOf(x) === i);
  const body = ['villages:'];
  const codes = [];
  const exited = [];
  const inTownship = new Array(townshipCount).fill(0);
  for (let v = 0; v < villages; v++) {
    const t = Math.floor((v * townshipCount) / villages);
    const { code, poor } = village(r, county, t, inTownship[t]++, gaps, body);
    codes.push(code);
    if (poor) exited.push(code);
  }
  const lines = [...header(r, county, gaps, exited), ...body];
  lines.push('');
  lines.push('projects:');
  const projects = Math.max(2, Math.round(villages / 40));
  for (let p = 0; p < projects; p++) {
    lines.push(`  - id: P${county.code}-${pad(p + 1, 3)}`);
    lines.push(`    name: ${name2(r)}特色产业项目`);
    lines.push('    kind: industry');
    const a = pick(r, codes);
    const b = gaps && r() < 0.03 ? `${county.code}999999` : pick(r, codes);
    lines.push(`    villages: ['${a}', '${b}']`);
    lines.push(`    funds: ${(1 + Math.floor(r() * 50)) * 100000}`);
    lines.push(`    upgrades: 原有产业${p + 1}`);
    lines.push(`    linkage: [dividend, wage]`);
    if (!(gaps && r() < 0.05)) lines.push('    qualities: [产业发展好, 示范带动好, 利益联结好, 增收效果好, 贫困群众内生动力强]');
  }
  lines.push('');
  lines.push('existing_industries:');
  for (let p = 0; p < projects; p++) lines.push(`  - {name: 原有产业${p + 1}, evaluated_on: '2021-10-15', result: upgrade}`);
  lines.push('');
  lines.push(SHARED);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

export function generate(outDir, counties = 2844) {
  rmSync(outDir, { recursive: true, force: true });
  const r = rng(20210101);
  let bytes = 0;
  const perProvince = Math.ceil(counties / PROVINCES.length);
  for (let i = 0; i < counties; i++) {
    const [pcode, province] = PROVINCES[Math.floor(i / perProvince)];
    const code = `${pcode}${pad(1 + (i % perProvince), 4)}`;
    const county = { name: `${name2(r)}县`, code, province };
    const text = plan(1000 + i, county, villageCount(r));
    const dir = join(outDir, 'corpus', pcode);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${code}.yaml`), text);
    if (i < 100) {
      mkdirSync(join(outDir, 'sample100'), { recursive: true });
      writeFileSync(join(outDir, 'sample100', `${code}.yaml`), text);
    }
    bytes += Buffer.byteLength(text);
  }
  mkdirSync(join(outDir, 'single'), { recursive: true });
  for (const n of [2000, 20000]) {
    const text = plan(7, { name: '基准县', code: '999901', province: '湖南省' }, n);
    writeFileSync(join(outDir, 'single', `villages-${n}.yaml`), text);
  }
  return { counties, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--counties');
  const counties = i >= 0 ? Number(args[i + 1]) : 2844;
  const outDir = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--counties') ?? '.bench';
  const t = process.hrtime.bigint();
  const { bytes } = generate(outDir, counties);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`generated ${counties} plans, ${(bytes / 1e6).toFixed(1)} MB, in ${(ms / 1000).toFixed(1)} s → ${outDir}`);
}
