import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { REFERENCE } from './test-fixtures';

describe('calendar routes', () => {
  let t: TestApp;
  let adminCookie: string;
  let operatorCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminCookie = await t.login('admin');
    operatorCookie = await t.login('op_a');
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

  it('describes a year publicly', async () => {
    const response = await get('/calendar/years/2025');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.confirmed).toBe(true);
    expect(body.workdays.map((d: { date: string }) => d.date)).toEqual(REFERENCE[2025].workdays);
    expect(body.holidays.find((d: { date: string }) => d.date === '2025-10-06').name).toBe('中秋');
    expect((await get('/calendar/years/abc')).statusCode).toBe(400);
    expect((await get('/calendar/years')).json().items.find((y: { year: number }) => y.year === 2026)).toMatchObject({ confirmed: true, hasData: true });
  });

  it('computes working days', async () => {
    expect((await get('/calendar/working-days?from=2026-09-24&days=7')).json()).toEqual({ date: '2026-10-12', assumedYears: [] });
    expect((await get('/calendar/working-days?from=2026-12-30&days=3')).json()).toEqual({ date: '2027-01-04', assumedYears: [2027] });
    expect((await get('/calendar/working-days/between?from=2026-02-13&to=2026-03-02')).json()).toEqual({ days: 7, assumedYears: [] });
  });

  it('rejects invalid dates and parameters with a Chinese message', async () => {
    for (const url of [
      '/calendar/working-days?from=2026-02-30&days=1',
      '/calendar/working-days?from=2026-2-3&days=1',
      '/calendar/working-days?from=2026-03-06&days=-1',
      '/calendar/working-days?from=2026-03-06',
      '/calendar/working-days?from=2026-03-06&days=1&extra=1',
      '/calendar/working-days/between?from=2026-01-01&to=2026-04-31',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code, url).toBe('VALIDATION');
      expect(response.json().message, url).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await get('/calendar/working-days?from=2026-02-30&days=1')).json().message).toContain('日期不存在');
  });

  it('lets the credit office set and remove overrides; others are refused', async () => {
    const put = (cookie: string | null, date: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/calendar/overrides/${date}`, payload: payload as object, headers: cookie ? { cookie } : {} });

    expect((await put(null, '2026-03-09', { kind: 'holiday', name: '临时放假' })).statusCode).toBe(401);
    const refused = await put(operatorCookie, '2026-03-09', { kind: 'holiday', name: '临时放假' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await put(adminCookie, '2026-03-09', { kind: 'holiday', name: '临时放假', extra: 1 })).statusCode).toBe(400);
    expect((await put(adminCookie, '2026-03-09', { kind: 'weekend', name: '临时放假' })).statusCode).toBe(400);
    expect((await put(adminCookie, '2026-02-30', { kind: 'holiday', name: '临时放假' })).statusCode).toBe(400);

    const saved = await put(adminCookie, '2026-03-09', { kind: 'holiday', name: '临时放假' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ date: '2026-03-09', kind: 'holiday', name: '临时放假' });
    expect((await get('/calendar/working-days?from=2026-03-06&days=1')).json().date).toBe('2026-03-10');

    const del = (cookie: string) => t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-03-09', headers: { cookie } });
    expect((await del(operatorCookie)).statusCode).toBe(403);
    expect((await del(adminCookie)).statusCode).toBe(200);
    expect((await del(adminCookie)).statusCode).toBe(404);
    expect((await get('/calendar/working-days?from=2026-03-06&days=1')).json().date).toBe('2026-03-09');
  });

  it('lets the credit office confirm a year', async () => {
    const confirm = (cookie: string, year: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url: `/api/v1/calendar/years/${year}/confirm`, payload: payload as object, headers: { cookie } });
    expect((await confirm(operatorCookie, '2026', { note: '已确认' })).statusCode).toBe(403);
    const empty = await confirm(adminCookie, '2028', { note: '通知' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('2028 年尚未录入');
    expect((await confirm(adminCookie, '2026', {})).statusCode).toBe(400);
    const ok = await confirm(adminCookie, '2024', { note: '国办发明电〔2023〕7号' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2024, confirmed: true, note: '国办发明电〔2023〕7号' });
    expect((await get('/calendar/working-days?from=2024-12-30&days=1')).json()).toEqual({ date: '2024-12-31', assumedYears: [] });
  });

  it('documents the routes in OpenAPI under 工作日历', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = spec.paths['/api/v1/calendar/working-days'].get;
    expect(operation.tags).toEqual(['工作日历']);
    expect(operation.summary).toMatch(/工作日/);
  });
});
