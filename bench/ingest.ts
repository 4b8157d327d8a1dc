/**
 * Ingest benchmark: the real import path against a raw COPY of the same valid rows, same database, same run.
 *
 *   npm run bench:ingest -- --rows 1000000 [--db pglite|postgres] [--keep] [--seed 1] [--invalid 0.05] [--split] [--worker on|off]
 *
 * 1. Generates (or reuses, when bench/out already holds the same rows/seed/invalid rate) a penalty CSV
 *    and its `.valid.csv` (bench/generate.ts, in a child process so it does not weigh on this RSS).
 * 2. Opens a fresh database: PGlite in a temporary DATA_DIR, or a new PostgreSQL database
 *    xinyong_bench_<ts> on 127.0.0.1 (user postgres) with --db postgres; migrates it like the server.
 * 3. Baseline first: raw COPY of the valid rows into a plain text table, timed.
 * 4. The real path, timed, as `npx xinyong import <file> --item penalty --department BENCH` does it:
 *    submitBatch(…, { itemCode: 'penalty', mode: 'lenient', source: 'cli', content: { kind: 'path' } })
 *    then processBatch. RSS is sampled every 200 ms for the peak; CPU is read for this process and (on
 *    PostgreSQL, from /proc) for the server processes of the bench database.
 *    Files imported on the command line may be of any size, so the file is one batch. --split cuts it at
 *    row boundaries into parts under the 256 MiB upload limit (openTable's DEFAULT_MAX_BYTES), submitted
 *    as consecutive batches, as an upload would have to be. --worker on|off forces the choice of reading
 *    and checking rows on a worker thread (default: processBatch decides).
 * 5. Prints the figures, checks accepted == valid rows and rejected == invalid rows (MISMATCH otherwise),
 *    and a final JSON line. Figures only: no thresholds, nothing fails on speed.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openContext } from '../src/app';
import { loadConfig } from '../src/config';
import { queryRows } from '../src/db/sql';
import { createDepartment, registerRegions } from '../src/modules/departments';
import { DEMO_REGIONS } from '../src/modules/demo';
import { processBatch, submitBatch } from '../src/modules/ingest';
import { DEFAULT_MAX_BYTES } from '../src/modules/ingest/parse';
import { SYSTEM_ACTOR, type Actor } from '../src/shared/actor';
import { HEADERS, parseArgs, validPathOf, type GenerateResult } from './generate';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'out');
const PG_HOST = process.env.BENCH_PGHOST ?? '127.0.0.1';
const PG_USER = process.env.BENCH_PGUSER ?? 'postgres';
const PG_PORT = process.env.BENCH_PGPORT ?? '5432';

const args = parseArgs(process.argv.slice(2));
const rows = Number(args.rows ?? 100_000);
const dbKind = (args.db ?? 'pglite') as 'pglite' | 'postgres';
const keep = args.keep === true;
const seed = Number(args.seed ?? 1);
const invalidRate = Number(args.invalid ?? 0.05);
const split = args.split === true;
const worker = args.worker === 'on' ? true : args.worker === 'off' ? false : undefined;
if (args.worker !== undefined && worker === undefined) throw new Error('--worker must be on or off');
if (!Number.isInteger(rows) || rows <= 0) throw new Error('--rows must be a positive integer');
if (dbKind !== 'pglite' && dbKind !== 'postgres') throw new Error('--db must be pglite or postgres');

const log = (line: string) => process.stderr.write(`${line}\n`);
const mib = (bytes: number) => bytes / 1048576;

async function generateFiles(): Promise<GenerateResult> {
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `penalty-${rows}-s${seed}-i${invalidRate}.csv`);
  const metaPath = `${out}.meta.json`;
  if (fs.existsSync(metaPath) && fs.existsSync(out) && fs.existsSync(validPathOf(out))) {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as GenerateResult;
    if (meta.bytes === fs.statSync(out).size) {
      log(`reusing ${out} (${meta.rows} rows, ${mib(meta.bytes).toFixed(0)} MiB)`);
      return meta;
    }
  }
  log(`generating ${rows} rows → ${out}`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'generate.ts'), '--rows', String(rows), '--out', out, '--seed', String(seed), '--invalid', String(invalidRate)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`generate.ts exited with ${code}`);
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as GenerateResult;
  fs.writeFileSync(metaPath, JSON.stringify(result));
  return result;
}

/** Splits a CSV (no line breaks inside cells, as generate.ts writes) into parts under `limit` bytes, each with the header. */
async function splitCsv(file: string, limit: number): Promise<string[]> {
  const stat = fs.statSync(file);
  if (stat.size <= limit) return [file];
  const margin = 1024 * 1024;
  const lines = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  const parts: string[] = [];
  let header: string | null = null;
  let current: fs.WriteStream | null = null;
  let size = 0;
  const open = () => {
    const name = `${file}.part${String(parts.length + 1).padStart(3, '0')}.csv`;
    parts.push(name);
    current = fs.createWriteStream(name, { highWaterMark: 1 << 20 });
    size = 0;
  };
  const close = async () => {
    if (!current) return;
    current.end();
    await once(current, 'finish');
    current = null;
  };
  for await (const line of lines) {
    const text = `${line}\r\n`;
    if (header === null) {
      header = text;
      continue;
    }
    const bytes = Buffer.byteLength(text);
    if (!current || size + bytes > limit - margin) {
      await close();
      open();
      const w = current as unknown as fs.WriteStream;
      if (!w.write(header)) await once(w, 'drain');
      size += Buffer.byteLength(header);
    }
    const w = current as unknown as fs.WriteStream;
    if (!w.write(text)) await once(w, 'drain');
    size += bytes;
  }
  await close();
  return parts;
}

interface Opened {
  ctx: Awaited<ReturnType<typeof openContext>>;
  describe: string;
  cleanup: () => Promise<void>;
  databaseName: string | null;
  dataDir: string;
}

async function openFresh(): Promise<Opened> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-bench-'));
  if (dbKind === 'pglite') {
    const ctx = await openContext({ ...loadConfig(), databaseUrl: null, dataDir, demoData: false }).catch((error: unknown) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    return {
      ctx,
      describe: ctx.database.describe,
      databaseName: null,
      dataDir,
      cleanup: async () => {
        if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
        else log(`kept PGlite data in ${dataDir}`);
      },
    };
  }
  const databaseName = `xinyong_bench_${Date.now()}`;
  await run('createdb', ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, databaseName]);
  const url = `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${databaseName}`;
  const ctx = await openContext({ ...loadConfig(), databaseUrl: url, dataDir, demoData: false }).catch(async (error: unknown) => {
    // a failed migration must not leave the database behind
    fs.rmSync(dataDir, { recursive: true, force: true });
    await run('dropdb', ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, '--if-exists', databaseName]).catch(() => undefined);
    throw error;
  });
  return {
    ctx,
    describe: ctx.database.describe,
    databaseName,
    dataDir,
    cleanup: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (!keep) await run('dropdb', ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, '--if-exists', databaseName]);
      else log(`kept PostgreSQL database ${databaseName}`);
    },
  };
}

const COPY_TABLE = 'bench_copy_baseline';

async function copyBaseline(opened: Opened, validFile: string): Promise<{ seconds: number; rows: number; note: string | null; databaseCpuSeconds: number | null }> {
  const { ctx } = opened;
  const columns = HEADERS.map((_, i) => `c${String(i + 1).padStart(2, '0')} text`).join(', ');
  await ctx.db.execute(sql.raw(`drop table if exists ${COPY_TABLE}`));
  await ctx.db.execute(sql.raw(`create table ${COPY_TABLE} (${columns})`));
  let seconds: number;
  let note: string | null = null;
  let databaseCpuSeconds: number | null = null;
  if (ctx.database.pglite) {
    // PGlite reads COPY input from an in-memory blob: the file is loaded first (not timed).
    const buffer = fs.readFileSync(validFile);
    note = `PGlite COPY from an in-memory blob of ${mib(buffer.length).toFixed(0)} MiB (file read not timed)`;
    const started = performance.now();
    await ctx.database.pglite.query(`COPY ${COPY_TABLE} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([buffer]) });
    seconds = (performance.now() - started) / 1000;
  } else {
    // pg-copy-streams is not a dependency: psql's client-side \copy streams the file over the same protocol.
    note = 'psql \\copy subprocess (pg-copy-streams not installed); includes psql start-up';
    const started = performance.now();
    const copying = run('psql', ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, '-d', opened.databaseName!, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${COPY_TABLE} from '${validFile}' with (format csv, header true)`]);
    const serverCpu = watchCopyServerCpu(ctx.db, copying);
    await copying;
    seconds = (performance.now() - started) / 1000;
    databaseCpuSeconds = await serverCpu;
  }
  const [{ n }] = await queryRows<{ n: number }>(ctx.db, sql.raw(`select count(*)::int as n from ${COPY_TABLE}`));
  return { seconds, rows: n, note, databaseCpuSeconds };
}

/** The CPU seconds of the server process serving psql's COPY, sampled from /proc until it ends (null if not seen). */
async function watchCopyServerCpu(db: Opened['ctx']['db'], copying: Promise<unknown>): Promise<number | null> {
  let done = false;
  copying.then(
    () => (done = true),
    () => (done = true),
  );
  let pid: number | null = null;
  let last: number | null = null;
  while (!done) {
    if (pid === null) {
      const rows = await queryRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database() and application_name = 'psql'`);
      pid = rows[0]?.pid ?? null;
    }
    if (pid !== null) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        last = (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // the process ended between two samples
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return last;
}

/**
 * CPU seconds used so far by each server process connected to this database (PostgreSQL on this machine,
 * read from /proc), or null (PGlite: the database runs in this process; or /proc not readable).
 */
async function databaseCpu(db: Opened['ctx']['db']): Promise<Map<number, number> | null> {
  if (dbKind !== 'postgres') return null;
  const rows = await queryRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`);
  const ticks = 100; // USER_HZ on Linux
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      result.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      return null;
    }
  }
  return result;
}

function startRssSampler() {
  let peak = process.memoryUsage().rss;
  const start = peak;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, 200);
  return {
    start,
    stop() {
      clearInterval(timer);
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
      return peak;
    },
  };
}

async function main(): Promise<void> {
  const generated = await generateFiles();
  const limit = DEFAULT_MAX_BYTES;
  let parts = [generated.out];
  if (split && generated.bytes > limit) {
    const started = performance.now();
    parts = await splitCsv(generated.out, limit);
    log(`file is ${mib(generated.bytes).toFixed(0)} MiB, over the ingest's ${mib(limit)} MiB limit: split into ${parts.length} parts in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
  }

  const opened = await openFresh();
  const { ctx } = opened;
  log(`database: ${opened.describe}`);
  try {
    await registerRegions(ctx.db, SYSTEM_ACTOR, DEMO_REGIONS);
    const department = await createDepartment(ctx.db, SYSTEM_ACTOR, { code: 'BENCH', name: '示范市市场监督管理局（基准测试）', regionCode: '459900' });
    const actor: Actor = { ...SYSTEM_ACTOR, departmentId: department.id, departmentCode: department.code, regionCode: department.regionCode, label: '命令行导入（基准测试）' };

    log('baseline: raw COPY of the valid rows …');
    const copy = await copyBaseline(opened, generated.validOut);
    log(`baseline: ${copy.rows} rows in ${copy.seconds.toFixed(2)} s`);
    await ctx.db.execute(sql.raw(`drop table ${COPY_TABLE}`));

    log(`ingest: ${parts.length} batch(es) through submitBatch + processBatch …`);
    global.gc?.();
    const loadBefore = os.loadavg()[0];
    const rss = startRssSampler();
    const cpuBefore = process.cpuUsage();
    const dbCpuBefore = await databaseCpu(ctx.db);
    const started = performance.now();
    const totals = { total: 0, created: 0, corrected: 0, unchanged: 0, rejected: 0, late: 0 };
    const statuses: string[] = [];
    let lastLog = performance.now();
    let doneBefore = 0;
    for (const part of parts) {
      const { batch } = await submitBatch(ctx.db, actor, ctx.config, { itemCode: 'penalty', mode: 'lenient', source: 'cli', content: { kind: 'path', path: part } });
      const result = await processBatch(ctx.db, batch.id, {
        worker,
        onProgress: (processed, rejected) => {
          const now = performance.now();
          if (now - lastLog < 5000) return;
          lastLog = now;
          const done = doneBefore + processed;
          log(`  ${done} rows (${rejected} rejected in this batch), ${Math.round(done / ((now - started) / 1000))} rows/s, rss ${mib(process.memoryUsage().rss).toFixed(0)} MiB`);
        },
      });
      statuses.push(result.status + (result.errorMessage ? ` (${result.errorMessage})` : ''));
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
      doneBefore += result.total;
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const dbCpuAfter = await databaseCpu(ctx.db);
    const dbCpuSeconds = dbCpuAfter && dbCpuBefore ? [...dbCpuAfter].reduce((sum, [pid, seconds]) => sum + seconds - (dbCpuBefore.get(pid) ?? 0), 0) : null;
    const peakRss = rss.stop();
    const maxRssLifetime = process.resourceUsage().maxRSS * 1024;
    const [{ n: storedRecords }] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from records`);

    const accepted = totals.created + totals.corrected + totals.unchanged;
    const copyRowsPerSecond = copy.rows / copy.seconds;
    const ingestRowsPerSecond = generated.rows / ingestSeconds;
    const ingestValidRowsPerSecond = generated.validRows / ingestSeconds;
    const problems: string[] = [];
    if (copy.rows !== generated.validRows) problems.push(`COPY loaded ${copy.rows} rows, expected ${generated.validRows}`);
    if (accepted !== generated.validRows) problems.push(`accepted ${accepted} != valid rows ${generated.validRows}`);
    if (totals.rejected !== generated.invalidRows) problems.push(`rejected ${totals.rejected} != invalid rows ${generated.invalidRows}`);
    if (storedRecords !== accepted) problems.push(`records table holds ${storedRecords}, accepted ${accepted}`);
    if (statuses.some((s) => !s.startsWith('completed'))) problems.push(`batch status: ${statuses.join(', ')}`);

    const result = {
      db: dbKind,
      database: opened.describe,
      rows: generated.rows,
      validRows: generated.validRows,
      invalidRows: generated.invalidRows,
      invalidByKind: generated.invalidByKind,
      subjects: generated.subjects,
      fileMiB: Number(mib(generated.bytes).toFixed(1)),
      batches: parts.length,
      copy: { seconds: round(copy.seconds), rowsPerSecond: Math.round(copyRowsPerSecond), method: copy.note, databaseCpuSeconds: copy.databaseCpuSeconds === null ? null : round(copy.databaseCpuSeconds) },
      ingest: {
        seconds: round(ingestSeconds),
        rowsPerSecond: Math.round(ingestRowsPerSecond),
        validRowsPerSecond: Math.round(ingestValidRowsPerSecond),
        cpuSeconds: round((cpu.user + cpu.system) / 1e6),
        // PostgreSQL: CPU of this database's server processes during the ingest (/proc; null when unreadable)
        databaseCpuSeconds: dbCpuSeconds === null ? null : round(dbCpuSeconds),
        accepted,
        rejected: totals.rejected,
        created: totals.created,
        corrected: totals.corrected,
        unchanged: totals.unchanged,
        late: totals.late,
        status: statuses,
      },
      // same valid rows stored: COPY time / ingest time (= ingest valid rows/s ÷ COPY rows/s)
      ratio: round(copy.seconds / ingestSeconds, 3),
      // all input rows the ingest read and judged ÷ valid rows COPY loaded
      ratioAllRows: round(ingestRowsPerSecond / copyRowsPerSecond, 3),
      peakRssMiB: Math.round(mib(peakRss)),
      rssAtIngestStartMiB: Math.round(mib(rss.start)),
      maxRssProcessMiB: Math.round(mib(maxRssLifetime)),
      node: process.version,
      cpus: os.cpus().length,
      // other processes on the machine compete for the same cores: the 1-minute load average around the ingest
      loadAverage: { start: round(loadBefore), end: round(os.loadavg()[0]) },
      mismatch: problems,
    };

    const lines = [
      '',
      `ingest benchmark — ${dbKind} (${opened.describe}), node ${process.version}, ${os.cpus().length} CPUs`,
      `rows                 ${generated.rows} (${generated.validRows} valid, ${generated.invalidRows} invalid; ${generated.subjects} subjects; ${mib(generated.bytes).toFixed(0)} MiB${parts.length > 1 ? `, ${parts.length} batches` : ''})`,
      `raw COPY (baseline)  ${copy.rows} rows in ${copy.seconds.toFixed(2)} s = ${Math.round(copyRowsPerSecond)} rows/s${copy.databaseCpuSeconds === null ? '' : `, ${round(copy.databaseCpuSeconds)} s CPU in PostgreSQL`}  [${copy.note}]`,
      `real ingest          ${generated.rows} rows in ${ingestSeconds.toFixed(2)} s = ${Math.round(ingestRowsPerSecond)} rows/s (${Math.round(ingestValidRowsPerSecond)} valid rows/s), CPU ${result.ingest.cpuSeconds} s in this process${result.ingest.databaseCpuSeconds === null ? '' : `, ${result.ingest.databaseCpuSeconds} s in PostgreSQL`}`,
      `ratio ingest/COPY    ${result.ratio}× (same valid rows; ${result.ratioAllRows}× counting every input row)`,
      `load average         ${result.loadAverage.start} at the start of the ingest, ${result.loadAverage.end} at its end (${os.cpus().length} CPUs)`,
      `peak RSS             ${result.peakRssMiB} MiB during ingest (sampled every 200 ms; ${result.rssAtIngestStartMiB} MiB at start; process max ${result.maxRssProcessMiB} MiB)`,
      `accepted / rejected  ${accepted} / ${totals.rejected} (created ${totals.created}, corrected ${totals.corrected}, unchanged ${totals.unchanged}, late ${totals.late})`,
      problems.length ? `\n!!!!!!!! MISMATCH !!!!!!!!\n${problems.map((p) => `  ${p}`).join('\n')}\n!!!!!!!!!!!!!!!!!!!!!!!!!!` : 'check                accepted == valid rows, rejected == invalid rows: OK',
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (problems.length) process.exitCode = 2;
  } finally {
    await ctx.database.close();
    await opened.cleanup();
    if (parts.length > 1 && !keep) for (const part of parts) fs.rmSync(part, { force: true });
  }
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
