import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

describe('public policy documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists the national and local source documents without login, repealed ones marked', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/policies' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; level: string; status: string; number: string | null; title: string }[];
    expect(items.filter((item) => item.level === 'local')).toHaveLength(5);
    expect(items.find((item) => item.code === 'ndrc-order-58')).toMatchObject({ status: 'repealed' });
    expect(items.find((item) => item.code === 'wuzhou-2022')?.title).toContain('梧州市');
    expect(items.find((item) => item.code === 'lingyuan')?.number).toBeNull();
  });
});
