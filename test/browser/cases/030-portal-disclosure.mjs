// Public portal: search → subject page (sections of the credit report), and the 双公示 lists with filters.
import { assertNoUnmaskedCitizenId, expectText, visibleText, waitForIdle } from '../lib.mjs';

/** A demo company found through the public search API: its id and name. */
async function demoCompany(api) {
  const res = await api.get(`/api/v1/public/subjects?q=${encodeURIComponent('示范市')}&pageSize=20`);
  if (res.status !== 200) throw new Error(`GET /api/v1/public/subjects?q=示范市 returned HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  const items = res.body?.items ?? [];
  if (items.length === 0) throw new Error('the demo data has no subject whose name contains 示范市');
  return items[0];
}

/** The text of the pagination total (共 N 条) of the table on the page. */
async function tableTotal(page) {
  const total = page.locator('.ant-pagination-total-text').first();
  await total.waitFor({ state: 'visible' });
  return (await total.innerText()).trim();
}

/** Wait until the table's total is no longer `before` (the filtered answer has arrived); returns the new text. */
async function totalChangedFrom(page, before, what) {
  try {
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector('.ant-pagination-total-text');
        const loading = document.querySelector('.portal-disclosure-table .ant-spin-spinning');
        return !loading && (!el || el.textContent.trim() !== old);
      },
      before,
      { timeout: 15_000 },
    );
  } catch {
    throw new Error(`the table total stayed "${before}" after ${what}`);
  }
  await waitForIdle(page);
  return page.locator('.ant-pagination-total-text').first().innerText().catch(() => '');
}

export default [
  {
    name: 'portal-search-to-subject',
    run: async ({ page, baseUrl, api }) => {
      const company = await demoCompany(api);
      // Two characters of the name that are not the common 示范 prefix, when the name is long enough.
      const chars = [...company.name];
      const part = chars.length >= 5 ? chars.slice(3, 5).join('') : chars.slice(0, 2).join('');

      await page.goto(`${baseUrl}/search?q=${encodeURIComponent(part)}`, { waitUntil: 'domcontentloaded' });
      await expectText(page, /共找到 \d+ 个信用主体/, { timeout: 30_000 });
      await waitForIdle(page);
      await assertNoUnmaskedCitizenId(page);

      // Open the first result: it links to the subject page.
      const first = page.locator('.portal-result-item a.portal-result-name').first();
      await first.waitFor({ state: 'visible' });
      const firstName = (await first.innerText()).trim();
      await first.click();
      await page.waitForURL(/\/subjects\/[0-9a-f-]{36}$/);
      await expectText(page, '基本信息', { timeout: 30_000 });
      await waitForIdle(page);
      await expectText(page, firstName);
      await expectText(page, '统一社会信用代码');
      // The sections of the public credit report, in order.
      await expectText(page, '行政许可信息');
      await expectText(page, '行政处罚信息');
      const shown = await visibleText(page);
      const order = ['行政许可信息', '行政处罚信息', '其他行政管理信息', '名单信息', '信用评价信息', '其他信息'].map((t) => shown.indexOf(t));
      if (order.some((i) => i < 0) || order.some((i, k) => k > 0 && i < order[k - 1])) {
        throw new Error(`report sections missing or out of order (positions ${order.join(', ')}); page shows: ${JSON.stringify(shown.slice(0, 400))}`);
      }
      await assertNoUnmaskedCitizenId(page);

      // The known company's page too, opened directly.
      await page.goto(`${baseUrl}/subjects/${company.id}`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '基本信息', { timeout: 30_000 });
      await waitForIdle(page);
      await expectText(page, company.name);
      await assertNoUnmaskedCitizenId(page);
    },
  },
  {
    name: 'portal-subject-not-found',
    run: async ({ page, baseUrl, api }) => {
      await page.goto(`${baseUrl}/subjects/00000000-0000-7000-8000-000000000000`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '未找到该信用主体', { timeout: 30_000 });

      // A natural person named in a 行政处罚 has no public subject page either.
      const list = await api.get('/api/v1/public/disclosures?kind=penalty&pageSize=100');
      const person = (list.body?.items ?? []).find((r) => r.fields.some((f) => f.key === 'subject_category' && f.value === 'natural_person'));
      if (person) {
        await page.goto(`${baseUrl}/subjects/${person.subjectId}`, { waitUntil: 'domcontentloaded' });
        await expectText(page, '未找到该信用主体', { timeout: 30_000 });
        await assertNoUnmaskedCitizenId(page);
      }
    },
  },
  {
    name: 'portal-disclosure-lists',
    run: async ({ page, baseUrl, api }) => {
      await page.goto(`${baseUrl}/disclosure`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '双公示', { timeout: 30_000 });
      await waitForIdle(page);
      await expectText(page, '许可类别');
      await expectText(page, /共 [\d,]+ 条/);
      await assertNoUnmaskedCitizenId(page);

      // Switch to 行政处罚.
      await page.getByRole('tab', { name: '行政处罚' }).click();
      await page.waitForURL(/kind=penalty/);
      await expectText(page, '处罚类别');
      await waitForIdle(page);
      const allPenalties = await tableTotal(page);
      const expected = await api.get('/api/v1/public/disclosures?kind=penalty&pageSize=1');
      if (!allPenalties.includes(expected.body.total.toLocaleString('zh-CN'))) {
        throw new Error(`行政处罚 shows "${allPenalties}", the API counts ${expected.body.total}`);
      }
      await assertNoUnmaskedCitizenId(page);

      // Filter by one department: every row is then of that department and the total changes.
      await page.locator('.portal-filter-department').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await option.waitFor({ state: 'visible' });
      const department = (await option.getAttribute('title')) || (await option.innerText()).trim();
      await option.click();
      await page.waitForURL(/departmentId=/);
      await totalChangedFrom(page, allPenalties, `filtering by ${department}`);
      const cells = await page.locator('.portal-disclosure-table tbody tr.ant-table-row').evaluateAll((rows) =>
        rows.map((row) => row.innerText),
      );
      if (cells.length === 0) throw new Error(`no rows after filtering by ${department}`);
      const other = cells.filter((text) => !text.includes(department));
      if (other.length > 0) throw new Error(`${other.length} row(s) are not of ${department}: ${JSON.stringify(other[0].slice(0, 200))}`);
      await assertNoUnmaskedCitizenId(page);

      // Then a decision-date range as well: type both dates into the RangePicker.
      const inputs = page.locator('.portal-filter-dates input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill('2026-01-01');
      await inputs.nth(0).press('Enter');
      await inputs.nth(1).fill('2026-06-30');
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/public/disclosures?') && r.url().includes('from=2026-01-01') && r.url().includes('to=2026-06-30'));
      await inputs.nth(1).press('Enter');
      await page.waitForURL(/from=2026-01-01.*to=2026-06-30|to=2026-06-30.*from=2026-01-01/);
      if ((await answered).status() !== 200) throw new Error(`the filtered list answered HTTP ${(await answered).status()}`);
      await waitForIdle(page);
      const dates = await page.locator('.portal-disclosure-table tbody tr.ant-table-row').evaluateAll((rows) =>
        rows.map((row) => (row.innerText.match(/\d{4}-\d{2}-\d{2}/) ?? [''])[0]),
      );
      const outside = dates.filter((d) => d < '2026-01-01' || d > '2026-06-30');
      if (outside.length > 0) throw new Error(`rows with a decision date outside 2026-01-01…2026-06-30: ${outside.slice(0, 3).join(', ')}`);
      await assertNoUnmaskedCitizenId(page);

      // Expand a row: its public fields are shown, with IDs masked.
      const firstRow = page.locator('.portal-disclosure-table tbody tr.ant-table-row').first();
      if (await firstRow.isVisible().catch(() => false)) {
        await firstRow.locator('.ant-table-row-expand-icon').click();
        await expectText(page, '违法行为类型');
        await assertNoUnmaskedCitizenId(page);
      }
    },
  },
];
