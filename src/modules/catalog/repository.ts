import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { catalogItems, catalogVersions } from './tables';

export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
export type CatalogItemRow = typeof catalogItems.$inferSelect;
export type NewCatalogItemRow = typeof catalogItems.$inferInsert;

export async function latestVersion(db: Db): Promise<CatalogVersionRow | null> {
  const rows = await db.select().from(catalogVersions).orderBy(desc(catalogVersions.number)).limit(1);
  return rows[0] ?? null;
}

export async function listVersions(db: Db) {
  return db
    .select({
      id: catalogVersions.id,
      number: catalogVersions.number,
      note: catalogVersions.note,
      createdBy: catalogVersions.createdBy,
      createdAt: catalogVersions.createdAt,
      itemCount: sql<number>`(select count(*)::int from catalog_items i where i.version_id = "catalog_versions"."id")`,
    })
    .from(catalogVersions)
    .orderBy(desc(catalogVersions.number));
}

export async function itemsOfVersion(db: Db, versionId: string): Promise<CatalogItemRow[]> {
  return db.select().from(catalogItems).where(eq(catalogItems.versionId, versionId)).orderBy(catalogItems.categoryCode, catalogItems.code);
}

export async function itemOfVersion(db: Db, versionId: string, code: string): Promise<CatalogItemRow | null> {
  const rows = await db.select().from(catalogItems).where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.code, code))).limit(1);
  return rows[0] ?? null;
}

export async function itemById(db: Db, id: string): Promise<CatalogItemRow | null> {
  const rows = await db.select().from(catalogItems).where(eq(catalogItems.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertVersion(db: Db, row: typeof catalogVersions.$inferInsert): Promise<CatalogVersionRow> {
  const [inserted] = await db.insert(catalogVersions).values(row).returning();
  return inserted;
}

export async function insertItems(db: Db, rows: NewCatalogItemRow[]): Promise<void> {
  if (rows.length) await db.insert(catalogItems).values(rows);
}

export async function lockCatalog(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7304222)`);
}
