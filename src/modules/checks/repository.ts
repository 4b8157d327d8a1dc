import { and, asc, count, desc, eq, getTableColumns, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import type { SealableLog } from '../audit';
import { checks } from './tables';

export type CheckRow = typeof checks.$inferSelect;
export type NewCheckRow = typeof checks.$inferInsert;

export async function insertChecks(db: Db, rows: NewCheckRow[]): Promise<CheckRow[]> {
  if (rows.length === 0) return [];
  return db.insert(checks).values(rows).returning();
}

export async function findCheck(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<CheckRow | null> {
  const query = db.select().from(checks).where(eq(checks.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function saveFeedback(db: Db, id: string, feedback: CheckRow['feedback']): Promise<CheckRow> {
  const [row] = await db.update(checks).set({ feedback, feedbackAt: sql`now()` }).where(eq(checks.id, id)).returning();
  return row;
}

export async function listChecks(db: Db, options: { departmentId: string | null; limit: number; offset: number }) {
  const where = options.departmentId ? eq(checks.departmentId, options.departmentId) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(checks).where(where).orderBy(desc(checks.createdAt), desc(checks.id)).limit(options.limit).offset(options.offset),
    db.select({ total: count() }).from(checks).where(where),
  ]);
  return { rows, total: Number(total) };
}

/** Checks whose feedback is due before `today` and missing, not yet flagged. */
export async function flagOverdue(db: Db, today: string, limit: number): Promise<CheckRow[]> {
  const due = db
    .select({ id: checks.id })
    .from(checks)
    .where(and(isNull(checks.feedback), isNull(checks.flaggedAt), isNotNull(checks.feedbackDue), lt(checks.feedbackDue, today)))
    .orderBy(asc(checks.feedbackDue))
    .limit(limit);
  return db
    .update(checks)
    .set({ flaggedAt: sql`now()` })
    .where(sql`${checks.id} in (${due})`)
    .returning();
}

/** Checks without feedback that are flagged or past their due date (the same rule as the monthly overdue count). */
export async function listOverdue(db: Db, options: { departmentId: string | null; today: string; limit: number; offset: number }) {
  const where = and(
    isNull(checks.feedback),
    or(isNotNull(checks.flaggedAt), lt(checks.feedbackDue, options.today)),
    options.departmentId ? eq(checks.departmentId, options.departmentId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(checks).where(where).orderBy(asc(checks.feedbackDue), asc(checks.id)).limit(options.limit).offset(options.offset),
    db.select({ total: count() }).from(checks).where(where),
  ]);
  return { rows, total: Number(total) };
}

export interface DepartmentMonthRow {
  departmentId: string;
  treatment: string;
  checks: number;
  withFeedback: number;
  overdue: number;
}

/** Counts per department and treatment for checks created in [from, to) (instants). */
export async function monthCounts(db: Db, range: { from: string; to: string; today: string; departmentId: string | null }): Promise<DepartmentMonthRow[]> {
  const rows = await db
    .select({
      departmentId: checks.departmentId,
      treatment: checks.treatment,
      checks: sql<number>`count(*)::int`,
      withFeedback: sql<number>`count(${checks.feedback})::int`,
      overdue: sql<number>`(count(*) filter (where ${checks.feedback} is null and (${checks.flaggedAt} is not null or ${checks.feedbackDue} < ${range.today}::date)))::int`,
    })
    .from(checks)
    .where(and(gte(checks.createdAt, range.from), lt(checks.createdAt, range.to), range.departmentId ? eq(checks.departmentId, range.departmentId) : undefined))
    .groupBy(checks.departmentId, checks.treatment);
  return rows.map((row) => ({ ...row, checks: Number(row.checks), withFeedback: Number(row.withFeedback), overdue: Number(row.overdue) }));
}

// the immutable columns of the check log, sealed into the audit chain (feedback and flags are updated later)
const { feedback: _feedback, feedbackAt: _feedbackAt, flaggedAt: _flaggedAt, ...sealedColumns } = getTableColumns(checks);

/** The check log as sealed into the audit chain (registered at start-up, see app.ts). */
export const CHECK_LOG: SealableLog = { name: 'checks', table: checks, id: checks.id, columns: sealedColumns, writtenAtKey: 'createdAt' };
