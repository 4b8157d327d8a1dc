// Portal 信用名单 (tabs per national list kind) and the console 信用核查 with feedback and 核查记录.
import { assertNoUnmaskedCitizenId, expectText, loginToConsole, visibleText, waitForIdle } from '../lib.mjs';

const TREATMENT_RE = /绿色通道|正常办理|审慎办理|依法惩戒/;

/** A demo company with a USCC, found through the public search API. */
async function demoCompany(api) {
  const res = await api.get(`/api/v1/public/subjects?q=${encodeURIComponent('示范市')}&pageSize=20`);
  if (res.status !== 200) throw new Error(`GET /api/v1/public/subjects?q=示范市 returned HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  const company = (res.body?.items ?? []).find((item) => typeof item.uscc === 'string' && item.uscc.length === 18);
  if (!company) throw new Error('the demo data has no subject with a USCC whose name contains 示范市');
  return company;
}

export default [
  {
    name: 'portal-lists-and-checks-lists',
    run: async ({ page, baseUrl, api }) => {
      await page.goto(`${baseUrl}/lists`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '信用名单', { timeout: 30_000 });
      await waitForIdle(page);
      // every national kind whose public list answers gets a tab, titled with its name
      const kinds = [
        ['serious_dishonesty', '严重失信主体名单'],
        ['red_list', '守信激励对象名单'],
        ['watch_list', '重点关注名单'],
      ];
      let shown = 0;
      for (const [code, name] of kinds) {
        const res = await api.get(`/api/v1/public/lists/${code}?pageSize=1`);
        if (res.status === 200) {
          await page.getByRole('tab', { name: new RegExp(name) }).waitFor({ state: 'visible' });
          shown++;
        } else if ((await page.getByRole('tab', { name: new RegExp(name) }).count()) > 0) {
          throw new Error(`${name} answers HTTP ${res.status} publicly but has a tab`);
        }
      }
      if (shown === 0) throw new Error('no list kind tab is shown');
      const text = await visibleText(page);
      if (text.includes('建设中')) throw new Error('the 信用名单 page still shows the 建设中 placeholder');
      // either rows or the empty state
      const rows = await page.locator('.portal-lists-table tbody tr.ant-table-row').count();
      if (rows === 0) await expectText(page, '暂无列入名单的主体');
      await assertNoUnmaskedCitizenId(page);
    },
  },
  {
    name: 'console-lists-and-checks-check',
    run: async ({ page, baseUrl, api }) => {
      const company = await demoCompany(api);
      await loginToConsole(page, baseUrl, 'scjg_op', 'Xinyong@2026');
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.getByRole('menuitem', { name: '信用核查' }).waitFor({ state: 'visible' });
      await page.goto(`${baseUrl}/console/checks`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '查询用途', { timeout: 30_000 });
      await waitForIdle(page);

      await page.getByPlaceholder('18 位统一社会信用代码').fill(company.uscc);
      await page.locator('.check-form .ant-form-item').filter({ hasText: '行政事项' }).locator('.ant-select').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '行政许可、资质资格审核' });
      await option.waitFor({ state: 'visible' });
      await option.click();
      await page.getByPlaceholder('如：办理某项行政许可前的信用核查').fill('浏览器测试：办理行政许可前的信用核查');
      // the submit button is 核查 (with an icon); 核查记录 is the link button in the title
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST', { timeout: 30_000 }),
        page.getByRole('button', { name: /核\s*查$/ }).click(),
      ]);
      if (response.status() !== 201) throw new Error(`POST /api/v1/checks answered HTTP ${response.status()}: ${(await response.text()).slice(0, 200)}`);
      const tag = page.locator('.check-result .check-treatment-tag');
      await tag.waitFor({ state: 'visible', timeout: 30_000 });
      const treatment = (await tag.innerText()).trim();
      if (!TREATMENT_RE.test(treatment)) throw new Error(`the treatment tag reads "${treatment}"`);
      await expectText(page, company.name);
      await expectText(page, '适用措施');
      await assertNoUnmaskedCitizenId(page);

      // feedback: 不适用 for every measure, then the card turns read-only
      const notApplicable = page.locator('label.ant-radio-wrapper').filter({ hasText: '不适用' });
      const n = await notApplicable.count();
      for (let i = 0; i < n; i++) await notApplicable.nth(i).click();
      const [feedback] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/checks\/[0-9a-f-]{36}\/feedback$/.test(r.url()), { timeout: 30_000 }),
        page.getByRole('button', { name: /提\s*交\s*反\s*馈/ }).click(),
      ]);
      if (feedback.status() !== 200) throw new Error(`POST feedback answered HTTP ${feedback.status()}: ${(await feedback.text()).slice(0, 200)}`);
      await expectText(page, '反馈提交后不可修改');
      if ((await page.getByRole('button', { name: /提\s*交\s*反\s*馈/ }).count()) > 0) throw new Error('the feedback form is still editable after submitting');
      await assertNoUnmaskedCitizenId(page);

      // 核查记录 lists it as 已反馈, and its detail opens
      await page.goto(`${baseUrl}/console/checks/history`, { waitUntil: 'domcontentloaded' });
      await expectText(page, /共 [\d,]+ 条/, { timeout: 30_000 });
      await waitForIdle(page);
      const row = page.locator('tbody tr.ant-table-row').filter({ hasText: company.name }).first();
      await row.waitFor({ state: 'visible' });
      const rowText = await row.innerText();
      if (!rowText.includes('已反馈') || !TREATMENT_RE.test(rowText)) throw new Error(`the history row reads ${JSON.stringify(rowText)}`);
      await row.getByRole('link', { name: '查看' }).click();
      await page.waitForURL(/\/console\/checks\/[0-9a-f-]{36}$/);
      await expectText(page, '核查详情');
      await expectText(page, '反馈提交后不可修改', { timeout: 30_000 });
      await waitForIdle(page);
      await assertNoUnmaskedCitizenId(page);
    },
  },
];
