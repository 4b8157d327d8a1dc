import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { qualityIssues } from './tables';

export type IssueRow = typeof qualityIssues.$inferSelect;

export async function findIssuesForSubjects(db: Db, subjectIds: string[]): Promise<IssueRow[]> {
  if (subjectIds.length === 0) return [];
  return db.select().from(qualityIssues).where(inArray(qualityIssues.subjectId, subjectIds));
}

export async function insertIssues(db: Db, rows: (typeof qualityIssues.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(qualityIssues).values(rows).onConflictDoNothing();
}

export async function addOccurrences(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.update(qualityIssues).set({ occurrences: sql`${qualityIssues.occurrences} + 1` }).where(inArray(qualityIssues.id, ids));
}

export async function listIssues(db: Db, status: 'open' | 'resolved' | null, limit: number) {
  return db.select().from(qualityIssues).where(status ? eq(qualityIssues.status, status) : undefined).orderBy(desc(qualityIssues.createdAt)).limit(limit);
}

export async function findIssue(db: Db, id: string): Promise<IssueRow | null> {
  const rows = await db.select().from(qualityIssues).where(eq(qualityIssues.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function resolveIssue(db: Db, id: string, decision: NonNullable<IssueRow['decision']>, note: string | null, decidedBy: string): Promise<IssueRow> {
  const [row] = await db
    .update(qualityIssues)
    .set({ status: 'resolved', decision, decisionNote: note, decidedBy, decidedAt: new Date().toISOString() })
    .where(and(eq(qualityIssues.id, id), eq(qualityIssues.status, 'open')))
    .returning();
  return row;
}

export async function countIssues(db: Db): Promise<{ open: number; total: number; wrongCodes: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${qualityIssues.status} = 'open')::int`,
      total: sql<number>`count(*)::int`,
      wrongCodes: sql<number>`count(*) filter (where ${qualityIssues.decision} = 'wrong_code')::int`,
    })
    .from(qualityIssues);
  return { open: Number(row.open), total: Number(row.total), wrongCodes: Number(row.wrongCodes) };
}
