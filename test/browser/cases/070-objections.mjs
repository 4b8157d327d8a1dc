// Console 异议处理: the credit office registers an objection on a record and accepts it (the record's measures
// pause — the credit check shows it), then the source department's reviewer concludes it.
import { expectText, loginToConsole, looseText, waitForIdle } from '../lib.mjs';
import { apiLogin, companyWithSeriousPenalty, PASSWORD } from '../fixtures.mjs';

async function confirmStep(page, buttonText, pathEnd, fill) {
  await page.getByRole('button', { name: looseText(buttonText) }).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor({ state: 'visible' });
  if (fill) await fill(modal);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/${pathEnd}`) && r.request().method() === 'POST', { timeout: 30_000 }),
    modal.getByRole('button', { name: looseText('确认办理') }).click(),
  ]);
  if (response.status() !== 200) throw new Error(`${buttonText} answered HTTP ${response.status()}: ${(await response.text()).slice(0, 300)}`);
}

export default [
  {
    name: 'console-objection-accept-and-conclude',
    run: async ({ page, baseUrl, api }) => {
      const company = await companyWithSeriousPenalty(api);

      // --- 信用办 registers the objection on the record page and accepts it ---
      await loginToConsole(page, baseUrl, 'admin', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.goto(`${baseUrl}/console/records/${company.recordId}`, { waitUntil: 'domcontentloaded' });
      await expectText(page, '该记录没有异议申请', { timeout: 30_000 });
      await page.getByRole('button', { name: looseText('登记异议') }).click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByLabel('申请人姓名或名称').fill(company.name);
      await modal.getByLabel('异议理由（认为有误的内容及依据）').fill('处罚决定已被复议机关撤销，请予核实');
      await modal.getByRole('button', { name: looseText('登记') }).click();
      await page.waitForURL(/\/console\/objections\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      const objectionUrl = page.url();
      await expectText(page, '待受理');
      await expectText(page, company.documentNumber);

      await confirmStep(page, '受理并转部门核查', 'accept');
      await expectText(page, '该信用记录处于异议核查中');
      await waitForIdle(page);
      await page.screenshot({ path: 'test-results/browser/console-objection-verifying.png', fullPage: true });

      // the check sees the record under objection and applies nothing for it
      const cookie = await apiLogin(api, 'scjg_op');
      const check = await api.post('/api/v1/checks', { subject: { uscc: company.uscc }, matterCode: 'government_procurement', purpose: '政府采购资格审查' }, { cookie });
      if (check.status !== 201) throw new Error(`POST /api/v1/checks answered HTTP ${check.status}: ${check.text.slice(0, 200)}`);
      const record = check.body.records.find((r) => r.documentNumber === company.documentNumber);
      if (!record?.underObjection) throw new Error(`the check does not mark the record under objection: ${JSON.stringify(check.body.records)}`);
      if (check.body.measures.length > 0) throw new Error(`measures offered for a record under objection: ${check.body.measures.map((m) => m.code).join(', ')}`);

      // --- the source department's reviewer concludes ---
      await page.getByRole('button', { name: looseText('退出') }).click();
      await page.getByPlaceholder('用户名').waitFor({ state: 'visible' });
      await loginToConsole(page, baseUrl, 'scjg_rev', PASSWORD);
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.getByRole('link', { name: '异议处理' }).first().click();
      await expectText(page, company.name, { timeout: 30_000 });
      await page.goto(objectionUrl, { waitUntil: 'domcontentloaded' });
      await expectText(page, '核查中', { timeout: 30_000 });
      await confirmStep(page, '作出核查结论', 'conclude', async (dialog) => {
        await dialog.getByLabel('核查情况说明').fill('经核查，复议机关维持原处罚决定，记录无误');
      });
      await expectText(page, '异议不成立');
      await expectText(page, '经核查，复议机关维持原处罚决定，记录无误');
      await waitForIdle(page);
    },
  },
];
