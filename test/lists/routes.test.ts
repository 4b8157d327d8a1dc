import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit';
import { createUser } from '../../src/modules/auth';
import { createSeededRandom, generateCitizenId } from '../../src/modules/identifiers';
import { seedNationalListKinds } from '../../src/modules/lists';
import { SYSTEM_ACTOR } from '../../src/shared/actor';
import { createTestApp, penaltyFields, TEST_PASSWORD, type TestApp } from '../support/app';
import { testUscc } from './support';


const CITIZEN_ID = generateCitizenId({ region: '450403', random: createSeededRandom(9) });

const LOCAL_KIND = {
  code: 'local_arrears',
  name: '拖欠农民工工资失信名单（本地）',
  scope: 'local',
  kind: 'sanction',
  legalBasis: [{ document: '《测试市社会信用条例》', article: '第二十条' }],
  criteria: '拖欠农民工工资数额较大且经责令限期支付逾期未支付的',
  validityMonths: 24,
  removalConditions: '已足额支付拖欠工资的，可申请提前移出。',
  removalProcedure: '当事人向认定部门申请，认定部门 15 个工作日内作出决定。',
  remedies: '可依法申请行政复议或提起行政诉讼。',
  localRegulation: { document: '《测试市社会信用条例》', article: '第二十条' },
  publicComment: { from: '2026-03-01', to: '2026-03-31', url: 'https://www.example.gov.cn/zqyj/1', summary: '共收到意见 12 条，采纳 5 条' },
};

describe('list routes', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who ? { cookie: cookies[who] } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    await seedNationalListKinds(t.ctx.db);
    await createUser(t.ctx.db, SYSTEM_ACTOR, { username: 'rev_b', displayName: 'rev_b', password: TEST_PASSWORD, role: 'dept_reviewer', departmentId: t.departments.B.id });
    for (const name of ['op_a', 'rev_a', 'op_b', 'rev_b', 'admin']) cookies[name] = await t.login(name);
  });
  afterAll(async () => t?.close());

  it('lets only the credit office set up kinds, and refuses a local kind without regulation or 30 days of comment', async () => {
    const kinds = await call('GET', '/lists/kinds', 'op_a');
    expect(kinds.statusCode, kinds.body).toBe(200);
    expect(kinds.json().map((kind: { code: string }) => kind.code).sort()).toEqual(['red_list', 'serious_dishonesty', 'watch_list']);
    expect((await call('POST', '/lists/kinds', 'op_a', LOCAL_KIND)).statusCode).toBe(403);
    const noRegulation = await call('POST', '/lists/kinds', 'admin', { ...LOCAL_KIND, localRegulation: null });
    expect([noRegulation.statusCode, noRegulation.json().code]).toEqual([422, 'LEGAL_BASIS_MISSING']);
    const noComment = await call('POST', '/lists/kinds', 'admin', { ...LOCAL_KIND, publicComment: null });
    expect([noComment.statusCode, noComment.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);
    const short = await call('POST', '/lists/kinds', 'admin', { ...LOCAL_KIND, publicComment: { ...LOCAL_KIND.publicComment, to: '2026-03-30' } });
    expect([short.statusCode, short.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);
    expect(short.json().message).toContain('不少于30日');
    const created = await call('POST', '/lists/kinds', 'admin', LOCAL_KIND);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'local_arrears', statementWorkingDays: 5, localRegulation: { document: '《测试市社会信用条例》' } });
    const patched = await call('PATCH', '/lists/kinds/local_arrears', 'admin', { statementWorkingDays: 10 });
    expect([patched.statusCode, patched.json().statementWorkingDays]).toEqual([200, 10]);
    const emptied = await call('PATCH', '/lists/kinds/local_arrears', 'admin', { publicComment: null });
    expect(emptied.statusCode).toBe(422);
    expect((await call('POST', '/lists/kinds', 'admin', { ...LOCAL_KIND, code: 'x_extra', unknown: 1 })).statusCode).toBe(400);
  });

  it('walks the procedure over HTTP with department scoping, public list and personal accountability', async () => {
    const record = await call('POST', '/records', 'op_a', {
      itemCode: 'penalty',
      fields: penaltyFields({ subject_name: '测试市名单接口样本有限公司', uscc: testUscc(501), document_number: '测市监罚〔2026〕501号', penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销许可证' }),
    });
    expect(record.statusCode, record.body).toBe(201);
    const { id: recordId, subjectId } = record.json().record;
    const other = await call('POST', '/records', 'op_b', { itemCode: 'penalty', fields: penaltyFields({ uscc: testUscc(502), subject_name: '测试市他部门样本有限公司', document_number: '测税罚〔2026〕1号', penalty_types: '警告、吊销许可证件', penalty_content: '吊销' }) });
    expect(other.statusCode, other.body).toBe(201);

    const withoutEvidence = await call('POST', '/lists/entries', 'op_a', { subjectId, listKind: 'serious_dishonesty', evidence: [], reasons: '严重违法' });
    expect([withoutEvidence.statusCode, withoutEvidence.json().code]).toEqual([422, 'LEGAL_BASIS_MISSING']);
    const foreign = await call('POST', '/lists/entries', 'op_a', { subjectId: other.json().record.subjectId, listKind: 'serious_dishonesty', evidence: [other.json().record.id], reasons: '严重违法' });
    expect([foreign.statusCode, foreign.json().code]).toEqual([403, 'FORBIDDEN']);

    const proposed = await call('POST', '/lists/entries', 'op_a', { subjectId, listKind: 'serious_dishonesty', evidence: [recordId], reasons: '因食品安全严重违法被吊销许可证' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as string;
    expect(proposed.json()).toMatchObject({ state: 'proposed', allowedActions: ['serve_notice', 'withdraw'], subjectName: '测试市名单接口样本有限公司' });

    const early = await call('POST', `/lists/entries/${id}/decision`, 'rev_a', { documentNumber: '测市监信认〔2026〕501号' });
    expect([early.statusCode, early.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);
    const noticed = await call('POST', `/lists/entries/${id}/notice`, 'op_a');
    expect(noticed.statusCode, noticed.body).toBe(200);
    expect(noticed.json().notice.text).toContain('陈述、申辩的权利');
    const tooSoon = await call('POST', `/lists/entries/${id}/statement-expiry`, 'op_a', {});
    expect([tooSoon.statusCode, tooSoon.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);
    expect((await call('POST', `/lists/entries/${id}/statement`, 'op_b', { text: '申辩' })).statusCode).toBe(403);
    const statement = await call('POST', `/lists/entries/${id}/statement`, 'op_a', { text: '当事人对事实无异议' });
    expect([statement.statusCode, statement.json().state]).toEqual([200, 'statement_received']);

    expect((await call('POST', `/lists/entries/${id}/decision`, 'op_a', { documentNumber: '测市监信认〔2026〕501号' })).statusCode).toBe(403);
    const otherDepartment = await call('POST', `/lists/entries/${id}/decision`, 'rev_b', { documentNumber: '测市监信认〔2026〕501号' });
    expect([otherDepartment.statusCode, otherDepartment.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('GET', `/lists/entries/${id}`, 'rev_b')).statusCode).toBe(403);
    const decided = await call('POST', `/lists/entries/${id}/decision`, 'rev_a', { documentNumber: '测市监信认〔2026〕501号' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().decision.text).toContain('移出条件和程序');
    const withdraw = await call('POST', `/lists/entries/${id}/withdrawal`, 'op_a', { reason: '撤回' });
    expect([withdraw.statusCode, withdraw.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);

    const hidden = await call('GET', '/public/lists/serious_dishonesty');
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().items).toEqual([]);
    const published = await call('POST', `/lists/entries/${id}/publication`, 'op_a');
    expect([published.statusCode, published.json().state]).toEqual([200, 'published']);
    const shown = await call('GET', '/public/lists/serious_dishonesty');
    expect(shown.json().items).toEqual([expect.objectContaining({ entryId: id, subjectName: '测试市名单接口样本有限公司', uscc: testUscc(501), decisionNumber: '测市监信认〔2026〕501号', listKindName: '严重失信主体名单' })]);
    expect((await call('GET', '/public/lists/no_such')).statusCode).toBe(404);
    const watch = await call('GET', '/public/lists/watch_list');
    expect(watch.statusCode).toBe(404);
    expect(watch.json().message).toMatch(/不向社会公开/);

    // personal accountability: the legal representative's listings show the company
    const person = await call('POST', '/subjects', 'admin', { kind: 'natural_person', name: '名单接口测试人', citizenId: CITIZEN_ID });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json().id as string;
    {
      expect((await call('POST', `/subjects/${subjectId}/relations`, 'admin', { personId, role: 'legal_representative', validFrom: '2020-01-01' })).statusCode).toBe(201);
      const listings = await call('GET', `/lists/subjects/${personId}/listings`, 'op_b');
      expect(listings.statusCode, listings.body).toBe(200);
      expect(listings.json().asResponsiblePerson).toEqual([expect.objectContaining({ entryId: id, role: 'legal_representative' })]);
      expect(listings.body).not.toContain(CITIZEN_ID);
    }

    // scoping of the console list
    const ownList = await call('GET', '/lists/entries?state=published', 'op_a');
    expect(ownList.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await call('GET', '/lists/entries', 'op_b')).json().items).toEqual([]);
    expect((await call('GET', '/lists/entries?kind=serious_dishonesty', 'admin')).json().total).toBe(1);

    const noBasis = await call('POST', `/lists/entries/${id}/removal`, 'rev_a', { reason: 'repaired' });
    expect([noBasis.statusCode, noBasis.json().code]).toEqual([422, 'LEGAL_BASIS_MISSING']);
    const notExpired = await call('POST', `/lists/entries/${id}/removal`, 'rev_a', { reason: 'expired' });
    expect([notExpired.statusCode, notExpired.json().code]).toEqual([422, 'PROCEDURE_STEP_MISSING']);
    const removed = await call('POST', `/lists/entries/${id}/removal`, 'rev_a', { reason: 'repaired', basis: '已完成信用修复', document: { number: '测市监修〔2026〕1号', name: '信用修复决定书' } });
    expect([removed.statusCode, removed.json().state]).toEqual([200, 'removed']);
    expect((await call('GET', '/public/lists/serious_dishonesty')).json().items).toEqual([]);
    const view = await call('GET', `/lists/entries/${id}`, 'admin');
    expect(view.json().events).toHaveLength(6);
    expect(view.json().allowedActions).toEqual([]);
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
  });

  it('documents the routes under 信用名单', async () => {
    const spec = await t.app.inject({ url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const paths = spec.json().paths as Record<string, Record<string, { tags?: string[] }>>;
    expect(paths['/api/v1/lists/entries/{id}/decision'].post.tags).toContain('信用名单');
  });
});
