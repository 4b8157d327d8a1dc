import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { queryRows } from '../../db/sql';
import { rawTx } from './raw-tx';
import { RowErrors } from './row-errors';
import { ingestBatches, ingestErrors } from './tables';

export type BatchRow = typeof ingestBatches.$inferSelect;
export type NewBatchRow = typeof ingestBatches.$inferInsert;
export type ErrorRow = typeof ingestErrors.$inferInsert;

export async function insertBatch(db: Db, row: NewBatchRow): Promise<BatchRow> {
  const [inserted] = await db.insert(ingestBatches).values(row).returning();
  return inserted;
}

export async function findBatch(db: Db, id: string): Promise<BatchRow | null> {
  const rows = await db.select().from(ingestBatches).where(eq(ingestBatches.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findBatchByClientKey(db: Db, departmentId: string, clientKey: string): Promise<BatchRow | null> {
  const rows = await db.select().from(ingestBatches).where(and(eq(ingestBatches.departmentId, departmentId), eq(ingestBatches.clientKey, clientKey))).limit(1);
  return rows[0] ?? null;
}

export async function updateBatch(db: Db, id: string, changes: Partial<NewBatchRow>): Promise<BatchRow> {
  const [updated] = await db.update(ingestBatches).set(changes).where(eq(ingestBatches.id, id)).returning();
  return updated;
}

export async function unfinishedBatches(db: Db): Promise<BatchRow[]> {
  return db.select().from(ingestBatches).where(inArray(ingestBatches.status, ['queued', 'processing'])).orderBy(asc(ingestBatches.createdAt));
}

export async function listBatches(db: Db, departmentId: string | null, limit: number): Promise<BatchRow[]> {
  return db
    .select()
    .from(ingestBatches)
    .where(departmentId ? eq(ingestBatches.departmentId, departmentId) : undefined)
    .orderBy(desc(ingestBatches.createdAt))
    .limit(limit);
}

export async function insertErrors(db: Db, rows: ErrorRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) await db.insert(ingestErrors).values(rows.slice(start, start + 1000));
}

/** Loads the rows a batch refused (spooled to disk while it ran) with COPY, piece by piece. */
export async function insertSpooledErrors(db: Db, errors: RowErrors): Promise<void> {
  const raw = rawTx(db);
  for (const piece of errors.pieces()) await raw.script([{ copy: RowErrors.COLUMNS, data: piece }]);
}

export async function deleteErrors(db: Db, batchId: string): Promise<void> {
  await db.delete(ingestErrors).where(eq(ingestErrors.batchId, batchId));
}

export async function errorsOf(db: Db, batchId: string, limit: number) {
  return db.select().from(ingestErrors).where(eq(ingestErrors.batchId, batchId)).orderBy(asc(ingestErrors.rowNumber), asc(ingestErrors.id)).limit(limit);
}

export async function countErrors(db: Db, batchId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ingestErrors).where(eq(ingestErrors.batchId, batchId));
  return Number(row.n);
}

export interface MonthlyBatchStats {
  departmentId: string;
  rowsSubmitted: number;
  rejected: number;
  duplicates: number;
}

/** Per department: rows submitted in batches created in [from, to), rows rejected, and repeated rows. */
export async function monthlyStats(db: Db, range: { from: string; to: string }): Promise<MonthlyBatchStats[]> {
  return queryRows<MonthlyBatchStats & Record<string, unknown>>(db, sql`
    select b.department_id as "departmentId", sum(b.total)::int as "rowsSubmitted", sum(b.rejected)::int as rejected,
           (sum(b.unchanged) + coalesce(sum((select count(*) from ingest_errors e where e.batch_id = b.id and e.code = 'duplicate_in_batch')), 0))::int as duplicates
    from ingest_batches b
    where b.created_at >= ${range.from}::timestamptz and b.created_at < ${range.to}::timestamptz and b.status in ('completed', 'rejected')
    group by b.department_id`);
}
