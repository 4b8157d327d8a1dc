import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { isUuid, newId } from '../../shared/ids';
import { withAudit, type AuditWriter } from '../audit';
import { assertCanReadDepartment, assertCanWriteDepartment, readsAllDepartments, requireAuthenticated, requireStaff } from '../auth/policy';
import { getCurrentCatalog, getCurrentItem, getItemVersion, validateFields, type CatalogItem } from '../catalog';
import { resolveSubject, subjectNamesByIds } from '../subjects';
import { screenResolvedRows } from '../quality';
import { getDepartment } from '../departments';
import * as repo from './repository';
import { severityOf } from './severity';
import { timelinessOf, type Timeliness } from './timeliness';
import { loadCalendar } from '../calendar';
import { chinaDate } from '../../shared/time';
import { subjectFromFields } from './subject-fields';

export interface Provenance {
  batchId?: string | null;
  rowNumber?: number | null;
  /** the row exactly as received (header → raw text) */
  raw?: Record<string, unknown> | null;
}

export interface NewRecordInput {
  itemCode: string;
  fields: Record<string, unknown>;
  /** why a changed resubmission of an existing record differs (becomes a correction) */
  reason?: string;
  provenance?: Provenance;
  /** when the record reached the platform (default now) and its timeliness against that date */
  receivedAt?: string;
  timeliness?: Timeliness;
}

export type RecordOutcome = 'created' | 'unchanged' | 'corrected';

export interface RecordResult {
  outcome: RecordOutcome;
  record: repo.RecordRow;
  subjectCreated: boolean;
  nameMismatch: boolean;
}

/** Who may submit an item: the catalog's list of departments, or any department when it names none. */
export function assertMaySubmit(actor: Actor, item: CatalogItem): void {
  requireAuthenticated(actor);
  if (!actor.departmentId) throw new AppError('FORBIDDEN', '只有数据提供部门可以报送信用记录');
  assertCanWriteDepartment(actor, actor.departmentId);
  if (item.submittingDepartments && !item.submittingDepartments.includes(actor.departmentCode ?? '')) {
    throw new AppError('CATALOG_ITEM_NOT_ALLOWED', `本部门无权报送目录条目「${item.name}」`);
  }
}

export function validateRecordFields(item: CatalogItem, fields: Record<string, unknown>) {
  const { values, errors } = validateFields(item, fields);
  if (errors.length) throw new AppError('VALIDATION', `信用记录不符合目录条目「${item.name}」的字段要求：${errors[0].message}`, errors);
  return values;
}

/**
 * Stores one record (idempotent on department + item + decision document number). An identical
 * resubmission changes nothing; a changed one becomes a correction version with its reason.
 */
export async function createRecord(db: Db, actor: Actor, input: NewRecordInput): Promise<RecordResult> {
  const item = await getCurrentItem(db, input.itemCode);
  assertMaySubmit(actor, item);
  const values = validateRecordFields(item, input.fields);
  const timeliness = timelinessOf(await loadCalendar(db), String(values[item.decisionDateField]), chinaDate());
  return withAudit(db, actor, (tx, audit) => storeRecordInTx(tx, audit, actor, item, values, { ...input, timeliness }));
}

/** The body of createRecord for callers that already hold a transaction (bulk ingest). */
export async function storeRecordInTx(tx: Db, audit: AuditWriter, actor: Actor, item: CatalogItem, values: Record<string, unknown>, input: NewRecordInput): Promise<RecordResult> {
  const documentNumber = String(values[item.documentNumberField]);
  const decisionDate = String(values[item.decisionDateField]);
  const departmentId = actor.departmentId!;
  const existing = await repo.findByIdempotencyKey(tx, { departmentId, itemCode: item.code, documentNumber });
  if (existing) return resubmit(tx, audit, actor, item, existing, values, input);
  const subject = subjectFromFields(item, values);
  const resolved = await resolveSubject(tx, audit, { ...subject, fromAuthoritativeSource: true });
  await refuseWrongCode(tx, departmentId, item, values, subject.name, resolved);
  const record = await repo.insertRecord(tx, {
    id: newId(),
    subjectId: resolved.subject.id,
    departmentId,
    itemCode: item.code,
    catalogItemId: item.id,
    documentNumber,
    decisionDate,
    severity: severityOf(item, values),
    regionCode: actor.regionCode,
    arrivalWorkingDays: input.timeliness?.arrivalWorkingDays ?? null,
    late: input.timeliness?.late ?? false,
    ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
  });
  await insertVersion(tx, actor, record, item, 'create', values, input.provenance, null);
  audit.record({ action: 'record.create', entityType: 'record', entityId: record.id, after: { itemCode: item.code, documentNumber, decisionDate, subjectId: record.subjectId, batchId: input.provenance?.batchId ?? null } });
  return { outcome: 'created', record, subjectCreated: resolved.created, nameMismatch: resolved.nameMismatch };
}

/** The same 重错码 screen as bulk ingest: a pair the credit office ruled a wrong code is refused, a new mismatch queued. */
async function refuseWrongCode(tx: Db, departmentId: string, item: CatalogItem, values: Record<string, unknown>, incomingName: string, resolved: { subject: { id: string; name: string }; nameMismatch: boolean }) {
  const [screening] = await screenResolvedRows(tx, { departmentId, batchId: null }, [
    { subjectId: resolved.subject.id, identifier: String(values[item.subjectIdentifierField] ?? ''), incomingName, existingName: resolved.nameMismatch ? resolved.subject.name : null, namesake: null, rowNumber: 1 },
  ]);
  if (screening === 'reject') throw new AppError('VALIDATION', `代码与名称「${incomingName}」不符：信用办已认定为错码，请核实后重新报送`, [{ field: item.subjectNameField, code: 'wrong_code' }]);
}

async function resubmit(tx: Db, audit: AuditWriter, actor: Actor, item: CatalogItem, existing: repo.RecordRow, values: Record<string, unknown>, input: NewRecordInput): Promise<RecordResult> {
  if (existing.status === 'revoked') throw new AppError('RECORD_REVOKED', `文书号 ${existing.documentNumber} 的记录已撤销，不能重新报送`);
  const current = await repo.currentVersionOf(tx, existing);
  if (current && canonicalJson(current.fields) === canonicalJson(values)) {
    audit.nothingChanged();
    return { outcome: 'unchanged', record: existing, subjectCreated: false, nameMismatch: false };
  }
  const record = await appendCorrection(tx, audit, actor, item, existing, values, input.reason?.trim() || '部门重新报送，内容有变化', input.provenance);
  return { outcome: 'corrected', record, subjectCreated: false, nameMismatch: false };
}

async function appendCorrection(tx: Db, audit: AuditWriter, actor: Actor, item: CatalogItem, existing: repo.RecordRow, values: Record<string, unknown>, reason: string, provenance?: Provenance) {
  const locked = (await repo.findRecordForUpdate(tx, existing.id))!;
  const version = locked.currentVersion + 1;
  const record = await repo.updateRecordState(tx, locked.id, {
    currentVersion: version,
    decisionDate: String(values[item.decisionDateField]),
    severity: severityOf(item, values),
    catalogItemId: item.id,
  });
  await insertVersion(tx, actor, record, item, 'correction', values, provenance, reason);
  audit.record({ action: 'record.correct', entityType: 'record', entityId: record.id, before: { version: locked.currentVersion }, after: { version, reason } });
  return record;
}

async function insertVersion(tx: Db, actor: Actor, record: repo.RecordRow, item: CatalogItem, kind: 'create' | 'correction' | 'revocation', values: Record<string, unknown>, provenance: Provenance | undefined, reason: string | null) {
  await repo.insertVersion(tx, {
    recordId: record.id,
    version: record.currentVersion,
    subjectId: record.subjectId,
    kind,
    catalogItemId: item.id,
    fields: values,
    raw: provenance?.raw ?? null,
    reason,
    batchId: provenance?.batchId ?? null,
    rowNumber: provenance?.rowNumber ?? null,
    submittedBy: actor.label,
    submitterId: actor.id,
  });
}

/** The source department corrects its record: a new version with the reason; history stays. */
export async function correctRecord(db: Db, actor: Actor, id: string, input: { fields: Record<string, unknown>; reason: string }) {
  const existing = await getOwnRecord(db, actor, id);
  if (existing.status === 'revoked') throw new AppError('RECORD_REVOKED');
  if (input.reason.trim().length < 2) throw new AppError('VALIDATION', '更正信用记录必须说明原因');
  const item = await getCurrentItem(db, existing.itemCode);
  const values = validateRecordFields(item, input.fields);
  if (String(values[item.documentNumberField]) !== existing.documentNumber) throw new AppError('VALIDATION', '更正不能修改决定文书号；文书号有误请撤销后重新报送');
  return withAudit(db, actor, (tx, audit) => appendCorrection(tx, audit, actor, item, existing, values, input.reason.trim()));
}

/** The source department revokes its record; it leaves every public output at once. */
export async function revokeRecord(db: Db, actor: Actor, id: string, input: { reason: string }) {
  await getOwnRecord(db, actor, id);
  return withAudit(db, actor, (tx, audit) => revokeRecordInTx(tx, audit, actor, id, input.reason));
}

/** Revocation inside a caller's audited transaction (e.g. an upheld objection): same rules as `revokeRecord`. */
export async function revokeRecordInTx(tx: Db, audit: AuditWriter, actor: Actor, id: string, reason: string) {
  const locked = await repo.findRecordForUpdate(tx, id);
  if (!locked) throw new AppError('NOT_FOUND', '未找到该信用记录');
  assertCanWriteDepartment(actor, locked.departmentId);
  if (locked.status === 'revoked') throw new AppError('RECORD_REVOKED');
  if (reason.trim().length < 2) throw new AppError('VALIDATION', '撤销信用记录必须说明原因');
  const current = (await repo.currentVersionOf(tx, locked))!;
  const record = await repo.updateRecordState(tx, id, { status: 'revoked', currentVersion: locked.currentVersion + 1 });
  const item = await getItemVersion(tx, current.catalogItemId);
  await insertVersion(tx, actor, record, item, 'revocation', current.fields, undefined, reason.trim());
  audit.record({ action: 'record.revoke', entityType: 'record', entityId: id, before: { status: locked.status }, after: { status: 'revoked', reason: reason.trim() } });
  return record;
}

/** What other modules need to know of a record, without the access check of a staff read (they apply their own). */
export async function recordFacts(db: Db, id: string) {
  const record = isUuid(id) ? await repo.findRecord(db, id) : null;
  if (!record) throw new AppError('NOT_FOUND', '未找到该信用记录');
  const { subjectId, departmentId, itemCode, catalogItemId, documentNumber, decisionDate, status, severity, currentVersion } = record;
  return { id: record.id, subjectId, departmentId, itemCode, catalogItemId, documentNumber, decisionDate, status, severity, currentVersion };
}

async function getOwnRecord(db: Db, actor: Actor, id: string) {
  const record = await repo.findRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND', '未找到该信用记录');
  assertCanWriteDepartment(actor, record.departmentId);
  return record;
}

/** A staff read of one record with all its versions; a department sees only its own records. */
export async function getRecord(db: Db, actor: Actor, id: string) {
  const record = await repo.findRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND', '未找到该信用记录');
  assertCanReadDepartment(actor, record.departmentId);
  const [versions, item, names, department] = await Promise.all([repo.versionsOf(db, id), getItemVersion(db, record.catalogItemId), subjectNamesByIds(db, [record.subjectId]), getDepartment(db, record.departmentId)]);
  return { record, versions, item, subjectName: names.get(record.subjectId) ?? '', departmentName: department.name };
}

export async function listRecordsOfSubject(db: Db, actor: Actor, subjectId: string) {
  if (actor.role === 'subject') {
    // a subject's account sees every record about its subject (its own data), e.g. to object to one
    if (actor.subjectId !== subjectId) throw new AppError('FORBIDDEN', '只能查看本主体的信用记录');
    return repo.recordsOfSubject(db, subjectId, null);
  }
  requireStaff(actor);
  return repo.recordsOfSubject(db, subjectId, readsAllDepartments(actor) ? null : actor.departmentId);
}

export async function recentRecords(db: Db, actor: Actor, limit = 10) {
  requireStaff(actor);
  return repo.recentRecords(db, readsAllDepartments(actor) ? null : actor.departmentId, limit);
}

export async function countRecords(db: Db, options: repo.CountOptions = {}) {
  return repo.countRecords(db, options);
}

/** Monthly figures per department for the quality scorecard (completeness: share of the item's fields filled). */
export async function monthlyRecordStats(db: Db, range: { from: string; to: string }) {
  const { items } = await getCurrentCatalog(db);
  return repo.monthlyStats(db, range, Object.fromEntries(items.map((item) => [item.code, item.fields.length])));
}
