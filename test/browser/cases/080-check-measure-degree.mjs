// Console 信用核查: applying a time-limited measure asks for its end date, bounded by the measure list's degree.
import { expectText, loginToConsole, waitForIdle } from '../lib.mjs';
import { companyWithSeriousPenalty, PASSWORD } from '../fixtures.mjs';

export default [
  {
    name: 'console-check-applies-time-limited-measure',
    run: async ({ page, baseUrl, api }) => {
      const company = await companyWithSeriousPenalty(api);
      await loginToConsole(page, baseUrl, 'scjg_op', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.goto(`${baseUrl}/console/checks`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '查询用途', { timeout: 30_000 });
      await waitForIdle(page);
      await page.getByPlaceholder('18 位统一社会信用代码').fill(company.uscc);
      await page.locator('.check-form .ant-form-item').filter({ hasText: '行政事项' }).locator('.ant-select').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '政府采购' });
      await option.first().waitFor({ state: 'visible' });
      await option.first().click();
      await page.getByPlaceholder('如：办理某项行政许可前的信用核查').fill('浏览器测试：政府采购供应商资格审查');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST', { timeout: 30_000 }),
        page.getByRole('button', { name: /核\s*查$/ }).click(),
      ]);
      if (response.status() !== 201) throw new Error(`POST /api/v1/checks answered HTTP ${response.status()}: ${(await response.text()).slice(0, 200)}`);
      const result = await response.json();
      const measure = result.measures.find((m) => m.code === 'S03_PROCUREMENT');
      if (!measure?.latestUntil) throw new Error(`no time-limited procurement measure offered: ${JSON.stringify(result.measures.map((m) => m.code))}`);

      // every measure 不适用 except the procurement one, which is applied until a date within its degree
      const cards = page.locator('.ant-card-type-inner');
      await cards.first().waitFor({ state: 'visible', timeout: 30_000 });
      for (let i = 0; i < (await cards.count()); i++) {
        const card = cards.nth(i);
        const applied = (await card.locator('.ant-card-head-title').innerText()).includes(measure.name);
        await card.locator('label.ant-radio-wrapper').filter({ hasText: applied ? '已实施' : '不适用' }).click();
      }
      const procurement = cards.filter({ hasText: measure.name });
      await procurement.getByPlaceholder('如：文件名称及条款、本部门决定文号').fill('《中华人民共和国政府采购法》第二十二条');
      await expectText(page, `最迟至 ${measure.latestUntil}`);
      const until = `${Number(result.checkedOn.slice(0, 4)) + 1}${result.checkedOn.slice(4)}`;
      const dateInput = procurement.locator('.ant-picker input');
      await dateInput.click();
      await dateInput.fill(until);
      await dateInput.press('Tab');
      const [feedback] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/checks\/[0-9a-f-]{36}\/feedback$/.test(r.url()), { timeout: 30_000 }),
        page.getByRole('button', { name: /提\s*交\s*反\s*馈/ }).click(),
      ]);
      if (feedback.status() !== 200) throw new Error(`POST feedback answered HTTP ${feedback.status()}: ${(await feedback.text()).slice(0, 300)}`);
      const saved = await feedback.json();
      const line = saved.feedback.applied.find((item) => item.measureCode === 'S03_PROCUREMENT');
      if (line?.until !== until) throw new Error(`the feedback line reads ${JSON.stringify(line)}, expected until ${until}`);
      await expectText(page, '反馈提交后不可修改');
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-check-measure-degree.png', fullPage: true });
    },
  },
];
