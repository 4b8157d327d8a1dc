import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { queryRows } from '../../db/sql';
import { records, recordVersions } from './tables';

export type RecordRow = typeof records.$inferSelect;
export type RecordVersionRow = typeof recordVersions.$inferSelect;

export async function findRecord(db: Db, id: string): Promise<RecordRow | null> {
  const rows = await db.select().from(records).where(eq(records.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findByIdempotencyKey(db: Db, key: { departmentId: string; itemCode: string; documentNumber: string }): Promise<RecordRow | null> {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.departmentId, key.departmentId), eq(records.itemCode, key.itemCode), eq(records.documentNumber, key.documentNumber)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the record row so concurrent corrections get consecutive version numbers. */
export async function findRecordForUpdate(db: Db, id: string): Promise<RecordRow | null> {
  const rows = await db.select().from(records).where(eq(records.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertRecord(db: Db, row: typeof records.$inferInsert): Promise<RecordRow> {
  const [inserted] = await db.insert(records).values(row).returning();
  return inserted;
}

export async function updateRecordState(db: Db, id: string, changes: Partial<typeof records.$inferInsert>): Promise<RecordRow> {
  const [updated] = await db.update(records).set({ ...changes, updatedAt: new Date().toISOString() }).where(eq(records.id, id)).returning();
  return updated;
}

export async function insertVersion(db: Db, row: typeof recordVersions.$inferInsert): Promise<void> {
  await db.insert(recordVersions).values(row);
}

export async function versionsOf(db: Db, recordId: string): Promise<RecordVersionRow[]> {
  return db.select().from(recordVersions).where(eq(recordVersions.recordId, recordId)).orderBy(asc(recordVersions.version));
}

export async function currentVersionOf(db: Db, record: RecordRow): Promise<RecordVersionRow | null> {
  const rows = await db
    .select()
    .from(recordVersions)
    .where(and(eq(recordVersions.recordId, record.id), eq(recordVersions.version, record.currentVersion)))
    .limit(1);
  return rows[0] ?? null;
}

export async function recordsOfSubject(db: Db, subjectId: string, departmentId: string | null) {
  return db
    .select()
    .from(records)
    .where(and(eq(records.subjectId, subjectId), departmentId ? eq(records.departmentId, departmentId) : undefined))
    .orderBy(desc(records.decisionDate));
}

export async function recentRecords(db: Db, departmentId: string | null, limit: number) {
  return db
    .select()
    .from(records)
    .where(departmentId ? eq(records.departmentId, departmentId) : undefined)
    .orderBy(desc(records.receivedAt))
    .limit(limit);
}

export interface CountOptions {
  departmentId?: string | null;
  itemCode?: string;
  since?: string;
  status?: 'active' | 'revoked';
}

export async function countRecords(db: Db, options: CountOptions = {}) {
  const conditions = [
    options.status ? eq(records.status, options.status) : undefined,
    options.departmentId ? eq(records.departmentId, options.departmentId) : undefined,
    options.itemCode ? eq(records.itemCode, options.itemCode) : undefined,
    options.since ? sql`${records.receivedAt} >= ${options.since}` : undefined,
  ].filter((c) => c !== undefined);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(records).where(conditions.length ? and(...conditions) : undefined);
  return Number(row.n);
}

export interface MonthlyRecordStats {
  departmentId: string;
  records: number;
  late: number;
  completeness: number | null;
}

/** Per department: records received in [from, to), how many late, and how full their fields are. */
export async function monthlyStats(db: Db, range: { from: string; to: string }, fieldCounts: Record<string, number>): Promise<MonthlyRecordStats[]> {
  const rows = await queryRows<MonthlyRecordStats & Record<string, unknown>>(db, sql`
    select r.department_id as "departmentId", count(*)::int as records, count(*) filter (where r.late)::int as late,
           avg((select count(*) from jsonb_object_keys(v.fields))::float / nullif((${JSON.stringify(fieldCounts)}::jsonb ->> r.item_code)::int, 0)) as completeness
    from records r
    join record_versions v on v.record_id = r.id and v.version = 1
    where r.received_at >= ${range.from}::timestamptz and r.received_at < ${range.to}::timestamptz
    group by r.department_id`);
  return rows.map((row) => ({ ...row, completeness: row.completeness === null ? null : Number(row.completeness) }));
}
