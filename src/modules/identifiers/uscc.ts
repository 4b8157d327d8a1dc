import { AppError } from '../../shared/errors.js';
import { orgCodeCheckChar, orgCodeProblems } from './org-code.js';
import { decodeRegion, regionProblems } from './region.js';
import { makeProblem, type CodeName, type Problem, type UsccDetails, type ValidationParts } from './schema.js';

/** 0-9 and A-Z without I, O, S, V, Z; the index of a symbol is its value. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

interface AuthorityDef {
  name: string;
  categories: Record<string, string>;
}

/** 登记管理部门码 → 机构类别码 (GB 32100-2015 with amendment XG1-2016). */
export const USCC_AUTHORITIES: Readonly<Record<string, AuthorityDef>> = {
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常住新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', categories: { '1': '组级', '2': '村级', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', categories: { '1': '其他' } },
};

export function isUsccAuthority(char: string): boolean {
  return Object.hasOwn(USCC_AUTHORITIES, char);
}

/** Check character: 31 − (Σ v·w mod 31), where 31 becomes 0. */
export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, char, i) => acc + USCC_CHARSET.indexOf(char) * USCC_WEIGHTS[i], 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

function authorityOf(code: string): CodeName | null {
  return isUsccAuthority(code) ? { code, name: USCC_AUTHORITIES[code].name } : null;
}

function categoryOf(authority: string, category: string): CodeName | null {
  if (!isUsccAuthority(authority) || !Object.hasOwn(USCC_AUTHORITIES[authority].categories, category)) return null;
  return { code: category, name: USCC_AUTHORITIES[authority].categories[category] };
}

function detailsOf(code: string): UsccDetails {
  return { authority: authorityOf(code[0]), category: categoryOf(code[0], code[1]), orgCode: code.slice(8, 17) };
}

function charsetProblem(code: string): Problem | null {
  const bad = [...code].map((char, i) => ({ char, pos: i + 1 })).filter(({ char }) => !USCC_CHARSET.includes(char));
  if (bad.length === 0) return null;
  const list = bad.map(({ char, pos }) => `第${pos}位“${char}”`).join('、');
  return makeProblem('charset', `${list}不是统一社会信用代码允许的字符（0-9 和除 I、O、S、V、Z 外的大写字母）`);
}

function classificationProblems(details: UsccDetails, code: string): Problem[] {
  if (!details.authority) return [makeProblem('authority', `第1位登记管理部门码“${code[0]}”无效`)];
  if (!details.category) {
    return [makeProblem('category', `第2位机构类别码“${code[1]}”不属于登记管理部门“${details.authority.name}”`)];
  }
  return [];
}

function checksumProblems(code: string): Problem[] {
  const expected = usccCheckChar(code.slice(0, 17));
  return code[17] === expected ? [] : [makeProblem('checksum', `校验码错误：第18位为“${code[17]}”，应为“${expected}”`)];
}

/** Validate a normalized (trimmed, upper-case) 18-character code. */
export function validateUscc(code: string): ValidationParts {
  if (code.length !== 18) {
    return { problems: [makeProblem('length', `统一社会信用代码应为18位，实际为${code.length}位`)], region: null, details: {} };
  }
  const details = detailsOf(code);
  const charset = charsetProblem(code);
  if (charset) return { problems: [charset], region: null, details };
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    const problem = makeProblem('region', `第3-8位行政区划码“${regionCode}”应为6位数字`);
    return { problems: [...classificationProblems(details, code), problem], region: null, details };
  }
  const region = decodeRegion(regionCode);
  const problems = [
    ...classificationProblems(details, code),
    ...regionProblems(region),
    ...orgCodeProblems(code.slice(8, 17), true),
    ...checksumProblems(code),
  ];
  return { problems, region, details };
}

/** mulberry32: small, fast and reproducible, which is all demo and bench data need. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, maxExclusive: number): number {
  return Math.min(maxExclusive - 1, Math.floor(random() * maxExclusive));
}

export interface GenerateUsccOptions {
  authority?: string;
  category?: string;
  region?: string;
  random?: () => number;
}

/** A code that passes every check, including the embedded org code; for demo and bench data only. */
export function generateUscc(options: GenerateUsccOptions = {}): string {
  const { authority = '9', category = '1', region = '450403', random = Math.random } = options;
  if (!categoryOf(authority, category)) {
    throw new AppError('VALIDATION', `登记管理部门码“${authority}”下没有机构类别码“${category}”`);
  }
  if (!decodeRegion(region).province) throw new AppError('VALIDATION', `无效的行政区划代码“${region}”`);
  const body = Array.from({ length: 8 }, () => USCC_CHARSET[randomInt(random, USCC_CHARSET.length)]).join('');
  const first17 = `${authority}${category}${region}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
