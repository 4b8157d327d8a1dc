import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { disclosureChanges, disclosureState } from './tables';

export type DisclosureStateRow = typeof disclosureState.$inferSelect;
export type NewDisclosureState = typeof disclosureState.$inferInsert;
export type DisclosureChangeRow = typeof disclosureChanges.$inferSelect;
export type DisclosureChange = DisclosureChangeRow['change'];

/** An arbitrary constant: the advisory lock key that serialises writers of the change feed. */
const FEED_LOCK_KEY = 4_402_520_260_401;

/**
 * Serialises writers of the feed until the transaction ends, so that sequence numbers become visible
 * in order and a subscriber that resumes after a cursor never skips a change committed later.
 */
export async function lockFeed(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK_KEY}::bigint)`);
}

export async function statesByIds(db: Db, recordIds: string[]): Promise<DisclosureStateRow[]> {
  if (recordIds.length === 0) return [];
  return db.select().from(disclosureState).where(inArray(disclosureState.recordId, recordIds));
}

export async function findState(db: Db, recordId: string): Promise<DisclosureStateRow | null> {
  const rows = await db.select().from(disclosureState).where(eq(disclosureState.recordId, recordId)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function upsertStates(tx: Db, rows: NewDisclosureState[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(disclosureState)
    .values(rows)
    .onConflictDoUpdate({
      target: disclosureState.recordId,
      set: {
        subjectId: sql`excluded.subject_id`,
        itemCode: sql`excluded.item_code`,
        departmentId: sql`excluded.department_id`,
        disclosed: sql`excluded.disclosed`,
        startDate: sql`excluded.start_date`,
        endDate: sql`excluded.end_date`,
        endedReason: sql`excluded.ended_reason`,
        recordVersion: sql`excluded.record_version`,
        recordUpdatedAt: sql`excluded.record_updated_at`,
        updatedAt: sql`now()`,
      },
    });
}

export async function appendChanges(tx: Db, rows: { recordId: string; subjectId: string; change: DisclosureChange }[]): Promise<void> {
  if (rows.length) await tx.insert(disclosureChanges).values(rows);
}

/** The newest record updated_at the projection has seen (the incremental sync's watermark). */
export async function watermark(db: Db): Promise<string | null> {
  const [row] = await db.select({ at: max(disclosureState.recordUpdatedAt) }).from(disclosureState);
  return row?.at ?? null;
}

/** Ends every disclosure whose last day is before `today`; returns the ended rows. */
export async function expireBefore(tx: Db, today: string): Promise<{ recordId: string; subjectId: string }[]> {
  return tx
    .update(disclosureState)
    .set({ disclosed: false, endedReason: 'period_expired', updatedAt: sql`now()` })
    .where(and(eq(disclosureState.disclosed, true), lt(disclosureState.endDate, today)))
    .returning({ recordId: disclosureState.recordId, subjectId: disclosureState.subjectId });
}

export async function endState(tx: Db, recordId: string, reason: string): Promise<void> {
  await tx.update(disclosureState).set({ disclosed: false, endedReason: reason, updatedAt: sql`now()` }).where(eq(disclosureState.recordId, recordId));
}

export async function changesAfter(db: Db, after: number, limit: number): Promise<DisclosureChangeRow[]> {
  return db.select().from(disclosureChanges).where(gt(disclosureChanges.seq, after)).orderBy(asc(disclosureChanges.seq)).limit(limit);
}

/** What the public view checks of a subject's projection rows (see PublicView.render). */
export type StateCheck = Pick<DisclosureStateRow, 'recordId' | 'disclosed' | 'endedReason' | 'recordVersion'>;

export async function statesOfSubject(db: Db, subjectId: string): Promise<StateCheck[]> {
  return db
    .select({ recordId: disclosureState.recordId, disclosed: disclosureState.disclosed, endedReason: disclosureState.endedReason, recordVersion: disclosureState.recordVersion })
    .from(disclosureState)
    .where(eq(disclosureState.subjectId, subjectId));
}

export interface ListQuery {
  itemCodes: string[];
  departmentId?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  offset: number;
}

/** Disclosed records of some items, newest decision first (the 双公示 lists). */
export async function disclosedList(db: Db, query: ListQuery): Promise<{ items: DisclosureStateRow[]; total: number }> {
  const where = and(
    eq(disclosureState.disclosed, true),
    inArray(disclosureState.itemCode, query.itemCodes),
    query.departmentId ? eq(disclosureState.departmentId, query.departmentId) : undefined,
    query.from ? gte(disclosureState.startDate, query.from) : undefined,
    query.to ? lte(disclosureState.startDate, query.to) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select().from(disclosureState).where(where).orderBy(desc(disclosureState.startDate), asc(disclosureState.recordId)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(disclosureState).where(where),
  ]);
  return { items, total: Number(total) };
}
