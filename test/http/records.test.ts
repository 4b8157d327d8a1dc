import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/sql';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';

describe('records: append-only, versioned, department-scoped', () => {
  let t: TestApp;
  let opA: string;
  let opB: string;
  let admin: string;
  let recordId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [opA, opB, admin] = await Promise.all([t.login('op_a'), t.login('op_b'), t.login('admin')]);
  });
  afterAll(async () => t?.close());

  const post = (cookie: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { cookie }, payload });

  it('creates a record and registers its unknown subject', async () => {
    const response = await post(opA, { itemCode: 'penalty', fields: penaltyFields() });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ outcome: 'created', subjectCreated: true, record: { itemCode: 'penalty', documentNumber: '测市监罚〔2026〕1号', decisionDate: '2026-11-02', severity: 'minor', currentVersion: 1 } });
    recordId = body.record.id;
  });

  it('is idempotent: the same submission again changes nothing', async () => {
    const again = await post(opA, { itemCode: 'penalty', fields: penaltyFields() });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', record: { id: recordId, currentVersion: 1 } });
  });

  it('turns a changed resubmission into a correction version with its reason, raising severity to the heaviest penalty', async () => {
    const changed = await post(opA, { itemCode: 'penalty', fields: penaltyFields({ penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销许可证件' }), reason: '补充处罚类别' });
    expect(changed.json()).toMatchObject({ outcome: 'corrected', record: { id: recordId, currentVersion: 2, severity: 'serious' } });
    const read = (await t.app.inject({ url: `/api/v1/records/${recordId}`, headers: { cookie: opA } })).json();
    expect(read.versions.map((v: { kind: string }) => v.kind)).toEqual(['create', 'correction']);
    expect(read.versions[1]).toMatchObject({ reason: '补充处罚类别', submittedBy: expect.stringContaining('op_a') });
    expect(read.versions[0].fields.penalty_types).toEqual(['warning']);
  });

  it('forbids another department from reading or changing the record (403)', async () => {
    const read = await t.app.inject({ url: `/api/v1/records/${recordId}`, headers: { cookie: opB } });
    expect(read.statusCode).toBe(403);
    expect(read.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/其他部门/) });
    const correct = await t.app.inject({ method: 'POST', url: `/api/v1/records/${recordId}/corrections`, headers: { cookie: opB }, payload: { fields: penaltyFields(), reason: '越权更正' } });
    expect(correct.statusCode).toBe(403);
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/records/${recordId}/revocation`, headers: { cookie: opB }, payload: { reason: '越权撤销' } });
    expect(revoke.statusCode).toBe(403);
  });

  it('lets the credit office read any record but not change it', async () => {
    expect((await t.app.inject({ url: `/api/v1/records/${recordId}`, headers: { cookie: admin } })).statusCode).toBe(200);
    const correct = await t.app.inject({ method: 'POST', url: `/api/v1/records/${recordId}/corrections`, headers: { cookie: admin }, payload: { fields: penaltyFields(), reason: '信用办更正' } });
    expect(correct.statusCode).toBe(403);
  });

  it('validates fields against the catalog item with Chinese messages per field', async () => {
    const response = await post(opA, { itemCode: 'penalty', fields: penaltyFields({ decision_date: '2026-02-30', penalty_types: '打屁股', uscc: '91310110666007217X' }) });
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['decision_date', 'penalty_types', 'uscc']));
    expect(response.json().message).toMatch(/处罚决定日期|处罚类别|统一社会信用代码/);
  });

  it('refuses an unknown catalog item and an item the department may not submit', async () => {
    const unknown = await post(opA, { itemCode: 'no_such_item', fields: {} });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('CATALOG_ITEM_UNKNOWN');
    const { setSubmittingDepartments } = await import('../../src/modules/catalog');
    const { SYSTEM_ACTOR } = await import('../../src/shared/actor');
    await setSubmittingDepartments(t.ctx.db, SYSTEM_ACTOR, 'judicial_enforcement', ['FY'], '只允许法院报送');
    const forbidden = await post(opA, { itemCode: 'judicial_enforcement', fields: { subject_name: 'x' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('CATALOG_ITEM_NOT_ALLOWED');
  });

  it('refuses submissions from roles that do not supply data', async () => {
    const auditor = await t.login('auditor');
    expect((await post(auditor, { itemCode: 'penalty', fields: penaltyFields({ document_number: 'X-1' }) })).statusCode).toBe(403);
    expect((await post(admin, { itemCode: 'penalty', fields: penaltyFields({ document_number: 'X-2' }) })).statusCode).toBe(403);
  });

  it('masks a natural person\'s ID number in every read, and stores it only encrypted', async () => {
    const person = penaltyFields({ subject_name: '张三', subject_category: '自然人', uscc: undefined, id_type: '身份证', id_number: '11010519491231002X', document_number: '测市监罚〔2026〕2号' });
    delete person.uscc;
    delete person.legal_representative;
    const created = await post(opA, { itemCode: 'penalty', fields: person });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ url: `/api/v1/records/${created.json().record.id}`, headers: { cookie: opA } });
    expect(read.body).not.toContain('11010519491231002X');
    expect(read.json().versions[0].fields.id_number).toBe('110105********002X');
    const subjects = await queryRows<{ citizen_id_masked: string; citizen_id_enc: string }>(t.ctx.db, sql`select citizen_id_masked, citizen_id_enc from subjects where kind = 'natural_person'`);
    expect(subjects[0].citizen_id_masked).toBe('110105********002X');
    expect(subjects[0].citizen_id_enc).not.toContain('11010519491231002X');
  });

  it('revokes with a reason: a new version, status revoked, no further resubmission', async () => {
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/records/${recordId}/revocation`, headers: { cookie: opA }, payload: { reason: '处罚决定已被撤销' } });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ status: 'revoked', currentVersion: 3 });
    const again = await post(opA, { itemCode: 'penalty', fields: penaltyFields() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RECORD_REVOKED');
  });

  it('keeps every change in the verified audit chain', async () => {
    const verify = (await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: admin } })).json();
    expect(verify.ok).toBe(true);
    const entries = (await t.app.inject({ url: `/api/v1/audit?entityType=record&entityId=${recordId}`, headers: { cookie: admin } })).json().items;
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['record.correct', 'record.create', 'record.revoke']);
    const forbidden = await t.app.inject({ url: '/api/v1/audit', headers: { cookie: opA } });
    expect(forbidden.statusCode).toBe(403);
  });

  it('reports a tampered audit row through the API', async () => {
    await t.ctx.db.execute(sql`update audit_entries set actor_label = '篡改者' where seq = 2`);
    const verify = (await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: admin } })).json();
    expect(verify).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });
});
