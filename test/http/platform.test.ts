import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

describe('HTTP platform basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers /healthz with 200 while the database answers', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject({ url: '/healthz' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('xinyong_http_request_duration_seconds');
    expect(response.body).toContain('xinyong_process_cpu');
  });

  it('publishes an OpenAPI 3 document and Swagger UI', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/records', '/api/v1/records/{id}', '/api/v1/identifiers/{value}', '/api/v1/catalog', '/api/v1/auth/login', '/api/v1/audit/verify', '/api/v1/public/subjects']) {
      expect(spec.paths).toHaveProperty([path]);
    }
    const ui = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('turns malformed JSON into 400 BAD_JSON with a Chinese message', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "admin",' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_JSON', message: expect.stringMatching(/JSON/) });
  });

  it('refuses unknown fields and wrong types with 400 VALIDATION naming the field', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x', isAdmin: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('isAdmin') });
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: { nested: 1 } } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('password');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('缺少必填字段');
  });

  it('answers an unsupported content type with 415 and an unknown API path with 404, never 5xx', async () => {
    const xml = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const missing = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('接口不存在') });
    const badUuid = await t.app.inject({ url: '/api/v1/records/not-a-uuid', headers: { cookie: await t.login('admin') } });
    expect(badUuid.statusCode).toBe(400);
  });

  it('checks identifiers over HTTP', async () => {
    const response = await t.app.inject({ url: '/api/v1/identifiers/91310110666007217T' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ type: 'uscc', valid: true, problems: [] });
    const bad = (await t.app.inject({ url: '/api/v1/identifiers/110105194912310021' })).json();
    expect(bad).toMatchObject({ type: 'citizen_id', valid: false });
    expect(bad.problems.map((p: { code: string }) => p.code)).toContain('checksum');
  });
});
