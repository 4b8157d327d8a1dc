import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { newId } from '../../shared/ids';
import { decryptPersonal, hashPersonal } from '../../shared/personal-data';
import { logPersonalDataAccess, withAudit, type AuditWriter } from '../audit';
import { requireRole, requireStaff } from '../auth/policy';
import { decodeRegion, maskCitizenId } from '../identifiers';
import { listRegions } from '../departments';
import {
  normalizeCitizenId,
  normalizeName,
  normalizeUscc,
  prepareSubject,
  requireDate,
  sameName,
  type NewSubject,
  type PreparedSubject,
  type SubjectKind,
  type SubjectStatus,
} from './prepare';
import * as repo from './repository';
import { toSubjectRow } from './subject-row';
import { RELATION_ROLES, SUBJECT_KINDS } from './tables';

export { PLACEHOLDER_USCC, SUBJECT_KIND_LABELS, sameName } from './prepare';
export type { NewSubject, SubjectKind, SubjectStatus, IdentifierProblem } from './prepare';

export type RelationRole = (typeof RELATION_ROLES)[number];

/** A subject as it may leave the service: identifiers of persons only in masked form. */
export interface Subject {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  orgCode: string | null;
  registrationNo: string | null;
  citizenIdMasked: string | null;
  /** registered address of an organisation (public business information); null for natural persons */
  address: string | null;
  regionCode: string | null;
  status: SubjectStatus;
  establishedOn: string | null;
  /** identifier problems accepted from an authoritative source, e.g. `uscc:checksum_failed_authoritative` */
  identifierFlags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SubjectName {
  name: string;
  /** the name was used from validFrom (inclusive) to validTo (exclusive); validTo null = in use */
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}

export interface SubjectRelation {
  id: string;
  subjectId: string;
  personId: string;
  role: RelationRole;
  validFrom: string | null;
  validTo: string | null;
}

export interface SubjectDetail extends Subject {
  names: SubjectName[];
  relations: { id: string; role: RelationRole; personId: string; personName: string; citizenIdMasked: string | null; validFrom: string | null; validTo: string | null }[];
}

export interface PublicSubject {
  id: string;
  kind: Exclude<SubjectKind, 'natural_person'>;
  name: string;
  /** null for an individual business registered without a USCC (placeholder code) */
  uscc: string | null;
  registrationNo: string | null;
  regionCode: string | null;
  regionName: string | null;
  status: SubjectStatus;
  establishedOn: string | null;
}

export interface SubjectListItem {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  registrationNo: string | null;
  citizenIdMasked: string | null;
  regionCode: string | null;
  status: SubjectStatus;
}

export interface PublicSubjectListItem {
  id: string;
  kind: Exclude<SubjectKind, 'natural_person'>;
  name: string;
  uscc: string | null;
  regionName: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Who may register subjects and change their names and related persons. */
const SUBJECT_WRITERS = ['office_admin', 'dept_operator', 'dept_reviewer', 'system'] as const;
/** Who may read a person's unmasked citizen ID, phone and address (always logged with a purpose). */
const PERSONAL_DATA_READERS = ['office_admin', 'dept_operator', 'dept_reviewer'] as const;
const PUBLIC_KINDS = ['legal_entity', 'individual_business'] as const;
const SINGLE_HOLDER_ROLES: ReadonlySet<RelationRole> = new Set(['legal_representative', 'principal']);
const ROLE_LABELS: Record<RelationRole, string> = { legal_representative: '法定代表人', principal: '主要负责人', controller: '实际控制人' };
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE_SIZE = 100;

function toSubject(row: repo.SubjectRow): Subject {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    uscc: row.uscc,
    orgCode: row.orgCode,
    registrationNo: row.registrationNo,
    citizenIdMasked: row.citizenIdMasked,
    address: row.kind === 'natural_person' ? null : row.address,
    regionCode: row.regionCode,
    status: row.status,
    establishedOn: row.establishedOn,
    identifierFlags: row.identifierFlags ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRelation(row: repo.SubjectRelationRow): SubjectRelation {
  return { id: row.id, subjectId: row.subjectId, personId: row.personId, role: row.role, validFrom: row.validFrom, validTo: row.validTo };
}

/**
 * The platform's own region names, re-read at most every REGION_NAMES_TTL_MS: region rows are only ever
 * added (by `xinyong init` or the demo seed, possibly in another process), never renamed, and they only
 * label search results and subject pages, so a region registered a moment ago may show its national name
 * for up to a minute. Saves a query on every public search and subject page.
 */
const REGION_NAMES_TTL_MS = 60_000;
const ownRegionNames = new WeakMap<Db, { loadedAt: number; names: Promise<Map<string, string>> }>();

function platformRegionNames(db: Db): Promise<Map<string, string>> {
  const cached = ownRegionNames.get(db);
  if (cached && Date.now() - cached.loadedAt < REGION_NAMES_TTL_MS) return cached.names;
  const names = listRegions(db).then((rows) => new Map(rows.map((region) => [region.code, region.name])));
  const entry = { loadedAt: Date.now(), names };
  names.catch(() => ownRegionNames.get(db) === entry && ownRegionNames.delete(db));
  ownRegionNames.set(db, entry);
  return names;
}

/**
 * A region's display name: the platform's own region table first (it may name divisions the national
 * list lacks), else province, city and county names from GB/T 2260 joined.
 */
async function regionNamer(db: Db): Promise<(code: string | null) => string | null> {
  const own = await platformRegionNames(db);
  return (code) => (code && own.get(code)) || regionNameOf(code);
}

/** Province, city and county names joined (梧州市 is not repeated for a municipality's placeholder city). */
export function regionNameOf(code: string | null): string | null {
  if (!code) return null;
  const region = decodeRegion(code);
  const parts = [region.province?.name, region.city?.name, region.county?.name].filter((name): name is string => Boolean(name));
  const distinct = parts.filter((name, i) => name !== parts[i - 1]);
  return distinct.length > 0 ? distinct.join('') : null;
}

async function loadSubject(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<repo.SubjectRow> {
  const row = UUID_PATTERN.test(id) ? await repo.findSubjectById(db, id, options) : null;
  if (!row) throw new AppError('NOT_FOUND', '未找到该信用主体');
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '23505') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Registration

async function findExisting(db: Db, prepared: Pick<PreparedSubject, 'kind' | 'uscc' | 'citizenId' | 'registrationNo'>): Promise<repo.SubjectRow | null> {
  if (prepared.uscc) return repo.findSubjectByUscc(db, prepared.uscc);
  if (prepared.citizenId) return repo.findSubjectByCitizenIdHash(db, hashPersonal(prepared.citizenId));
  if (prepared.kind === 'individual_business' && prepared.registrationNo) return repo.findCodelessBusinessByRegistrationNo(db, prepared.registrationNo);
  return null;
}

function conflictFor(prepared: PreparedSubject, existing: repo.SubjectRow): AppError {
  const details = { existingId: existing.id };
  if (prepared.uscc) return new AppError('CONFLICT', `统一社会信用代码 ${prepared.uscc} 已登记为信用主体“${existing.name}”`, details);
  if (prepared.citizenId) return new AppError('CONFLICT', `公民身份号码 ${maskCitizenId(prepared.citizenId)} 已登记为自然人主体`, details);
  return new AppError('CONFLICT', `注册号 ${prepared.registrationNo} 已登记为个体工商户“${existing.name}”`, details);
}

async function insertPrepared(tx: Db, audit: AuditWriter, prepared: PreparedSubject): Promise<Subject> {
  let row: repo.SubjectRow;
  try {
    row = await repo.insertSubject(tx, toSubjectRow(prepared, newId()));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', '该证件号码已被另一个信用主体同时登记，请重试');
    throw error;
  }
  await repo.insertSubjectName(tx, {
    id: newId(),
    subjectId: row.id,
    name: row.name,
    validFrom: prepared.establishedOn,
    validTo: null,
    source: prepared.nameSource,
  });
  const subject = toSubject(row);
  audit.record({ action: 'subject.create', entityType: 'subject', entityId: subject.id, before: null, after: subject });
  return subject;
}

/** Registers a subject inside a transaction another module already holds (its audit writer records the change). */
export async function createSubjectInTx(tx: Db, audit: AuditWriter, input: NewSubject): Promise<Subject> {
  const prepared = prepareSubject(input);
  const existing = await findExisting(tx, prepared);
  if (existing) throw conflictFor(prepared, existing);
  return insertPrepared(tx, audit, prepared);
}

export async function createSubject(db: Db, actor: Actor, input: NewSubject): Promise<Subject> {
  requireRole(actor, SUBJECT_WRITERS, '只有信用办和数据提供部门可以登记信用主体');
  return withAudit(db, actor, (tx, audit) => createSubjectInTx(tx, audit, input));
}

export interface SubjectLookup {
  uscc?: string | null;
  citizenId?: string | null;
}

/**
 * Finds a subject by USCC or citizen ID (looked up by its keyed hash; a 15-digit number finds its 18-digit
 * holder). For other modules' rules: checks no permission and returns only masked identifiers.
 */
export async function findSubjectByIdentifier(db: Db, lookup: SubjectLookup): Promise<Subject | null> {
  const uscc = lookup.uscc?.trim() ? normalizeUscc(lookup.uscc) : null;
  if (uscc) {
    const row = await repo.findSubjectByUscc(db, uscc);
    if (row) return toSubject(row);
  }
  const citizenId = lookup.citizenId?.trim() ? normalizeCitizenId(lookup.citizenId) : null;
  if (citizenId) {
    const row = await repo.findSubjectByCitizenIdHash(db, hashPersonal(citizenId));
    if (row) return toSubject(row);
  }
  return null;
}

export interface ResolvedSubject {
  subject: Subject;
  created: boolean;
  /** the subject existed under another current name; the caller decides whether that is an error */
  nameMismatch: boolean;
}

/**
 * Finds the subject an incoming record is about (by USCC, citizen ID, or an individual business's
 * registration number) or registers it. For ingest and records, inside their audited transaction; the
 * caller has already checked the actor's permission. Invalid identifiers throw IDENTIFIER_INVALID.
 */
export async function resolveSubject(tx: Db, audit: AuditWriter, input: NewSubject): Promise<ResolvedSubject> {
  const prepared = prepareSubject(input);
  const existing = await findExisting(tx, prepared);
  if (existing) return { subject: toSubject(existing), created: false, nameMismatch: !sameName(existing.name, prepared.name) };
  return { subject: await insertPrepared(tx, audit, prepared), created: true, nameMismatch: false };
}

// ---------------------------------------------------------------------------------------------------
// Names

export interface Rename {
  name: string;
  /** YYYY-MM-DD, the first day of the new name; the old name's validTo */
  validFrom: string;
  /** e.g. the registration authority's change notice */
  source?: string | null;
}

export async function renameSubject(db: Db, actor: Actor, id: string, change: Rename): Promise<Subject> {
  requireRole(actor, SUBJECT_WRITERS, '只有信用办和数据提供部门可以变更主体名称');
  const name = normalizeName(change.name ?? '');
  if (name.length === 0) throw new AppError('VALIDATION', '新名称不能为空');
  if ([...name].length > 200) throw new AppError('VALIDATION', '主体名称不能超过200个字符');
  const validFrom = requireDate(change.validFrom, '名称启用日期');
  if (validFrom > chinaDate()) throw new AppError('VALIDATION', '名称启用日期不能晚于今天');
  return withAudit(db, actor, async (tx, audit) => {
    const subject = await loadSubject(tx, id, { forUpdate: true });
    if (sameName(subject.name, name)) throw new AppError('VALIDATION', '新名称与当前名称相同');
    const current = await repo.findCurrentName(tx, id);
    if (current?.validFrom && validFrom <= current.validFrom) {
      throw new AppError('VALIDATION', `名称启用日期应晚于当前名称的启用日期 ${current.validFrom}`);
    }
    if (current) await repo.closeName(tx, current.id, validFrom);
    await repo.insertSubjectName(tx, { id: newId(), subjectId: id, name, validFrom, validTo: null, source: change.source?.trim() || null });
    const updated = toSubject(await repo.updateSubjectName(tx, id, name));
    audit.record({
      action: 'subject.rename',
      entityType: 'subject',
      entityId: id,
      before: { name: subject.name },
      after: { name, validFrom, source: change.source ?? null },
    });
    return updated;
  });
}

// ---------------------------------------------------------------------------------------------------
// Related persons

export interface NewRelation {
  subjectId: string;
  personId: string;
  role: RelationRole;
  validFrom?: string | null;
}

export async function addRelation(db: Db, actor: Actor, input: NewRelation): Promise<SubjectRelation> {
  requireRole(actor, SUBJECT_WRITERS, '只有信用办和数据提供部门可以登记关联人员');
  if (!RELATION_ROLES.includes(input.role)) throw new AppError('VALIDATION', `关联角色应为 ${RELATION_ROLES.join('、')} 之一`);
  const validFrom = input.validFrom ? requireDate(input.validFrom, '任职起始日期') : null;
  if (input.subjectId === input.personId) throw new AppError('VALIDATION', '主体不能与自身关联');
  return withAudit(db, actor, async (tx, audit) => {
    const subject = await loadSubject(tx, input.subjectId, { forUpdate: true });
    if (subject.kind === 'natural_person') throw new AppError('VALIDATION', '自然人主体不能登记法定代表人、主要负责人或实际控制人');
    if (input.role === 'legal_representative' && subject.kind !== 'legal_entity') {
      throw new AppError('VALIDATION', '只有法人和非法人组织登记法定代表人；个体工商户请登记主要负责人（经营者）');
    }
    const person = UUID_PATTERN.test(input.personId) ? await repo.findSubjectById(tx, input.personId) : null;
    if (!person) throw new AppError('NOT_FOUND', '未找到关联人员对应的自然人主体');
    if (person.kind !== 'natural_person') throw new AppError('VALIDATION', '关联人员必须是自然人主体');
    const open = await repo.findOpenRelations(tx, input.subjectId, input.role);
    if (open.some((relation) => relation.personId === input.personId)) throw new AppError('CONFLICT', `该人员已是本主体的${ROLE_LABELS[input.role]}`);
    if (SINGLE_HOLDER_ROLES.has(input.role) && open.length > 0) {
      throw new AppError('CONFLICT', `本主体已有在任${ROLE_LABELS[input.role]}，请先结束其任职`, { relationId: open[0].id });
    }
    const relation = toRelation(
      await repo.insertRelation(tx, { id: newId(), subjectId: input.subjectId, personId: input.personId, role: input.role, validFrom, validTo: null }),
    );
    audit.record({ action: 'subject.relation.add', entityType: 'subject', entityId: input.subjectId, before: null, after: relation });
    return relation;
  });
}

export interface EndRelation {
  subjectId: string;
  relationId: string;
  /** YYYY-MM-DD, the day the role ended */
  validTo: string;
}

export async function endRelation(db: Db, actor: Actor, input: EndRelation): Promise<SubjectRelation> {
  requireRole(actor, SUBJECT_WRITERS, '只有信用办和数据提供部门可以变更关联人员');
  const validTo = requireDate(input.validTo, '任职结束日期');
  return withAudit(db, actor, async (tx, audit) => {
    const relation = UUID_PATTERN.test(input.relationId) ? await repo.findRelationById(tx, input.relationId) : null;
    if (!relation || relation.subjectId !== input.subjectId) throw new AppError('NOT_FOUND', '未找到该关联人员记录');
    if (relation.validTo) throw new AppError('CONFLICT', `该任职已于 ${relation.validTo} 结束`);
    if (relation.validFrom && validTo < relation.validFrom) throw new AppError('VALIDATION', '任职结束日期不能早于起始日期');
    const ended = toRelation(await repo.endRelation(tx, relation.id, validTo));
    audit.record({ action: 'subject.relation.end', entityType: 'subject', entityId: relation.subjectId, before: toRelation(relation), after: ended });
    return ended;
  });
}

// ---------------------------------------------------------------------------------------------------
// Reads

/** Staff view: identifiers of persons masked, name history, related persons with masked ID numbers. */
export async function getSubject(db: Db, actor: Actor, id: string): Promise<SubjectDetail> {
  requireStaff(actor);
  const subject = toSubject(await loadSubject(db, id));
  const names = await repo.listNames(db, id);
  const relations = await repo.listRelationsWithPersons(db, id);
  return {
    ...subject,
    names: names.map((row) => ({ name: row.name, validFrom: row.validFrom, validTo: row.validTo, source: row.source })),
    relations,
  };
}

/** What anyone may see. Natural persons are not listed publicly at all: they are NOT_FOUND here. */
export async function getPublicSubject(db: Db, id: string): Promise<PublicSubject> {
  const row = await loadSubject(db, id);
  if (row.kind === 'natural_person') throw new AppError('NOT_FOUND', '未找到该信用主体');
  const regionName = await regionNamer(db);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    uscc: row.uscc,
    registrationNo: row.registrationNo,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    status: row.status,
    establishedOn: row.establishedOn,
  };
}

export interface SubjectQuery {
  q?: string | null;
  kind?: SubjectKind | null;
  page?: number;
  pageSize?: number;
}

function paging(query: { page?: number; pageSize?: number }): { limit: number; offset: number } {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 20)));
  return { limit, offset: (page - 1) * limit };
}

const USCC_SHAPE = /^[0-9A-Z]{18}$/;
const CITIZEN_ID_SHAPE = /^(\d{17}[\dX]|\d{15})$/;

function requireSearchText(q: string, publicSearch: boolean): void {
  if ([...q].length >= 2) return;
  throw new AppError(
    'VALIDATION',
    publicSearch ? '请输入至少2个字的主体名称，或完整的18位统一社会信用代码' : '请输入至少2个字的名称，或完整的统一社会信用代码、公民身份号码',
  );
}

/**
 * Staff search: an 18-character code or ID number matches exactly (ID numbers through their keyed hash);
 * anything else is part of a name (ILIKE on the trigram-indexed name), ranked exact, prefix, similarity.
 */
export async function searchSubjects(db: Db, actor: Actor, query: SubjectQuery): Promise<Paged<SubjectListItem>> {
  requireStaff(actor);
  if (query.kind && !SUBJECT_KINDS.includes(query.kind)) throw new AppError('VALIDATION', `主体类型应为 ${SUBJECT_KINDS.join('、')} 之一`);
  const kinds = query.kind ? [query.kind] : null;
  const q = query.q?.trim() ?? '';
  const search: repo.SubjectSearch = { kinds, ...paging(query) };
  if (q) {
    requireSearchText(q, false);
    const upper = q.toUpperCase();
    if (USCC_SHAPE.test(upper) || CITIZEN_ID_SHAPE.test(upper)) {
      if (USCC_SHAPE.test(upper)) search.uscc = upper;
      if (CITIZEN_ID_SHAPE.test(upper)) search.citizenIdHash = hashPersonal(normalizeCitizenId(upper));
    } else {
      search.name = q;
    }
  }
  const { rows, total } = await repo.searchSubjects(db, search);
  return { items: rows, total };
}

export interface PublicSubjectQuery {
  q: string;
  page?: number;
  pageSize?: number;
}

/** Public search over organisations and individual businesses only; citizen IDs are never looked up. */
export async function searchPublicSubjects(db: Db, query: PublicSubjectQuery): Promise<Paged<PublicSubjectListItem>> {
  const q = query.q?.trim() ?? '';
  requireSearchText(q, true);
  if ([...q].length > 100) throw new AppError('VALIDATION', '查询内容不能超过100个字符');
  const search: repo.SubjectSearch = { kinds: PUBLIC_KINDS, ...paging(query) };
  const upper = q.toUpperCase();
  if (USCC_SHAPE.test(upper)) search.uscc = upper;
  else search.name = q;
  const [{ rows, total }, regionName] = await Promise.all([repo.searchSubjects(db, search), regionNamer(db)]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as PublicSubjectListItem['kind'],
      name: row.name,
      uscc: row.uscc,
      regionName: regionName(row.regionCode),
    })),
    total,
  };
}

export type SubjectCounts = Record<SubjectKind, number> & { total: number };

export async function countSubjectsByKind(db: Db): Promise<SubjectCounts> {
  const counts: SubjectCounts = { legal_entity: 0, individual_business: 0, natural_person: 0, total: 0 };
  for (const { kind, n } of await repo.countByKind(db)) {
    counts[kind] = n;
    counts.total += n;
  }
  return counts;
}

export interface PersonalData {
  citizenId: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * Unmasked citizen ID, phone and address, for the credit office and department staff only; the read is
 * written to the access log with its purpose before anything is returned.
 */
export async function readPersonalData(db: Db, actor: Actor, subjectId: string, purpose: string): Promise<PersonalData> {
  requireRole(actor, PERSONAL_DATA_READERS, '只有信用办管理员和部门工作人员可以查看未脱敏的个人信息');
  const reason = purpose?.trim() ?? '';
  if ([...reason].length < 2) throw new AppError('VALIDATION', '查看个人信息必须填写查询用途（至少2个字）');
  const row = await loadSubject(db, subjectId);
  const dataKinds = [row.citizenIdEnc && 'citizen_id', row.phoneEnc && 'phone', row.addressEnc && 'address'].filter(Boolean);
  await logPersonalDataAccess(db, actor, {
    subjectId: row.id,
    dataKind: dataKinds.length > 0 ? dataKinds.join(',') : 'none',
    entityType: 'subject',
    entityId: row.id,
    purpose: reason,
  });
  return {
    citizenId: row.citizenIdEnc ? decryptPersonal(row.citizenIdEnc) : null,
    phone: row.phoneEnc ? decryptPersonal(row.phoneEnc) : null,
    address: row.addressEnc ? decryptPersonal(row.addressEnc) : null,
  };
}

/** Current names of several subjects at once (lists that show who a record is about). */
export async function subjectNamesByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.namesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.name]));
}
