#!/usr/bin/env node
// Browser test runner: `npm run test:browser` (= node test/browser/run.mjs).
//
// Starts the real server (tsx src/main.ts) on a free port with a fresh DATA_DIR,
// PGlite (no DATABASE_URL) and the demo data, waits for /healthz, then drives
// headless Debian chromium (/usr/bin/chromium, see scripts/install-browser.sh)
// through every case in test/browser/cases/*.mjs, in file-name order.
//
// A case file exports:  export default [{ name, run: async ({ page, baseUrl, api, context }) => {} }]
// Each case gets a new page with cookies and site storage cleared; a screenshot
// is saved to test-results/browser/<name>.png whether it passes or fails.
//
// Output: "ok - <name>" / "not ok - <name>: <error>" per case; the last line is
// "N passed, M failed"; exit status 1 if anything failed.
//
// Options: node test/browser/run.mjs [substring ...]  runs only cases whose name
// contains one of the substrings (also BROWSER_TEST_FILTER=a,b).
// BROWSER_BASE_URL=http://host:port tests an already running server instead.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApi, launch } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CASES_DIR = path.join(HERE, 'cases');
const RESULTS_DIR = path.join(ROOT, 'test-results', 'browser');
const SERVER_LOG = path.join(RESULTS_DIR, 'server.log');
const HEALTH_TIMEOUT_MS = Number(process.env.BROWSER_HEALTH_TIMEOUT_MS || 180_000);
const CASE_TIMEOUT_MS = Number(process.env.BROWSER_CASE_TIMEOUT_MS || 90_000);

let server = null; // child process
let serverExited = null; // promise resolving when it exits
let browser = null; // { context, close }
let dataDir = null;
let passed = 0;
let failed = 0;

function log(msg) {
  process.stdout.write(`${msg}\n`);
}

function oneLine(err) {
  const msg = err instanceof Error ? err.message : String(err);
  // Playwright errors carry a multi-line "Call log"; keep the first lines.
  return msg.split('\n').filter((l) => l.trim() !== '').slice(0, 4).join(' | ').replace(/\s+/g, ' ').trim();
}

function safeFileName(name) {
  return name.replace(/[/\\:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'case';
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function loadCases(filters) {
  const files = (await readdir(CASES_DIR)).filter((f) => f.endsWith('.mjs')).sort();
  const cases = [];
  const seen = new Map();
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(CASES_DIR, file)).href);
    const list = mod.default;
    if (!Array.isArray(list)) throw new Error(`${file}: default export must be an array of { name, run }`);
    for (const c of list) {
      if (!c || typeof c.name !== 'string' || typeof c.run !== 'function') {
        throw new Error(`${file}: every case needs a string name and a run function`);
      }
      const key = safeFileName(c.name);
      if (seen.has(key)) throw new Error(`duplicate case name ${JSON.stringify(c.name)} in ${file} and ${seen.get(key)}`);
      seen.set(key, file);
      cases.push({ ...c, file });
    }
  }
  if (filters.length === 0) return cases;
  return cases.filter((c) => filters.some((f) => c.name.includes(f)));
}

async function startServer() {
  const port = await freePort();
  dataDir = await mkdtemp(path.join(tmpdir(), 'xinyong-browser-data-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: '1' };
  delete env.DATABASE_URL;
  const logStream = createWriteStream(SERVER_LOG);
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  server = spawn(tsx, ['src/main.ts'], {
    cwd: ROOT,
    env,
    detached: true, // own process group, so the whole tree can be killed
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(logStream, { end: false });
  server.stderr.pipe(logStream, { end: false });
  serverExited = new Promise((resolve) => {
    server.once('exit', (code, signal) => resolve({ code, signal }));
    server.once('error', (err) => resolve({ code: null, signal: null, error: err }));
  });
  return `http://127.0.0.1:${port}`;
}

async function waitForHealth(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no response';
  let exited = null;
  if (serverExited) serverExited.then((e) => (exited = e));
  while (Date.now() < deadline) {
    if (exited) {
      const why = exited.error ? exited.error.message : `exit code ${exited.code}, signal ${exited.signal}`;
      throw new Error(`server exited before /healthz answered (${why})`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET ${baseUrl}/healthz did not return 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

function killServerGroup(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    try {
      server.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function stopServer() {
  if (!server) return;
  killServerGroup('SIGTERM');
  const timer = new Promise((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([serverExited, timer])) === 'timeout') {
    killServerGroup('SIGKILL');
    await Promise.race([serverExited, new Promise((r) => setTimeout(r, 3_000))]);
  }
  // Also reap anything left in the group (e.g. grandchildren) after the leader exited.
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    /* group empty */
  }
  server = null;
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await stopServer();
  if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  dataDir = null;
}

async function serverLogTail(lines = 40) {
  try {
    const text = await readFile(SERVER_LOG, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, t]);
  } finally {
    clearTimeout(timer);
  }
}

async function runCase(c, baseUrl, api) {
  const { context } = browser;
  await context.clearCookies();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${oneLine(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text().slice(0, 300)}`);
  });
  try {
    // Start every case logged out: drop localStorage/sessionStorage/IndexedDB etc.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseUrl).origin, storageTypes: 'all' });
    await cdp.detach();
  } catch {
    /* best effort */
  }
  let error = null;
  try {
    await withTimeout(Promise.resolve().then(() => c.run({ page, baseUrl, api, context })), CASE_TIMEOUT_MS, `case "${c.name}"`);
  } catch (err) {
    error = err;
  }
  const shot = path.join(RESULTS_DIR, `${safeFileName(c.name)}.png`);
  await page.screenshot({ path: shot, fullPage: true, timeout: 15_000 }).catch(() => {});
  await page.close().catch(() => {});
  if (error) {
    failed++;
    log(`not ok - ${c.name}: ${oneLine(error)}`);
    log(`#   file: test/browser/cases/${c.file}; screenshot: ${path.relative(ROOT, shot)}`);
    for (const p of problems.slice(0, 5)) log(`#   ${p}`);
  } else {
    passed++;
    log(`ok - ${c.name}`);
  }
}

async function main() {
  const filters = [...process.argv.slice(2), ...(process.env.BROWSER_TEST_FILTER || '').split(',')]
    .map((s) => s.trim())
    .filter(Boolean);
  await mkdir(RESULTS_DIR, { recursive: true });
  const cases = await loadCases(filters);
  log(`# ${cases.length} browser case(s) from ${path.relative(ROOT, CASES_DIR)}`);

  let baseUrl = process.env.BROWSER_BASE_URL?.replace(/\/+$/, '');
  try {
    if (baseUrl) {
      log(`# using running server at ${baseUrl}`);
      await waitForHealth(baseUrl, 10_000);
    } else {
      baseUrl = await startServer();
      log(`# server: tsx src/main.ts on ${baseUrl} (DATA_DIR=${dataDir}, DEMO_DATA=1, PGlite); log: ${path.relative(ROOT, SERVER_LOG)}`);
      const t0 = Date.now();
      await waitForHealth(baseUrl, HEALTH_TIMEOUT_MS);
      log(`# server healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    browser = await launch();
    log(`# chromium ${browser.context.browser()?.version() ?? ''} (headless)`);
  } catch (err) {
    log(`# setup failed: ${oneLine(err)}`);
    if (server || dataDir) {
      log('# --- server log (tail) ---');
      for (const l of (await serverLogTail()).split('\n')) log(`# ${l}`);
    }
    for (const c of cases) {
      failed++;
      log(`not ok - ${c.name}: setup failed: ${oneLine(err)}`);
    }
    if (cases.length === 0) failed++;
    return;
  }

  const api = createApi(baseUrl);
  for (const c of cases) {
    await runCase(c, baseUrl, api);
  }
  if (failed > 0 && server) {
    log('# --- server log (tail) ---');
    for (const l of (await serverLogTail(20)).split('\n')) log(`# ${l}`);
  }
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await cleanup();
  log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`# received ${sig}, stopping`);
    failed++;
    finish(1);
  });
}
// Last resort: never leave the server running behind us.
process.on('exit', () => killServerGroup('SIGKILL'));

main()
  .catch((err) => {
    failed++;
    log(`# runner error: ${err instanceof Error ? err.stack : String(err)}`);
  })
  .then(() => finish(failed > 0 ? 1 : 0));
