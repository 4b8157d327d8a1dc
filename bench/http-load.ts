/**
 * HTTP load benchmark: latency and throughput of the public search, the public subject page (and, on demo
 * data, the credit check) under concurrent load from a load generator (autocannon, in this process) against
 * the real server running as a separate process, beside baseline routes measured in the same run.
 *
 *   tsx bench/http-load.ts [--db postgres|pglite]                       demo data (2,000 subjects)
 *   tsx bench/http-load.ts --subjects 1000000 [--records 10000000] [--db postgres|pglite] [--keep]
 *   tsx bench/http-load.ts --database xinyong_portal_1m                 reuse a dataset (bench/portal-data.ts)
 *   tsx bench/http-load.ts --db pglite --data-dir bench/out/portal-100000
 *
 * Options: --duration 10 (s per scenario), --warmup 2 (s per scenario, not measured), --connections 20
 * (or a list: 1,5,20 — every scenario at each level), --scenarios healthz,search2,page (a subset; names in
 * the table's first column), --inputs 200 (distinct subjects / queries per scenario), --server main|bench,
 * --server-dir DIR (run the server from another copy of the code), --seed 1.
 * Comparing two versions of the code in one run: --compare DIR starts a second server from DIR (e.g. a copy
 * of the code before a change) on --compare-database NAME / --compare-data-dir DIR (a copy of the dataset
 * with that version's schema; default the same PostgreSQL database), and every scenario runs on both in
 * turn, so both see the same contention; the table adds p95 ÷ the compared server's p95.
 *
 * 1. Database. Demo mode: a fresh PostgreSQL database xinyong_http_<ts> (or PGlite in a temporary
 *    DATA_DIR) that the server fills with the demo data at start (DEMO_DATA=1). Dataset mode: a database made
 *    by bench/portal-data.ts — generated now with --subjects (dropped at the end unless --keep) or reused
 *    with --database / --data-dir (never dropped).
 * 2. Server: `node --import tsx src/main.ts` in demo mode; in dataset mode `bench/serve.ts` — the same
 *    server without the background jobs (see there; `--server main` to include them). Its own process
 *    group, a free loopback port, LOG_LEVEL=warn.
 * 3. Inputs. Dataset mode, read from the database before the server starts: --inputs public subjects
 *    drawn uniformly (seeded), their ids (subject page, basic information) and USCCs, and 2/3/4/8-character
 *    pieces of other random public subjects' names at random positions (so frequent pieces such as 有限,
 *    公司 or 南宁 come up as often as in the names). Demo mode: from the public search, as before.
 * 4. Each scenario runs --duration seconds with N connections after a warm-up. Public routes are limited
 *    to 120 requests/min per client IP; the server trusts X-Forwarded-For, so every request carries a
 *    different simulated client address (a header only). Latency percentiles are exact, from every
 *    response time (autocannon's `response` event). CPU seconds used during each scenario are read from
 *    /proc: the server process, this database's PostgreSQL backends, this process (the load generator),
 *    and the whole machine — "other" is what the rest of the machine used meanwhile (contention).
 * 5. Prints a table per connection level and one JSON line; stops the server (process group), drops a
 *    database it created unless --keep. Figures only: nothing fails on speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error -- autocannon ships no type declarations and @types/autocannon is not installed
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createSeededRandom } from '../src/modules/identifiers';
import { parseArgs } from './generate';
import { adminQuery, createPortalDatabase, databaseUrl, targetEnv, type BenchTarget, type PortalDataSummary } from './portal-data';

const args = parseArgs(process.argv.slice(2));
const dbKind = String(args.db ?? 'postgres');
const duration = Number(args.duration ?? 10);
const warmup = Number(args.warmup ?? 2);
const connectionLevels = String(args.connections ?? 20).split(',').map(Number);
const only = typeof args.scenarios === 'string' ? new Set(args.scenarios.split(',')) : null;
const inputCount = Number(args.inputs ?? 200);
const seed = Number(args.seed ?? 1);
if (dbKind !== 'postgres' && dbKind !== 'pglite') throw new Error('--db must be postgres or pglite');
if (connectionLevels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--connections must be positive integers');
const datasetMode = args.subjects !== undefined || typeof args.database === 'string' || typeof args['data-dir'] === 'string';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

let ipCounter = 0;
function nextIp(): string {
  const n = ipCounter++ % 65_000;
  return `10.${1 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

// ---------------------------------------------------------------------------------------------------
// CPU accounting from /proc

const CLOCK_TICKS = 100;

function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0; // the process has ended
  }
}

/** Busy CPU seconds of the whole machine (all cores) since boot. */
function machineBusySeconds(): number {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

interface CpuSnapshot {
  server: number;
  database: Map<number, number>;
  loadgen: number;
  machine: number;
}

// ---------------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  name: string;
  key: string;
  method: 'GET' | 'POST';
  paths: string[];
  bodies?: string[];
  headers?: Record<string, string>;
}

interface Result {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  status429: number;
  errors: number;
  timeouts: number;
  /** CPU used during the measured seconds, in cores (1.0 = one core busy throughout) */
  cpu: { server: number; database: number | null; loadgen: number; other: number };
}

function runAutocannon(base: string, s: Scenario, connections: number, seconds: number, onResponse?: (statusCode: number, ms: number) => void): Promise<{ requests: { total: number }; non2xx: number; errors: number; timeouts: number }> {
  let i = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    method: s.method,
    headers: { ...(s.headers ?? {}), ...(s.bodies ? { 'content-type': 'application/json' } : {}) },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const k = i++;
          const out: Record<string, unknown> = {
            ...req,
            method: s.method,
            path: s.paths[k % s.paths.length],
            headers: { ...(req.headers as Record<string, string>), 'x-forwarded-for': nextIp() },
          };
          if (s.bodies) out.body = s.bodies[k % s.bodies.length];
          return out;
        },
      },
    ],
  });
  if (onResponse) instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => onResponse(statusCode, responseTime));
  return instance;
}

async function runScenario(base: string, s: Scenario, connections: number, snapshot: () => Promise<CpuSnapshot>): Promise<Result> {
  if (warmup > 0) await runAutocannon(base, s, connections, warmup);
  const times: number[] = [];
  let status429 = 0;
  const before = await snapshot();
  const started = performance.now();
  const r = await runAutocannon(base, s, connections, duration, (statusCode, ms) => {
    times.push(ms);
    if (statusCode === 429) status429++;
  });
  const seconds = (performance.now() - started) / 1000;
  const after = await snapshot();
  times.sort((a, b) => a - b);
  const server = (after.server - before.server) / seconds;
  let database: number | null = null;
  if (after.database.size > 0 || before.database.size > 0) {
    let used = 0;
    for (const [pid, cpu] of after.database) used += cpu - (before.database.get(pid) ?? 0);
    database = used / seconds;
  }
  const loadgen = (after.loadgen - before.loadgen) / seconds;
  const machine = (after.machine - before.machine) / seconds;
  return {
    name: s.name,
    connections,
    requests: r.requests.total,
    rps: r.requests.total / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? NaN,
    non2xx: r.non2xx,
    status429,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu: { server, database, loadgen, other: Math.max(0, machine - server - (database ?? 0) - loadgen) },
  };
}

function pieces(names: string[], length: number, count: number, random: () => number): string[] {
  const out: string[] = [];
  for (let k = 0; out.length < count && k < count * 20; k++) {
    const chars = Array.from(names[Math.floor(random() * names.length)]);
    if (chars.length < length) continue;
    const start = Math.floor(random() * (chars.length - length + 1));
    out.push(chars.slice(start, start + length).join(''));
  }
  return out;
}

const searchPaths = (queries: string[]) => queries.map((q) => `/api/v1/public/subjects?q=${encodeURIComponent(q)}`);

function searchScenarios(queries: Record<number, string[]>): Scenario[] {
  return [2, 3, 4, 8].map((length) => ({ name: `search, ${length} chars`, key: `search${length}`, method: 'GET' as const, paths: searchPaths(queries[length]) }));
}

// ---------------------------------------------------------------------------------------------------
// Inputs

interface DatasetInputs {
  subjects: { id: string; name: string; uscc: string | null; records: number }[];
  names: string[];
}

/** Seeded samples of public subjects, read straight from the database before the server opens it. */
async function datasetInputs(target: BenchTarget): Promise<DatasetInputs> {
  const sampleSql = (limit: number, salt: string) =>
    `select s.id::text as id, s.name, s.uscc, (select count(*)::int from records r where r.subject_id = s.id) as records
       from subjects s where s.kind <> 'natural_person' order by md5(s.id::text || '${salt}') limit ${limit}`;
  const subjectsSql = sampleSql(inputCount, `subjects-${seed}`);
  const namesSql = `select name from (${sampleSql(Math.max(1000, inputCount * 4), `names-${seed}`)}) as sample`;
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl(target.name) });
    await client.connect();
    try {
      const subjects = (await client.query(subjectsSql)).rows;
      const names = (await client.query(namesSql)).rows.map((row: { name: string }) => row.name);
      return { subjects, names };
    } finally {
      await client.end();
    }
  }
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pglite = await PGlite.create(path.join(target.dataDir, 'pgdata'), { extensions: { pg_trgm } });
  try {
    const subjects = (await pglite.query<DatasetInputs['subjects'][number]>(subjectsSql)).rows;
    const names = (await pglite.query<{ name: string }>(namesSql)).rows.map((row) => row.name);
    return { subjects, names };
  } finally {
    await pglite.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Servers

interface Server {
  /** `main`, or `compare` for the --compare copy of the code */
  label: string;
  dir: string;
  target: BenchTarget;
  base: string;
  child: ChildProcess;
  snapshot(): Promise<CpuSnapshot>;
  stop(): Promise<void>;
}

async function startServer(label: string, dir: string, entry: string, target: BenchTarget, env: NodeJS.ProcessEnv, log: (message: string) => void): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: dir, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    await monitor?.end().catch(() => undefined);
    if (!child.pid || child.exitCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    for (let k = 0; k < 50 && child.exitCode === null; k++) await sleep(100);
    if (child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  };
  let monitor: pg.Client | null = null;
  try {
    let ready = false;
    while (Date.now() - started < 300_000) {
      if (child.exitCode !== null) throw new Error(`server (${label}) exited with code ${child.exitCode}`);
      try {
        const res = await fetch(`${base}/healthz`);
        if (res.ok) { ready = true; break; }
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    if (!ready) throw new Error(`server (${label}) not healthy within 300 s`);
    // CPU snapshots: the server, its database's backends (PostgreSQL), this process, the machine
    if (target.kind === 'postgres') {
      monitor = new pg.Client({ connectionString: databaseUrl(target.name) });
      await monitor.connect();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log(`server (${label}) ${path.join(dir, entry)} ready on ${base} (${target.kind === 'postgres' ? `PostgreSQL ${target.name}` : `PGlite ${target.dataDir}`}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const snapshot = async (): Promise<CpuSnapshot> => {
    const database = new Map<number, number>();
    if (monitor) {
      const { rows } = await monitor.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      for (const { pid } of rows) database.set(pid, processCpuSeconds(pid));
    }
    const usage = process.cpuUsage();
    return { server: processCpuSeconds(child.pid!), database, loadgen: (usage.user + usage.system) / 1e6, machine: machineBusySeconds() };
  };
  return { label, dir, target, base, child, snapshot, stop };
}

function describeTarget(target: BenchTarget): string {
  return target.kind === 'postgres' ? target.name : target.dataDir;
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const ts = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-http-'));
  const servers: Server[] = [];
  let dropDatabase: string | null = null;
  let removeDir: string | null = null;
  let generated: PortalDataSummary | null = null;
  let target: BenchTarget;
  const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

  const cleanup = async () => {
    for (const server of servers) await server.stop();
    if (dropDatabase) {
      try { await adminQuery(`drop database if exists ${dropDatabase} with (force)`); } catch (e) { console.error('drop database failed', e); }
    }
    if (removeDir) fs.rmSync(removeDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  const onSignal = () => { void cleanup().then(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // 1. database
    if (typeof args.database === 'string') target = { kind: 'postgres', name: args.database };
    else if (typeof args['data-dir'] === 'string') target = { kind: 'pglite', dataDir: path.resolve(args['data-dir']) };
    else if (dbKind === 'postgres') target = { kind: 'postgres', name: datasetMode ? `xinyong_portal_${ts}` : `xinyong_http_${ts}` };
    else target = { kind: 'pglite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-http-data-')) };
    const fresh = typeof args.database !== 'string' && typeof args['data-dir'] !== 'string';
    if (fresh && !args.keep) {
      if (target.kind === 'postgres') dropDatabase = target.name;
      else removeDir = target.dataDir;
    }
    if (datasetMode && fresh) {
      const subjects = Number(args.subjects);
      const records = Number(args.records ?? subjects * 10);
      log(`generating ${subjects} subjects and ${records} records (bench/portal-data.ts)`);
      generated = await createPortalDatabase(target, { subjects, records, seed, log });
      log(`dataset ready in ${generated.seconds.total.toFixed(0)} s: ${JSON.stringify(generated)}`);
    } else if (!datasetMode && target.kind === 'postgres') {
      await adminQuery(`create database ${target.name}`);
    }
    const inputs = datasetMode ? await datasetInputs(target) : null;

    // 2. servers: this code, and optionally another copy of it (--compare) on its own database copy
    const entry = (args.server ?? (datasetMode ? 'bench' : 'main')) === 'main' ? 'src/main.ts' : 'bench/serve.ts';
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: datasetMode ? '0' : '1' };
    const mainDir = path.resolve(typeof args['server-dir'] === 'string' ? args['server-dir'] : '.');
    servers.push(await startServer('main', mainDir, entry, target, { ...env, ...targetEnv(target, scratch) }, log));
    if (typeof args.compare === 'string') {
      if (!datasetMode) throw new Error('--compare needs a dataset (--database / --data-dir)');
      const compareTarget: BenchTarget =
        typeof args['compare-database'] === 'string'
          ? { kind: 'postgres', name: args['compare-database'] }
          : typeof args['compare-data-dir'] === 'string'
            ? { kind: 'pglite', dataDir: path.resolve(args['compare-data-dir']) }
            : target;
      if (compareTarget.kind === 'pglite' && target.kind === 'pglite' && compareTarget.dataDir === target.dataDir) throw new Error('PGlite allows one process per data directory: give --compare-data-dir a copy');
      servers.push(await startServer('compare', path.resolve(args.compare), entry, compareTarget, { ...env, ...targetEnv(compareTarget, scratch) }, log));
    }
    const base = servers[0].base;

    // 3. inputs and scenarios
    const random = createSeededRandom(seed);
    const scenarios: Scenario[] = [{ name: 'GET /healthz (select 1)', key: 'healthz', method: 'GET', paths: ['/healthz'] }];
    let describeData: string;
    if (inputs) {
      const ids = inputs.subjects.map((s) => s.id);
      const usccs = inputs.subjects.filter((s) => s.uscc).map((s) => s.uscc as string);
      const queries: Record<number, string[]> = Object.fromEntries([2, 3, 4, 8].map((length) => [length, pieces(inputs.names, length, inputCount, random)]));
      const counts = inputs.subjects.map((s) => s.records).sort((a, b) => a - b);
      describeData = `dataset ${describeTarget(target)}; subject page sample: ${ids.length} subjects, records each median ${percentile(counts, 50)}, p95 ${percentile(counts, 95)}, max ${counts[counts.length - 1]}`;
      for (const [length, qs] of Object.entries(queries)) log(`${length}-char queries (${qs.length}): ${qs.slice(0, 8).join(' ')} …`);
      scenarios.push(
        { name: 'GET /identifiers/:uscc (no db)', key: 'identifiers', method: 'GET', paths: usccs.map((u) => `/api/v1/identifiers/${u}`) },
        { name: 'GET /public/subjects/:id (pk lookup)', key: 'basics', method: 'GET', paths: ids.map((id) => `/api/v1/public/subjects/${id}`) },
        { name: 'search by USCC (unique index)', key: 'searchUscc', method: 'GET', paths: searchPaths(usccs) },
        ...searchScenarios(queries),
        { name: 'subject page /records', key: 'page', method: 'GET', paths: ids.map((id) => `/api/v1/public/subjects/${id}/records`) },
      );
    } else {
      let ipFetch = 0;
      const get = async (p: string) => {
        const res = await fetch(base + p, { headers: { 'x-forwarded-for': `10.250.0.${ipFetch++ % 250}` } });
        if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
        return res.json() as Promise<{ items: { id: string; name: string; uscc: string | null }[] }>;
      };
      const { items } = await get(`/api/v1/public/subjects?q=${encodeURIComponent('示范市')}&pageSize=100`);
      if (items.length < 10) throw new Error(`only ${items.length} subjects found for 示范市`);
      const sample = items.slice(0, 30);
      const names = sample.map((x) => x.name);
      const usccs = items.filter((x) => x.uscc).slice(0, 30).map((x) => x.uscc as string);
      const queries: Record<number, string[]> = Object.fromEntries([2, 3, 4, 8].map((length) => [length, pieces(names, length, 30, random)]));
      describeData = 'demo data (2,000 subjects, ~3,700 records)';
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.251.0.1' },
        body: JSON.stringify({ username: 'scjg_op', password: 'Xinyong@2026' }),
      });
      if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
      const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('xy_session='));
      if (!setCookie) throw new Error('no xy_session cookie');
      const cookie = setCookie.split(';')[0];
      const checkBodies = usccs.map((uscc) => JSON.stringify({ subject: { uscc }, matterCode: 'administrative_licence', purpose: '压测' }));
      const probe = await fetch(`${base}/api/v1/checks`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: checkBodies[0] });
      if (probe.status !== 201) throw new Error(`check probe: ${probe.status} ${await probe.text()}`);
      scenarios.push(
        { name: 'GET /identifiers/:uscc (no db)', key: 'identifiers', method: 'GET', paths: usccs.map((u) => `/api/v1/identifiers/${u}`) },
        ...searchScenarios(queries),
        { name: 'subject page /records', key: 'page', method: 'GET', paths: sample.map((x) => `/api/v1/public/subjects/${x.id}/records`) },
        { name: 'POST /checks', key: 'checks', method: 'POST', paths: ['/api/v1/checks'], bodies: checkBodies, headers: { cookie } },
      );
    }
    const selected = scenarios.filter((s) => !only || only.has(s.key));

    // 4. run: each scenario on each server in turn, so that both see the same contention
    const results: (Result & { server: string })[] = [];
    const loadBefore = os.loadavg()[0];
    for (const connections of connectionLevels) {
      for (const s of selected) {
        for (const server of servers) {
          const r = { ...(await runScenario(server.base, s, connections, server.snapshot)), server: server.label };
          results.push(r);
          log(`${s.name} @${connections} (${server.label}): ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, non-2xx ${r.non2xx}`);
        }
      }
    }
    await sleep(1000); // let requests still in flight when the last scenario ended finish before shutdown

    // 5. report
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
    const c = (x: number | null) => (x === null ? '-' : x.toFixed(2));
    console.log(`\n${target.kind}, ${describeData}; ${duration} s per scenario after ${warmup} s warm-up; latency in ms; CPU in cores (machine: ${os.cpus().length} cores; 1-min load average ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end)`);
    for (const server of servers) console.log(`server ${server.label}: ${path.join(server.dir, entry)} on ${describeTarget(server.target)}`);
    const compared = servers.length > 1;
    for (const connections of connectionLevels) {
      console.log(`\n${connections} connections`);
      console.log(`| scenario |${compared ? ' server |' : ''} req/s | p50 | p95 | p99 | max | non-2xx (429) | p95 ÷ healthz p95 |${compared ? ' p95 ÷ compare p95 |' : ''} CPU server / db / loadgen / other |`);
      console.log(`|---|${compared ? '---|' : ''}---|---|---|---|---|---|---|${compared ? '---|' : ''}---|`);
      for (const r of results.filter((one) => one.connections === connections)) {
        const baseline = results.find((one) => one.connections === connections && one.server === r.server && one.name.startsWith('GET /healthz'));
        const other = results.find((one) => one.connections === connections && one.name === r.name && one.server === 'compare');
        const ratio = baseline ? (r.p95 / baseline.p95).toFixed(1) : '-';
        const vsCompare = compared ? ` ${other ? (r.p95 / other.p95).toFixed(2) : '-'} |` : '';
        console.log(`| ${r.name} |${compared ? ` ${r.server} |` : ''} ${r.rps.toFixed(0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${r.non2xx} (${r.status429}) | ${ratio} |${vsCompare} ${c(r.cpu.server)} / ${c(r.cpu.database)} / ${c(r.cpu.loadgen)} / ${c(r.cpu.other)} |`);
      }
    }
    console.log(JSON.stringify({ db: target.kind, servers: servers.map(({ label, dir, target: t }) => ({ label, dir, entry, target: t })), generated, connections: connectionLevels, duration, warmup, cpus: os.cpus().length, results }));
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
