import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
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

export async function findByDocumentNumbers(db: Db, key: { departmentId: string; itemCode: string; documentNumbers: string[] }): Promise<RecordRow[]> {
  if (key.documentNumbers.length === 0) return [];
  return db
    .select()
    .from(records)
    .where(and(eq(records.departmentId, key.departmentId), eq(records.itemCode, key.itemCode), sql`${records.documentNumber} = any(${sql.param(key.documentNumbers)}::text[])`));
}

export async function currentVersionsOf(db: Db, rows: RecordRow[]): Promise<RecordVersionRow[]> {
  if (rows.length === 0) return [];
  return db
    .select(getTableColumns(recordVersions))
    .from(recordVersions)
    .innerJoin(records, and(eq(records.id, recordVersions.recordId), eq(records.currentVersion, recordVersions.version)))
    .where(sql`${records.id} = any(${sql.param(rows.map((row) => row.id))}::uuid[])`);
}

type NewRecord = typeof records.$inferInsert;
type NewVersion = typeof recordVersions.$inferInsert;

/**
 * Many rows in one statement from one JSON parameter (bulk ingest's hot path): one string for the driver
 * to send, instead of a parameter per value or per-element array escaping.
 */
export async function insertRecords(db: Db, rows: NewRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({ id: r.id, subject_id: r.subjectId, department_id: r.departmentId, item_code: r.itemCode, catalog_item_id: r.catalogItemId, document_number: r.documentNumber, decision_date: r.decisionDate, severity: r.severity, region_code: r.regionCode ?? null, arrival_working_days: r.arrivalWorkingDays ?? null, late: r.late ?? false })),
  );
  await db.execute(sql`
    insert into records (id, subject_id, department_id, item_code, catalog_item_id, document_number, decision_date, severity, region_code, arrival_working_days, late)
    select id, subject_id, department_id, item_code, catalog_item_id, document_number, decision_date, severity, region_code, arrival_working_days, late
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, subject_id uuid, department_id uuid, item_code text, catalog_item_id uuid, document_number text, decision_date date, severity text, region_code text, arrival_working_days int, late boolean)`);
}

export async function insertVersions(db: Db, rows: NewVersion[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((v) => ({ record_id: v.recordId, version: v.version, subject_id: v.subjectId, kind: v.kind, catalog_item_id: v.catalogItemId, fields: v.fields, raw: v.raw ?? null, reason: v.reason ?? null, batch_id: v.batchId ?? null, row_number: v.rowNumber ?? null, submitted_by: v.submittedBy, submitter_id: v.submitterId ?? null })),
  );
  await db.execute(sql`
    insert into record_versions (record_id, version, subject_id, kind, catalog_item_id, fields, raw, reason, batch_id, row_number, submitted_by, submitter_id)
    select record_id, version, subject_id, kind, catalog_item_id, fields, raw, reason, batch_id, row_number, submitted_by, submitter_id
    from jsonb_to_recordset(${json}::jsonb) as x(record_id uuid, version int, subject_id uuid, kind text, catalog_item_id uuid, fields jsonb, raw jsonb, reason text, batch_id uuid, row_number int, submitted_by text, submitter_id text)`);
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
