import { hasPlausibleBirthDate, validateCitizenId } from './citizen-id.js';
import { normalizeOrgCode, validateOrgCode } from './org-code.js';
import { makeProblem, type IdentifierCheck, type IdentifierType, type ValidationParts } from './schema.js';
import { isUsccAuthority, validateUscc } from './uscc.js';

const VALIDATORS: Record<IdentifierType, (normalized: string) => ValidationParts> = {
  uscc: validateUscc,
  citizen_id: validateCitizenId,
  org_code: validateOrgCode,
};

function build(type: IdentifierType, normalized: string): IdentifierCheck {
  const parts = VALIDATORS[type](normalized);
  const valid = parts.problems.every((problem) => problem.severity !== 'error');
  return { type, valid, problems: parts.problems, region: parts.region, normalized, details: parts.details };
}

function unknownType(normalized: string): IdentifierCheck {
  const problems = [makeProblem('unknown_type', '无法识别证件类型')];
  if (normalized.length > 0) {
    problems.push(
      makeProblem(
        'length',
        `长度为${normalized.length}位：统一社会信用代码和公民身份号码为18位，组织机构代码为9位，旧版公民身份号码为15位`,
      ),
    );
  }
  return { type: null, valid: false, problems, region: null, normalized, details: {} };
}

const errorCount = (check: IdentifierCheck) => check.problems.filter((problem) => problem.severity === 'error').length;

/**
 * An 18-character value of digits (and a final X) can be either kind. A valid ID number wins even if the
 * value is also a valid USCC, so that personal data is treated (and masked) as such. When neither is valid,
 * the reading with fewer errors wins, so that a mistyped value is reported against what it was meant to be.
 */
function checkEighteen(normalized: string): IdentifierCheck {
  if (!/^\d{17}[\dX]$/.test(normalized)) return build('uscc', normalized);
  const asCitizenId = build('citizen_id', normalized);
  if (asCitizenId.valid) return asCitizenId;
  const asUscc = build('uscc', normalized);
  if (asUscc.valid) return asUscc;
  const difference = errorCount(asCitizenId) - errorCount(asUscc);
  if (difference !== 0) return difference < 0 ? asCitizenId : asUscc;
  const looksLikeUscc = !hasPlausibleBirthDate(normalized) && isUsccAuthority(normalized[0]);
  return looksLikeUscc ? asUscc : asCitizenId;
}

/** Detect the identifier type by shape and validate it; an invalid value is a result, never an exception. */
export function checkIdentifier(value: string): IdentifierCheck {
  const normalized = normalizeOrgCode(value);
  switch (normalized.length) {
    case 18:
      return checkEighteen(normalized);
    case 15:
      return build('citizen_id', normalized);
    case 9:
      return build('org_code', normalized);
    default:
      return unknownType(normalized);
  }
}

/** Validate as a known type, e.g. for a record field declared as `uscc` or `citizen_id`. */
export function checkAs(type: IdentifierType, value: string): IdentifierCheck {
  const normalized = type === 'org_code' ? normalizeOrgCode(value) : value.trim().toUpperCase();
  return build(type, normalized);
}

export interface AuthoritativeAcceptance {
  accepted: boolean;
  flags: string[];
}

/**
 * Some codes really issued in early pilot regions (e.g. Xiamen 3502xx) break the check character; data from an
 * authoritative source is flagged rather than rejected when the checksum is its only error.
 */
export function acceptFromAuthoritativeSource(check: IdentifierCheck): AuthoritativeAcceptance {
  if (check.valid) return { accepted: true, flags: [] };
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  const checksumOnly = errors.length > 0 && errors.every((problem) => problem.code === 'checksum');
  return checksumOnly ? { accepted: true, flags: ['checksum_failed_authoritative'] } : { accepted: false, flags: [] };
}
