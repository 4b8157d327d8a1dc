import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createSeededRandom, generateCitizenId, generateUscc } from '../../src/modules/identifiers';
import { createTestApp, type TestApp } from '../support/app';

describe('subject routes on the real server', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: string;
  const random = createSeededRandom(4242);
  const citizenId = generateCitizenId({ region: '450403', random });
  const uscc = generateUscc({ region: '450403', random });

  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('creates, reads and searches subjects with the citizen ID masked', async () => {
    const company = await app.inject({ method: 'POST', url: '/api/v1/subjects', headers: { cookie: admin }, payload: { kind: 'legal_entity', name: '梧州接口测试有限公司', uscc } });
    expect(company.statusCode).toBe(201);
    const person = await app.inject({ method: 'POST', url: '/api/v1/subjects', headers: { cookie: admin }, payload: { kind: 'natural_person', name: '接口测试人', citizenId, phone: '13800000000' } });
    expect(person.statusCode).toBe(201);
    expect(person.body).not.toContain(citizenId);
    const personId = person.json().id as string;
    const companyId = company.json().id as string;

    const relation = await app.inject({ method: 'POST', url: `/api/v1/subjects/${companyId}/relations`, headers: { cookie: admin }, payload: { personId, role: 'legal_representative', validFrom: '2020-01-01' } });
    expect(relation.statusCode).toBe(201);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/subjects/${companyId}`, headers: { cookie: admin } });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().relations[0]).toMatchObject({ personName: '接口测试人', citizenIdMasked: expect.stringContaining('****') });
    expect(detail.body).not.toContain(citizenId);

    const list = await app.inject({ method: 'GET', url: `/api/v1/subjects?q=${citizenId}`, headers: { cookie: admin } });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: personId }] });
    expect(list.body).not.toContain(citizenId);

    const rename = await app.inject({ method: 'POST', url: `/api/v1/subjects/${companyId}/rename`, headers: { cookie: admin }, payload: { name: '梧州接口新名有限公司', validFrom: '2024-01-01' } });
    expect(rename.json()).toMatchObject({ name: '梧州接口新名有限公司' });
  });

  it('returns unmasked personal data only with a purpose, and not to the public', async () => {
    const list = await app.inject({ method: 'GET', url: `/api/v1/subjects?q=${encodeURIComponent('接口测试人')}&kind=natural_person`, headers: { cookie: admin } });
    const personId = list.json().items[0].id as string;
    const missing = await app.inject({ method: 'POST', url: `/api/v1/subjects/${personId}/personal-data`, headers: { cookie: admin }, payload: {} });
    expect(missing.statusCode).toBe(400);
    const read = await app.inject({ method: 'POST', url: `/api/v1/subjects/${personId}/personal-data`, headers: { cookie: admin }, payload: { purpose: '接口测试核查' } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(read.json()).toEqual({ citizenId, phone: '13800000000', address: null });
    const anonymous = await app.inject({ method: 'POST', url: `/api/v1/subjects/${personId}/personal-data`, payload: { purpose: '公众想看' } });
    expect(anonymous.statusCode).toBe(401);
    const publicRead = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${personId}` });
    expect(publicRead.statusCode).toBe(404);
  });

  it('serves the public search without natural persons and with region names', async () => {
    const result = await app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${encodeURIComponent('接口')}` });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toEqual({ total: 1, items: [{ id: expect.any(String), kind: 'legal_entity', name: '梧州接口新名有限公司', uscc, regionName: '广西壮族自治区梧州市万秀区' }] });
    expect(result.headers['x-ratelimit-limit']).toBe('120');
    const short = await app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${encodeURIComponent('接')}` });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION');
    const staffOnly = await app.inject({ method: 'GET', url: '/api/v1/subjects?q=abc' });
    expect(staffOnly.statusCode).toBe(401);
  });

  it('logs each unmasked read in the access log with its purpose', async () => {
    const log = (await app.inject({ url: '/api/v1/access-log', headers: { cookie: admin } })).json().items;
    expect(log[0]).toMatchObject({ purpose: '接口测试核查', dataKind: expect.any(String), actorLabel: expect.stringContaining('admin') });
    const operator = await t.login('op_a');
    expect((await app.inject({ url: '/api/v1/access-log', headers: { cookie: operator } })).statusCode).toBe(403);
  });

  it('documents the routes in OpenAPI', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/subjects', '/api/v1/subjects/{id}', '/api/v1/public/subjects', '/api/v1/public/subjects/{id}']));
  });
});
