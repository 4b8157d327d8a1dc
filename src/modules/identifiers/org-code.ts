import { makeProblem, type Problem, type ValidationParts } from './schema.js';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const BODY_PATTERN = /^[0-9A-Z]{8}$/;

/** Digits keep their value, A-Z are 10-35 (GB 11714 uses the full alphabet). */
function charValue(char: string): number {
  return Number.parseInt(char, 36);
}

/** GB 11714 check character for an 8-character body: 11 − (Σ v·w mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckChar(body: string): string {
  if (!BODY_PATTERN.test(body)) throw new RangeError(`组织机构代码本体应为8位数字或大写字母：${body}`);
  const sum = [...body].reduce((acc, char, i) => acc + charValue(char) * ORG_CODE_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Trim, upper-case and drop the hyphen of the legacy `XXXXXXXX-X` display form. */
export function normalizeOrgCode(value: string): string {
  const upper = value.trim().toUpperCase();
  return /^[0-9A-Z]{8}-[0-9A-Z]$/.test(upper) ? upper.replace('-', '') : upper;
}

export function formatOrgCode(code: string): string {
  return code.length === 9 ? `${code.slice(0, 8)}-${code[8]}` : code;
}

/** Problems of a normalized 9-character org code; inside a USCC they are all reported as `org_code`. */
export function orgCodeProblems(code: string, embedded = false): Problem[] {
  if (code.length !== 9) return [makeProblem('length', `组织机构代码应为9位（不含连字符），实际为${code.length}位`)];
  const subject = embedded ? '内嵌的组织机构代码' : '组织机构代码';
  if (!BODY_PATTERN.test(code.slice(0, 8)) || !/^[0-9X]$/.test(code[8])) {
    return [makeProblem(embedded ? 'org_code' : 'charset', `${subject}前8位应为数字或大写字母，校验码应为数字或X`)];
  }
  const expected = orgCodeCheckChar(code.slice(0, 8));
  if (code[8] === expected) return [];
  return [makeProblem(embedded ? 'org_code' : 'checksum', `${subject}“${formatOrgCode(code)}”校验码错误，应为“${expected}”`)];
}

export function validateOrgCode(code: string): ValidationParts {
  return { problems: orgCodeProblems(code), region: null, details: {} };
}
