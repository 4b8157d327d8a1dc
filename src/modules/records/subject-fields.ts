import { checkIdentifier } from '../identifiers';
import { PLACEHOLDER_USCC, type CatalogItem, type SubjectKind } from '../catalog';
import { AppError } from '../../shared/errors';

export interface SubjectFromRecord {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  citizenId?: string;
  registrationNo?: string;
}

/**
 * Who a record is about, read from its validated fields: the item names the subject's name and
 * identifier fields; the 行政相对人类别 field (if any) or the identifier's shape gives the kind.
 */
export function subjectFromFields(item: CatalogItem, values: Record<string, unknown>): SubjectFromRecord {
  const name = String(values[item.subjectNameField] ?? '').trim();
  const identifier = String(values[item.subjectIdentifierField] ?? '').trim().toUpperCase();
  const declaredKind = declaredSubjectKind(item, values);
  const personalId = naturalPersonIdentifier(item, values);
  const kind = declaredKind ?? inferKind(identifier || personalId || '');
  if (!name) throw subjectError(item, '缺少行政相对人名称');
  if (kind === 'natural_person') {
    const citizenId = checkIdentifier(personalId || identifier).type === 'citizen_id' ? personalId || identifier : '';
    if (!citizenId) throw subjectError(item, '自然人须提供有效的公民身份号码');
    return { kind, name, citizenId };
  }
  if (!identifier) throw subjectError(item, '法人和非法人组织、个体工商户须提供统一社会信用代码');
  if (identifier === PLACEHOLDER_USCC) {
    if (kind !== 'individual_business') throw subjectError(item, '只有无统一社会信用代码的个体工商户可以使用 17 个 0 加 X 的占位代码');
    const registrationNo = registrationNumber(item, values);
    if (!registrationNo) throw subjectError(item, '个体工商户使用占位代码时必须填写工商注册号');
    return { kind, name, registrationNo };
  }
  return { kind, name, uscc: identifier };
}

function declaredSubjectKind(item: CatalogItem, values: Record<string, unknown>): SubjectKind | null {
  const field = item.fields.find((candidate) => candidate.codeTable === 'subject_category');
  const value = field ? values[field.key] : undefined;
  return typeof value === 'string' && ['legal_entity', 'individual_business', 'natural_person'].includes(value) ? (value as SubjectKind) : null;
}

/** The ID-number field of the subject itself (not of its legal representative). */
function naturalPersonIdentifier(item: CatalogItem, values: Record<string, unknown>): string {
  const candidates = item.fields.filter((field) => field.personal === 'citizen_id' && !/legal_rep|representative|frdb|fr_/i.test(field.key));
  for (const field of candidates) {
    const value = values[field.key];
    if (typeof value === 'string' && value.trim()) return value.trim().toUpperCase();
  }
  return '';
}

function registrationNumber(item: CatalogItem, values: Record<string, unknown>): string {
  const field = item.fields.find((candidate) => /registration_no|gszc|business_registration/i.test(candidate.key));
  const value = field ? values[field.key] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

function inferKind(identifier: string): SubjectKind {
  const check = checkIdentifier(identifier);
  if (check.type === 'citizen_id') return 'natural_person';
  return identifier.startsWith('92') ? 'individual_business' : 'legal_entity';
}

function subjectError(item: CatalogItem, message: string): AppError {
  return new AppError('VALIDATION', message, [{ field: item.subjectIdentifierField, code: 'subject', message }]);
}
