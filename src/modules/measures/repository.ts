import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { measureListVersions, measures } from './tables';

export type MeasureVersionRow = typeof measureListVersions.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;
export type NewMeasureRow = typeof measures.$inferInsert;

export async function latestVersion(db: Db): Promise<MeasureVersionRow | null> {
  const rows = await db.select().from(measureListVersions).orderBy(desc(measureListVersions.number)).limit(1);
  return rows[0] ?? null;
}

export async function listVersions(db: Db): Promise<MeasureVersionRow[]> {
  return db.select().from(measureListVersions).orderBy(desc(measureListVersions.number));
}

export async function measuresOfVersion(db: Db, versionId: string): Promise<MeasureRow[]> {
  return db.select().from(measures).where(eq(measures.versionId, versionId)).orderBy(measures.kind, measures.code);
}

export async function insertVersion(db: Db, row: typeof measureListVersions.$inferInsert): Promise<MeasureVersionRow> {
  const [inserted] = await db.insert(measureListVersions).values(row).returning();
  return inserted;
}

export async function insertMeasures(db: Db, rows: NewMeasureRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(measures).values(rows);
}

/** Serialises changes to the measure list (one new version at a time). */
export async function lockMeasureList(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7304555)`);
}
