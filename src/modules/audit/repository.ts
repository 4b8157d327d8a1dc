import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { accessLog, auditEntries } from './tables';

export type AuditRow = typeof auditEntries.$inferSelect;
export type AccessLogRow = typeof accessLog.$inferInsert;

/** Serialises writers of the chain: one transaction at a time appends (held until its commit). */
const AUDIT_CHAIN_LOCK = 7_304_221;

export async function lockChain(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

export async function lastEntry(tx: Db): Promise<Pick<AuditRow, 'seq' | 'hash'> | null> {
  const rows = await tx.select({ seq: auditEntries.seq, hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
  return rows[0] ?? null;
}

export async function insertEntries(tx: Db, rows: AuditRow[]): Promise<void> {
  await tx.insert(auditEntries).values(rows);
}

export async function entriesAfter(db: Db, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEntries).where(gt(auditEntries.seq, afterSeq)).orderBy(asc(auditEntries.seq)).limit(limit);
}

export async function listEntries(db: Db, options: { before?: number; limit: number; entityType?: string; entityId?: string }) {
  const conditions = [
    options.before ? lt(auditEntries.seq, options.before) : undefined,
    options.entityType ? eq(auditEntries.entityType, options.entityType) : undefined,
    options.entityId ? eq(auditEntries.entityId, options.entityId) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(auditEntries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.seq))
    .limit(options.limit);
}

export async function insertAccessLog(db: Db, row: AccessLogRow): Promise<void> {
  await db.insert(accessLog).values(row);
}

export async function listAccessLog(db: Db, options: { subjectId?: string; limit: number }) {
  return db
    .select()
    .from(accessLog)
    .where(options.subjectId ? eq(accessLog.subjectId, options.subjectId) : undefined)
    .orderBy(desc(accessLog.at))
    .limit(options.limit);
}
