/**
 * Read-only views of records for modules that derive their own state from them (the disclosure
 * projection, the console's timeliness list). SELECTs only; the records module keeps no knowledge of
 * what readers do with them.
 */
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Db } from '../../db/types';
import { records, recordVersions } from './tables';

export type RecordRow = typeof records.$inferSelect;
export type RecordWithFields = RecordRow & { fields: Record<string, unknown> };

function withCurrentFields(db: Db) {
  return db
    .select({ ...getTableColumns(records), fields: recordVersions.fields })
    .from(records)
    .innerJoin(recordVersions, and(eq(recordVersions.recordId, records.id), eq(recordVersions.version, records.currentVersion)));
}

/**
 * Records (with their current version's fields) whose updated_at is after a keyset position
 * (updated_at, id), oldest first; `since` starts at an instant instead (inclusive). For incremental readers.
 */
export async function recordsUpdatedAfter(db: Db, position: { since?: string | null; after?: { updatedAt: string; id: string } | null; limit: number }): Promise<RecordWithFields[]> {
  const condition = position.after
    ? sql`(${records.updatedAt}, ${records.id}) > (${position.after.updatedAt}::timestamptz, ${position.after.id}::uuid)`
    : position.since
      ? sql`${records.updatedAt} >= ${position.since}::timestamptz`
      : undefined;
  return withCurrentFields(db).where(condition).orderBy(asc(records.updatedAt), asc(records.id)).limit(position.limit);
}

/** Every record in id order after a keyset position (a full pass over all records, by primary key). */
export async function recordsAfterId(db: Db, afterId: string | null, limit: number): Promise<RecordWithFields[]> {
  return withCurrentFields(db)
    .where(afterId ? sql`${records.id} > ${afterId}::uuid` : undefined)
    .orderBy(asc(records.id))
    .limit(limit);
}

/** Given records with their current version's fields (missing ids are left out). */
export async function recordsWithCurrentFields(db: Db, ids: string[]): Promise<RecordWithFields[]> {
  if (ids.length === 0) return [];
  return withCurrentFields(db).where(inArray(records.id, [...new Set(ids)]));
}

/** All records of one subject with their current version's fields, newest decision first. */
export async function recordsOfSubjectWithFields(db: Db, subjectId: string): Promise<RecordWithFields[]> {
  return withCurrentFields(db).where(eq(records.subjectId, subjectId)).orderBy(desc(records.decisionDate), asc(records.id));
}

/** What deciding and showing a record's disclosure reads: its identity, item, dates, status and current fields. */
export type StandingRecord = Pick<RecordRow, 'id' | 'subjectId' | 'departmentId' | 'itemCode' | 'catalogItemId' | 'decisionDate' | 'status' | 'severity' | 'currentVersion'> & {
  fields: Record<string, unknown>;
};

/**
 * The records of one subject that stand (revoked ones left out, as they are never shown), with their
 * current version's fields, newest decision first: the public subject page's read. One statement over
 * records_subject_idx and the versions' primary key, only the columns the page needs, rows as the driver
 * returns them (no per-row mapping: this runs on every page view).
 */
export async function standingRecordsOfSubject(db: Db, subjectId: string): Promise<StandingRecord[]> {
  return queryRows<StandingRecord>(
    db,
    sql`select r.id, r.subject_id as "subjectId", r.department_id as "departmentId", r.item_code as "itemCode",
               r.catalog_item_id as "catalogItemId", r.decision_date::text as "decisionDate", r.status, r.severity,
               r.current_version as "currentVersion", v.fields
          from records r
          join record_versions v on v.record_id = r.id and v.version = r.current_version
         where r.subject_id = ${subjectId} and r.status <> 'revoked'
         order by r.decision_date desc, r.id asc`,
  );
}

/** Records that arrived later than the timeliness limit, newest arrival first; one department or all. */
export async function lateRecords(db: Db, options: { departmentId: string | null; limit: number; offset: number }): Promise<{ items: RecordRow[]; total: number }> {
  const where = and(eq(records.late, true), options.departmentId ? eq(records.departmentId, options.departmentId) : undefined);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(records).where(where).orderBy(desc(records.receivedAt), asc(records.id)).limit(options.limit).offset(options.offset),
    db.select({ total: count() }).from(records).where(where),
  ]);
  return { items, total: Number(total) };
}
