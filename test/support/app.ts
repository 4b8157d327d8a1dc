import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config';
import type { AppContext } from '../../src/http/context';
import { buildServer } from '../../src/http/server';
import { syncBaseCatalog } from '../../src/modules/catalog';
import { createUser } from '../../src/modules/auth';
import { createDepartment, registerRegions } from '../../src/modules/departments';
import { DEMO_REGIONS } from '../../src/modules/demo';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../src/shared/actor';
import { configurePersonalDataKey } from '../../src/shared/personal-data';
import { createTestDatabase } from './database';

export const TEST_PASSWORD = 'Test@Pass2026';
export const TEST_KEY = '00112233445566778899aabbccddeeff';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  /** ids of the two test departments: A = market regulation (SCJG), B = tax (SW) */
  departments: { A: { id: string; code: string }; B: { id: string; code: string }; office: { id: string; code: string } };
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole server on a fresh database, with two departments and one user per role. */
export async function createTestApp(overrides: Partial<AppContext['config']> = {}): Promise<TestApp> {
  configurePersonalDataKey(TEST_KEY);
  const database = await createTestDatabase();
  await syncBaseCatalog(database.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-test-'));
  const config = { ...loadConfig({}), databaseUrl: null, dataDir, demoData: false, loginMaxFailures: 3, loginLockMinutes: 15, ...overrides };
  const ctx: AppContext = { database, db: database.db, config };
  const departments = await seedOrganisation(ctx);
  const app = await buildServer(ctx);
  await app.ready();
  return {
    ctx,
    app,
    departments,
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'xy_session');
      return `xy_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function seedOrganisation(ctx: AppContext) {
  await registerRegions(ctx.db, SYSTEM_ACTOR, DEMO_REGIONS);
  const office = await createDepartment(ctx.db, SYSTEM_ACTOR, { code: 'XYB', name: '测试市信用办', regionCode: '459900', kind: 'credit_office' });
  const A = await createDepartment(ctx.db, SYSTEM_ACTOR, { code: 'SCJG', name: '测试市市场监督管理局', regionCode: '459900' });
  const B = await createDepartment(ctx.db, SYSTEM_ACTOR, { code: 'SW', name: '测试市税务局', regionCode: '459900' });
  const users: [string, Role, string | null][] = [
    ['admin', 'office_admin', office.id],
    ['auditor', 'auditor', office.id],
    ['op_a', 'dept_operator', A.id],
    ['rev_a', 'dept_reviewer', A.id],
    ['op_b', 'dept_operator', B.id],
    ['agency', 'agency', null],
  ];
  for (const [username, role, departmentId] of users) {
    await createUser(ctx.db, SYSTEM_ACTOR, { username, displayName: username, password: TEST_PASSWORD, role, departmentId });
  }
  return { A: { id: A.id, code: A.code }, B: { id: B.id, code: B.code }, office: { id: office.id, code: office.code } };
}

/** A plain actor for service-level tests. */
export function actor(role: Actor['role'], department: { id: string; code: string } | null = null): Actor {
  return { kind: 'user', id: null, role, departmentId: department?.id ?? null, departmentCode: department?.code ?? null, regionCode: '459900', label: `测试（${role}）` };
}

/** A valid 行政处罚 record body for department tests. */
export function penaltyFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject_name: '测试市青禾贸易有限公司',
    subject_category: '法人及非法人组织',
    uscc: '91310110666007217T',
    legal_representative: '王伟',
    document_number: '测市监罚〔2026〕1号',
    violation_type: '未按规定公示年度报告',
    violation_facts: '当事人未按规定期限公示年度报告。',
    penalty_basis: '《企业信息公示暂行条例》',
    penalty_types: '警告',
    penalty_content: '警告',
    decision_date: '2026-11-02',
    penalty_valid_until: '2027-11-02',
    authority_name: '测试市市场监督管理局',
    authority_uscc: '91310115591693856A',
    data_source_name: '测试市市场监督管理局',
    data_source_uscc: '91310115591693856A',
    ...overrides,
  };
}
