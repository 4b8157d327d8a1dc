import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { departments, regions } from './tables';

export type DepartmentRow = typeof departments.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;

export async function listDepartments(db: Db) {
  return db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      regionCode: departments.regionCode,
      regionName: regions.name,
      kind: departments.kind,
      uscc: departments.uscc,
      userCount: sql<number>`(select count(*)::int from users u where u.department_id = "departments"."id")`,
    })
    .from(departments)
    .innerJoin(regions, eq(regions.code, departments.regionCode))
    .orderBy(asc(departments.kind), asc(departments.code));
}

export async function findDepartmentById(db: Db, id: string): Promise<DepartmentRow | null> {
  const rows = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findDepartmentByCode(db: Db, code: string): Promise<DepartmentRow | null> {
  const rows = await db.select().from(departments).where(eq(departments.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function insertDepartment(db: Db, row: typeof departments.$inferInsert): Promise<DepartmentRow> {
  const [inserted] = await db.insert(departments).values(row).returning();
  return inserted;
}

export async function countDepartments(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(departments);
  return Number(row.n);
}

export async function listRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function findRegion(db: Db, code: string): Promise<RegionRow | null> {
  const rows = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function upsertRegions(db: Db, rows: RegionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(regions).values(rows).onConflictDoNothing();
}
