import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccessLog, listAuditEntries, verifyChain } from '../../src/modules/audit';
import { createUser } from '../../src/modules/auth';
import { decideTreatment, flagOverdueFeedback, runCheck, setTreatmentPolicy, submitFeedback, type CheckResult } from '../../src/modules/checks';
import { createSeededRandom, generateCitizenId } from '../../src/modules/identifiers';
import { decideEntry, expireStatement, proposeEntry, publishEntry, seedNationalListKinds, serveNotice } from '../../src/modules/lists';
import { applicableMeasures, assertMeasureAllowed, BASE_MEASURES, currentMeasures, syncBaseMeasures } from '../../src/modules/measures';
import { createRecord } from '../../src/modules/records';
import { addRelation, createSubject } from '../../src/modules/subjects';
import { SYSTEM_ACTOR, type Actor } from '../../src/shared/actor';
import { createTestApp, penaltyFields, TEST_PASSWORD, type TestApp } from '../support/app';
import { testUscc } from '../lists/support';


const SERIOUS = { penalty_types: '警告、吊销许可证件', penalty_content: '警告并吊销食品经营许可证' };
const CITIZEN_ID = generateCitizenId({ region: '450403', random: createSeededRandom(77) });

describe('credit checks and measure lists', () => {
  let t: TestApp;
  let opA: Actor, revA: Actor, opB: Actor;
  const cookies: Record<string, string> = {};
  let n = 0;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who ? { cookie: cookies[who] } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const staff = (role: Actor['role'], id: string, department: { id: string; code: string }): Actor => ({
    kind: 'user', id, role, departmentId: department.id, departmentCode: department.code, regionCode: '459900', label: id,
  });
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (error as { code: string }).code;
    }
    throw new Error('expected a refusal');
  };

  async function company(options: { serious?: boolean; name?: string } = {}) {
    n += 1;
    const uscc = testUscc(700 + n);
    const name = options.name ?? `测试市核查样本${n}有限公司`;
    const fields = penaltyFields({ subject_name: name, uscc, document_number: `测市监罚〔2026〕${7000 + n}号`, ...(options.serious ? SERIOUS : {}) });
    const { record } = await createRecord(t.ctx.db, opA, { itemCode: 'penalty', fields });
    return { subjectId: record.subjectId, recordId: record.id, uscc, name, severity: record.severity };
  }

  async function publish(subjectId: string, listKind: string, evidence: string[]) {
    const entry = await proposeEntry(t.ctx.db, opA, { subjectId, listKind, evidence, reasons: '依据生效文书认定名单' });
    await serveNotice(t.ctx.db, opA, entry.id, { today: '2026-09-29' });
    await expireStatement(t.ctx.db, opA, entry.id, { today: '2026-10-13' });
    await decideEntry(t.ctx.db, revA, entry.id, { documentNumber: `测市监信认〔2026〕${entry.id.slice(-6)}号` }, { today: '2026-10-14' });
    await publishEntry(t.ctx.db, opA, entry.id, { today: '2026-10-15' });
    return entry.id;
  }

  /** a company known only by its rating record (no negative record) */
  async function rated(grade: string) {
    n += 1;
    const c = { uscc: testUscc(700 + n), name: `测试市评价样本${n}有限公司` };
    const { record } = await createRecord(t.ctx.db, opA, {
      itemCode: 'rating',
      fields: {
        subject_name: c.name,
        subject_category: '法人及非法人组织',
        uscc: c.uscc,
        legal_representative: '王伟',
        rating_scheme: 'third_party',
        rating_grade: grade,
        report_number: `PJ-2026-${n}`,
        rating_date: '2026-10-20',
        valid_until: '2027-10-19',
        authority_name: '测试市信用评价有限公司',
        authority_uscc: '91310115591693856A',
      },
    });
    return { ...c, subjectId: record.subjectId, ratingId: record.id };
  }

  const check = (who: Actor, subject: object, matterCode = 'administrative_licence', today?: string) =>
    runCheck(t.ctx.db, who, { subject, matterCode, matterCaseId: 'BJ-001', purpose: '办理食品经营许可前的信用核查' }, today ? { today } : {});

  beforeAll(async () => {
    t = await createTestApp();
    await seedNationalListKinds(t.ctx.db);
    expect(await syncBaseMeasures(t.ctx.db)).toEqual({ changed: true, version: 1 });
    expect(await syncBaseMeasures(t.ctx.db)).toEqual({ changed: false, version: 1 });
    opA = staff('dept_operator', 'user-op-a', t.departments.A);
    revA = staff('dept_reviewer', 'user-rev-a', t.departments.A);
    opB = staff('dept_operator', 'user-op-b', t.departments.B);
    await createUser(t.ctx.db, SYSTEM_ACTOR, { username: 'op_a2', displayName: 'op_a2', password: TEST_PASSWORD, role: 'dept_operator', departmentId: t.departments.A.id });
    for (const name of ['op_a', 'op_b', 'admin']) cookies[name] = await t.login(name);
  });
  afterAll(async () => t?.close());

  it('seeds the base measure list with legal bases and refuses a supplement without one', async () => {
    const { version, measures } = await currentMeasures(t.ctx.db);
    expect(version?.number).toBe(1);
    expect(measures.length).toBe(BASE_MEASURES.length);
    for (const code of ['I01_GREEN_CHANNEL', 'I02_PENDING_MATERIALS', 'I03_FEWER_INSPECTIONS', 'S03_PROCUREMENT', 'S03_BIDDING', 'S05_DIRECTOR', 'N01_HIGH_CONSUMPTION']) {
      expect(measures.map((m) => m.code)).toContain(code);
    }
    expect(measures.filter((m) => m.code.startsWith('S0')).map((m) => m.code.slice(0, 3))).toEqual(expect.arrayContaining(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08']));
    expect(measures.find((m) => m.code === 'S03_PROCUREMENT')!.legalBasis[0]).toEqual({ document: '《中华人民共和国政府采购法》', article: '第二十二条' });
    expect(measures.every((m) => m.legalBasis.length > 0)).toBe(true);

    const supplement = {
      code: 'L01_LOCAL_FUNDS',
      name: '限制申请本市产业扶持资金',
      category: 1,
      kind: 'sanction',
      legalBasis: [{ document: '《测试市社会信用条例》', article: '第三十条' }],
      targets: { listKinds: ['serious_dishonesty'] },
      implementingDepartments: ['SCJG'],
      matterTypes: ['fiscal_support'],
      degree: '名单有效期内不予受理',
      note: '增加本地补充措施',
    };
    expect((await call('POST', '/measures/supplements', 'op_a', supplement)).statusCode).toBe(403);
    const noBasis = await call('POST', '/measures/supplements', 'admin', { ...supplement, legalBasis: [] });
    expect([noBasis.statusCode, noBasis.json().code]).toEqual([422, 'LEGAL_BASIS_MISSING']);
    const added = await call('POST', '/measures/supplements', 'admin', supplement);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().version.number).toBe(2);
    expect(added.json().measures.find((m: { code: string }) => m.code === 'L01_LOCAL_FUNDS').scope).toBe('supplement');
    expect((await call('DELETE', '/measures/supplements/S03_PROCUREMENT', 'admin', { note: '删除' })).statusCode).toBe(403);
    // an upgrade sync keeps the supplement
    expect(await syncBaseMeasures(t.ctx.db)).toEqual({ changed: false, version: 2 });
    const audit = await listAuditEntries(t.ctx.db, SYSTEM_ACTOR, { entityType: 'measure_list_version' });
    expect(audit.map((entry) => entry.action)).toEqual(['measure_list.version.create', 'measure_list.version.create']);
  });

  it('finds applicable measures by list kind, matter and department, and refuses off-list measures', async () => {
    const procurement = await applicableMeasures(t.ctx.db, { listKinds: ['serious_dishonesty'], severities: [], matterCode: 'government_procurement', departmentCode: 'SW' });
    expect(procurement.map((m) => m.code)).toContain('S03_PROCUREMENT');
    expect(procurement.map((m) => m.code)).not.toContain('S03_BIDDING');
    expect(procurement.map((m) => m.code)).not.toContain('I01_GREEN_CHANNEL');
    const byRecord = await applicableMeasures(t.ctx.db, { listKinds: [], severities: ['serious'], matterCode: 'government_procurement', departmentCode: 'SW' });
    expect(byRecord.map((m) => m.code)).toEqual(['S03_PROCUREMENT']);
    const funds = (dept: string) => applicableMeasures(t.ctx.db, { listKinds: ['serious_dishonesty'], severities: [], matterCode: 'fiscal_support', departmentCode: dept });
    expect((await funds('SCJG')).map((m) => m.code)).toContain('L01_LOCAL_FUNDS');
    expect((await funds('SW')).map((m) => m.code)).not.toContain('L01_LOCAL_FUNDS');
    expect(await refusal(assertMeasureAllowed(t.ctx.db, { measureCode: 'S99_INVENTED', listKinds: ['serious_dishonesty'], matterCode: 'bidding' }))).toBe('VALIDATION');
    expect(await refusal(assertMeasureAllowed(t.ctx.db, { measureCode: 'S03_BIDDING', listKinds: ['red_list'], matterCode: 'bidding' }))).toBe('FORBIDDEN');
    expect(await refusal(assertMeasureAllowed(t.ctx.db, { measureCode: 'S03_BIDDING', listKinds: ['serious_dishonesty'], matterCode: 'honours' }))).toBe('FORBIDDEN');
    expect((await assertMeasureAllowed(t.ctx.db, { measureCode: 'S03_BIDDING', listKinds: ['serious_dishonesty'], matterCode: 'bidding' })).code).toBe('S03_BIDDING');
  });

  it('applies the treatment policy (seed 001 §二(四))', async () => {
    const facts = { ownListKinds: [], responsibleListKinds: [], grade: null, severities: [] };
    expect(decideTreatment(facts).treatment).toBe('normal');
    expect(decideTreatment({ ...facts, grade: 'A' }).treatment).toBe('green_channel');
    expect(decideTreatment({ ...facts, grade: 'BBB' }).treatment).toBe('caution');
    expect(decideTreatment({ ...facts, grade: 'CCC' }).treatment).toBe('sanction');
    expect(decideTreatment({ ...facts, ownListKinds: ['red_list'], severities: ['minor'] }).treatment).toBe('caution');
    expect(decideTreatment({ ...facts, responsibleListKinds: ['serious_dishonesty'] }).reason).toContain('个人责任');
    setTreatmentPolicy({ greenGrades: ['AAA'] });
    expect(decideTreatment({ ...facts, grade: 'A' }).treatment).toBe('normal');
    setTreatmentPolicy({});
    expect(decideTreatment({ ...facts, grade: 'A' }).treatment).toBe('green_channel');
  });

  it('answers a check: clean → normal, minor penalty → caution, grades → green channel / caution', async () => {
    const clean = await rated('AA');
    // the rating is neutral: no negative record, grade AA → green channel (no list: no incentive measures)
    const green = await check(opB, { uscc: clean.uscc });
    expect([green.treatment, green.grade?.grade, green.records]).toEqual(['green_channel', 'AA', []]);
    expect(green.feedbackDue).not.toBeNull();

    const c = await company();
    const minor = await check(opB, { uscc: c.uscc });
    expect(minor.treatment).toBe('caution');
    expect(minor.records).toEqual([expect.objectContaining({ id: c.recordId, severity: c.severity, underObjection: false })]);
    expect(minor.measures).toEqual([]);

    const byName = await check(opB, { name: c.name });
    expect(byName.subject.id).toBe(c.subjectId);
    expect(await refusal(check(opB, { name: '测试市根本不存在的公司' }))).toBe('NOT_FOUND');

    const { createSubject: create } = await import('../../src/modules/subjects');
    const nobody = await create(t.ctx.db, opA, { kind: 'legal_entity', name: '测试市清白样本有限公司', uscc: testUscc(799) });
    const normal = await check(opB, { uscc: nobody.uscc! });
    expect([normal.treatment, normal.feedbackDue, normal.measures]).toEqual(['normal', null, []]);
  });

  it('serious listing → sanction with the measures and legal bases; red list → green channel with incentives', async () => {
    const listed = await company({ serious: true });
    await publish(listed.subjectId, 'serious_dishonesty', [listed.recordId]);
    const sanction = await check(opB, { uscc: listed.uscc }, 'government_procurement');
    expect(sanction.treatment).toBe('sanction');
    expect(sanction.reason).toContain('严重失信主体名单');
    expect(sanction.listings.own.map((l) => l.listKind)).toEqual(['serious_dishonesty']);
    const procurement = sanction.measures.find((m) => m.code === 'S03_PROCUREMENT')!;
    expect(procurement.legalBasis).toContainEqual({ document: '《中华人民共和国政府采购法》', article: '第二十二条' });
    expect(procurement.appliesVia).toEqual(expect.arrayContaining(['list:serious_dishonesty', 'record:serious']));
    expect(sanction.measures.map((m) => m.code)).toContain('S08_OTHER_STATUTORY');
    expect(sanction.measures.map((m) => m.code)).not.toContain('S03_BIDDING');

    const good = await company();
    // the red list needs no negative evidence; a company with a minor record is still cautioned, so use a clean one
    const { createSubject: create } = await import('../../src/modules/subjects');
    const model = await create(t.ctx.db, opA, { kind: 'legal_entity', name: '测试市诚信典型有限公司', uscc: testUscc(798) });
    await publish(model.id, 'red_list', []);
    const greenCheck = await check(opB, { uscc: model.uscc! }, 'administrative_licence');
    expect(greenCheck.treatment).toBe('green_channel');
    expect(greenCheck.measures.map((m) => m.code).sort()).toEqual(['I01_GREEN_CHANNEL', 'I02_PENDING_MATERIALS', 'I03_FEWER_INSPECTIONS']);
    expect(greenCheck.measures[0].legalBasis.length).toBeGreaterThan(0);
    expect(good.subjectId).not.toBe(model.id);
  });

  it('a legal representative of a listed company → sanction via personal accountability, ID never unmasked', async () => {
    const person = await createSubject(t.ctx.db, opA, { kind: 'natural_person', name: '核查测试人', citizenId: CITIZEN_ID });
    const listed = await company({ serious: true });
    await addRelation(t.ctx.db, opA, { subjectId: listed.subjectId, personId: person.id, role: 'legal_representative', validFrom: '2020-01-01' });
    await publish(listed.subjectId, 'serious_dishonesty', [listed.recordId]);

    const response = await call('POST', '/checks', 'op_b', { subject: { citizenId: CITIZEN_ID }, matterCode: 'company_registration', matterCaseId: 'DJ-9', purpose: '担任公司董事的任职资格核查' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain(CITIZEN_ID);
    const body = response.json() as CheckResult;
    expect(body.subject).toMatchObject({ id: person.id, kind: 'natural_person', uscc: null });
    expect(body.subject.citizenIdMasked).toMatch(/^\d{6}\*+\w{4}$/);
    expect(body.treatment).toBe('sanction');
    expect(body.reason).toContain('个人责任');
    expect(body.listings.asResponsiblePerson).toEqual([expect.objectContaining({ subjectId: listed.subjectId, role: 'legal_representative', listKind: 'serious_dishonesty' })]);
    expect(body.measures.map((m) => m.code)).toContain('S05_DIRECTOR');
    const access = await listAccessLog(t.ctx.db, SYSTEM_ACTOR, { subjectId: person.id });
    expect(access[0]).toMatchObject({ dataKind: 'citizen_id', entityType: 'check', entityId: body.id });
    expect(access[0].purpose).toContain('担任公司董事的任职资格核查');
    const stored = await call('GET', `/checks/${body.id}`, 'op_b');
    expect(stored.statusCode).toBe(200);
    expect(stored.body).not.toContain(CITIZEN_ID);
    expect((await call('GET', `/checks/${body.id}`, 'op_a')).statusCode).toBe(403);
  });

  it('takes feedback once, from the checking department only, refusing measures off the list or off the check', async () => {
    const listed = await company({ serious: true });
    await publish(listed.subjectId, 'serious_dishonesty', [listed.recordId]);
    const created = await call('POST', '/checks', 'op_b', { subject: { uscc: listed.uscc }, matterCode: 'bidding', purpose: '招标投标资格审查' });
    expect(created.statusCode, created.body).toBe(201);
    const result = created.json() as CheckResult;
    const codes = result.measures.map((m) => m.code);
    expect(codes).toContain('S03_BIDDING');
    const oneYearOn = `${Number(result.checkedOn.slice(0, 4)) + 1}${result.checkedOn.slice(4, 8)}01`;
    const answer = (overrides: Record<string, object> = {}) => ({
      applied: codes.map(
        (code) =>
          overrides[code] ?? {
            measureCode: code,
            handling: code === 'S03_BIDDING' ? 'applied' : 'not_applicable',
            ...(code === 'S03_BIDDING' ? { basis: '《中华人民共和国招标投标法实施条例》第六十七条', until: oneYearOn } : {}),
          },
      ),
    });

    const foreign = await call('POST', `/checks/${result.id}/feedback`, 'op_a', answer());
    expect([foreign.statusCode, foreign.json().code]).toEqual([403, 'FORBIDDEN']);
    const invented = await call('POST', `/checks/${result.id}/feedback`, 'op_b', { applied: [...answer().applied, { measureCode: 'S99_INVENTED', handling: 'applied', basis: '无' }] });
    expect([invented.statusCode, invented.json().code]).toEqual([400, 'VALIDATION']);
    const wrongKind = await call('POST', `/checks/${result.id}/feedback`, 'op_b', { applied: [...answer().applied, { measureCode: 'I01_GREEN_CHANNEL', handling: 'applied', basis: '无' }] });
    expect([wrongKind.statusCode, wrongKind.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(wrongKind.json().message).toContain('不得实施');
    const offMatter = await call('POST', `/checks/${result.id}/feedback`, 'op_b', { applied: [...answer().applied, { measureCode: 'S03_PROCUREMENT', handling: 'applied', basis: '政府采购法' }] });
    expect([offMatter.statusCode, offMatter.json().code]).toEqual([403, 'FORBIDDEN']);
    const noBasis = await call('POST', `/checks/${result.id}/feedback`, 'op_b', answer({ S03_BIDDING: { measureCode: 'S03_BIDDING', handling: 'applied' } }));
    expect([noBasis.statusCode, noBasis.json().code]).toEqual([422, 'LEGAL_BASIS_MISSING']);
    const incomplete = await call('POST', `/checks/${result.id}/feedback`, 'op_b', { applied: [] });
    expect([incomplete.statusCode, incomplete.json().code]).toEqual([400, 'VALIDATION']);

    const ok = await call('POST', `/checks/${result.id}/feedback`, 'op_b', answer());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().feedback.applied.find((item: { measureCode: string }) => item.measureCode === 'S03_BIDDING')).toMatchObject({ handling: 'applied' });
    expect(ok.json().feedbackAt).not.toBeNull();
    const again = await call('POST', `/checks/${result.id}/feedback`, 'op_b', answer());
    expect([again.statusCode, again.json().code]).toEqual([409, 'CONFLICT']);
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
  });

  it('flags checks without feedback after the working days, once; overdue list and monthly stats', async () => {
    const c = await company();
    // 2026-11-06 (Fri) + 5 working days = 2026-11-13 (Fri), the weekend skipped
    const late = await check(opA, { uscc: c.uscc }, 'administrative_licence', '2026-11-06');
    expect(late.feedbackDue).toBe('2026-11-13');
    const answered = await check(opA, { uscc: c.uscc }, 'administrative_licence', '2026-11-06');
    await submitFeedback(t.ctx.db, opA, answered.id, { applied: [] });
    expect(await refusal(submitFeedback(t.ctx.db, opB, late.id, { applied: [] }))).toBe('FORBIDDEN');

    expect(await flagOverdueFeedback(t.ctx.db, '2026-11-13')).toBe(0);
    expect(await flagOverdueFeedback(t.ctx.db, '2026-11-14')).toBe(1);
    expect(await flagOverdueFeedback(t.ctx.db, '2026-11-16')).toBe(0);
    const audit = await listAuditEntries(t.ctx.db, SYSTEM_ACTOR, { entityType: 'check' });
    expect(audit.filter((entry) => entry.action === 'check.flag_overdue')).toHaveLength(1);

    const overdue = await call('GET', '/checks/overdue', 'admin');
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().items.map((item: { id: string }) => item.id)).toEqual([late.id]);
    expect((await call('GET', '/checks/overdue', 'op_b')).json().items).toEqual([]);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const stats = await call('GET', `/checks/stats?month=${month}`, 'admin');
    expect(stats.statusCode, stats.body).toBe(200);
    const a = stats.json().departments.find((d: { departmentId: string }) => d.departmentId === t.departments.A.id);
    expect(a).toMatchObject({ checks: 2, withFeedback: 1, overdue: 1, byTreatment: { caution: 2 } });
    const b = stats.json().departments.find((d: { departmentId: string }) => d.departmentId === t.departments.B.id);
    expect(b.checks).toBeGreaterThan(3);
    expect((await call('GET', '/checks/stats?month=2026-13', 'admin')).statusCode).toBe(400);

    const own = await call('GET', '/checks?page=1', 'op_a');
    expect(own.statusCode).toBe(200);
    expect(own.json().items.every((item: { departmentId: string }) => item.departmentId === t.departments.A.id)).toBe(true);
    expect(own.json().total).toBe(2);
  });

  it('batch check with the bidding rule marks subjects below BBB, without a grade or listed as not eligible', async () => {
    const good = await rated('A');
    const weak = await rated('BB');
    const listed = await company({ serious: true });
    await publish(listed.subjectId, 'serious_dishonesty', [listed.recordId]);
    const response = await call('POST', '/checks/batch', 'op_b', {
      subjects: [{ uscc: good.uscc }, { uscc: weak.uscc }, { uscc: listed.uscc }, { uscc: testUscc(999) }],
      matterCode: 'bidding',
      matterCaseId: 'ZB-2026-01',
      purpose: '重点项目招标投标信用准入审查',
      biddingRule: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 4, found: 3, bidding: { minimumGrade: 'BBB', creditWeightPercent: 8 } });
    expect(body.items.map((item: { ok: boolean; eligible?: boolean }) => [item.ok, item.eligible])).toEqual([
      [true, true],
      [true, false],
      [true, false],
      [false, undefined],
    ]);
    expect(body.items[1].ineligibleReason).toContain('BB');
    expect(body.items[2].check.measures.map((m: { code: string }) => m.code)).toContain('S03_BIDDING');
    expect(body.items[3].error.code).toBe('NOT_FOUND');
    const tooMany = await call('POST', '/checks/batch', 'op_b', { subjects: Array.from({ length: 1001 }, () => ({ uscc: good.uscc })), matterCode: 'bidding', purpose: '招标' });
    expect(tooMany.statusCode).toBe(400);
  });

  it('refuses anonymous callers, missing purpose and callers without a department', async () => {
    const anonymous = await call('POST', '/checks', undefined, { subject: { uscc: testUscc(701) }, matterCode: 'x', purpose: '核查' });
    expect(anonymous.statusCode).toBe(401);
    expect((await call('GET', '/checks', undefined)).statusCode).toBe(401);
    expect((await call('GET', '/measures', undefined)).statusCode).toBe(401);
    expect((await call('POST', '/checks', 'op_b', { subject: { uscc: testUscc(701) }, matterCode: 'x' })).statusCode).toBe(400);
    expect(await refusal(runCheck(t.ctx.db, SYSTEM_ACTOR, { subject: { uscc: testUscc(701) }, matterCode: 'x', purpose: '核查' }))).toBe('FORBIDDEN');
    expect(await refusal(runCheck(t.ctx.db, opB, { subject: { uscc: testUscc(701) }, matterCode: 'x', purpose: ' ' }))).toBe('VALIDATION');
  });
});
