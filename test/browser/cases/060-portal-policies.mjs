// Public portal: the policy page lists the source documents from the API; the commitment column is an honest empty state.
import { expectText, visibleText, waitForIdle } from '../lib.mjs';

export default [
  {
    name: 'portal-policies-and-commitments',
    run: async ({ page, baseUrl, api }) => {
      const res = await api.get('/api/v1/public/policies');
      if (res.status !== 200) throw new Error(`GET /api/v1/public/policies returned HTTP ${res.status}`);
      const documents = res.body.items;

      await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('link', { name: '政策法规' }).first().click();
      await page.waitForURL(/\/policies$/);
      await expectText(page, '国家法规政策', { timeout: 30_000 });
      await waitForIdle(page);
      await expectText(page, '地方政策文件');
      for (const document of documents) await expectText(page, document.title);
      await expectText(page, '已废止');
      await page.screenshot({ path: 'test-results/browser/portal-policies.png', fullPage: true });

      await page.getByRole('link', { name: '信用承诺' }).first().click();
      await page.waitForURL(/\/commitments$/);
      await expectText(page, '目前没有公示的信用承诺');
      const shown = await visibleText(page);
      if (/承诺书编号|承诺人：/.test(shown)) throw new Error('the commitment column shows commitment data although none is collected');
    },
  },
];
