// Console 名单认定 (propose → serve notice → statement → decide → publish, operator and reviewer), 名单类型与认定标准,
// 措施清单 (add and delete a local supplement) and 核查统计.
import { expectText, loginToConsole, looseText, waitForIdle } from '../lib.mjs';
import { companyWithSeriousPenalty, PASSWORD } from '../fixtures.mjs';

/** Click a button of the 办理 card, confirm its modal, wait for the step's POST; returns the response. */
async function takeStep(page, buttonText, pathEnd, fill) {
  await page.locator('.list-entry-actions').getByRole('button', { name: looseText(buttonText) }).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor({ state: 'visible' });
  if (fill) await fill(modal);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/${pathEnd}`) && r.request().method() === 'POST', { timeout: 30_000 }),
    modal.getByRole('button', { name: looseText(`确认${buttonText}`) }).click(),
  ]);
  return response;
}

async function expectState(page, text) {
  await page.locator('.list-entry-summary .list-entry-state').filter({ hasText: text }).waitFor({ state: 'visible', timeout: 30_000 });
}

async function logout(page) {
  await page.getByRole('button', { name: looseText('退出') }).click();
  await page.getByPlaceholder('用户名').waitFor({ state: 'visible' });
}

export default [
  {
    name: 'console-lists-designation-flow',
    run: async ({ page, baseUrl, api }) => {
      const company = await companyWithSeriousPenalty(api);

      // --- 经办人 proposes ---
      await loginToConsole(page, baseUrl, 'scjg_op', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.getByRole('menuitem', { name: '名单认定' }).click();
      await expectText(page, '可办理');
      await page.getByRole('button', { name: looseText('发起认定') }).click();
      await page.waitForURL(/\/console\/lists\/new$/);
      await expectText(page, '一、被认定主体和名单类型');

      const subjectSelect = page.locator('.propose-form .ant-form-item').filter({ hasText: '被认定主体' }).locator('.ant-select');
      await subjectSelect.click();
      await page.keyboard.type(company.uscc);
      const subjectOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: company.name });
      await subjectOption.waitFor({ state: 'visible', timeout: 30_000 });
      await subjectOption.click();
      await page.locator('.propose-form .ant-form-item').filter({ hasText: /^名单类型/ }).locator('.ant-select').click();
      const kindOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '严重失信主体名单' });
      await kindOption.waitFor({ state: 'visible' });
      await kindOption.click();
      await expectText(page, '认定标准：严重失信主体名单');
      const evidenceRow = page.locator('.propose-evidence tbody tr.ant-table-row').filter({ hasText: company.documentNumber });
      await evidenceRow.waitFor({ state: 'visible', timeout: 30_000 });
      await page.getByPlaceholder(/如：当事人生产销售/).fill('当事人生产销售不符合食品安全标准的食品，被依法吊销许可证件，情节严重。');

      // without a cited document the server refuses: its message is shown as is
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/lists/entries') && r.request().method() === 'POST', { timeout: 30_000 }),
        page.getByRole('button', { name: looseText('提出认定申请') }).click(),
      ]);
      if (refused.status() < 400) throw new Error(`proposing without evidence answered HTTP ${refused.status()}`);
      const refusal = (await refused.json()).message;
      await expectText(page, refusal);

      await evidenceRow.locator('.ant-checkbox-input').check();
      await expectText(page, '已选 1 项');
      await page.screenshot({ path: 'test-results/browser/console-lists-designation-flow-propose.png', fullPage: true });
      const [proposed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/lists/entries') && r.request().method() === 'POST', { timeout: 30_000 }),
        page.getByRole('button', { name: looseText('提出认定申请') }).click(),
      ]);
      if (proposed.status() !== 201) throw new Error(`POST /lists/entries answered HTTP ${proposed.status()}: ${(await proposed.text()).slice(0, 300)}`);
      await page.waitForURL(/\/console\/lists\/entries\/[0-9a-f-]{36}$/);
      const entryUrl = page.url();
      await expectState(page, '已提出认定申请');
      await expectText(page, company.documentNumber);
      await expectText(page, '待送达认定事先告知书');

      // --- 经办人 serves the notice and records the statement ---
      let res = await takeStep(page, '送达告知书', 'notice');
      if (res.status() !== 200) throw new Error(`serve notice answered HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
      const afterNotice = await res.json();
      await expectState(page, '已告知，陈述申辩期内');
      await expectText(page, '严重失信主体名单认定事先告知书');
      await expectText(page, `至 ${afterNotice.notice.statement_deadline}`);
      // the statement period has not run out: 期满未提出 is offered but disabled until then
      const expire = page.locator('.list-entry-actions').getByRole('button', { name: looseText('登记期满未陈述申辩') });
      if (!(await expire.isDisabled())) throw new Error('登记期满未陈述申辩 is enabled before the statement deadline');

      res = await takeStep(page, '登记陈述申辩', 'statement', async (modal) => {
        await modal.locator('textarea').fill('当事人书面陈述：已停产整改，请求从轻认定。');
      });
      if (res.status() !== 200) throw new Error(`record statement answered HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
      await expectState(page, '已收到陈述申辩');
      // the proposer may not decide
      if ((await page.locator('.list-entry-actions').getByRole('button', { name: looseText('作出认定决定') }).count()) > 0) {
        throw new Error('the proposing operator is offered 作出认定决定');
      }
      await expectText(page, '待审核人作出认定决定或不予认定');
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-lists-designation-flow-statement.png', fullPage: true });

      // --- 审核人 decides and publishes ---
      await logout(page);
      await loginToConsole(page, baseUrl, 'scjg_rev', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.goto(entryUrl, { waitUntil: 'domcontentloaded' });
      await expectState(page, '已收到陈述申辩');

      res = await takeStep(page, '作出认定决定', 'decision', async (modal) => {
        await modal.getByPlaceholder(/示市监信认/).fill(`示市监信认〔2026〕${Date.now() % 100000}号`);
        await modal.getByRole('switch').click();
        await modal.locator('.ant-form-item').filter({ hasText: '重点领域' }).locator('.ant-select').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '食品药品' }).click();
        // a ban beyond the list's validity: the server refuses with its message
        const until = modal.locator('.ant-form-item').filter({ hasText: '禁入期限至' }).locator('input');
        await until.click();
        await until.fill('2040-01-01');
        await until.press('Enter');
      });
      if (res.status() < 400) throw new Error(`a ban beyond the validity answered HTTP ${res.status()}`);
      await expectText(page, (await res.json()).message);
      {
        const modal = page.locator('.ant-modal:visible');
        const until = modal.locator('.ant-form-item').filter({ hasText: '禁入期限至' }).locator('input');
        await until.click();
        await until.fill('2027-11-30');
        await until.press('Enter');
        const [decided] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST', { timeout: 30_000 }),
          modal.getByRole('button', { name: looseText('确认作出认定决定') }).click(),
        ]);
        if (decided.status() !== 200) throw new Error(`decide answered HTTP ${decided.status()}: ${(await decided.text()).slice(0, 300)}`);
      }
      await expectState(page, '已作出认定决定');
      await expectText(page, '严重失信主体名单认定决定书');
      await expectText(page, '在食品药品领域实施市场和行业禁入');
      await expectText(page, /待公示：认定决定后 7 个工作日内（\d{4}-\d{2}-\d{2} 前）/);

      res = await takeStep(page, '公示', 'publication');
      if (res.status() !== 200) throw new Error(`publish answered HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
      await expectState(page, '已公示（名单有效）');
      await expectText(page, '公示认定结果');
      await expectText(page, /名单有效期至 \d{4}-\d{2}-\d{2}/);
      await waitForIdle(page);

      // the public list shows it
      const listed = await api.get('/api/v1/public/lists/serious_dishonesty?pageSize=100');
      if (!(listed.body?.items ?? []).some((item) => item.subjectName === company.name)) throw new Error(`${company.name} is not on the public serious dishonesty list`);

      // the list page shows it as published
      await page.getByRole('menuitem', { name: '名单认定' }).click();
      const row = page.locator('.list-entries-table tbody tr.ant-table-row').filter({ hasText: company.name });
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      if (!(await row.innerText()).includes('已公示')) throw new Error(`the list row reads ${JSON.stringify(await row.innerText())}`);
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-lists-designation-flow-list.png', fullPage: true });
      await page.goto(entryUrl, { waitUntil: 'domcontentloaded' });
      await expectState(page, '已公示（名单有效）');
      await waitForIdle(page);
    },
  },
  {
    name: 'console-lists-standards-measures-and-stats',
    run: async ({ page, baseUrl }) => {
      const suffix = Date.now().toString(36).slice(-5);
      await loginToConsole(page, baseUrl, 'admin', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });

      // --- 措施清单: add a local supplement (a new version), then delete it ---
      await page.getByRole('menuitem', { name: '措施清单' }).click();
      await expectText(page, /失信惩戒和守信激励措施清单 第 \d+ 版/, { timeout: 30_000 });
      await page.locator('.measures-table tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
      const versionBefore = Number((await page.getByText(/措施清单 第 \d+ 版/).first().innerText()).match(/第 (\d+) 版/)[1]);
      await page.getByRole('button', { name: looseText('新增补充措施') }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '新增本地补充措施' });
      await drawer.getByPlaceholder('如 L01_LOCAL_SUBSIDY').fill(`L_TEST_${suffix.toUpperCase()}`);
      await drawer.locator('.ant-form-item').filter({ hasText: /^措施名称/ }).locator('input').fill('限制享受本市人才引进补贴（浏览器测试）');
      await drawer.getByPlaceholder('法律、法规或党中央、国务院政策文件名称').fill('《示范市社会信用条例》');
      await drawer.locator('.ant-form-item').filter({ hasText: '实施对象：名单' }).locator('.ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '严重失信主体名单' }).click();
      await page.keyboard.press('Escape');
      await drawer.getByPlaceholder('如：限制期限不超过 3 年').fill('名单有效期内不予享受');
      await drawer.getByPlaceholder(/依据《示范市社会信用条例》第二十条增补/).fill('浏览器测试：增补本地措施');
      const [added] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/measures/supplements') && r.request().method() === 'POST', { timeout: 30_000 }),
        drawer.getByRole('button', { name: looseText('保存') }).click(),
      ]);
      if (added.status() !== 201) throw new Error(`POST /measures/supplements answered HTTP ${added.status()}: ${(await added.text()).slice(0, 300)}`);
      await expectText(page, `第 ${versionBefore + 1} 版`);
      const supplementRow = page.locator('.measures-table tbody tr.ant-table-row').filter({ hasText: '限制享受本市人才引进补贴' });
      await supplementRow.waitFor({ state: 'visible' });
      if (!(await supplementRow.innerText()).includes('本地补充')) throw new Error('the new measure is not marked 本地补充');
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-lists-measures.png', fullPage: true });

      await supplementRow.getByText('删除', { exact: true }).click();
      const modal = page.locator('.ant-modal:visible');
      await modal.locator('textarea').fill('浏览器测试：删除测试措施');
      const [deleted] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/measures/supplements/') && r.request().method() === 'DELETE', { timeout: 30_000 }),
        modal.getByRole('button', { name: looseText('确认删除') }).click(),
      ]);
      if (deleted.status() !== 200) throw new Error(`DELETE supplement answered HTTP ${deleted.status()}: ${(await deleted.text()).slice(0, 300)}`);
      await expectText(page, `第 ${versionBefore + 2} 版`);
      await page.getByRole('tab', { name: '版本记录' }).click();
      await expectText(page, '浏览器测试：删除测试措施');

      // --- 名单类型: a local kind needs a 30-day public comment (the server's refusal is shown), then saves ---
      await page.getByRole('menuitem', { name: '名单类型' }).click();
      await expectText(page, '严重失信主体名单', { timeout: 30_000 });
      await expectText(page, '守信激励对象名单');
      await page.getByRole('button', { name: looseText('新增名单类型') }).click();
      const form = page.getByRole('dialog').filter({ hasText: '新增名单类型' });
      await form.getByPlaceholder('如 local_food_safety').fill(`local_test_${suffix}`);
      await form.getByPlaceholder(/食品安全严重违法生产经营者黑名单/).fill(`示范市测试名单${suffix}`);
      await form.getByPlaceholder(/法律、行政法规、党中央国务院政策文件或部门规章名称/).fill('《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）');
      await form.getByPlaceholder('如《示范市社会信用条例》').fill('《示范市社会信用条例》');
      const range = form.locator('.ant-form-item').filter({ hasText: '征求意见期间' }).locator('input');
      await range.nth(0).click();
      await range.nth(0).fill('2026-09-01');
      await range.nth(0).press('Enter');
      await range.nth(1).fill('2026-09-21');
      await range.nth(1).press('Enter');
      await expectText(page, '共 20 日');
      await form.getByPlaceholder('https://').fill('https://www.example.gov.cn/zqyj/2026/1');
      await form.getByPlaceholder('收到意见的数量、采纳情况等').fill('收到意见 3 条，采纳 2 条。');
      await form.getByPlaceholder('列入名单的具体情形').fill('在本市范围内两年内三次以上因同类违法行为受到较重行政处罚的。');
      for (const title of ['移出条件', '移出程序', '救济措施']) {
        await form.locator('.ant-form-item').filter({ hasText: new RegExp(`^${title}`) }).locator('textarea').fill(`${title}：按《示范市社会信用条例》办理。`);
      }
      const save = async () => {
        const [r] = await Promise.all([
          page.waitForResponse((x) => x.url().endsWith('/api/v1/lists/kinds') && x.request().method() === 'POST', { timeout: 30_000 }),
          form.getByRole('button', { name: looseText('保存') }).click(),
        ]);
        return r;
      };
      const short = await save();
      if (short.status() < 400) throw new Error(`a 20-day public comment answered HTTP ${short.status()}`);
      await expectText(page, (await short.json()).message);
      await range.nth(1).click();
      await range.nth(1).fill('2026-10-15');
      await range.nth(1).press('Enter');
      await form.getByText('征求意见公告网址').click(); // blur: the range picker commits the typed date
      await expectText(page, '共 44 日');
      const saved = await save();
      if (saved.status() !== 201) throw new Error(`POST /lists/kinds answered HTTP ${saved.status()}: ${(await saved.text()).slice(0, 300)}`);
      await page.locator('.list-kinds-table tbody tr.ant-table-row').filter({ hasText: `示范市测试名单${suffix}` }).waitFor({ state: 'visible', timeout: 30_000 });
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-lists-kinds.png', fullPage: true });

      // --- 核查统计 and 逾期未反馈 ---
      await page.getByRole('menuitem', { name: '核查统计' }).click();
      await expectText(page, /\d{4} 年 \d{1,2} 月各部门信用核查/, { timeout: 30_000 });
      await page.locator('.check-stats-table').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: looseText('逾期未反馈核查') }).click();
      await page.waitForURL(/\/console\/checks\/stats\/overdue$/);
      await expectText(page, /没有逾期未反馈的核查|共 [\d,]+ 条/, { timeout: 30_000 });
      await page.goto(`${baseUrl}/console/checks/stats`, { waitUntil: 'domcontentloaded' });
      await expectText(page, /\d{4} 年 \d{1,2} 月各部门信用核查/, { timeout: 30_000 });
      await waitForIdle(page);
    },
  },
];
