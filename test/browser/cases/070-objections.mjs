// Console 异议处理: the credit office registers an objection on a record and accepts it (the record's measures
// pause — the credit check shows it), then the source department's reviewer concludes it.
import { assertNoUnmaskedCitizenId, expectText, loginToConsole, looseText, waitForIdle } from '../lib.mjs';
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

const cases = [
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

/** The demo company account's subject, with a fresh penalty of SCJG about it; returns the record's document number. */
async function penaltyAboutDemoCompany(api) {
  const company = await apiLogin(api, 'company');
  const me = await api.get('/api/v1/auth/me', { cookie: company });
  if (!me.body?.subjectId) throw new Error(`the company account has no subject: ${me.text.slice(0, 200)}`);
  const admin = await apiLogin(api, 'admin');
  const subject = await api.get(`/api/v1/subjects/${me.body.subjectId}`, { cookie: admin });
  if (subject.status !== 200) throw new Error(`GET subject answered HTTP ${subject.status}`);
  const documentNumber = `示市监罚〔2026〕Y${Date.now().toString(36).slice(-5).toUpperCase()}号`;
  const res = await api.post(
    '/api/v1/records',
    {
      itemCode: 'penalty',
      fields: {
        subject_name: subject.body.name,
        subject_category: '法人及非法人组织',
        uscc: subject.body.uscc,
        legal_representative: '测试人',
        document_number: documentNumber,
        violation_type: '未按规定公示年度报告',
        violation_facts: '当事人未按规定期限公示年度报告。',
        penalty_basis: '《企业信息公示暂行条例》',
        penalty_types: '警告',
        penalty_content: '警告',
        decision_date: '2026-11-02',
        penalty_valid_until: '2027-11-02',
        authority_name: '示范市市场监督管理局',
        authority_uscc: '91310115591693856A',
        data_source_name: '示范市市场监督管理局',
        data_source_uscc: '91310115591693856A',
      },
    },
    { cookie: await apiLogin(api, 'scjg_op') },
  );
  if (res.status !== 201) throw new Error(`POST /api/v1/records answered HTTP ${res.status}: ${res.text.slice(0, 300)}`);
  return documentNumber;
}

cases.push({
  name: 'console-company-objects-to-own-record',
  run: async ({ page, baseUrl, api }) => {
    const documentNumber = await penaltyAboutDemoCompany(api);
    await loginToConsole(page, baseUrl, 'company', PASSWORD);
    await expectText(page, '我的信用记录', { timeout: 30_000 });
    await page.getByRole('link', { name: '我的信用记录' }).first().click();
    await expectText(page, documentNumber, { timeout: 30_000 });
    await assertNoUnmaskedCitizenId(page);
    await page.getByRole('row').filter({ hasText: documentNumber }).getByRole('button', { name: looseText('提出异议') }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('异议理由（认为有误的内容及依据）').fill('本公司已按期公示年度报告，记录有误');
    await modal.getByRole('button', { name: looseText('提交异议') }).click();
    await page.waitForURL(/\/console\/objections\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expectText(page, '待受理');
    await expectText(page, '网上提交');
    await waitForIdle(page);
    await page.screenshot({ path: 'test-results/browser/console-company-objection.png', fullPage: true });
  },
});

export default cases;
