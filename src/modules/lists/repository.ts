import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { listEntries, listEntryEvents, listKinds } from './tables';

export type ListKindRow = typeof listKinds.$inferSelect;
export type NewListKindRow = typeof listKinds.$inferInsert;
export type ListEntryRow = typeof listEntries.$inferSelect;
export type NewListEntryRow = typeof listEntries.$inferInsert;
export type ListEntryEventRow = typeof listEntryEvents.$inferSelect;

// --- list kinds -----------------------------------------------------------------------------------

export async function findKind(db: Db, code: string): Promise<ListKindRow | null> {
  const rows = await db.select().from(listKinds).where(eq(listKinds.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function listKindRows(db: Db): Promise<ListKindRow[]> {
  return db.select().from(listKinds).orderBy(asc(listKinds.scope), asc(listKinds.code));
}

export async function insertKind(db: Db, row: NewListKindRow): Promise<ListKindRow> {
  const rows = await db.insert(listKinds).values(row).returning();
  return rows[0];
}

export async function updateKind(db: Db, code: string, patch: Partial<NewListKindRow>): Promise<ListKindRow> {
  const rows = await db
    .update(listKinds)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(listKinds.code, code))
    .returning();
  return rows[0];
}

// --- entries ---------------------------------------------------------------------------------------

export async function findEntry(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ListEntryRow | null> {
  const query = db.select().from(listEntries).where(eq(listEntries.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertEntry(db: Db, row: NewListEntryRow): Promise<ListEntryRow> {
  const rows = await db.insert(listEntries).values(row).returning();
  return rows[0];
}

export async function updateEntry(db: Db, id: string, patch: Partial<NewListEntryRow>): Promise<ListEntryRow> {
  const rows = await db
    .update(listEntries)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(listEntries.id, id))
    .returning();
  return rows[0];
}

export interface EntryFilter {
  departmentId: string | null;
  state?: string;
  kind?: string;
  subjectId?: string;
  limit: number;
  offset: number;
}

export async function listEntryRows(db: Db, filter: EntryFilter): Promise<{ rows: ListEntryRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.departmentId) conditions.push(eq(listEntries.departmentId, filter.departmentId));
  if (filter.state) conditions.push(eq(listEntries.state, filter.state as ListEntryRow['state']));
  if (filter.kind) conditions.push(eq(listEntries.listKind, filter.kind));
  if (filter.subjectId) conditions.push(eq(listEntries.subjectId, filter.subjectId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, counted] = await Promise.all([
    db.select().from(listEntries).where(where).orderBy(desc(listEntries.updatedAt), desc(listEntries.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(listEntries).where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** Published entries still within their validity (valid_until on or after `today`). */
export async function publishedOfKind(db: Db, kind: string, today: string, limit: number, offset: number): Promise<{ rows: ListEntryRow[]; total: number }> {
  const where = and(eq(listEntries.listKind, kind), eq(listEntries.state, 'published'), gte(listEntries.validUntil, today));
  const [rows, counted] = await Promise.all([
    db.select().from(listEntries).where(where).orderBy(desc(listEntries.publishedAt), desc(listEntries.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(listEntries).where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function publishedOfSubjects(db: Db, subjectIds: string[], today: string): Promise<ListEntryRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .select()
    .from(listEntries)
    .where(and(inArray(listEntries.subjectId, subjectIds), eq(listEntries.state, 'published'), gte(listEntries.validUntil, today)))
    .orderBy(desc(listEntries.publishedAt));
}

/** Published entries whose validity ended before `today` (the expiry sweep). */
export async function expiredPublished(db: Db, today: string, limit: number): Promise<ListEntryRow[]> {
  return db
    .select()
    .from(listEntries)
    .where(and(eq(listEntries.state, 'published'), lt(listEntries.validUntil, today)))
    .orderBy(asc(listEntries.validUntil))
    .limit(limit);
}

// --- events ----------------------------------------------------------------------------------------

export async function appendEvent(db: Db, event: Omit<typeof listEntryEvents.$inferInsert, 'seq' | 'at'>): Promise<ListEntryEventRow> {
  const rows = await db
    .insert(listEntryEvents)
    .values({ ...event, seq: sql`(select coalesce(max(${listEntryEvents.seq}), 0) + 1 from ${listEntryEvents} where ${listEntryEvents.entryId} = ${event.entryId})` })
    .returning();
  return rows[0];
}

export async function eventsOf(db: Db, entryId: string): Promise<ListEntryEventRow[]> {
  return db.select().from(listEntryEvents).where(eq(listEntryEvents.entryId, entryId)).orderBy(asc(listEntryEvents.seq));
}

/** The records each entry cites as its legally effective documents. */
export async function evidenceOfEntries(db: Db, entryIds: string[]): Promise<Map<string, string[]>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.select({ id: listEntries.id, evidence: listEntries.evidence }).from(listEntries).where(inArray(listEntries.id, entryIds));
  return new Map(rows.map((row) => [row.id, row.evidence.map((item) => item.recordId)]));
}
