import { AppError } from '../../shared/errors.js';
import { decodeRegion, divisionNamePrefix, regionProblems, type DivisionLevel } from './region.js';
import { makeProblem, type CitizenIdDetails, type Problem, type ValidationParts } from './schema.js';
import { randomInt } from './uscc.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
// GB 11643 itself uses a person born in 1880 as an example, so dates before 1900 are only doubtful, not wrong.
const DOUBTFUL_BEFORE = '19000101';
const EARLIEST_BIRTH = '18000101';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i], 0);
  return ID_CHECK_CHARS[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function todayCompact(): string {
  const now = new Date();
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

function formatDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Problems of an 8-digit YYYYMMDD birth date code. */
export function birthDateProblems(yyyymmdd: string): Problem[] {
  if (!/^\d{8}$/.test(yyyymmdd) || !isRealDate(yyyymmdd)) {
    return [makeProblem('birth_date', `出生日期码“${yyyymmdd}”不是有效日期`)];
  }
  const date = formatDate(yyyymmdd);
  if (yyyymmdd < EARLIEST_BIRTH) return [makeProblem('birth_date', `出生日期“${date}”早于1800年`)];
  if (yyyymmdd > todayCompact()) return [makeProblem('birth_date', `出生日期“${date}”晚于今天`)];
  if (yyyymmdd < DOUBTFUL_BEFORE) return [makeProblem('birth_date', `出生日期“${date}”早于1900年，请核实`, 'warning')];
  return [];
}

/** True when positions 7-14 hold a real, plausible birth date; used to tell an ID number from a numeric USCC. */
export function hasPlausibleBirthDate(value: string): boolean {
  return value.length === 18 && birthDateProblems(value.slice(6, 14)).every((problem) => problem.severity !== 'error');
}

function sexOf(sequenceDigit: string): CitizenIdDetails['sex'] {
  return Number(sequenceDigit) % 2 === 1 ? 'male' : 'female';
}

function validateLegacy(value: string): ValidationParts {
  if (!/^\d{15}$/.test(value)) {
    return { problems: [makeProblem('charset', '15位旧版公民身份号码应全部为数字')], region: null, details: {} };
  }
  const birth = `19${value.slice(6, 12)}`;
  const region = decodeRegion(value.slice(0, 6));
  // Old numbers carry many abolished county codes, so only the province prefix is checked.
  const problems = [...regionProblems(region, { warnHistorical: false }), ...birthDateProblems(birth)];
  return { problems, region, details: { birthDate: formatDate(birth), sex: sexOf(value[14]), legacy: true } };
}

function checksumProblems(value: string): Problem[] {
  const expected = citizenIdCheckChar(value.slice(0, 17));
  return value[17] === expected ? [] : [makeProblem('checksum', `校验码错误：第18位为“${value[17]}”，应为“${expected}”`)];
}

/** Validate a normalized (trimmed, upper-case) 18-digit number, or a 15-digit legacy one. */
export function validateCitizenId(value: string): ValidationParts {
  if (value.length === 15) return validateLegacy(value);
  if (value.length !== 18) {
    return { problems: [makeProblem('length', `公民身份号码应为18位（旧版为15位），实际为${value.length}位`)], region: null, details: {} };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { problems: [makeProblem('charset', '公民身份号码前17位应为数字，第18位应为数字或X')], region: null, details: {} };
  }
  const region = decodeRegion(value.slice(0, 6));
  const problems = [...regionProblems(region), ...birthDateProblems(value.slice(6, 14)), ...checksumProblems(value)];
  return { problems, region, details: { birthDate: formatDate(value.slice(6, 14)), sex: sexOf(value[16]) } };
}

export interface GenerateCitizenIdOptions {
  /** 6-digit GB/T 2260 code; default 450403 */
  region?: string;
  /** YYYY-MM-DD; default a random date in 1950-2005 */
  birthDate?: string;
  sex?: 'male' | 'female';
  random?: () => number;
}

function randomBirthDate(random: () => number): string {
  const from = Date.UTC(1950, 0, 1);
  const days = Math.floor((Date.UTC(2005, 11, 31) - from) / 86_400_000);
  return new Date(from + randomInt(random, days + 1) * 86_400_000).toISOString().slice(0, 10);
}

function sequence(sex: 'male' | 'female', random: () => number): string {
  const lastDigit = randomInt(random, 5) * 2 + (sex === 'male' ? 1 : 0);
  const seq = `${String(randomInt(random, 100)).padStart(2, '0')}${lastDigit}`;
  return seq === '000' ? '002' : seq;
}

/** A number that passes every check; for demo and bench data only. */
export function generateCitizenId(options: GenerateCitizenIdOptions = {}): string {
  const random = options.random ?? Math.random;
  const region = options.region ?? '450403';
  const birth = (options.birthDate ?? randomBirthDate(random)).replaceAll('-', '');
  const sex = options.sex ?? (random() < 0.5 ? 'male' : 'female');
  if (!/^\d{6}$/.test(region) || !decodeRegion(region).province) {
    throw new AppError('VALIDATION', `无效的行政区划代码“${region}”`);
  }
  const dateProblem = birthDateProblems(birth)[0];
  if (dateProblem) throw new AppError('VALIDATION', dateProblem.message);
  const first17 = `${region}${birth}${sequence(sex, random)}`;
  return first17 + citizenIdCheckChar(first17);
}

function maskMiddle(chars: string[], keepStart: number, keepEnd: number): string {
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) + chars.slice(-keepEnd).join('');
}

/** Keep the first 6 (region) and last 4 characters: 110105********002X. */
export function maskCitizenId(value: string): string {
  return maskMiddle([...value.trim().toUpperCase()], 6, 4);
}

/** Keep the first 3 and last 4 characters: 138****5678. */
export function maskPhone(value: string): string {
  return maskMiddle([...value.trim().replace(/\s+/g, '')], 3, 4);
}

/** 张三丰 → 张**; names of one character are hidden completely. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

// Street-level words and digits: a "区" after one of them belongs to a 小区 or 园区, not to a county name.
const NOT_DIVISION = '区县市旗路街道号巷弄村镇乡楼栋室0-9０-９';
const PROVINCE_PART = new RegExp(`^(?:[^${NOT_DIVISION}省]{1,7}?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)`);
const CITY_PART = new RegExp(`^[^${NOT_DIVISION}]{1,8}?(?:市|自治州|地区|盟)`);
const COUNTY_PART = new RegExp(`^[^${NOT_DIVISION}]{1,14}?(?:区|县|市|旗)`);

/** Known division names first; the pattern catches abolished or unlisted names. */
function divisionPrefix(text: string, level: DivisionLevel, pattern: RegExp): number {
  return divisionNamePrefix(text, level) || (pattern.exec(text)?.[0].length ?? 0);
}

/**
 * Keep the address up to the county/district (广西壮族自治区梧州市万秀区****), else up to the city or
 * province, else at most 6 characters (and at most half of it).
 */
export function maskAddress(value: string): string {
  const address = value.trim();
  if (address === '') return '';
  const province = divisionPrefix(address, 'province', PROVINCE_PART);
  const city = province + divisionPrefix(address.slice(province), 'city', CITY_PART);
  const county = divisionPrefix(address.slice(city), 'county', COUNTY_PART);
  const keep = county > 0 ? city + county : city;
  const chars = [...address];
  // A short unrecognised address would otherwise be shown whole.
  const kept = keep > 0 ? address.slice(0, keep) : chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('');
  return `${kept}****`;
}
