/**
 * Generates a realistic 行政处罚 (penalty) CSV with the national 双公示 Chinese headers, streamed to disk.
 *
 *   tsx bench/generate.ts --rows N --out file.csv [--invalid 0.05] [--seed 1] [--subjects N]
 *
 * - Subjects: a pool of rows/5 distinct subjects (override with --subjects), so subjects repeat across
 *   rows. ~80 % legal entities (USCC 91…), ~12 % individual businesses (USCC 92…), ~8 % natural persons
 *   (citizen ID in 证件号码). Subject i is derived from (seed, i) on demand: nothing is kept in memory.
 * - Unique decision document numbers, decision dates spread over 2024-01-01 … 2026-11-20, several
 *   penalty types (警告 / 罚款 / 没收违法所得 / 吊销许可证件 / 责令停产停业 …) with matching amounts.
 * - About `--invalid` of the rows are invalid, of four kinds: bad date, bad USCC check character,
 *   missing required cell, unknown penalty type.
 * - Also writes `<out>.valid.csv`: the valid rows only, same header and column layout (COPY baseline).
 *
 * Both files are written through write streams that respect backpressure (10M rows are never held).
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { createSeededRandom, generateCitizenId, generateUscc } from '../src/modules/identifiers';

export const HEADERS = [
  '行政相对人名称',
  '行政相对人类别',
  '行政相对人代码_1（统一社会信用代码）',
  '行政相对人代码_2（工商注册号）',
  '法定代表人',
  '证件类型',
  '证件号码',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '没收违法所得、没收非法财物的金额（万元）',
  '暂扣或吊销证照名称及编号',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
] as const;

export type InvalidKind = 'bad_date' | 'bad_uscc_check' | 'missing_required' | 'unknown_penalty_type';
export const INVALID_KINDS: InvalidKind[] = ['bad_date', 'bad_uscc_check', 'missing_required', 'unknown_penalty_type'];

export interface GenerateOptions {
  rows: number;
  out: string;
  invalid?: number;
  seed?: number;
  subjects?: number;
}

export interface GenerateResult {
  rows: number;
  validRows: number;
  invalidRows: number;
  invalidByKind: Record<InvalidKind, number>;
  subjects: number;
  bytes: number;
  validBytes: number;
  out: string;
  validOut: string;
  seconds: number;
}

const REGIONS = ['450102', '450103', '450105', '450202', '450203', '450304', '450403', '450405', '450502', '450602'];
/** distinct characters (a duplicate would make two subjects' names collide) */
const SYLLABLES = [...new Set('青禾云川江口东城西明远华信恒达金盛瑞丰宏泰永安嘉和鑫源博通天成鼎新润泽汇德昌隆卓越正元兴业广聚顺百中联宇航景宝利精诚佳创锦绣富康')];
const INDUSTRIES = ['贸易', '建筑工程', '食品', '餐饮管理', '物流', '科技', '医药', '房地产开发', '机械制造', '环保科技', '农业开发', '商贸', '汽车销售', '装饰工程', '化工'];
const ORG_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '合作社'];
const SHOPS = ['便利店', '小吃店', '五金店', '汽车修理部', '服装店', '水果店', '药店', '理发店'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙陆'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红'];

const AUTHORITIES = [
  { name: '示范市市场监督管理局', prefix: '示市监' },
  { name: '示范市生态环境局', prefix: '示环' },
  { name: '国家税务总局示范市税务局', prefix: '示税' },
  { name: '示范市应急管理局', prefix: '示应急' },
  { name: '示范市交通运输局', prefix: '示交' },
];

interface Violation {
  type: string;
  facts: string;
  basis: string;
}
const VIOLATIONS: Violation[] = [
  { type: '未按规定公示年度报告', facts: '当事人未按规定期限公示年度报告，经责令限期改正逾期未改正', basis: '《企业信息公示暂行条例》第十七条' },
  { type: '销售不符合食品安全标准的食品', facts: '当事人经营的预包装食品经抽样检验，菌落总数项目不符合食品安全国家标准', basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（一）项' },
  { type: '超标排放大气污染物', facts: '经监测，当事人废气排放口颗粒物排放浓度超过国家规定的排放标准', basis: '《中华人民共和国大气污染防治法》第九十九条第（二）项' },
  { type: '未按规定办理纳税申报', facts: '当事人未按照规定期限办理增值税纳税申报和报送纳税资料，经责令限期改正仍未改正', basis: '《中华人民共和国税收征收管理法》第六十二条' },
  { type: '未按规定开展安全生产教育和培训', facts: '当事人未对从业人员进行安全生产教育和培训，未如实记录安全生产教育和培训情况', basis: '《中华人民共和国安全生产法》第九十七条第（三）项' },
  { type: '道路运输车辆未按规定进行年度审验', facts: '当事人所属营运车辆未按规定进行年度审验，仍从事道路运输经营活动', basis: '《道路运输条例》第七十条' },
  { type: '虚假宣传', facts: '当事人在其经营场所及网络店铺发布的商品宣传内容与实际不符，对商品的性能、功能作虚假的商业宣传，欺骗、误导消费者', basis: '《中华人民共和国反不正当竞争法》第二十条第一款' },
];

interface PenaltyChoice {
  types: string;
  fine: boolean;
  confiscate: boolean;
  licence: boolean;
}
/** weights roughly like published 双公示 data: fines dominate, warnings next. */
const PENALTIES: [number, PenaltyChoice][] = [
  [0.5, { types: '罚款', fine: true, confiscate: false, licence: false }],
  [0.17, { types: '警告', fine: false, confiscate: false, licence: false }],
  [0.12, { types: '警告、罚款', fine: true, confiscate: false, licence: false }],
  [0.12, { types: '没收违法所得、罚款', fine: true, confiscate: true, licence: false }],
  [0.05, { types: '吊销许可证件', fine: false, confiscate: false, licence: true }],
  [0.04, { types: '责令停产停业', fine: false, confiscate: false, licence: false }],
];
const UNKNOWN_PENALTY_TYPES = ['罚金', '训诫', '责令整改', '拘役'];

type Kind = 'legal_entity' | 'individual_business' | 'natural_person';
interface Subject {
  kind: Kind;
  name: string;
  uscc: string;
  citizenId: string;
  representative: string;
}

function syllables(index: number, min: number): string {
  let text = '';
  let n = index;
  do {
    text = SYLLABLES[n % SYLLABLES.length] + text;
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0 || text.length < min);
  return text;
}

function personName(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
}

/** Subject i of the pool, derived from (seed, i) alone: same subject every time it appears. */
function subjectAt(seed: number, index: number): Subject {
  const random = createSeededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const region = REGIONS[index % REGIONS.length];
  const bucket = index % 100;
  if (bucket < 80) {
    const name = `示范市${syllables(index, 2)}${INDUSTRIES[index % INDUSTRIES.length]}${ORG_FORMS[Math.floor(index / 7) % ORG_FORMS.length]}`;
    return { kind: 'legal_entity', name, uscc: generateUscc({ authority: '9', category: '1', region, random }), citizenId: '', representative: personName(random) };
  }
  if (bucket < 92) {
    const owner = personName(random);
    const name = `示范市${syllables(index, 2)}${SHOPS[index % SHOPS.length]}（个体工商户）`;
    return { kind: 'individual_business', name, uscc: generateUscc({ authority: '9', category: '2', region, random }), citizenId: '', representative: owner };
  }
  return { kind: 'natural_person', name: personName(random), uscc: '', citizenId: generateCitizenId({ region, random }), representative: '' };
}

const KIND_LABEL: Record<Kind, string> = { legal_entity: '法人及非法人组织', individual_business: '个体工商户', natural_person: '自然人' };
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DATE_FROM = Date.UTC(2024, 0, 1);
const DATE_DAYS = Math.floor((Date.UTC(2026, 10, 20) - DATE_FROM) / 86_400_000) + 1;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One data row (cells in HEADERS order) and which invalid kind it carries, if any. */
export function makeRow(random: () => number, seed: number, rowIndex: number, subjectCount: number, authorityUsccs: string[], invalidRate: number): { cells: string[]; invalid: InvalidKind | null } {
  const subject = subjectAt(seed, Math.floor(random() * subjectCount));
  const authorityIndex = Math.floor(random() * AUTHORITIES.length);
  const authority = AUTHORITIES[authorityIndex];
  const authorityUscc = authorityUsccs[authorityIndex];
  const violation = VIOLATIONS[Math.floor(random() * VIOLATIONS.length)];
  let roll = random();
  let penalty = PENALTIES[PENALTIES.length - 1][1];
  for (const [weight, choice] of PENALTIES) {
    if (roll < weight) {
      penalty = choice;
      break;
    }
    roll -= weight;
  }
  const decision = DATE_FROM + Math.floor(random() * DATE_DAYS) * 86_400_000;
  const decisionDate = isoDate(decision);
  const year = decisionDate.slice(0, 4);
  const validYears = penalty.licence || penalty.types === '责令停产停业' ? 3 : 1;
  const validUntil = `${Number(year) + validYears}${decisionDate.slice(4)}`.replace(/-02-29$/, '-02-28');
  const fineYuan = penalty.fine ? (1 + Math.floor(random() * 500)) * 100 : 0;
  const gainsYuan = penalty.confiscate ? (1 + Math.floor(random() * 3000)) * 10 : 0;
  const content = [
    penalty.types.includes('警告') ? '警告' : '',
    penalty.fine ? `罚款人民币${fineYuan}元` : '',
    penalty.confiscate ? `没收违法所得${gainsYuan}元` : '',
    penalty.licence ? '吊销食品经营许可证' : '',
    penalty.types === '责令停产停业' ? '责令停产停业整顿三十日' : '',
  ].filter(Boolean).join('；');
  const cells: Record<(typeof HEADERS)[number], string> = {
    行政相对人名称: subject.name,
    行政相对人类别: KIND_LABEL[subject.kind],
    '行政相对人代码_1（统一社会信用代码）': subject.uscc,
    '行政相对人代码_2（工商注册号）': '',
    法定代表人: subject.representative,
    证件类型: subject.kind === 'natural_person' ? '身份证' : '',
    证件号码: subject.citizenId,
    行政处罚决定书文号: `${authority.prefix}罚〔${year}〕${rowIndex + 1}号`,
    违法行为类型: violation.type,
    违法事实: violation.facts,
    处罚依据: violation.basis,
    处罚类别: penalty.types,
    处罚内容: content,
    '罚款金额（万元）': penalty.fine ? String(fineYuan / 10000) : '',
    '没收违法所得、没收非法财物的金额（万元）': penalty.confiscate ? String(gainsYuan / 10000) : '',
    暂扣或吊销证照名称及编号: penalty.licence ? `食品经营许可证 JY1${String(4500000000000 + rowIndex).slice(0, 13)}` : '',
    处罚决定日期: decisionDate,
    处罚有效期: validUntil,
    公示截止期: '',
    处罚机关: authority.name,
    处罚机关统一社会信用代码: authorityUscc,
    数据来源单位: authority.name,
    数据来源单位统一社会信用代码: authorityUscc,
    备注: '',
  };
  let invalid: InvalidKind | null = null;
  if (random() < invalidRate) {
    invalid = INVALID_KINDS[Math.floor(random() * INVALID_KINDS.length)];
    if (invalid === 'bad_uscc_check' && subject.kind === 'natural_person') invalid = 'bad_date';
    switch (invalid) {
      case 'bad_date':
        cells.处罚决定日期 = `${year}-02-30`;
        break;
      case 'bad_uscc_check': {
        const code = subject.uscc;
        const wrong = USCC_CHARS[(USCC_CHARS.indexOf(code[17]) + 1 + Math.floor(random() * (USCC_CHARS.length - 1))) % USCC_CHARS.length];
        cells['行政相对人代码_1（统一社会信用代码）'] = code.slice(0, 17) + wrong;
        break;
      }
      case 'missing_required':
        if (random() < 0.5) cells.违法事实 = '';
        else cells.处罚依据 = '';
        break;
      case 'unknown_penalty_type':
        cells.处罚类别 = UNKNOWN_PENALTY_TYPES[Math.floor(random() * UNKNOWN_PENALTY_TYPES.length)];
        break;
    }
  }
  return { cells: HEADERS.map((header) => cells[header]), invalid };
}

async function write(stream: fs.WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function end(stream: fs.WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export function validPathOf(out: string): string {
  return `${out}.valid.csv`;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const rows = options.rows;
  const seed = options.seed ?? 1;
  const invalidRate = options.invalid ?? 0.05;
  const subjectCount = Math.max(1, options.subjects ?? Math.floor(rows / 5));
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  const validOut = validPathOf(options.out);
  const all = fs.createWriteStream(options.out, { highWaterMark: 1 << 20 });
  const valid = fs.createWriteStream(validOut, { highWaterMark: 1 << 20 });
  const random = createSeededRandom(seed);
  const authorityUsccs = AUTHORITIES.map(() => generateUscc({ authority: '1', category: '1', region: '450403', random }));
  const header = `${HEADERS.join(',')}\r\n`;
  await write(all, header);
  await write(valid, header);
  const invalidByKind = Object.fromEntries(INVALID_KINDS.map((kind) => [kind, 0])) as Record<InvalidKind, number>;
  let validRows = 0;
  // Rows are joined in blocks so each write() carries ~1000 rows (fewer stream calls, same backpressure).
  const BLOCK = 1000;
  let allBlock: string[] = [];
  let validBlock: string[] = [];
  for (let index = 0; index < rows; index++) {
    const { cells, invalid } = makeRow(random, seed, index, subjectCount, authorityUsccs, invalidRate);
    const line = `${cells.map(quote).join(',')}\r\n`;
    allBlock.push(line);
    if (invalid) invalidByKind[invalid] += 1;
    else {
      validRows += 1;
      validBlock.push(line);
    }
    if (allBlock.length >= BLOCK) {
      await write(all, allBlock.join(''));
      if (validBlock.length) await write(valid, validBlock.join(''));
      allBlock = [];
      validBlock = [];
    }
  }
  if (allBlock.length) await write(all, allBlock.join(''));
  if (validBlock.length) await write(valid, validBlock.join(''));
  await Promise.all([end(all), end(valid)]);
  return {
    rows,
    validRows,
    invalidRows: rows - validRows,
    invalidByKind,
    subjects: subjectCount,
    bytes: fs.statSync(options.out).size,
    validBytes: fs.statSync(validOut).size,
    out: path.resolve(options.out),
    validOut: path.resolve(validOut),
    seconds: (performance.now() - started) / 1000,
  };
}

export function parseArgs(argv: string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) args[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args[key] = argv[++i];
    else args[key] = true;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows = Number(args.rows ?? 100_000);
  const out = typeof args.out === 'string' ? args.out : path.join('bench', 'out', `penalty-${rows}.csv`);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error('--rows must be a positive integer');
  const result = await generate({
    rows,
    out,
    invalid: args.invalid !== undefined ? Number(args.invalid) : undefined,
    seed: args.seed !== undefined ? Number(args.seed) : undefined,
    subjects: args.subjects !== undefined ? Number(args.subjects) : undefined,
  });
  process.stderr.write(`generated ${result.rows} rows (${result.validRows} valid, ${result.invalidRows} invalid) in ${result.seconds.toFixed(1)} s → ${result.out} (${(result.bytes / 1048576).toFixed(1)} MiB) and ${result.validOut}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
