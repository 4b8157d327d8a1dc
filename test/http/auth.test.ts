import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

describe('login, sessions, lockout and API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('logs in with an HttpOnly session cookie and knows the user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'op_a', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'xy_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `xy_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ username: 'op_a', role: 'dept_operator', department: { code: 'SCJG' } });
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('refuses a wrong password in Chinese and does not reveal whether the user exists', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'op_b', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe('用户名或密码错误');
    expect(unknown.json().message).toBe('用户名或密码错误');
  });

  it('locks the account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rev_a', password: 'wrong' } })).statusCode).toBe(401);
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rev_a', password: 'wrong' } });
    expect(third.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rev_a', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/锁定/);
  });

  it('ends the session on logout', async () => {
    const cookie = await t.login('auditor');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const admin = await t.login('admin');
    const agency = await t.login('agency');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: agency } });
    expect(me.statusCode).toBe(200);
    const deactivated = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.json().id}`, headers: { cookie: admin }, payload: { active: false } });
    expect(deactivated.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: agency } })).statusCode).toBe(401);
  });

  it('lets only the credit office manage users', async () => {
    const admin = await t.login('admin');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload: { username: 'op_a2', displayName: '新经办人', password: 'Another@2026', role: 'dept_operator', departmentId: t.departments.A.id } });
    expect(created.statusCode).toBe(201);
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload: { username: 'weak1', displayName: 'x', password: 'password', role: 'auditor' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/密码/);
    const operator = await t.login('op_a');
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: operator }, payload: { username: 'sneaky', displayName: 'x', password: 'Another@2026', role: 'office_admin' } });
    expect(forbidden.statusCode).toBe(403);
  });

  it('authenticates systems by API key and stops a revoked key', async () => {
    const admin = await t.login('admin');
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: admin }, payload: { name: '市场监管业务系统', role: 'dept_operator', departmentId: t.departments.A.id } });
    expect(issued.statusCode).toBe(201);
    const { key, id } = issued.json();
    const listed = await t.app.inject({ url: '/api/v1/api-keys', headers: { cookie: admin } });
    expect(JSON.stringify(listed.json())).not.toContain(key);
    const dashboard = await t.app.inject({ url: '/api/v1/dashboard', headers: { authorization: `Bearer ${key}` } });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json().department.code).toBe('SCJG');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: { cookie: admin } });
    const revoked = await t.app.inject({ url: '/api/v1/dashboard', headers: { authorization: `Bearer ${key}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().message).toMatch(/接口密钥/);
  });
});
