import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { objectionEvents, objections } from './tables';

export type ObjectionRow = typeof objections.$inferSelect;
export type NewObjectionRow = typeof objections.$inferInsert;
export type ObjectionEventRow = typeof objectionEvents.$inferSelect;

export async function findObjection(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ObjectionRow | null> {
  const query = db.select().from(objections).where(eq(objections.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertObjection(db: Db, row: NewObjectionRow): Promise<ObjectionRow> {
  const rows = await db.insert(objections).values(row).returning();
  return rows[0];
}

export async function updateObjection(db: Db, id: string, patch: Partial<NewObjectionRow>): Promise<ObjectionRow> {
  const rows = await db
    .update(objections)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(objections.id, id))
    .returning();
  return rows[0];
}

export async function objectionsOfRecord(db: Db, recordId: string, states?: readonly string[]): Promise<ObjectionRow[]> {
  const conditions: SQL[] = [eq(objections.recordId, recordId)];
  if (states) conditions.push(inArray(objections.state, states as ObjectionRow['state'][]));
  return db.select().from(objections).where(and(...conditions)).orderBy(desc(objections.createdAt));
}

/** The ids among `recordIds` that have an objection in one of `states`. */
export async function recordIdsWithObjection(db: Db, recordIds: string[], states: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ recordId: objections.recordId })
    .from(objections)
    .where(and(inArray(objections.recordId, recordIds), inArray(objections.state, states as ObjectionRow['state'][])));
  return new Set(rows.map((row) => row.recordId));
}

export interface ObjectionFilter {
  departmentId: string | null;
  subjectId: string | null;
  state?: string;
  recordId?: string;
  /** only open objections whose current deadline is before this date */
  overdueOn?: string;
  limit: number;
  offset: number;
}

export async function listObjectionRows(db: Db, filter: ObjectionFilter): Promise<{ rows: ObjectionRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.departmentId) conditions.push(eq(objections.departmentId, filter.departmentId));
  if (filter.subjectId) conditions.push(eq(objections.subjectId, filter.subjectId));
  if (filter.state) conditions.push(eq(objections.state, filter.state as ObjectionRow['state']));
  if (filter.recordId) conditions.push(eq(objections.recordId, filter.recordId));
  if (filter.overdueOn) {
    conditions.push(
      sql`((${objections.state} = 'submitted' and ${objections.acceptDue} < ${filter.overdueOn}) or (${objections.state} = 'verifying' and ${objections.verifyDue} < ${filter.overdueOn}))`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, counted] = await Promise.all([
    db.select().from(objections).where(where).orderBy(desc(objections.updatedAt), desc(objections.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(objections).where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function appendEvent(db: Db, event: Omit<typeof objectionEvents.$inferInsert, 'seq' | 'at'>): Promise<ObjectionEventRow> {
  const rows = await db
    .insert(objectionEvents)
    .values({ ...event, seq: sql`(select coalesce(max(${objectionEvents.seq}), 0) + 1 from ${objectionEvents} where ${objectionEvents.objectionId} = ${event.objectionId})` })
    .returning();
  return rows[0];
}

export async function eventsOf(db: Db, objectionId: string): Promise<ObjectionEventRow[]> {
  return db.select().from(objectionEvents).where(eq(objectionEvents.objectionId, objectionId)).orderBy(asc(objectionEvents.seq));
}

