import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

const supplement = {
  code: 'housing_provident_fund_arrears',
  name: '住房公积金缴存失信信息',
  categoryCode: '12',
  nature: 'negative',
  legalBasis: [{ document: '《住房公积金管理条例》', article: '第三十七条' }],
  fields: [
    { key: 'subject_name', label: '单位名称', type: 'string', required: true },
    { key: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true },
    { key: 'document_number', label: '责令限期缴存决定书文号', type: 'string', required: true },
    { key: 'decision_date', label: '决定日期', type: 'date', required: true },
    { key: 'arrears_amount', label: '欠缴金额', type: 'decimal', required: false, unit: '万元' },
  ],
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'general',
  disclosurePeriods: { general: { minMonths: 3, maxMonths: 12 } },
  repairable: true,
  submittingDepartments: null,
  subjectKinds: ['legal_entity'],
  note: '新增地方补充目录条目',
};

describe('catalog: versioned, with legal bases, editable supplements', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('serves the 2024 base catalog: 13 categories and the items the seeds name, each with a legal basis', async () => {
    const catalog = (await t.app.inject({ url: '/api/v1/catalog' })).json();
    expect(catalog.categories).toHaveLength(13);
    const codes = catalog.items.map((item: { code: string }) => item.code);
    for (const code of ['licence', 'penalty', 'coercion', 'confirmation', 'levy', 'benefit', 'adjudication', 'compensation', 'reward', 'inspection', 'judicial_enforcement', 'serious_dishonesty_list', 'red_list', 'commitment', 'rating', 'honour', 'contract_performance', 'self_declared', 'consumer_complaint']) {
      expect(codes).toContain(code);
    }
    for (const item of catalog.items) expect(item.legalBasis.length).toBeGreaterThan(0);
    expect(catalog.version.number).toBe(1);
  });

  it('creates a supplement item as a new catalog version, audited', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items', headers: { cookie: admin }, payload: supplement });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ version: { number: 2 }, item: { code: supplement.code, kind: 'supplement' } });
    const versions = (await t.app.inject({ url: '/api/v1/catalog/versions' })).json().items;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions[0].itemCount).toBe(versions[1].itemCount + 1);
  });

  it('edits a supplement into a further version and keeps the old version intact', async () => {
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/items/${supplement.code}`, headers: { cookie: admin }, payload: { ...supplement, disclosureScope: 'shared', note: '改为政务共享' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: { number: 3 }, item: { disclosureScope: 'shared' } });
    const versions = (await t.app.inject({ url: '/api/v1/catalog/versions' })).json().items;
    const v2 = versions.find((v: { number: number }) => v.number === 2);
    const old = (await t.app.inject({ url: `/api/v1/catalog/versions/${v2.id}/items` })).json().items.find((i: { code: string }) => i.code === supplement.code);
    expect(old.disclosureScope).toBe('public');
  });

  it('refuses an item without a legal basis (LEGAL_BASIS_MISSING)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items', headers: { cookie: admin }, payload: { ...supplement, code: 'no_basis', legalBasis: [] } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'LEGAL_BASIS_MISSING', message: expect.stringMatching(/依据/) });
  });

  it('refuses inconsistent items: unknown pointer field, min period above max', async () => {
    const badPointer = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items', headers: { cookie: admin }, payload: { ...supplement, code: 'bad_pointer', decisionDateField: 'nope' } });
    expect(badPointer.statusCode).toBe(400);
    const badPeriod = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items', headers: { cookie: admin }, payload: { ...supplement, code: 'bad_period', disclosurePeriods: { general: { minMonths: 12, maxMonths: 3 } } } });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().message).toMatch(/公示期/);
  });

  it('keeps base items read-only and catalog editing to the credit office', async () => {
    const base = (await t.app.inject({ url: '/api/v1/catalog' })).json().items.find((i: { code: string }) => i.code === 'penalty');
    const { id: _id, versionId: _v, kind: _k, ...editable } = base;
    const editBase = await t.app.inject({ method: 'PUT', url: '/api/v1/catalog/items/penalty', headers: { cookie: admin }, payload: { ...editable, note: '试图修改基础目录' } });
    expect(editBase.statusCode).toBe(403);
    const operator = await t.login('op_a');
    const byOperator = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items', headers: { cookie: operator }, payload: { ...supplement, code: 'by_operator' } });
    expect(byOperator.statusCode).toBe(403);
  });

  it('accepts records under the new supplement item', async () => {
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/items/${supplement.code}`, headers: { cookie: admin }, payload: { ...supplement, note: '恢复公开' } });
    const operator = await t.login('op_a');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { cookie: operator },
      payload: { itemCode: supplement.code, fields: { subject_name: '测试市云川建筑有限公司', uscc: '91310115591693856A', document_number: '测公积金〔2026〕8号', decision_date: '2026-11-10', arrears_amount: '3.5' } },
    });
    expect(response.json()).toMatchObject({ outcome: 'created' });
  });
});
