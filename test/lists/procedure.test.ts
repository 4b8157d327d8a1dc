import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/sql';
import { listAuditEntries, verifyChain } from '../../src/modules/audit';
import {
  actionsFrom,
  allowedActions,
  decideEntry,
  expireStatement,
  getEntry,
  listingsOf,
  proposeEntry,
  publicList,
  publishEntry,
  recordStatement,
  rejectEntry,
  removeEntry,
  removeExpiredEntries,
  seedNationalListKinds,
  serveNotice,
  TRANSITIONS,
  withdrawEntry,
  type EntryState,
} from '../../src/modules/lists';
import { revokeRecord } from '../../src/modules/records';
import { addRelation, createSubject } from '../../src/modules/subjects';
import { createSeededRandom, generateCitizenId } from '../../src/modules/identifiers';
import { SYSTEM_ACTOR, type Actor } from '../../src/shared/actor';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';
import { testUscc } from './support';

const SERIOUS = { penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销食品经营许可证' };

describe('list designation procedure (service level, every path)', () => {
  let t: TestApp;
  let opA: Actor, opA2: Actor, revA: Actor, revB: Actor, opB: Actor;
  let n = 0;

  const staff = (role: Actor['role'], id: string, department: { id: string; code: string }): Actor => ({
    kind: 'user',
    id,
    role,
    departmentId: department.id,
    departmentCode: department.code,
    regionCode: '459900',
    label: id,
  });

  /** a new company with one record of department A (serious by default) */
  async function company(options: { severity?: 'serious' | 'minor'; by?: Actor } = {}) {
    n += 1;
    const fields = penaltyFields({
      subject_name: `测试市名单样本${n}有限公司`,
      uscc: testUscc(n),
      document_number: `测市监罚〔2026〕${1000 + n}号`,
      ...(options.severity === 'minor' ? {} : SERIOUS),
    });
    const { createRecord } = await import('../../src/modules/records');
    const { record } = await createRecord(t.ctx.db, options.by ?? opA, { itemCode: 'penalty', fields });
    return { subjectId: record.subjectId, recordId: record.id, severity: record.severity };
  }

  const propose = (subjectId: string, evidence: string[], listKind = 'serious_dishonesty', actor = opA) =>
    proposeEntry(t.ctx.db, actor, { subjectId, listKind, evidence, reasons: '因食品安全违法行为被吊销食品经营许可证' });

  /** proposal → notice (served 2026-09-29) → statement expired (2026-10-13) */
  async function readyForDecision() {
    const c = await company();
    const entry = await propose(c.subjectId, [c.recordId]);
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    await expireStatement(t.ctx.db, opA, entry.id, { today: '2026-10-13' });
    return { ...c, entryId: entry.id };
  }

  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (error as { code: string }).code;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedNationalListKinds(t.ctx.db)).toBe(3);
    expect(await seedNationalListKinds(t.ctx.db)).toBe(0);
    opA = staff('dept_operator', 'user-op-a', t.departments.A);
    opA2 = staff('dept_operator', 'user-op-a2', t.departments.A);
    revA = staff('dept_reviewer', 'user-rev-a', t.departments.A);
    revB = staff('dept_reviewer', 'user-rev-b', t.departments.B);
    opB = staff('dept_operator', 'user-op-b', t.departments.B);
  });
  afterAll(async () => t?.close());

  it('walks the main path with working-day deadlines, generates both documents and audits every step', async () => {
    const c = await company();
    expect(c.severity).toBe('serious');
    const proposed = await propose(c.subjectId, [c.recordId]);
    expect(proposed.state).toBe('proposed');
    expect(proposed.evidence).toEqual([{ recordId: c.recordId, documentNumber: expect.stringContaining('测市监罚'), itemCode: 'penalty' }]);
    expect(proposed.legalBasis[0].document).toContain('国办发〔2020〕49号');

    // 2026-09-29 (Tue) + 5 working days: 09-30, [10-01..10-07 National Day], 10-08, 10-09, 10-10 (make-up Saturday), 10-12
    const noticed = await serveNotice(t.ctx.db, opA, proposed.id, { today: '2026-09-29' });
    expect(noticed.state).toBe('noticed');
    expect(noticed.notice!.statement_deadline).toBe('2026-10-12');
    for (const part of ['事由', '依据', '陈述、申辩的权利', '2026-10-12', '5 个工作日', '测试市市场监督管理局']) expect(noticed.notice!.text).toContain(part);

    expect(await refusal(expireStatement(t.ctx.db, opA, proposed.id, { today: '2026-10-12' }))).toBe('PROCEDURE_STEP_MISSING');
    const expired = await expireStatement(t.ctx.db, opA, proposed.id, { today: '2026-10-13' });
    expect(expired.state).toBe('statement_expired');
    expect(expired.statement).toMatchObject({ kind: 'expired', closed_on: '2026-10-13' });

    const decided = await decideEntry(t.ctx.db, revA, proposed.id, { documentNumber: '测市监信认〔2026〕1号', ban: { sector: '食品药品', until: '2028-10-14' } }, { today: '2026-10-14' });
    expect(decided.state).toBe('decided');
    expect(decided.reviewerId).toBe(revA.id);
    expect(decided.validUntil).toBe('2029-10-14');
    expect(decided.ban).toEqual({ sector: '食品药品', until: '2028-10-14' });
    for (const part of ['测市监信认〔2026〕1号', '事由', '依据', '失信惩戒措施提示', '有效期至 2029-10-14', '移出条件和程序', '救济措施', '行政复议', '未提出陈述、申辩意见', '食品药品'])
      expect(decided.decision!.text).toContain(part);

    const published = await publishEntry(t.ctx.db, opA, proposed.id, { today: '2026-10-15' });
    expect(published.state).toBe('published');
    expect(published.publishedAt).not.toBeNull();

    expect(await refusal(removeEntry(t.ctx.db, revA, proposed.id, { reason: 'expired' }, { today: '2029-10-14' }))).toBe('PROCEDURE_STEP_MISSING');
    const removed = await removeEntry(t.ctx.db, revA, proposed.id, { reason: 'expired' }, { today: '2029-10-15' });
    expect(removed.state).toBe('removed');
    expect(removed.removal).toMatchObject({ reason: 'expired', removed_on: '2029-10-15' });

    const view = await getEntry(t.ctx.db, revA, proposed.id);
    expect(view.events.map((event) => event.toState)).toEqual(['proposed', 'noticed', 'statement_expired', 'decided', 'published', 'removed']);
    expect(view.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.allowedActions).toEqual([]);
    const audit = await listAuditEntries(t.ctx.db, SYSTEM_ACTOR, { entityType: 'list_entry', entityId: proposed.id });
    expect(audit.map((entry) => entry.action).reverse()).toEqual([
      'list.entry.propose',
      'list.entry.serve_notice',
      'list.entry.expire_statement',
      'list.entry.decide',
      'list.entry.publish',
      'list.entry.remove',
    ]);
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
  });

  it('records a statement within the period and refuses one after it', async () => {
    const a = await company();
    const entry = await propose(a.subjectId, [a.recordId]);
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    expect(await refusal(recordStatement(t.ctx.db, opA, entry.id, { text: '迟到的申辩' }, { today: '2026-10-13' }))).toBe('PROCEDURE_STEP_MISSING');
    const received = await recordStatement(t.ctx.db, opA, entry.id, { text: '当事人已整改，请求从轻处理' }, { today: '2026-10-12' });
    expect(received.state).toBe('statement_received');
    expect(received.statement).toMatchObject({ kind: 'received', closed_on: '2026-10-12', text: '当事人已整改，请求从轻处理' });
    expect(received.statement!.decision_due > '2026-10-12').toBe(true);
    const decided = await decideEntry(t.ctx.db, revA, entry.id, { documentNumber: '测市监信认〔2026〕2号' }, { today: '2026-10-20' });
    expect(decided.decision!.text).toContain('提出陈述、申辩意见，本机关已予审查');
  });

  it('refuses steps out of order (PROCEDURE_STEP_MISSING)', async () => {
    const c = await company();
    const entry = await propose(c.subjectId, [c.recordId]);
    expect(await refusal(decideEntry(t.ctx.db, revA, entry.id, { documentNumber: 'X1' }))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(publishEntry(t.ctx.db, opA, entry.id))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(recordStatement(t.ctx.db, opA, entry.id, { text: '申辩' }))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(expireStatement(t.ctx.db, opA, entry.id))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(removeEntry(t.ctx.db, revA, entry.id, { reason: 'error', basis: '认定错误', document: { number: 'X', name: 'Y' } }))).toBe('PROCEDURE_STEP_MISSING');
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    expect(await refusal(serveNotice(t.ctx.db, opA, entry.id))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(decideEntry(t.ctx.db, revA, entry.id, { documentNumber: 'X2' }))).toBe('PROCEDURE_STEP_MISSING');
    expect(await refusal(publishEntry(t.ctx.db, opA, entry.id))).toBe('PROCEDURE_STEP_MISSING');
    const events = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from list_entry_events where entry_id = ${entry.id}`);
    expect(events[0].n).toBe(2);
  });

  it('refuses a proposal without basis or with another department’s record', async () => {
    const c = await company();
    expect(await refusal(propose(c.subjectId, []))).toBe('LEGAL_BASIS_MISSING');
    expect(await refusal(propose(c.subjectId, [], 'watch_list'))).toBe('LEGAL_BASIS_MISSING');
    const minor = await company({ severity: 'minor' });
    expect(minor.severity).not.toBe('serious');
    expect(await refusal(propose(minor.subjectId, [minor.recordId]))).toBe('LEGAL_BASIS_MISSING');
    expect((await propose(minor.subjectId, [minor.recordId], 'watch_list')).state).toBe('proposed');
    expect((await propose(minor.subjectId, [], 'red_list')).state).toBe('proposed');

    const ofB = await company({ by: opB });
    expect(await refusal(propose(ofB.subjectId, [ofB.recordId]))).toBe('FORBIDDEN');
    expect(await refusal(propose(c.subjectId, [minor.recordId], 'watch_list'))).toBe('VALIDATION');
    expect(await refusal(propose(c.subjectId, ['0190a0a0-0000-7000-8000-000000000000']))).toBe('NOT_FOUND');
    expect(await refusal(propose(c.subjectId, [c.recordId], 'no_such_list'))).toBe('NOT_FOUND');
    expect(await refusal(propose(c.subjectId, [c.recordId], 'serious_dishonesty', revA))).toBe('FORBIDDEN');

    const revoked = await company();
    await revokeRecord(t.ctx.db, opA, revoked.recordId, { reason: '原处罚决定被撤销' });
    expect(await refusal(propose(revoked.subjectId, [revoked.recordId]))).toBe('LEGAL_BASIS_MISSING');

    // a kind that has lost its basis cannot be used
    await t.ctx.db.execute(sql`insert into list_kinds (code, name, scope, kind, legal_basis, criteria, validity_months, removal_conditions, removal_procedure, remedies)
      values ('no_basis', '无依据名单', 'national', 'watch', '[]'::jsonb, '标准', 12, '条件', '程序', '救济')`);
    expect(await refusal(propose(c.subjectId, [c.recordId], 'no_basis'))).toBe('LEGAL_BASIS_MISSING');

    // one open designation per subject and kind
    await propose(c.subjectId, [c.recordId]);
    expect(await refusal(propose(c.subjectId, [c.recordId]))).toBe('CONFLICT');
  });

  it('keeps decisions with a reviewer of the same department who is not the proposer', async () => {
    const { entryId } = await readyForDecision();
    const proposerAsReviewer: Actor = { ...revA, id: opA.id };
    expect(await refusal(decideEntry(t.ctx.db, proposerAsReviewer, entryId, { documentNumber: 'X3' }))).toBe('FORBIDDEN');
    expect(await refusal(rejectEntry(t.ctx.db, proposerAsReviewer, entryId, { reason: '证据不足' }))).toBe('FORBIDDEN');
    expect(await refusal(decideEntry(t.ctx.db, opA, entryId, { documentNumber: 'X3' }))).toBe('FORBIDDEN');
    expect(await refusal(decideEntry(t.ctx.db, revB, entryId, { documentNumber: 'X3' }))).toBe('FORBIDDEN');
    expect(await refusal(expireStatement(t.ctx.db, opB, entryId))).toBe('FORBIDDEN');
    expect(await refusal(decideEntry(t.ctx.db, revA, entryId, { documentNumber: 'X3', ban: { sector: '房地产', until: '2027-01-01' } }, { today: '2026-10-14' }))).toBe('VALIDATION');
    expect(await refusal(decideEntry(t.ctx.db, revA, entryId, { documentNumber: 'X3', ban: { sector: '食品药品', until: '2031-01-01' } }, { today: '2026-10-14' }))).toBe('VALIDATION');
    expect((await decideEntry(t.ctx.db, revA, entryId, { documentNumber: 'X3' }, { today: '2026-10-14' })).state).toBe('decided');
  });

  it('refuses a decision when a cited record was revoked meanwhile', async () => {
    const { entryId, recordId } = await readyForDecision();
    await revokeRecord(t.ctx.db, opA, recordId, { reason: '行政复议撤销原处罚' });
    expect(await refusal(decideEntry(t.ctx.db, revA, entryId, { documentNumber: 'X4' }, { today: '2026-10-14' }))).toBe('LEGAL_BASIS_MISSING');
  });

  it('lets the proposer withdraw before a decision only', async () => {
    const c = await company();
    const entry = await propose(c.subjectId, [c.recordId]);
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    expect(await refusal(withdrawEntry(t.ctx.db, opA2, entry.id, { reason: '撤回' }))).toBe('FORBIDDEN');
    expect(await refusal(withdrawEntry(t.ctx.db, revA, entry.id, { reason: '撤回' }))).toBe('FORBIDDEN');
    const withdrawn = await withdrawEntry(t.ctx.db, opA, entry.id, { reason: '当事人已全部履行义务' });
    expect(withdrawn.state).toBe('withdrawn');
    expect(await refusal(serveNotice(t.ctx.db, opA, entry.id))).toBe('PROCEDURE_STEP_MISSING');

    const decided = await readyForDecision();
    await decideEntry(t.ctx.db, revA, decided.entryId, { documentNumber: 'X5' }, { today: '2026-10-14' });
    expect(await refusal(withdrawEntry(t.ctx.db, opA, decided.entryId, { reason: '撤回' }))).toBe('PROCEDURE_STEP_MISSING');
    // a decided entry may be revoked before publication, with a basis
    expect(await refusal(removeEntry(t.ctx.db, revA, decided.entryId, { reason: 'expired' }, { today: '2040-01-01' }))).toBe('PROCEDURE_STEP_MISSING');
    const revoked = await removeEntry(t.ctx.db, revA, decided.entryId, { reason: 'revoked', basis: '异议核实，认定依据有误', document: { number: '测市监信撤〔2026〕1号', name: '撤销认定决定书' } });
    expect(revoked.removal).toMatchObject({ reason: 'revoked', document: { number: '测市监信撤〔2026〕1号' } });
  });

  it('lets a reviewer reject before a decision', async () => {
    const c = await company();
    const early = await propose(c.subjectId, [c.recordId]);
    expect(await refusal(rejectEntry(t.ctx.db, opA, early.id, { reason: '不符合认定标准' }))).toBe('FORBIDDEN');
    expect((await rejectEntry(t.ctx.db, revA, early.id, { reason: '不符合认定标准' })).state).toBe('rejected');
    const late = await readyForDecision();
    const rejected = await rejectEntry(t.ctx.db, revA, late.entryId, { reason: '当事人陈述理由成立' });
    expect(rejected.state).toBe('rejected');
    expect(await refusal(decideEntry(t.ctx.db, revA, late.entryId, { documentNumber: 'X6' }))).toBe('PROCEDURE_STEP_MISSING');
    const view = await getEntry(t.ctx.db, revA, late.entryId);
    expect(view.events.at(-1)).toMatchObject({ fromState: 'statement_expired', toState: 'rejected', payload: { reason: '当事人陈述理由成立' } });
  });

  it('removes early only with a basis document, and sweeps expired entries', async () => {
    const { entryId } = await readyForDecision();
    await decideEntry(t.ctx.db, revA, entryId, { documentNumber: 'X7' }, { today: '2026-10-14' });
    await publishEntry(t.ctx.db, opA, entryId);
    expect(await refusal(removeEntry(t.ctx.db, revA, entryId, { reason: 'repaired' }))).toBe('LEGAL_BASIS_MISSING');
    expect(await refusal(removeEntry(t.ctx.db, revA, entryId, { reason: 'error', basis: '认定错误' }))).toBe('LEGAL_BASIS_MISSING');
    expect(await refusal(removeEntry(t.ctx.db, opA, entryId, { reason: 'repaired', basis: '已修复', document: { number: 'R1', name: '信用修复决定书' } }))).toBe('FORBIDDEN');
    expect(await refusal(removeEntry(t.ctx.db, SYSTEM_ACTOR, entryId, { reason: 'repaired', basis: '已修复', document: { number: 'R1', name: '信用修复决定书' } }))).toBe('FORBIDDEN');

    const other = await readyForDecision();
    await decideEntry(t.ctx.db, revA, other.entryId, { documentNumber: 'X8' }, { today: '2026-10-14' });
    await publishEntry(t.ctx.db, opA, other.entryId);
    expect(await removeExpiredEntries(t.ctx.db, '2029-10-14')).toBe(0);
    expect(await removeExpiredEntries(t.ctx.db, '2029-10-15')).toBeGreaterThanOrEqual(2);
    expect((await getEntry(t.ctx.db, revA, other.entryId)).removal).toMatchObject({ reason: 'expired' });
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
  });

  it('shows only published entries publicly, and a legal representative’s listings include the company', async () => {
    const random = createSeededRandom(77);
    const person = await createSubject(t.ctx.db, opA, { kind: 'natural_person', name: '名单测试人', citizenId: generateCitizenId({ region: '450403', random }) });
    const listed = await company();
    await addRelation(t.ctx.db, opA, { subjectId: listed.subjectId, personId: person.id, role: 'legal_representative', validFrom: '2020-01-01' });
    const entry = await propose(listed.subjectId, [listed.recordId]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    await expireStatement(t.ctx.db, opA, entry.id, { today: '2026-10-13' });
    await decideEntry(t.ctx.db, revA, entry.id, { documentNumber: '测市监信认〔2026〕99号' }, { today });

    const beforePublication = await publicList(t.ctx.db, 'serious_dishonesty');
    expect(beforePublication.items.map((item) => item.entryId)).not.toContain(entry.id);
    expect((await listingsOf(t.ctx.db, person.id)).asResponsiblePerson).toEqual([]);

    await publishEntry(t.ctx.db, opA, entry.id);
    const after = await publicList(t.ctx.db, 'serious_dishonesty');
    const item = after.items.find((candidate) => candidate.entryId === entry.id)!;
    expect(item).toMatchObject({ decisionNumber: '测市监信认〔2026〕99号', subjectName: expect.stringContaining('名单样本'), uscc: expect.stringMatching(/^91/) });
    const states = await queryRows<{ state: EntryState }>(t.ctx.db, sql`select state from list_entries where id in (${sql.join(after.items.map((i) => sql`${i.entryId}`), sql`, `)})`);
    expect(states.every((row) => row.state === 'published')).toBe(true);

    const personal = await listingsOf(t.ctx.db, person.id);
    expect(personal.own).toEqual([]);
    expect(personal.asResponsiblePerson).toEqual([expect.objectContaining({ entryId: entry.id, role: 'legal_representative' })]);
    expect((await listingsOf(t.ctx.db, listed.subjectId)).own.map((own) => own.entryId)).toEqual([entry.id]);
  });

  it('answers the console’s next steps from the transition table', () => {
    const entry = { state: 'proposed' as EntryState, departmentId: t.departments.A.id, proposerId: opA.id! };
    expect(allowedActions(entry, opA)).toEqual(['serve_notice', 'withdraw']);
    expect(allowedActions(entry, opA2)).toEqual(['serve_notice']);
    expect(allowedActions(entry, revA)).toEqual(['serve_notice', 'reject']);
    expect(allowedActions(entry, revB)).toEqual([]);
    expect(allowedActions({ ...entry, state: 'statement_received' }, revA)).toEqual(['decide', 'reject']);
    expect(allowedActions({ ...entry, state: 'published' }, revA)).toEqual(['remove']);
    expect(allowedActions({ ...entry, state: 'published' }, opA)).toEqual([]);
    for (const state of ['removed', 'withdrawn', 'rejected'] as EntryState[]) expect(actionsFrom(state)).toEqual([]);
    expect(new Set(TRANSITIONS.map((transition) => transition.to))).toEqual(new Set(['noticed', 'statement_received', 'statement_expired', 'decided', 'rejected', 'published', 'removed', 'withdrawn']));
  });
});
