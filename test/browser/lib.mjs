// Shared helpers for the browser tests (test/browser/run.mjs and test/browser/cases/*.mjs).
//
// Plain ESM JavaScript on purpose: it runs with `node` directly, no build step.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Default time a single expectation waits for the page (ms). */
export const DEFAULT_TIMEOUT = 15_000;

/**
 * Launch headless Debian chromium with a fresh, throw-away profile.
 * Playwright refuses --user-data-dir in args, so the profile goes through
 * launchPersistentContext. Returns { context, profileDir, close }.
 */
export async function launch(options = {}) {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'xinyong-browser-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...options,
    });
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(DEFAULT_TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  return {
    context,
    profileDir,
    close: async () => {
      await context.close().catch(() => {});
      await rm(profileDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ant Design inserts a space between two CJK characters in buttons
 * ("登录" is rendered "登 录"), so match buttons with optional whitespace
 * between every character.
 */
export function looseText(text) {
  return new RegExp([...text].map(escapeRegExp).join('\\s*'));
}

/**
 * Wait until `text` (a string: substring match, or a RegExp) is visible on the page.
 * Throws with a readable message (and a snippet of what the page does show).
 */
export async function expectText(page, text, { timeout = DEFAULT_TIMEOUT } = {}) {
  const locator = page.getByText(text).first();
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await visibleText(page);
    throw new Error(`expected text ${formatText(text)} to be visible at ${page.url()}; page shows: ${JSON.stringify(shown.slice(0, 300))}`);
  }
  return locator;
}

/** Assert `text` is NOT visible on the page right now. */
export async function expectNoText(page, text) {
  const count = await page.getByText(text).count();
  for (let i = 0; i < count; i++) {
    if (await page.getByText(text).nth(i).isVisible()) {
      throw new Error(`expected text ${formatText(text)} not to be visible at ${page.url()}`);
    }
  }
}

/**
 * Wait (best effort, never throws) until the network is quiet and no Ant Design
 * spinner or active skeleton is visible, so checks and screenshots see loaded
 * content rather than placeholders. Returns true if the page settled in time.
 */
export async function waitForIdle(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active');
  while (Date.now() < deadline) {
    let busy = false;
    const n = await loading.count().catch(() => 0);
    for (let i = 0; i < n && !busy; i++) {
      busy = await loading.nth(i).isVisible().catch(() => false);
    }
    if (!busy) return true;
    await page.waitForTimeout(200);
  }
  return false;
}

/** Collapsed innerText of the page body ('' if the page has no body yet). */
export async function visibleText(page) {
  const t = await page.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
  return t.replace(/\s+/g, ' ').trim();
}

function formatText(text) {
  return text instanceof RegExp ? String(text) : JSON.stringify(text);
}

/** 18-character PRC citizen ID number (身份证号), unmasked. */
export const CITIZEN_ID_RE = /\b\d{17}[\dXx]\b/g;

/**
 * Fail if the page's visible text contains an unmasked 18-character citizen ID
 * number (masked forms such as 110101********1234 do not match).
 */
export async function assertNoUnmaskedCitizenId(page) {
  const text = await page.evaluate(() => (document.body ? document.body.innerText : ''));
  const hits = [...text.matchAll(CITIZEN_ID_RE)];
  if (hits.length > 0) {
    const samples = hits.slice(0, 3).map((m) => {
      const from = Math.max(0, m.index - 20);
      return JSON.stringify(text.slice(from, m.index + m[0].length + 20).replace(/\s+/g, ' '));
    });
    throw new Error(`page ${page.url()} shows ${hits.length} unmasked citizen ID number(s): ${hits.map((m) => m[0]).slice(0, 3).join(', ')} in ${samples.join(' | ')}`);
  }
}

/**
 * Open the credit-office console and submit the login form.
 * Does not wait for success, so it also serves wrong-password tests;
 * follow it with expectText(page, '工作台') or similar.
 */
export async function loginToConsole(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/console`, { waitUntil: 'domcontentloaded' });
  const user = page.getByPlaceholder('用户名');
  await user.waitFor({ state: 'visible' });
  await user.fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: looseText('登录') }).click();
}

/**
 * Minimal JSON client for the server under test, for setting up data or
 * checking results from a case: api.get('/healthz'), api.post('/api/..', body).
 * Returns { status, headers, body, text }; body is parsed JSON when possible.
 */
export function createApi(baseUrl) {
  async function request(method, urlPath, { body, headers = {}, cookie } = {}) {
    const init = { method, headers: { accept: 'application/json', ...headers } };
    if (cookie) init.headers.cookie = cookie;
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(new URL(urlPath, baseUrl), init);
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
  return {
    baseUrl,
    request,
    get: (p, opts) => request('GET', p, opts),
    post: (p, body, opts) => request('POST', p, { ...opts, body }),
    put: (p, body, opts) => request('PUT', p, { ...opts, body }),
    patch: (p, body, opts) => request('PATCH', p, { ...opts, body }),
    delete: (p, opts) => request('DELETE', p, opts),
  };
}

/**
 * Measure in the page whether Chinese text renders with a real CJK font
 * rather than "tofu" boxes. Returns widths and a per-glyph pixel comparison:
 * with tofu, every missing glyph is drawn as the same box, so all four
 * characters rasterise identically.
 */
export async function measureCjk(page, sample = '信用中国') {
  return page.evaluate((s) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 32;
    const ctx = canvas.getContext('2d');
    ctx.font = '16px sans-serif';
    const width = ctx.measureText(s).width;
    const boxWidth = ctx.measureText('\u25A1'.repeat([...s].length)).width;
    const glyphs = [...s].map((ch) => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 4, 4);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) {
        hash = (hash * 31 + data[i]) >>> 0;
        if (data[i] > 0) ink++;
      }
      return { ch, hash, ink };
    });
    const distinctGlyphs = new Set(glyphs.map((g) => g.hash)).size;
    return { width, boxWidth, distinctGlyphs, glyphs };
  }, sample);
}
