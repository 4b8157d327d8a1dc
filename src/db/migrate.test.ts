import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/database';
import { runMigrations } from './migrate';
import type { Database } from './connection';
import { queryRows } from './sql';

describe('migrations', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('create every table and the pg_trgm extension on this database', async () => {
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = tables.map((row) => row.table_name);
    expect(names).toEqual(expect.arrayContaining(['subjects', 'records', 'record_versions', 'catalog_items', 'audit_entries', 'users']));
    const ext = await queryRows(database.db, sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(ext).toHaveLength(1);
  });

  it('are idempotent: running them again changes nothing', async () => {
    await runMigrations(database);
    const applied = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(Number(applied[0].n)).toBeGreaterThanOrEqual(2);
  });

  it('serve trigram search for Chinese names', async () => {
    const result = await queryRows<{ ok: boolean }>(database.db, sql`select similarity('示范市青禾贸易有限公司', '青禾贸易') > 0 as ok`);
    expect(result[0].ok).toBe(true);
  });
});
