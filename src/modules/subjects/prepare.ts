import { AppError } from '../../shared/errors';
import {
  acceptFromAuthoritativeSource,
  checkAs,
  checkIdentifier,
  citizenIdCheckChar,
  maskCitizenId,
  type IdentifierCheck,
} from '../identifiers';
import { SUBJECT_KINDS, SUBJECT_STATUSES } from './tables';

export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

/** 个体工商户 that have no USCC yet are reported with this placeholder; they are then known by their registration number. */
export const PLACEHOLDER_USCC = '00000000000000000X';

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  legal_entity: '法人和非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

export interface NewSubject {
  kind: SubjectKind;
  name: string;
  uscc?: string | null;
  orgCode?: string | null;
  registrationNo?: string | null;
  citizenId?: string | null;
  phone?: string | null;
  address?: string | null;
  regionCode?: string | null;
  /** YYYY-MM-DD; also the start of the first name's validity */
  establishedOn?: string | null;
  status?: SubjectStatus;
  /** data from a registration authority: an identifier whose only fault is its check character is accepted and flagged */
  fromAuthoritativeSource?: boolean;
  /** where the name comes from (kept in the name history) */
  nameSource?: string | null;
}

export interface IdentifierProblem {
  field: 'uscc' | 'orgCode' | 'citizenId';
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** A new subject after validation: normalized identifiers, never yet encrypted. */
export interface PreparedSubject {
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  orgCode: string | null;
  registrationNo: string | null;
  citizenId: string | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
  establishedOn: string | null;
  status: SubjectStatus;
  identifierFlags: string[];
  nameSource: string | null;
}

const FIELD_LABELS: Record<IdentifierProblem['field'], string> = {
  uscc: '统一社会信用代码',
  orgCode: '组织机构代码',
  citizenId: '公民身份号码',
};

export function normalizeName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Names compare equal when they differ only in spacing or full-width/half-width brackets. */
export function sameName(a: string, b: string): boolean {
  const canonical = (value: string) => normalizeName(value).replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  return canonical(a) === canonical(b);
}

export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}

/** Trim, upper-case, and widen a 15-digit legacy number to its 18-digit form so both find the same person. */
export function normalizeCitizenId(value: string): string {
  const upper = value.trim().toUpperCase();
  if (/^\d{15}$/.test(upper)) {
    const first17 = `${upper.slice(0, 6)}19${upper.slice(6)}`;
    return first17 + citizenIdCheckChar(first17);
  }
  return upper;
}

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function requireDate(value: string | null | undefined, label: string): string {
  if (!value || !isRealDate(value)) throw new AppError('VALIDATION', `${label}应为有效日期（YYYY-MM-DD）`);
  return value;
}

/** Today in China (the platform's calendar), as YYYY-MM-DD. */
function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function problemsOf(field: IdentifierProblem['field'], check: IdentifierCheck): IdentifierProblem[] {
  return check.problems.map((problem) => ({ field, code: problem.code, message: problem.message, severity: problem.severity }));
}

/**
 * Accepts a valid identifier; one from an authoritative source whose only error is its check character is
 * accepted with a flag; anything else is refused with the problems found.
 */
function acceptOrRefuse(field: IdentifierProblem['field'], check: IdentifierCheck, authoritative: boolean, shown: string): string[] {
  if (check.valid) return [];
  if (authoritative) {
    const acceptance = acceptFromAuthoritativeSource(check);
    if (acceptance.accepted) return acceptance.flags.map((flag) => `${field}:${flag}`);
  }
  const problems = problemsOf(field, check);
  const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);
  throw new AppError('IDENTIFIER_INVALID', `${FIELD_LABELS[field]}“${shown}”不合法：${errors.join('；')}`, { problems });
}

function prepareUscc(input: NewSubject, flags: string[]): { uscc: string | null; check: IdentifierCheck | null } {
  const raw = blankToNull(input.uscc);
  const uscc = raw === null ? null : normalizeUscc(raw);
  if (uscc === PLACEHOLDER_USCC) {
    if (input.kind !== 'individual_business') {
      throw new AppError('IDENTIFIER_INVALID', `占位代码 ${PLACEHOLDER_USCC} 只适用于未取得统一社会信用代码的个体工商户`, {
        problems: [{ field: 'uscc', code: 'placeholder', message: '占位代码只适用于个体工商户', severity: 'error' }],
      });
    }
    return { uscc: null, check: null };
  }
  if (uscc === null) return { uscc: null, check: null };
  // A valid citizen ID in the USCC field is personal data in the wrong place: never store it as a code.
  const detected = checkIdentifier(uscc);
  if (detected.type === 'citizen_id' && detected.valid) {
    throw new AppError('IDENTIFIER_INVALID', '统一社会信用代码一栏填写的是公民身份号码', {
      problems: [{ field: 'uscc', code: 'unknown_type', message: '填写的是公民身份号码，不是统一社会信用代码', severity: 'error' }],
    });
  }
  const check = checkAs('uscc', uscc);
  flags.push(...acceptOrRefuse('uscc', check, input.fromAuthoritativeSource === true, uscc));
  return { uscc, check };
}

function prepareOrgCode(input: NewSubject, uscc: string | null, flags: string[]): string | null {
  const raw = blankToNull(input.orgCode);
  const embedded = uscc ? uscc.slice(8, 17) : null;
  if (raw === null) return embedded;
  const check = checkAs('org_code', raw);
  flags.push(...acceptOrRefuse('orgCode', check, input.fromAuthoritativeSource === true, raw));
  if (embedded && check.normalized !== embedded) {
    throw new AppError('IDENTIFIER_INVALID', `组织机构代码“${raw}”与统一社会信用代码第9-17位“${embedded}”不一致`, {
      problems: [{ field: 'orgCode', code: 'org_code', message: '与统一社会信用代码内嵌的组织机构代码不一致', severity: 'error' }],
    });
  }
  return check.normalized;
}

function prepareCitizenId(input: NewSubject, flags: string[]): { citizenId: string | null; check: IdentifierCheck | null } {
  const raw = blankToNull(input.citizenId);
  if (raw === null) return { citizenId: null, check: null };
  const check = checkAs('citizen_id', raw);
  flags.push(...acceptOrRefuse('citizenId', check, input.fromAuthoritativeSource === true, maskCitizenId(raw)));
  return { citizenId: normalizeCitizenId(raw), check };
}

/** Which identifiers a kind may carry: checked on the raw input, before any format check. */
function refuseForeignIdentifiers(input: NewSubject): void {
  if (input.kind === 'natural_person') {
    if (blankToNull(input.uscc) || blankToNull(input.orgCode) || blankToNull(input.registrationNo)) {
      throw new AppError('VALIDATION', '自然人不登记统一社会信用代码、组织机构代码或注册号');
    }
  } else if (blankToNull(input.citizenId)) {
    throw new AppError('VALIDATION', '公民身份号码只能登记在自然人主体上；法定代表人等请作为关联人员登记');
  }
}

/** Which identifiers a kind must carry. */
function requireKindIdentifiers(kind: SubjectKind, uscc: string | null, registrationNo: string | null, citizenId: string | null): void {
  if (kind === 'natural_person' && !citizenId) throw new AppError('VALIDATION', '自然人必须填写公民身份号码');
  if (kind === 'legal_entity' && !uscc) throw new AppError('VALIDATION', '法人和非法人组织必须填写统一社会信用代码');
  if (kind === 'individual_business' && !uscc && !registrationNo) {
    throw new AppError('VALIDATION', `个体工商户未取得统一社会信用代码（或填写占位代码 ${PLACEHOLDER_USCC}）的，必须填写注册号`);
  }
}

/** Validates and normalizes a new subject; throws VALIDATION or IDENTIFIER_INVALID, touches no database. */
export function prepareSubject(input: NewSubject): PreparedSubject {
  if (!SUBJECT_KINDS.includes(input.kind)) throw new AppError('VALIDATION', `主体类型应为 ${SUBJECT_KINDS.join('、')} 之一`);
  if (input.status !== undefined && !SUBJECT_STATUSES.includes(input.status)) {
    throw new AppError('VALIDATION', `主体状态应为 ${SUBJECT_STATUSES.join('、')} 之一`);
  }
  const name = normalizeName(input.name ?? '');
  if (name.length === 0) throw new AppError('VALIDATION', '主体名称不能为空');
  if ([...name].length > 200) throw new AppError('VALIDATION', '主体名称不能超过200个字符');
  const registrationNo = blankToNull(input.registrationNo)?.toUpperCase() ?? null;
  if (registrationNo && registrationNo.length > 32) throw new AppError('VALIDATION', '注册号不能超过32个字符');
  const regionCode = blankToNull(input.regionCode);
  if (regionCode && !/^\d{6}$/.test(regionCode)) throw new AppError('VALIDATION', '行政区划代码应为6位数字');
  const establishedOn = blankToNull(input.establishedOn);
  if (establishedOn) requireDate(establishedOn, '成立日期');

  refuseForeignIdentifiers(input);
  const flags: string[] = [];
  const { uscc, check: usccCheck } = prepareUscc(input, flags);
  const { citizenId, check: citizenCheck } = prepareCitizenId(input, flags);
  requireKindIdentifiers(input.kind, uscc, registrationNo, citizenId);
  const orgCode = input.kind === 'natural_person' ? null : prepareOrgCode(input, uscc, flags);
  const derivedRegion = (citizenCheck ?? usccCheck)?.region?.code ?? null;

  return {
    kind: input.kind,
    name,
    uscc,
    orgCode,
    registrationNo,
    citizenId,
    phone: blankToNull(input.phone),
    address: blankToNull(input.address),
    regionCode: regionCode ?? (derivedRegion && /^\d{6}$/.test(derivedRegion) ? derivedRegion : null),
    establishedOn,
    status: input.status ?? 'active',
    identifierFlags: flags,
    nameSource: blankToNull(input.nameSource),
  };
}
