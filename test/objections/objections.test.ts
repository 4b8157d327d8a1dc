import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit';
import { createUser } from '../../src/modules/auth';
import { runCheck, submitFeedback } from '../../src/modules/checks';
import { decideEntry, expireStatement, proposeEntry, publishEntry, seedNationalListKinds, serveNotice } from '../../src/modules/lists';
import { syncBaseMeasures } from '../../src/modules/measures';
import {
  acceptObjection,
  concludeObjection,
  extendObjection,
  getObjection,
  listObjections,
  notAcceptObjection,
  recordsUnderObjection,
  submitObjection,
  withdrawObjection,
} from '../../src/modules/objections';
import { correctRecord, createRecord, getRecord } from '../../src/modules/records';
import { SYSTEM_ACTOR, type Actor } from '../../src/shared/actor';
import { createTestApp, penaltyFields, TEST_PASSWORD, type TestApp } from '../support/app';
import { testUscc } from '../lists/support';

const SERIOUS = { penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销食品经营许可证' };

describe('objections (异议处理)', () => {
  let t: TestApp;
  let opA: Actor, revA: Actor, revB: Actor, admin: Actor;
  let n = 0;
  const cookies: Record<string, string> = {};
  const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who] }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const staff = (role: Actor['role'], id: string, department: { id: string; code: string }): Actor => ({
    kind: 'user', id, role, departmentId: department.id, departmentCode: department.code, regionCode: '459900', label: id,
  });
  const subjectAccount = (subjectId: string): Actor => ({ kind: 'user', id: `subject-${subjectId}`, role: 'subject', departmentId: null, departmentCode: null, regionCode: null, label: '测试主体账户', subjectId });
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (error as { code: string }).code;
    }
    throw new Error('expected a refusal');
  };

  /** a company with one serious penalty of department A */
  async function penalised() {
    n += 1;
    const uscc = testUscc(900 + n);
    const fields = penaltyFields({ subject_name: `测试市异议样本${n}有限公司`, uscc, document_number: `测市监罚〔2026〕${9000 + n}号`, ...SERIOUS });
    const { record } = await createRecord(t.ctx.db, opA, { itemCode: 'penalty', fields });
    return { subjectId: record.subjectId, recordId: record.id, uscc, fields };
  }

  const check = (uscc: string, matterCode = 'government_procurement') =>
    runCheck(t.ctx.db, opA, { subject: { uscc }, matterCode, purpose: '政府采购供应商资格审查' }, { today: '2026-11-10' });

  async function underVerification() {
    const company = await penalised();
    const objection = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '处罚决定已被复议机关撤销，记录有误' }, { today: '2026-09-30' });
    await acceptObjection(t.ctx.db, admin, objection.id, {}, { today: '2026-10-09' });
    return { ...company, objectionId: objection.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedNationalListKinds(t.ctx.db);
    await syncBaseMeasures(t.ctx.db);
    opA = staff('dept_operator', 'op_a', t.departments.A);
    revA = staff('dept_reviewer', 'rev_a', t.departments.A);
    revB = staff('dept_reviewer', 'rev_b', t.departments.B);
    admin = { kind: 'user', id: 'admin', role: 'office_admin', departmentId: t.departments.office.id, departmentCode: t.departments.office.code, regionCode: '459900', label: 'admin' };
    await createUser(t.ctx.db, SYSTEM_ACTOR, { username: 'rev_a2', displayName: 'rev_a2', password: TEST_PASSWORD, role: 'dept_reviewer', departmentId: t.departments.A.id });
    for (const name of ['admin', 'op_a', 'rev_a2', 'op_b']) cookies[name] = await t.login(name);
  });
  afterAll(async () => t?.close());

  describe('submission', () => {
    it('lets a subject object to its own record, with the acceptance deadline in working days (National Day skipped)', async () => {
      const company = await penalised();
      const objection = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '罚款金额录入错误，应为 0.5 万元' }, { today: '2026-09-30' });
      expect(objection.state).toBe('submitted');
      expect(objection.acceptDue).toBe('2026-10-09');
      expect(objection.applicant).toEqual({ kind: 'subject', name: company.fields.subject_name, channel: 'online' });
      expect(objection.recordVersion).toBe(1);
    });

    it('refuses an objection to another subject’s record, from department staff, without reasons, or to a revoked record', async () => {
      const a = await penalised();
      const b = await penalised();
      expect(await refusal(submitObjection(t.ctx.db, subjectAccount(b.subjectId), { recordId: a.recordId, reasons: '该记录与本公司无关' }))).toBe('FORBIDDEN');
      expect(await refusal(submitObjection(t.ctx.db, opA, { recordId: a.recordId, reasons: '部门自行提出异议' }))).toBe('FORBIDDEN');
      expect(await refusal(submitObjection(t.ctx.db, subjectAccount(a.subjectId), { recordId: a.recordId, reasons: '错' }))).toBe('VALIDATION');
      expect(await refusal(submitObjection(t.ctx.db, admin, { recordId: a.recordId, reasons: '窗口受理的异议申请', channel: 'counter' }))).toBe('VALIDATION'); // no applicant name
      expect(await refusal(submitObjection(t.ctx.db, admin, { recordId: '00000000-0000-0000-0000-000000000000', reasons: '记录不存在', applicantName: '张三' }))).toBe('NOT_FOUND');
    });

    it('allows one open objection per record; the credit office registers counter objections for the applicant', async () => {
      const company = await penalised();
      const first = await submitObjection(t.ctx.db, admin, { recordId: company.recordId, reasons: '当事人到窗口提出：文书号有误', applicantName: '测试市异议样本公司', channel: 'counter' });
      expect(first.applicant).toEqual({ kind: 'staff', name: '测试市异议样本公司', channel: 'counter' });
      expect(await refusal(submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '再次提出同一异议' }))).toBe('CONFLICT');
      await withdrawObjection(t.ctx.db, subjectAccount(company.subjectId), first.id, { reason: '已与部门沟通' });
      const second = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '撤回后重新提出异议' });
      expect(second.state).toBe('submitted');
    });
  });

  describe('procedure', () => {
    it('accepts: the verification deadline runs in working days from acceptance and the record is under objection', async () => {
      const company = await penalised();
      const submitted = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '处罚已履行完毕且被撤销' }, { today: '2026-10-09' });
      expect(await recordsUnderObjection(t.ctx.db, [company.recordId])).toEqual(new Set());
      const accepted = await acceptObjection(t.ctx.db, admin, submitted.id, { note: '材料齐全' }, { today: '2026-10-09' });
      expect(accepted.state).toBe('verifying');
      expect(accepted.verifyDue).toBe('2026-10-22');
      expect(await recordsUnderObjection(t.ctx.db, [company.recordId])).toEqual(new Set([company.recordId]));
    });

    it('refuses steps out of order or by the wrong role or department', async () => {
      const company = await penalised();
      const objection = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '记录的处罚种类有误' });
      expect(await refusal(concludeObjection(t.ctx.db, revA, objection.id, { result: 'dismissed', explanation: '经核查记录无误' }))).toBe('PROCEDURE_STEP_MISSING');
      expect(await refusal(acceptObjection(t.ctx.db, revA, objection.id))).toBe('FORBIDDEN');
      expect(await refusal(notAcceptObjection(t.ctx.db, admin, objection.id, { reason: '否' }))).toBe('VALIDATION');
      await acceptObjection(t.ctx.db, admin, objection.id);
      expect(await refusal(acceptObjection(t.ctx.db, admin, objection.id))).toBe('PROCEDURE_STEP_MISSING');
      expect(await refusal(concludeObjection(t.ctx.db, revB, objection.id, { result: 'dismissed', explanation: '经核查记录无误' }))).toBe('FORBIDDEN');
      expect(await refusal(concludeObjection(t.ctx.db, opA, objection.id, { result: 'dismissed', explanation: '经核查记录无误' }))).toBe('FORBIDDEN');
      expect(await refusal(withdrawObjection(t.ctx.db, subjectAccount('00000000-0000-0000-0000-000000000001'), objection.id))).toBe('FORBIDDEN');
    });

    it('does not accept with a reason, which ends the procedure', async () => {
      const company = await penalised();
      const objection = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '对处罚决定本身不服' });
      const ended = await notAcceptObjection(t.ctx.db, admin, objection.id, { reason: '对行政处罚决定不服的，应依法申请行政复议或提起行政诉讼' }, { today: '2026-11-02' });
      expect(ended.state).toBe('not_accepted');
      expect(ended.acceptance).toMatchObject({ accepted: false, on: '2026-11-02' });
      expect(await refusal(acceptObjection(t.ctx.db, admin, ended.id))).toBe('PROCEDURE_STEP_MISSING');
    });

    it('extends the verification once, within the maximum', async () => {
      const { objectionId } = await underVerification();
      expect(await refusal(extendObjection(t.ctx.db, admin, objectionId, { reason: '需向复议机关调取材料', workingDays: 11 }))).toBe('VALIDATION');
      const extended = await extendObjection(t.ctx.db, admin, objectionId, { reason: '需向复议机关调取材料', workingDays: 5 }, { today: '2026-10-20' });
      expect(extended.verifyDue).toBe('2026-10-29');
      expect(extended.extension).toMatchObject({ previousDue: '2026-10-22', workingDays: 5 });
      expect(await refusal(extendObjection(t.ctx.db, admin, objectionId, { reason: '再次延期', workingDays: 2 }))).toBe('PROCEDURE_STEP_MISSING');
    });

    it('upheld by correction: needs a correction made after the objection was filed', async () => {
      const { objectionId, recordId, fields } = await underVerification();
      expect(await refusal(concludeObjection(t.ctx.db, revA, objectionId, { result: 'upheld', explanation: '处罚种类录入错误' }))).toBe('VALIDATION');
      expect(await refusal(concludeObjection(t.ctx.db, revA, objectionId, { result: 'upheld', action: 'corrected', explanation: '处罚种类录入错误' }))).toBe('PROCEDURE_STEP_MISSING');
      await correctRecord(t.ctx.db, opA, recordId, { fields: { ...fields, penalty_types: '警告', penalty_content: '警告' }, reason: '异议核查：处罚种类录入错误' });
      const concluded = await concludeObjection(t.ctx.db, revA, objectionId, { result: 'upheld', action: 'corrected', explanation: '处罚种类录入错误，已更正为警告' }, { today: '2026-10-15' });
      expect(concluded.state).toBe('upheld');
      expect(concluded.outcome).toMatchObject({ result: 'upheld', action: 'corrected', recordVersion: 2, on: '2026-10-15' });
      expect(await recordsUnderObjection(t.ctx.db, [recordId])).toEqual(new Set());
    });

    it('upheld by revocation: the record is revoked in the same step', async () => {
      const { objectionId, recordId } = await underVerification();
      const concluded = await concludeObjection(t.ctx.db, revA, objectionId, { result: 'upheld', action: 'revoked', explanation: '处罚决定已被复议机关撤销' });
      expect(concluded.outcome).toMatchObject({ action: 'revoked', recordVersion: 2 });
      const { record, versions } = await getRecord(t.ctx.db, revA, recordId);
      expect(record.status).toBe('revoked');
      expect(versions.at(-1)).toMatchObject({ kind: 'revocation' });
    });

    it('dismissed and undetermined lift the annotation and leave the record as it was', async () => {
      const first = await underVerification();
      const dismissed = await concludeObjection(t.ctx.db, revA, first.objectionId, { result: 'dismissed', explanation: '经核查，处罚决定合法有效，记录无误' });
      expect(dismissed.state).toBe('dismissed');
      expect(await refusal(concludeObjection(t.ctx.db, revA, first.objectionId, { result: 'dismissed', action: 'revoked', explanation: '重复' }))).toBe('VALIDATION');
      const second = await underVerification();
      const undetermined = await concludeObjection(t.ctx.db, revA, second.objectionId, { result: 'undetermined', explanation: '原始卷宗已移交档案馆，暂无法核实' });
      expect(undetermined.state).toBe('undetermined');
      expect(await recordsUnderObjection(t.ctx.db, [first.recordId, second.recordId])).toEqual(new Set());
      expect((await getRecord(t.ctx.db, revA, first.recordId)).record.status).toBe('active');
    });
  });

  describe('measures are paused while under objection', () => {
    it('a record under objection is shown as such and triggers no measure; after dismissal it does again', async () => {
      const { uscc, objectionId } = await underVerification();
      const paused = await check(uscc);
      expect(paused.records).toEqual([expect.objectContaining({ severity: 'serious', underObjection: true })]);
      expect(paused.measures).toEqual([]);
      expect(paused.treatment).toBe('normal');
      await concludeObjection(t.ctx.db, revA, objectionId, { result: 'dismissed', explanation: '经核查记录无误' });
      const resumed = await check(uscc);
      expect(resumed.records[0].underObjection).toBe(false);
      expect(resumed.treatment).toBe('caution');
      expect(resumed.measures.map((m) => m.code)).toContain('S03_PROCUREMENT');
    });

    it('a list entry resting on a record under objection is shown but its measures are paused', async () => {
      const company = await penalised();
      const entry = await proposeEntry(t.ctx.db, opA, { subjectId: company.subjectId, listKind: 'serious_dishonesty', evidence: [company.recordId], reasons: '依据生效文书认定严重失信主体' });
      await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
      await expireStatement(t.ctx.db, opA, entry.id, { today: '2026-10-13' });
      await decideEntry(t.ctx.db, revA, entry.id, { documentNumber: `测市监信认〔2026〕${n}号` }, { today: '2026-10-14' });
      await publishEntry(t.ctx.db, opA, entry.id, { today: '2026-10-15' });
      expect((await check(company.uscc)).treatment).toBe('sanction');
      const objection = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '据以认定的处罚决定已被撤销' });
      await acceptObjection(t.ctx.db, admin, objection.id);
      const result = await check(company.uscc);
      expect(result.listings.own.map((listing) => listing.entryId)).toEqual([entry.id]);
      expect(result.pausedListings).toEqual([entry.id]);
      expect(result.treatment).toBe('normal');
      expect(result.measures).toEqual([]);
    });
  });

  describe('measure degree (实施幅度) on feedback', () => {
    it('refuses an applied measure that lasts beyond the listed maximum, or without its end date', async () => {
      const { uscc } = await penalised();
      const result = await check(uscc);
      expect(result.measures.find((m) => m.code === 'S03_PROCUREMENT')).toMatchObject({ degreeLimit: { maxMonths: 36 }, latestUntil: '2029-11-09' });
      const line = (until?: string) => ({ applied: [{ measureCode: 'S03_PROCUREMENT', handling: 'applied' as const, basis: '《中华人民共和国政府采购法》第二十二条', ...(until ? { until } : {}) }] });
      await expect(submitFeedback(t.ctx.db, opA, result.id, line())).rejects.toThrow('请填写实施截止日期');
      await expect(submitFeedback(t.ctx.db, opA, result.id, line('2029-11-10'))).rejects.toThrow('超出清单规定的幅度');
      await expect(submitFeedback(t.ctx.db, opA, result.id, line('2026-11-09'))).rejects.toThrow('不能早于核查日期');
      const saved = await submitFeedback(t.ctx.db, opA, result.id, line('2029-11-09'));
      expect(saved.feedback?.applied[0]).toMatchObject({ measureCode: 'S03_PROCUREMENT', until: '2029-11-09' });
    });

    it('refuses a list-bound measure that outlasts the listing it follows', async () => {
      const company = await penalised();
      const entry = await proposeEntry(t.ctx.db, opA, { subjectId: company.subjectId, listKind: 'serious_dishonesty', evidence: [company.recordId], reasons: '依据生效文书认定严重失信主体' });
      await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
      await expireStatement(t.ctx.db, opA, entry.id, { today: '2026-10-13' });
      await decideEntry(t.ctx.db, revA, entry.id, { documentNumber: `测市监信认〔2026〕${n}号` }, { today: '2026-10-14' });
      await publishEntry(t.ctx.db, opA, entry.id, { today: '2026-10-15' });
      const result = await check(company.uscc, 'honours');
      const validUntil = result.listings.own[0].validUntil;
      const offered = result.measures.map((m) => m.code);
      expect(offered).toContain('S01_HONOURS');
      expect(result.measures.find((m) => m.code === 'S01_HONOURS')?.latestUntil).toBe(validUntil);
      const lines = (until: string) => ({
        applied: offered.map((code) => (code === 'S01_HONOURS' ? { measureCode: code, handling: 'applied' as const, basis: '国发〔2016〕33号', until } : { measureCode: code, handling: 'not_applicable' as const })),
      });
      const dayAfter = new Date(Date.parse(`${validUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      await expect(submitFeedback(t.ctx.db, opA, result.id, lines(dayAfter))).rejects.toThrow(`只能在名单有效期内实施（至 ${validUntil}）`);
      const saved = await submitFeedback(t.ctx.db, opA, result.id, lines(validUntil));
      expect(saved.feedback?.applied.find((line) => line.measureCode === 'S01_HONOURS')?.until).toBe(validUntil);
    });
  });

  describe('HTTP API', () => {
    it('runs the procedure over the API and scopes the list by department', async () => {
      const company = await penalised();
      const submitted = await call('POST', '/objections', 'admin', { recordId: company.recordId, reasons: '信函提出：记录中的法定代表人姓名有误', applicantName: '测试市异议样本公司', channel: 'letter' });
      expect(submitted.statusCode).toBe(201);
      const body = submitted.json();
      expect(body).toMatchObject({ state: 'submitted', stateLabel: '已提交，待受理', record: { itemCode: 'penalty', documentNumber: company.fields.document_number } });
      expect(body.allowedActions).toEqual(['accept', 'not_accept', 'withdraw']);

      const accepted = await call('POST', `/objections/${body.id}/accept`, 'admin', {});
      expect(accepted.json()).toMatchObject({ state: 'verifying', due: accepted.json().verifyDue });
      const asReviewer = await call('GET', `/objections/${body.id}`, 'rev_a2');
      expect(asReviewer.json().allowedActions).toEqual(['conclude']);
      expect((await call('GET', `/objections/${body.id}`, 'op_b')).statusCode).toBe(403);

      const ownList = await call('GET', `/objections?recordId=${company.recordId}`, 'op_a');
      expect(ownList.json().items.map((item: { id: string }) => item.id)).toEqual([body.id]);
      expect((await call('GET', '/objections', 'op_b')).json().total).toBe(0);

      const bad = await call('POST', `/objections/${body.id}/conclude`, 'rev_a2', { result: 'wrong' });
      expect(bad.statusCode).toBe(400);
      const concluded = await call('POST', `/objections/${body.id}/conclude`, 'rev_a2', { result: 'dismissed', explanation: '经核查，法定代表人姓名与登记一致' });
      expect(concluded.json()).toMatchObject({ state: 'dismissed', allowedActions: [] });
      expect(concluded.json().events.map((event: { toState: string }) => event.toState)).toEqual(['submitted', 'verifying', 'dismissed']);
    });

    it('lets a subject account read its own records, object to one and withdraw it', async () => {
      const company = await penalised();
      const other = await penalised();
      await createUser(t.ctx.db, SYSTEM_ACTOR, { username: `firm_${n}`, displayName: '异议样本企业', password: TEST_PASSWORD, role: 'subject', subjectId: company.subjectId });
      cookies.firm = await t.login(`firm_${n}`);
      expect((await call('GET', '/auth/me', 'firm')).json()).toMatchObject({ role: 'subject', subjectId: company.subjectId });
      const own = await call('GET', `/records?subjectId=${company.subjectId}`, 'firm');
      expect(own.json().items.map((record: { id: string }) => record.id)).toEqual([company.recordId]);
      expect((await call('GET', `/records?subjectId=${other.subjectId}`, 'firm')).statusCode).toBe(403);
      expect((await call('POST', '/objections', 'firm', { recordId: other.recordId, reasons: '不是本公司的记录' })).statusCode).toBe(403);

      const submitted = await call('POST', '/objections', 'firm', { recordId: company.recordId, reasons: '罚款已缴清，处罚种类录入有误' });
      expect(submitted.statusCode).toBe(201);
      expect(submitted.json()).toMatchObject({ applicant: { kind: 'subject', channel: 'online' }, allowedActions: ['withdraw'] });
      expect((await call('GET', '/objections', 'firm')).json().items.map((item: { id: string }) => item.id)).toEqual([submitted.json().id]);
      const withdrawn = await call('POST', `/objections/${submitted.json().id}/withdraw`, 'firm', { reason: '已与执法部门沟通' });
      expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', allowedActions: [] });
    });

    it('lists overdue objections and keeps the audit chain intact', async () => {
      const company = await penalised();
      const late = await submitObjection(t.ctx.db, subjectAccount(company.subjectId), { recordId: company.recordId, reasons: '异议超期未受理的样本' }, { today: '2026-01-05' });
      const overdue = await listObjections(t.ctx.db, admin, { overdue: true, pageSize: 100 });
      expect(overdue.items.map((item) => item.id)).toContain(late.id);
      expect(overdue.items.every((item) => item.overdue)).toBe(true);
      expect((await getObjection(t.ctx.db, admin, late.id)).due).toBe('2026-01-07');
      expect((await verifyChain(t.ctx.db)).ok).toBe(true);
    });
  });
});
