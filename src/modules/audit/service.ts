import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { GENESIS_HASH, hashEntry } from './chain';
import * as repo from './repository';

export interface AuditEvent {
  /** verb in dotted form, e.g. `record.create`, `catalog.item.update`, `user.lock` */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditWriter {
  record(event: AuditEvent): void;
  /** declares that this transaction changed nothing (e.g. an identical resubmission), so no entry is due */
  nothingChanged(): void;
}

/**
 * The only way to change state: runs `change` in a transaction and appends its audit entries to the
 * SM3 chain in the same transaction. A change that records no audit event (and does not declare that it
 * changed nothing) is refused, so a mutation cannot silently skip the trail.
 */
export async function withAudit<T>(db: Db, actor: Actor, change: (tx: Db, audit: AuditWriter) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const events: AuditEvent[] = [];
    let declaredUnchanged = false;
    const result = await change(tx as Db, { record: (event) => events.push(event), nothingChanged: () => (declaredUnchanged = true) });
    if (events.length === 0 && !declaredUnchanged) throw new AppError('INTERNAL', '内部错误：状态变更未写审计日志');
    if (events.length > 0) await appendToChain(tx as Db, actor, events);
    return result;
  });
}

async function appendToChain(tx: Db, actor: Actor, events: AuditEvent[]): Promise<void> {
  await repo.lockChain(tx);
  const last = await repo.lastEntry(tx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const rows: repo.AuditRow[] = events.map((event) => {
    seq += 1;
    const content = {
      seq,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorLabel: actor.label,
      departmentId: actor.departmentId,
      ip: actor.ip ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJsonValue(event.before),
      after: toJsonValue(event.after),
      prevHash,
    };
    const row = { ...content, hash: hashEntry(content) };
    prevHash = row.hash;
    return row;
  });
  await repo.insertEntries(tx, rows);
}

/** jsonb drops undefined and turns Dates into strings: hash exactly what comes back from the database. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** Walks the whole chain in order; reports the first entry that was altered, removed or reordered. */
export async function verifyChain(db: Db, pageSize = 5000): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await repo.entriesAfter(db, expectedSeq - 1, pageSize);
    if (page.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of page) {
      const problem = findProblem(row, expectedSeq, prevHash);
      if (problem) return { ok: false, checked, firstBroken: { seq: problem.seq, reason: problem.reason } };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

function findProblem(row: repo.AuditRow, expectedSeq: number, prevHash: string): { seq: number; reason: string } | null {
  if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: `第 ${expectedSeq} 条审计记录缺失（下一条为第 ${row.seq} 条）` };
  if (row.prevHash !== prevHash) return { seq: row.seq, reason: `第 ${row.seq} 条的前序哈希与上一条不符` };
  const { hash, ...content } = row;
  if (hashEntry(content) !== hash) return { seq: row.seq, reason: `第 ${row.seq} 条内容已被篡改（哈希不符）` };
  return null;
}

export async function listAuditEntries(db: Db, actor: Actor, options: { before?: number; limit?: number; entityType?: string; entityId?: string }) {
  assertCanReadAudit(actor);
  return repo.listEntries(db, { ...options, limit: Math.min(options.limit ?? 50, 500) });
}

export function assertCanReadAudit(actor: Actor): void {
  if (!['office_admin', 'auditor', 'system'].includes(actor.role)) throw new AppError('FORBIDDEN', '只有信用办管理员和审计员可以查看审计日志');
}

export interface PersonalDataRead {
  subjectId: string | null;
  dataKind: string;
  entityType: string;
  entityId: string;
  purpose: string;
}

/** 查询使用登记: every staff read of unmasked personal data is logged with its purpose. */
export async function logPersonalDataAccess(db: Db, actor: Actor, read: PersonalDataRead): Promise<void> {
  if (read.purpose.trim().length < 2) throw new AppError('VALIDATION', '查看个人信息必须填写查询用途');
  await repo.insertAccessLog(db, {
    id: newId(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    departmentId: actor.departmentId,
    subjectId: read.subjectId,
    dataKind: read.dataKind,
    entityType: read.entityType,
    entityId: read.entityId,
    purpose: read.purpose.trim(),
    ip: actor.ip ?? null,
  });
}

export async function listAccessLog(db: Db, actor: Actor, options: { subjectId?: string; limit?: number }) {
  assertCanReadAudit(actor);
  return repo.listAccessLog(db, { subjectId: options.subjectId, limit: Math.min(options.limit ?? 50, 500) });
}
