import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries, registerSealableLog, sealLogs, verifyChain, verifySeals } from '../../src/modules/audit';
import { CHECK_LOG, runCheck, submitFeedback } from '../../src/modules/checks';
import { createRecord } from '../../src/modules/records';
import { syncBaseMeasures } from '../../src/modules/measures';
import { seedNationalListKinds } from '../../src/modules/lists';
import type { Actor } from '../../src/shared/actor';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';
import { testUscc } from '../lists/support';

describe('sealed logs (checks and the access log)', () => {
  let t: TestApp;
  let opA: Actor;
  let n = 0;
  const admin = (): Actor => ({ kind: 'user', id: null, role: 'office_admin', departmentId: t.departments.office.id, departmentCode: 'XYB', regionCode: '459900', label: 'admin' });

  async function check() {
    n += 1;
    const uscc = testUscc(600 + n);
    await createRecord(t.ctx.db, opA, { itemCode: 'penalty', fields: penaltyFields({ subject_name: `封存样本${n}有限公司`, uscc, document_number: `封〔2026〕${n}号` }) });
    return runCheck(t.ctx.db, opA, { subject: { uscc }, matterCode: 'government_procurement', purpose: '政府采购资格审查' });
  }

  beforeAll(async () => {
    t = await createTestApp();
    registerSealableLog(CHECK_LOG);
    await seedNationalListKinds(t.ctx.db);
    await syncBaseMeasures(t.ctx.db);
    opA = { kind: 'user', id: 'op_a', role: 'dept_operator', departmentId: t.departments.A.id, departmentCode: 'SCJG', regionCode: '459900', label: 'op_a' };
  });
  afterAll(async () => t?.close());

  it('seals settled checks once into the audit chain; rows younger than the settling time wait', async () => {
    const first = await check();
    const second = await check();
    expect(await sealLogs(t.ctx.db, { settleSeconds: 3600 })).toMatchObject({ checks: 0 });
    expect(await sealLogs(t.ctx.db, { settleSeconds: 0 })).toMatchObject({ checks: 2 });
    expect(await sealLogs(t.ctx.db, { settleSeconds: 0 })).toMatchObject({ checks: 0 });
    const seals = await listAuditEntries(t.ctx.db, admin(), { entityType: 'log_seal' });
    expect(seals.find((entry) => (entry.after as { log: string }).log === 'checks')?.after).toMatchObject({ rows: 2, toId: second.id });
    expect(first.id < second.id).toBe(true);
    expect(await verifySeals(t.ctx.db)).toMatchObject({ ok: true, rows: 2 });
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
  });

  it('feedback given after sealing does not break the seal; a changed or deleted sealed check does', async () => {
    const result = await check();
    await sealLogs(t.ctx.db, { settleSeconds: 0 });
    await submitFeedback(t.ctx.db, opA, result.id, {
      applied: result.measures.map((measure) => ({ measureCode: measure.code, handling: 'not_applicable' as const })),
    });
    expect((await verifySeals(t.ctx.db)).ok).toBe(true);

    await t.ctx.db.execute(sql`update checks set purpose = '事后改写的用途' where id = ${result.id}`);
    expect(await verifySeals(t.ctx.db)).toMatchObject({ ok: false, firstBroken: { log: 'checks', reason: expect.stringContaining('内容已被修改') } });
    await t.ctx.db.execute(sql`update checks set purpose = '政府采购资格审查' where id = ${result.id}`);
    expect((await verifySeals(t.ctx.db)).ok).toBe(true);

    await t.ctx.db.execute(sql`delete from checks where id = ${result.id}`);
    expect(await verifySeals(t.ctx.db)).toMatchObject({ ok: false, firstBroken: { reason: expect.stringContaining('记录被增删') } });
  });

  it('reports the seals in GET /audit/verify', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: await t.login('admin') } });
    expect(response.json()).toMatchObject({ ok: false, seals: { ok: false, firstBroken: { log: 'checks' } } });
  });
});
