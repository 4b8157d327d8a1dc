/**
 * HTTP load benchmark: latency of the public search, the public subject page and the credit check under
 * concurrent load from a load generator (autocannon), beside baseline routes in the same run.
 *
 *   tsx bench/http-load.ts [--db postgres|pglite] [--duration 10] [--connections 20]
 *
 * 1. Creates a fresh PostgreSQL database xinyong_http_<ts> on 127.0.0.1:5432 (user postgres; skipped for
 *    --db pglite), starts the real server (`tsx src/main.ts`) as a child process on a free loopback port with
 *    a temporary DATA_DIR and DEMO_DATA=1 (2,000 demo subjects, a few thousand records), waits for /healthz.
 * 2. Gathers inputs with fetch: subject ids, names and USCCs from the public search, 2/3/4/8-character
 *    pieces of those names as queries, and a session cookie of the demo user scjg_op.
 * 3. Runs each scenario for --duration seconds with --connections connections. Public routes are rate
 *    limited per client IP (120/min); the server trusts X-Forwarded-For, so every request carries a
 *    different simulated client address (a header only — all traffic stays on 127.0.0.1).
 *    Latency percentiles are computed from every response time (autocannon's `response` event, ms with
 *    sub-millisecond precision), so p95 is exact rather than read off autocannon's p90/p97.5 buckets.
 * 4. Prints a table and one JSON line; stops the server (its whole process group) and drops the database,
 *    also on error. Figures only: nothing fails on speed.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error -- autocannon ships no type declarations and @types/autocannon is not installed
import autocannon from 'autocannon';

function parseArgs(argv: string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) args[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args[key] = argv[++i];
    else args[key] = true;
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const dbKind = String(args.db ?? 'postgres');
const duration = Number(args.duration ?? 10);
const connections = Number(args.connections ?? 20);
if (dbKind !== 'postgres' && dbKind !== 'pglite') throw new Error('--db must be postgres or pglite');

const PG = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];

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

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  paths: string[];
  bodies?: string[];
  headers?: Record<string, string>;
}

interface Result {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  acP90: number;
  acP97_5: number;
  acP99: number;
  non2xx: number;
  status429: number;
  errors: number;
  timeouts: number;
}

async function runScenario(base: string, s: Scenario): Promise<Result> {
  let i = 0;
  const times: number[] = [];
  let status429 = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration,
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
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (statusCode === 429) status429++;
  });
  const r = await instance;
  times.sort((a, b) => a - b);
  return {
    name: s.name,
    requests: r.requests.total,
    rps: r.requests.total / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p97_5: percentile(times, 97.5),
    p99: percentile(times, 99),
    acP90: r.latency.p90,
    acP97_5: r.latency.p97_5,
    acP99: r.latency.p99,
    non2xx: r.non2xx,
    status429,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

function pieces(names: string[], len: number, count: number): string[] {
  const out: string[] = [];
  let seed = 12345 + len;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; out.length < count && k < count * 20; k++) {
    const chars = Array.from(names[k % names.length]);
    if (chars.length < len) continue;
    // Seeded random start position, so queries are spread over the whole name, not only its prefix.
    const start = Math.floor(rand() * (chars.length - len + 1));
    out.push(chars.slice(start, start + len).join(''));
  }
  return out;
}

async function main(): Promise<void> {
  const ts = Date.now();
  const dbName = `xinyong_http_${ts}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-http-'));
  let child: ChildProcess | null = null;
  let createdDb = false;

  const cleanup = async () => {
    if (child?.pid && child.exitCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let k = 0; k < 50 && child.exitCode === null; k++) await sleep(100);
      if (child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (createdDb) {
      try { execFileSync('dropdb', [...PG, '--if-exists', '--force', dbName], { stdio: 'inherit' }); } catch (e) { console.error('dropdb failed', e); }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => { void cleanup().then(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: '1', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    if (dbKind === 'postgres') {
      execFileSync('createdb', [...PG, dbName], { stdio: 'inherit' });
      createdDb = true;
      env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${dbName}`;
    }
    const started = Date.now();
    child = spawn('node_modules/.bin/tsx', ['src/main.ts'], { env, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
    let ready = false;
    while (Date.now() - started < 180_000) {
      if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
      try {
        const res = await fetch(`${base}/healthz`);
        if (res.ok) { ready = true; break; }
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    if (!ready) throw new Error('server not healthy within 180 s');
    console.log(`server ready on ${base} (${dbKind}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Inputs.
    let ipFetch = 0;
    const get = async (p: string, headers: Record<string, string> = {}) => {
      const res = await fetch(base + p, { headers: { 'x-forwarded-for': `10.250.0.${ipFetch++ % 250}`, ...headers } });
      if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const list = await get(`/api/v1/public/subjects?q=${encodeURIComponent('示范市')}&pageSize=100`);
    const items: { id: string; name: string; uscc: string | null }[] = list.items;
    if (items.length < 10) throw new Error(`only ${items.length} subjects found for 示范市`);
    const sample = items.slice(0, 30);
    const names = sample.map((x) => x.name);
    const ids = sample.map((x) => x.id);
    const usccs = items.filter((x) => x.uscc).slice(0, 30).map((x) => x.uscc as string);
    const queries: Record<number, string[]> = { 2: pieces(names, 2, 30), 3: pieces(names, 3, 30), 4: pieces(names, 4, 30), 8: pieces(names, 8, 30) };
    for (const [len, qs] of Object.entries(queries)) console.log(`${len}-char queries (${qs.length}): ${qs.slice(0, 6).join(' ')} …`);

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

    const q = (qs: string[]) => qs.map((x) => `/api/v1/public/subjects?q=${encodeURIComponent(x)}`);
    const scenarios: Scenario[] = [
      { name: 'GET /healthz (select 1)', method: 'GET', paths: ['/healthz'] },
      { name: 'GET /identifiers/:uscc (no db)', method: 'GET', paths: usccs.map((u) => `/api/v1/identifiers/${u}`) },
      { name: 'search, 2 chars', method: 'GET', paths: q(queries[2]) },
      { name: 'search, 3 chars', method: 'GET', paths: q(queries[3]) },
      { name: 'search, 4 chars', method: 'GET', paths: q(queries[4]) },
      { name: 'search, 8 chars', method: 'GET', paths: q(queries[8]) },
      { name: 'subject page /records', method: 'GET', paths: ids.map((id) => `/api/v1/public/subjects/${id}/records`) },
      { name: 'POST /checks', method: 'POST', paths: ['/api/v1/checks'], bodies: checkBodies, headers: { cookie } },
    ];

    const results: Result[] = [];
    for (const s of scenarios) {
      const r = await runScenario(base, s);
      results.push(r);
      console.log(`${s.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} p95 ${r.p95.toFixed(2)} p99 ${r.p99.toFixed(2)} ms, non-2xx ${r.non2xx}`);
    }

    await sleep(1000); // let requests still in flight when the last scenario ended finish before shutdown
    const baseline = results[0];
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
    console.log(`\n${dbKind}, demo data (${items.length >= 100 ? '2,000' : items.length} subjects), ${connections} connections, ${duration} s each; latency in ms`);
    console.log('| scenario | req/s | p50 | p95 | p97.5 | p99 | non-2xx (429) | p95 / healthz p95 | p97.5 / healthz p97.5 |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p97_5)} | ${f(r.p99)} | ${r.non2xx} (${r.status429}) | ${(r.p95 / baseline.p95).toFixed(2)} | ${(r.p97_5 / baseline.p97_5).toFixed(2)} |`);
    }
    console.log('autocannon own percentiles (p90 / p97.5 / p99): ' + results.map((r) => `${r.name}: ${r.acP90}/${r.acP97_5}/${r.acP99}`).join('; '));
    console.log(JSON.stringify({ db: dbKind, connections, duration, cpus: os.cpus().length, results }));
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
