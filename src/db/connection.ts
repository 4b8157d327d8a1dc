import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import type { Db, DatabaseKind } from './types';
import { acquireDataDirLock, type DataDirLock } from './lock';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** a description safe to log (no password) */
  describe: string;
  /** PGlite instance when embedded (bulk loads use it directly) */
  pglite?: PGlite;
  /** node-postgres pool when on a server */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  /** data directory for the embedded database; null = in memory (tests) */
  dataDir: string | null;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let lock: DataDirLock | null = null;
  let pgdata: string | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    pgdata = path.join(dataDir, 'pgdata');
  }
  try {
    const client = await PGlite.create(pgdata, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      describe: pgdata ? `PGlite（${pgdata}）` : 'PGlite（内存）',
      pglite: client,
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => process.stderr.write(`PostgreSQL 空闲连接已断开：${error.message}\n`));
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL（${redactUrl(url)}）`,
    pool,
    async close() {
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
