/**
 * Public subject search benchmark: latency of searchPublicSubjects by query length, against a bare
 * indexed USCC look-up in the same run and database.
 *
 *   tsx bench/search.ts --subjects 100000 [--db pglite|postgres] [--queries 200] [--seed 1] [--keep]
 *
 * 1. Opens a fresh database: PGlite in a temporary directory, or a new PostgreSQL database
 *    xinyong_bench_search_<ts> on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 *    migrated like the server.
 * 2. Generates subjects with realistic names (bench/subject-names.ts: region, trade name, industry,
 *    organisational form; shops of individual businesses; ~8 % natural persons, which public search must
 *    skip) and writes them with multi-row inserts into the real `subjects` table through Drizzle. The name
 *    indexes the migrations made (subjects_name_*) are dropped during the load and rebuilt after it
 *    (timed), then ANALYZE.
 * 3. Samples queries from the generated names: a random 2-, 3-, 4- and 8-character piece of a random
 *    public subject's name (so frequent pieces such as 有限 or 公司 come up as often as they do in names),
 *    runs each through searchPublicSubjects (first page of 20, with the total), and as the baseline the
 *    bare `where uscc = $1 limit 1` look-up of random existing codes. Prints p50/p95/p99 and the ratio of
 *    each search p95 to the baseline p95, then one JSON line. Figures only: nothing fails on speed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection';
import { runMigrations } from '../src/db/migrate';
import { queryRows } from '../src/db/sql';
import { createSeededRandom } from '../src/modules/identifiers';
import { searchPublicSubjects } from '../src/modules/subjects';
import { subjects } from '../src/modules/subjects/tables';
import { parseArgs } from './generate';
import { secondaryIndexes } from './portal-data';
import { benchSubject, pick, type Random } from './subject-names';

type NewSubject = typeof subjects.$inferInsert;

interface Generated {
  row: NewSubject;
  public: boolean;
}

/** A generated subject as a `subjects` row (natural persons get a random stand-in for the keyed hash). */
function subjectAt(random: Random): Generated {
  const subject = benchSubject(random);
  const base = { id: randomUUID(), kind: subject.kind, name: subject.name, regionCode: subject.regionCode, status: subject.status };
  if (subject.kind !== 'natural_person') return { row: { ...base, uscc: subject.uscc }, public: true };
  const hash = Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  return { row: { ...base, citizenIdHash: hash, citizenIdMasked: `${subject.regionCode}********000X` }, public: false };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Stats {
  label: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanHits: number;
  slowest: string[];
}

async function measure(label: string, inputs: string[], run: (input: string) => Promise<number>): Promise<Stats> {
  for (const input of inputs.slice(0, Math.min(10, inputs.length))) await run(input); // warm-up
  const timed: [number, string][] = [];
  let hits = 0;
  for (const input of inputs) {
    const started = performance.now();
    hits += await run(input);
    timed.push([performance.now() - started, input]);
  }
  timed.sort((a, b) => a[0] - b[0]);
  const times = timed.map(([ms]) => ms);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { label, n: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1]), meanHits: Math.round(hits / inputs.length), slowest: timed.slice(-3).reverse().map(([ms, input]) => `${input} ${Math.round(ms)}ms`) };
}

async function openFresh(kind: 'pglite' | 'postgres'): Promise<{ database: Database; describe: string; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-bench-search-'));
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    return { database, describe: database.describe, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `xinyong_bench_search_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 4 });
  return { database, describe: database.describe, cleanup: () => admin(`drop database if exists ${name} with (force)`) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.subjects ?? 100_000);
  const kind = args.db === 'postgres' ? 'postgres' : 'pglite';
  const queriesPerLength = Number(args.queries ?? 200);
  const seed = Number(args.seed ?? 1);
  if (!Number.isInteger(count) || count <= 0) throw new Error('--subjects must be a positive integer');
  const random = createSeededRandom(seed);

  const { database, describe, cleanup } = await openFresh(kind);
  const { db } = database;
  const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
  try {
    log(`数据库：${describe}`);
    await runMigrations(database);
    // the name indexes (whatever the migrations created: trigram, bigram, prefix) are rebuilt after the load
    const nameIndexes = (await secondaryIndexes(db, ['subjects'])).filter((index) => index.name.startsWith('subjects_name_'));
    for (const index of nameIndexes) await db.execute(sql.raw(`drop index ${index.name}`));

    // 1. load
    const publicNames: string[] = [];
    const usccs: string[] = [];
    const chunk = kind === 'pglite' ? 1000 : 2000;
    let started = performance.now();
    for (let done = 0; done < count; ) {
      const rows: NewSubject[] = [];
      for (; rows.length < chunk && done < count; done++) {
        const generated = subjectAt(random);
        rows.push(generated.row);
        if (generated.public) publicNames.push(generated.row.name);
        if (generated.row.uscc && random() < 0.01) usccs.push(generated.row.uscc);
      }
      await db.insert(subjects).values(rows).onConflictDoNothing();
      if (done % 100_000 < chunk) log(`已写入 ${done} 个主体`);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    for (const index of nameIndexes) await db.execute(sql.raw(index.definition));
    await db.execute(sql`analyze subjects`);
    const indexSeconds = (performance.now() - started) / 1000;
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from subjects`);
    log(`写入 ${n} 个主体 ${loadSeconds.toFixed(1)} s，建名称索引 ${indexSeconds.toFixed(1)} s`);

    // 2. queries sampled from the names
    const sampleQueries = (length: number): string[] => {
      const out: string[] = [];
      while (out.length < queriesPerLength) {
        const chars = [...pick(random, publicNames)];
        if (chars.length < length) continue;
        const start = Math.floor(random() * (chars.length - length + 1));
        out.push(chars.slice(start, start + length).join(''));
      }
      return out;
    };
    const results: Stats[] = [];
    const baseline = await measure('uscc 索引查找（基线）', usccs.slice(0, Math.max(queriesPerLength, 200)), async (uscc) => {
      const rows = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.uscc, uscc)).limit(1);
      return rows.length;
    });
    results.push(baseline);
    results.push(await measure('公开查询：统一社会信用代码', usccs.slice(0, queriesPerLength), async (q) => (await searchPublicSubjects(db, { q })).total));
    for (const length of [2, 3, 4, 8]) {
      const queries = sampleQueries(length);
      results.push(await measure(`公开查询：名称 ${length} 字`, queries, async (q) => (await searchPublicSubjects(db, { q })).total));
    }

    // 3. report
    console.log(`\n${kind}，${n} 个主体，每类 ${queriesPerLength} 次查询（第一页 20 条并计总数）`);
    console.log(['查询', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '平均命中', 'p95 ÷ 基线 p95'].join('\t'));
    for (const stats of results) {
      const ratio = stats === baseline ? 1 : stats.p95 / baseline.p95;
      console.log([stats.label, stats.n, stats.p50, stats.p95, stats.p99, stats.max, stats.meanHits, ratio.toFixed(1)].join('\t'));
    }
    console.log('\n最慢的查询：');
    for (const stats of results.slice(2)) {
      console.log(`${stats.label}: ${stats.slowest.join('，')}`);
    }
    console.log(JSON.stringify({ bench: 'search', db: kind, subjects: n, loadSeconds, indexSeconds, results }));
  } finally {
    await database.close();
    if (!args.keep) await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
