// Portal home page and credit-office console login.
import { assertNoUnmaskedCitizenId, expectText, loginToConsole, measureCjk, visibleText, waitForIdle } from '../lib.mjs';

// Demo credit-office administrator created by DEMO_DATA=1.
const ADMIN_USER = 'admin';
const ADMIN_PASSWORD = 'Xinyong@2026';

export default [
  {
    name: 'portal-home',
    run: async ({ page, baseUrl }) => {
      const res = await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      if (!res || res.status() !== 200) throw new Error(`GET / returned HTTP ${res?.status()}`);

      // A heading containing 信用 (e.g. 信用中国 / 公共信用信息平台).
      const heading = page.getByRole('heading', { name: /信用/ }).first();
      try {
        await heading.waitFor({ state: 'visible' });
      } catch {
        throw new Error(`no visible heading (h1-h6 / role=heading) containing "信用" at ${page.url()}; page shows: ${JSON.stringify((await visibleText(page)).slice(0, 300))}`);
      }

      // The search box: placeholder mentions 统一社会信用代码.
      const search = page.getByPlaceholder('统一社会信用代码', { exact: false }).first();
      try {
        await search.waitFor({ state: 'visible' });
      } catch {
        throw new Error('no visible search input whose placeholder contains "统一社会信用代码"');
      }

      // Chinese must render with a CJK font, not tofu boxes.
      const m = await measureCjk(page, '信用中国');
      if (!(m.width > 40)) throw new Error(`'信用中国' measures ${m.width}px at 16px sans-serif (expected > 40)`);
      if (m.width === m.boxWidth) {
        throw new Error(`'信用中国' is as wide as four \u25A1 boxes (${m.width}px): no CJK font? run scripts/install-browser.sh`);
      }
      if (m.distinctGlyphs < 4) {
        throw new Error(`'信用中国' rasterises to only ${m.distinctGlyphs} distinct glyph(s): tofu boxes, no CJK font? run scripts/install-browser.sh`);
      }

      // Let the statistics cards load, then check for personal data leaks.
      await waitForIdle(page);
      await assertNoUnmaskedCitizenId(page);
    },
  },
  {
    name: 'console-login-wrong-password',
    run: async ({ page, baseUrl }) => {
      await loginToConsole(page, baseUrl, ADMIN_USER, 'definitely-not-the-password');
      await expectText(page, '用户名或密码错误');
      // Still on the login form.
      await page.getByPlaceholder('密码').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'console-login',
    run: async ({ page, baseUrl }) => {
      await loginToConsole(page, baseUrl, ADMIN_USER, ADMIN_PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });

      // The logged-in user is shown somewhere in the header: their account
      // name or display name. We do not know the demo display name, so accept
      // either the username or any element the UI marks as the user area.
      const userArea = page
        .locator('[data-testid="current-user"], .ant-layout-header .ant-avatar, .ant-layout-header .ant-dropdown-trigger')
        .or(page.getByText(ADMIN_USER, { exact: false }))
        .or(page.getByText(/管理员/))
        .first();
      try {
        await userArea.waitFor({ state: 'visible' });
      } catch {
        throw new Error(`after login no user display area (avatar / dropdown in .ant-layout-header, [data-testid="current-user"], "${ADMIN_USER}" or "管理员") is visible; page shows: ${JSON.stringify((await visibleText(page)).slice(0, 300))}`);
      }

      // The login form is gone.
      if (await page.getByPlaceholder('密码').isVisible().catch(() => false)) {
        throw new Error('password field still visible after a successful login');
      }
      // Wait for the dashboard itself to load (not just the menu item 工作台).
      if (!(await waitForIdle(page, { timeout: 20_000 }))) {
        throw new Error(`dashboard still shows a loading spinner/skeleton 20 s after login; page shows: ${JSON.stringify((await visibleText(page)).slice(0, 300))}`);
      }
      await assertNoUnmaskedCitizenId(page);
    },
  },
];
