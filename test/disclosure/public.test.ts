import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/sql';
import { withAudit } from '../../src/modules/audit';
import { endDisclosureEarly, expireDisclosures, runDisclosureJobOnce, startDisclosureJob, syncDisclosure } from '../../src/modules/disclosure';
import { SYSTEM_ACTOR } from '../../src/shared/actor';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';
import { testUscc } from './support';

const COMPANY = { subject_name: '测试市公示样本有限公司', subject_category: '法人及非法人组织', uscc: testUscc(1), legal_representative: '李四' };
const AUTHORITY = { authority_name: '测试市市场监督管理局', authority_uscc: '91310115591693856A' };
const SOURCE = { data_source_name: '测试市市场监督管理局', data_source_uscc: '91310115591693856A' };

function licenceFields(overrides: Record<string, unknown> = {}) {
  return {
    ...COMPANY,
    document_name: '食品经营许可决定书',
    document_number: '测市监许〔2026〕1号',
    licence_type: '普通',
    licence_content: '食品经营',
    decision_date: '2026-11-16',
    valid_from: '2026-11-16',
    valid_until: '2099-12-31',
    ...AUTHORITY,
    ...SOURCE,
    ...overrides,
  };
}

function levyFields(overrides: Record<string, unknown> = {}) {
  return { ...COMPANY, document_number: '测税征〔2026〕1号', levy_type: '行政事业性收费', content: '收取行政事业性收费', amount: '12.5', basis: '《中华人民共和国税收征收管理法》', decision_date: '2026-11-16', ...AUTHORITY, ...overrides };
}

interface Change {
  cursor: string;
  recordId: string;
  subjectId: string;
  change: string;
}

describe('disclosure: public view, periods, masking, feed', () => {
  let t: TestApp;
  let opA: string;
  let subjectId: string;
  const ids: Record<string, string> = {};

  const post = async (itemCode: string, fields: Record<string, unknown>) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { cookie: opA }, payload: { itemCode, fields } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().record as { id: string; subjectId: string; severity: string };
  };
  const get = (url: string, cookie?: string) => t.app.inject({ url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
  const publicRecords = async (id = subjectId) => {
    const response = await get(`/public/subjects/${id}/records`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { sections: { code: string; records: { recordId: string; disclosureEndDate: string | null; version: number; fields: { key: string; value: unknown; text: string }[] }[] }[] };
  };
  const shownIds = async () => (await publicRecords()).sections.flatMap((section) => section.records.map((record) => record.recordId));
  const feed = async (after?: string, limit?: number) => {
    const query = new URLSearchParams({ ...(after ? { after } : {}), ...(limit ? { limit: String(limit) } : {}) });
    const response = await get(`/public/changes?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Change[]; next: string };
  };
  const state = async (recordId: string) => (await queryRows<{ disclosed: boolean; end_date: string | null; ended_reason: string | null }>(t.ctx.db, sql`select disclosed, end_date::text, ended_reason from disclosure_state where record_id = ${recordId}`))[0];

  beforeAll(async () => {
    t = await createTestApp();
    opA = await t.login('op_a');
    const serious = await post('penalty', penaltyFields({ ...COMPANY, penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销食品经营许可证', document_number: '测市监罚〔2026〕101号' }));
    subjectId = serious.subjectId;
    ids.serious = serious.id;
    ids.general = (await post('penalty', penaltyFields({ ...COMPANY, penalty_types: '罚款', penalty_content: '罚款2000元', fine_amount: '0.2', document_number: '测市监罚〔2026〕102号' }))).id;
    ids.minor = (await post('penalty', penaltyFields({ ...COMPANY, penalty_types: '警告', document_number: '测市监罚〔2026〕103号' }))).id;
    ids.licence = (await post('licence', licenceFields())).id;
    ids.levy = (await post('levy', levyFields())).id;
    await syncDisclosure(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('never discloses a shared-only item (levy): not on the page, not in the feed', async () => {
    expect(await shownIds()).not.toContain(ids.levy);
    expect((await feed()).items.map((item) => item.recordId)).not.toContain(ids.levy);
    expect(await state(ids.levy)).toMatchObject({ disclosed: false, ended_reason: 'scope' });
  });

  it('applies the periods by severity; several penalty types → the longest (警告+吊销许可证件 → 36 months)', async () => {
    const { sections } = await publicRecords();
    expect(sections.map((section) => section.code)).toEqual(['licences', 'penalties', 'administrative', 'honours', 'lists', 'commitments', 'ratings', 'others']);
    const penalties = sections.find((section) => section.code === 'penalties')!.records;
    expect(penalties.find((record) => record.recordId === ids.serious)!.disclosureEndDate).toBe('2029-11-02');
    expect(penalties.find((record) => record.recordId === ids.general)!.disclosureEndDate).toBe('2027-11-02');
    const licences = sections.find((section) => section.code === 'licences')!.records;
    expect(licences.map((record) => [record.recordId, record.disclosureEndDate])).toEqual([[ids.licence, null]]);
    expect(await state(ids.serious)).toMatchObject({ disclosed: true, end_date: '2029-11-02', ended_reason: null });
  });

  it('does not publish minor dishonesty', async () => {
    expect(await shownIds()).not.toContain(ids.minor);
    expect(await state(ids.minor)).toMatchObject({ disclosed: false, ended_reason: 'minor_not_published' });
  });

  it('lists disclosed penalties and licences (双公示), with filters', async () => {
    const penalties = (await get('/public/disclosures?kind=penalty')).json();
    expect(penalties.items.map((item: { recordId: string }) => item.recordId).sort()).toEqual([ids.serious, ids.general].sort());
    expect(penalties.total).toBe(2);
    const licences = (await get(`/public/disclosures?kind=licence&departmentId=${t.departments.A.id}&from=2026-11-01&to=2026-11-30`)).json();
    expect(licences.items.map((item: { recordId: string }) => item.recordId)).toEqual([ids.licence]);
    expect((await get(`/public/disclosures?kind=licence&departmentId=${t.departments.B.id}`)).json().total).toBe(0);
    expect((await get('/public/disclosures?kind=levy')).statusCode).toBe(400);
    expect((await get('/public/disclosures?kind=penalty&extra=1')).statusCode).toBe(400);
    expect((await get('/public/disclosures?kind=penalty&from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
  });

  it('masks personal data: a natural person\'s penalty shows no ID number and no phone anywhere', async () => {
    const person = penaltyFields({
      subject_name: '张三',
      subject_category: '自然人',
      id_type: '身份证',
      id_number: '11010519491231002X',
      penalty_types: '罚款',
      penalty_content: '罚款500元',
      fine_amount: '0.05',
      violation_facts: '当事人张三（身份证号11010519491231002X，联系电话13812345678）无证经营。',
      document_number: '测市监罚〔2026〕201号',
    });
    delete person.uscc;
    delete person.legal_representative;
    const personal = await post('penalty', person);
    const company = await post('penalty', penaltyFields({ subject_name: '测试市另一贸易有限公司', uscc: testUscc(2), legal_representative: '王五', legal_representative_id_type: '身份证', legal_representative_id_number: '440524188001010014', penalty_types: '罚款', fine_amount: '1', document_number: '测市监罚〔2026〕202号' }));
    await syncDisclosure(t.ctx.db);
    const list = await get('/public/disclosures?kind=penalty&pageSize=100');
    const ids = list.json().items.map((item: { recordId: string }) => item.recordId);
    expect(ids).toEqual(expect.arrayContaining([personal.id, company.id]));
    for (const body of [list.body, (await publicRecords(company.subjectId)) && JSON.stringify(await publicRecords(company.subjectId))]) {
      expect(body).not.toContain('11010519491231002X');
      expect(body).not.toContain('440524188001010014');
      expect(body).not.toContain('13812345678');
    }
    expect(list.body).toContain('138****5678');
    expect(list.body).toContain('110105********002X');
    const item = list.json().items.find((one: { recordId: string }) => one.recordId === personal.id);
    expect(item.fields.map((field: { key: string }) => field.key)).not.toContain('id_number');
    // natural persons have no public subject page (as in the subjects module)
    expect((await get(`/public/subjects/${personal.subjectId}/records`)).statusCode).toBe(404);
  });

  it('shows the current version only: a correction is public at once with version 2 fields', async () => {
    const corrected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${ids.general}/corrections`,
      headers: { cookie: opA },
      payload: { fields: penaltyFields({ ...COMPANY, penalty_types: '罚款', penalty_content: '罚款3000元', fine_amount: '0.3', document_number: '测市监罚〔2026〕102号' }), reason: '更正罚款金额' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const record = (await publicRecords()).sections.flatMap((section) => section.records).find((one) => one.recordId === ids.general)!;
    expect(record.version).toBe(2);
    const content = record.fields.find((field) => field.key === 'penalty_content')!;
    expect(content.value).toBe('罚款3000元');
    expect(JSON.stringify(record)).not.toContain('罚款2000元');
    const before = (await feed()).next;
    await syncDisclosure(t.ctx.db);
    expect((await feed(before)).items).toEqual([expect.objectContaining({ recordId: ids.general, change: 'changed' })]);
  });

  it('revocation removes a record from public output at once, and the feed says withdrawn after sync', async () => {
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/records/${ids.general}/revocation`, headers: { cookie: opA }, payload: { reason: '处罚决定已被撤销' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await shownIds()).not.toContain(ids.general);
    const list = (await get('/public/disclosures?kind=penalty&pageSize=100')).json();
    expect(list.items.map((item: { recordId: string }) => item.recordId)).not.toContain(ids.general);
    const before = (await feed()).next;
    await syncDisclosure(t.ctx.db);
    expect((await feed(before)).items).toEqual([expect.objectContaining({ recordId: ids.general, subjectId, change: 'withdrawn' })]);
    expect(await state(ids.general)).toMatchObject({ disclosed: false, ended_reason: 'revoked' });
  });

  it('is a resumable feed: after=<cursor> returns only later changes, and an idle sync adds nothing', async () => {
    const all = await feed();
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    expect(all.items.slice(0, 3).map((item) => item.change)).toEqual(['new', 'new', 'new']);
    const middle = all.items[2].cursor;
    const rest = await feed(middle);
    expect(rest.items.map((item) => item.cursor)).toEqual(all.items.slice(3).map((item) => item.cursor));
    const page = await feed(undefined, 2);
    expect(page.items).toHaveLength(2);
    expect((await feed(page.next)).items[0].cursor).toBe(all.items[2].cursor);
    expect(await syncDisclosure(t.ctx.db)).toMatchObject({ new: 0, changed: 0, withdrawn: 0 });
    expect(await syncDisclosure(t.ctx.db, { full: true, batchSize: 2 })).toMatchObject({ records: 7, new: 0, changed: 0, withdrawn: 0 });
    expect(await syncDisclosure(t.ctx.db, { batchSize: 2 })).toMatchObject({ new: 0, changed: 0, withdrawn: 0 });
    expect(await feed(all.next)).toEqual({ items: [], next: all.next });
    const added = await post('licence', licenceFields({ document_number: '测市监许〔2026〕2号', valid_until: '2031-11-15' }));
    await syncDisclosure(t.ctx.db, { recordIds: [added.id] });
    expect((await feed(all.next)).items).toEqual([expect.objectContaining({ recordId: added.id, change: 'new' })]);
    expect((await get('/public/changes?after=abc')).statusCode).toBe(400);
  });

  it('documents the public routes in OpenAPI without a security requirement', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/public/subjects/{id}/records', '/api/v1/public/disclosures', '/api/v1/public/changes']) {
      expect(spec.paths[path].get).toMatchObject({ tags: ['公开查询'], security: [] });
    }
    expect(spec.paths['/api/v1/disclosure/late'].get.security).toBeUndefined();
  });

  it('shows late records in the console: a department its own, the credit office all', async () => {
    const late = (await get('/disclosure/late', opA)).json();
    expect(late.limitWorkingDays).toBe(7);
    expect(late.items.map((item: { recordId: string }) => item.recordId)).toEqual(expect.arrayContaining([ids.serious, ids.minor]));
    expect(late.items.map((item: { recordId: string }) => item.recordId)).not.toContain(ids.licence);
    expect(late.items[0]).toMatchObject({ departmentName: '测试市市场监督管理局', itemName: expect.any(String), arrivalWorkingDays: expect.any(Number) });
    expect((await get('/disclosure/late', await t.login('op_b'))).json().total).toBe(0);
    expect((await get('/disclosure/late', await t.login('admin'))).json().total).toBe(late.total);
    expect((await get('/disclosure/late')).statusCode).toBe(401);
  });

  it('leaves a repair hook that refuses to end disclosure without a legal basis', async () => {
    const licence = ids.licence;
    const attempt = withAudit(t.ctx.db, SYSTEM_ACTOR, (tx, audit) => endDisclosureEarly(tx, audit, licence, 'repaired', null));
    await expect(attempt).rejects.toMatchObject({ code: 'LEGAL_BASIS_MISSING' });
    const blank = withAudit(t.ctx.db, SYSTEM_ACTOR, (tx, audit) => endDisclosureEarly(tx, audit, licence, 'repaired', { document: '  ' }));
    await expect(blank).rejects.toMatchObject({ code: 'LEGAL_BASIS_MISSING' });
    expect(await shownIds()).toContain(licence);
    const before = (await feed()).next;
    const ended = await withAudit(t.ctx.db, SYSTEM_ACTOR, (tx, audit) => endDisclosureEarly(tx, audit, licence, 'repaired', { document: '《信用修复管理办法》（国家发展和改革委员会令第36号）', article: '第三条' }));
    expect(ended).toEqual({ ended: true });
    expect(await shownIds()).not.toContain(licence);
    await syncDisclosure(t.ctx.db, { full: true });
    expect(await state(licence)).toMatchObject({ disclosed: false, ended_reason: 'repaired' });
    expect((await feed(before)).items).toEqual([expect.objectContaining({ recordId: licence, change: 'withdrawn' })]);
  });

  it('ends disclosure automatically at the maximum: the daily job withdraws the serious penalty after 2029-11-02', async () => {
    const before = (await feed()).next;
    expect(await runDisclosureJobOnce(t.ctx.db, '2029-11-02')).toMatchObject({ expired: 0 });
    expect(await shownIds()).toContain(ids.serious);
    // the job's expiry body alone ends what the projection shows past its end date
    expect((await expireDisclosures(t.ctx.db, '2029-11-03')).expired).toBeGreaterThanOrEqual(1);
    expect(await state(ids.serious)).toMatchObject({ disclosed: false, ended_reason: 'period_expired' });
    expect(await shownIds()).not.toContain(ids.serious);
    expect((await get('/public/disclosures?kind=penalty&pageSize=100')).json().items.map((item: { recordId: string }) => item.recordId)).not.toContain(ids.serious);
    expect((await feed(before)).items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: ids.serious, change: 'withdrawn' })]));
    // a whole job run afterwards finds nothing more to end: a run that changes nothing declares so
    expect(await runDisclosureJobOnce(t.ctx.db, '2029-11-03')).toMatchObject({ expired: 0, new: 0, withdrawn: 0 });
    expect(await state(ids.serious)).toMatchObject({ disclosed: false, ended_reason: 'period_expired' });
    const verify = (await get('/audit/verify', await t.login('admin'))).json();
    expect(verify.ok).toBe(true);
    const audits = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_entries where action = 'disclosure.expire'`);
    expect(audits[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('disclosure: a missed day is caught up by the next job run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('a job run long after the end (sync + expiry in one) withdraws the record and reports it', async () => {
    const opA = await t.login('op_a');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { cookie: opA }, payload: { itemCode: 'penalty', fields: penaltyFields({ penalty_types: '罚款', fine_amount: '0.1', document_number: '测市监罚〔2026〕301号' }) } });
    const record = created.json().record as { id: string; subjectId: string };
    expect(await runDisclosureJobOnce(t.ctx.db, '2026-11-23')).toMatchObject({ new: 1, expired: 0 });
    // the process was down for years: the next run still ends it, in its sync (withdrawn) or expiry step
    const run = await runDisclosureJobOnce(t.ctx.db, '2028-01-01');
    expect(run.withdrawn + run.expired).toBe(1);
    const changes = (await t.app.inject({ url: '/api/v1/public/changes' })).json().items.map((item: { change: string }) => item.change);
    expect(changes).toEqual(['new', 'withdrawn']);
    const page = (await t.app.inject({ url: `/api/v1/public/subjects/${record.subjectId}/records` })).json();
    expect(page.sections.flatMap((section: { records: unknown[] }) => section.records)).toEqual([]);
  });

  it('starts the job: a run at start, then on its interval, never overlapping; stop() ends it', async () => {
    const runs: string[] = [];
    const logger = { info: (fields: { run: string }) => void runs.push(fields.run), error: vi.fn() };
    const job = startDisclosureJob(t.ctx.db, logger, { intervalMs: 40, syncIntervalMs: 25 });
    await job.initial;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await job.stop();
    expect(runs[0]).toBe('daily');
    expect(runs).toEqual(expect.arrayContaining(['daily', 'sync']));
    expect(logger.error).not.toHaveBeenCalled();
  });
});
