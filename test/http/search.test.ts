import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAudit } from '../../src/modules/audit';
import { generateCitizenId } from '../../src/modules/identifiers';
import { resolveSubjectsBulk } from '../../src/modules/subjects';
import { SEARCH_RESULT_CAP } from '../../src/modules/subjects/repository';
import { SYSTEM_ACTOR } from '../../src/shared/actor';
import { testUscc } from '../disclosure/support';
import { createTestApp, type TestApp } from '../support/app';

interface Page {
  items: { id: string; name: string; kind: string }[];
  total: number;
}

describe('public subject search: 2-character (bigram) and longer (trigram) paths, ranking, rate limit', () => {
  let t: TestApp;
  let admin: string;
  let ip = 0;
  const ids: Record<string, string> = {};

  /** each search from its own address, so the rate limit test alone reaches the limit */
  const search = async (q: string, query = '') => {
    const response = await t.app.inject({ url: `/api/v1/public/subjects?q=${encodeURIComponent(q)}${query}`, remoteAddress: `10.1.${Math.floor(++ip / 250)}.${ip % 250}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  const names = async (q: string) => (await search(q)).items.map((item) => item.name);
  const create = async (name: string, n: number, kind = 'legal_entity') => {
    const payload = kind === 'natural_person' ? { kind, name, citizenId: generateCitizenId({ region: '450403', random: () => (n % 97) / 97 }) } : { kind, name, uscc: testUscc(n) };
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: { cookie: admin }, payload });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // the function and index come with the lead's migration; idempotent until then
    admin = await t.login('admin');
    ids.prefix = await create('青禾贸易有限公司', 1);
    ids.middleShort = await create('南宁青禾有限公司', 2);
    ids.middleLong = await create('广西南宁市青禾农业科技开发有限公司', 3);
    ids.suffix = await create('南宁市商贸城青禾', 4);
    ids.other = await create('广西禾青有限公司', 5);
    ids.latin = await create('AB新材料有限公司', 6);
    ids.renamed = await create('梧州旧名商行有限公司', 7);
    ids.person = await create('李青禾', 8, 'natural_person');
  });
  afterAll(async () => t?.close());

  it('finds 2-character queries through the bigram path, ranked prefix, suffix, then shorter', async () => {
    expect(await names('青禾')).toEqual(['青禾贸易有限公司', '南宁市商贸城青禾', '南宁青禾有限公司', '广西南宁市青禾农业科技开发有限公司']);
    expect(await names('禾青')).toEqual(['广西禾青有限公司']);
    expect(await names('ab')).toEqual(['AB新材料有限公司']);
    expect(await names('%有')).toEqual([]);
    expect((await search('无此')).total).toBe(0);
  });

  it('finds 3 or more characters through the trigram path, with the same ranking', async () => {
    expect(await names('南宁青禾有限公司')).toEqual(['南宁青禾有限公司']);
    expect(await names('青禾有限')).toEqual(['南宁青禾有限公司']);
    expect(await names('南宁市')).toEqual(['南宁市商贸城青禾', '广西南宁市青禾农业科技开发有限公司']);
    expect((await search('有限公司')).total).toBe(6);
  });

  it('never lists natural persons publicly; staff search finds them by two characters', async () => {
    expect((await search('李青')).total).toBe(0);
    const staff = await t.app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('李青')}`, headers: { cookie: admin } });
    expect(staff.json()).toMatchObject({ total: 1, items: [{ id: ids.person }] });
  });

  it('keeps the index current on rename and on bulk registration', async () => {
    const renamed = await t.app.inject({ method: 'POST', url: `/api/v1/subjects/${ids.renamed}/rename`, headers: { cookie: admin }, payload: { name: '梧州新桐商行有限公司', validFrom: '2024-01-01' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await names('新桐')).toEqual(['梧州新桐商行有限公司']);
    expect(await names('旧名')).toEqual([]);
    await withAudit(t.ctx.db, SYSTEM_ACTOR, (tx, audit) => resolveSubjectsBulk(tx, audit, [{ kind: 'legal_entity', name: '钦州栎川渔业有限公司', uscc: testUscc(9) }]));
    expect(await names('栎川')).toEqual(['钦州栎川渔业有限公司']);
  });

  it('pages; a frequent piece is capped at SEARCH_RESULT_CAP matches and still ranks exact and prefix first', async () => {
    const bulk = Array.from({ length: SEARCH_RESULT_CAP + 20 }, (_, i) => ({ kind: 'legal_entity' as const, name: `钦州市样本${i}号商贸有限公司`, uscc: testUscc(1000 + i) }));
    bulk.push({ kind: 'legal_entity', name: '商贸', uscc: testUscc(5000) }, { kind: 'legal_entity', name: '商贸城钦州分店', uscc: testUscc(5001) });
    await withAudit(t.ctx.db, SYSTEM_ACTOR, (tx, audit) => resolveSubjectsBulk(tx, audit, bulk));
    for (const q of ['商贸', '商贸有限公司']) {
      const first = await search(q, '&pageSize=5');
      expect(first.total).toBe(SEARCH_RESULT_CAP);
      if (q === '商贸') expect(first.items.slice(0, 2).map((item) => item.name)).toEqual(['商贸', '商贸城钦州分店']);
      const second = await search(q, '&pageSize=5&page=2');
      expect(second.items).toHaveLength(5);
      expect(second.items.map((item) => item.id)).not.toEqual(expect.arrayContaining([first.items[0].id]));
      expect((await search(q, `&pageSize=20&page=${SEARCH_RESULT_CAP / 20 + 1}`)).items).toEqual([]);
    }
    const few = await search('样本1号', '&pageSize=1');
    expect(few.total).toBe(1);
    expect((await search('样本10', '&pageSize=5&page=2')).items.map((item) => item.name)).toEqual([
      '钦州市样本104号商贸有限公司',
      '钦州市样本105号商贸有限公司',
      '钦州市样本106号商贸有限公司',
      '钦州市样本107号商贸有限公司',
      '钦州市样本108号商贸有限公司',
    ]); // 样本10号 and 样本100…103号 on page 1: shorter first
  });

  it('limits public search per IP: the 121st request within a minute gets 429 with a Chinese message', async () => {
    const from = { remoteAddress: '10.9.9.9' };
    for (let i = 0; i < 120; i++) {
      const response = await t.app.inject({ url: `/api/v1/public/subjects?q=${encodeURIComponent('青禾')}`, ...from });
      expect(response.statusCode).toBe(200);
    }
    const limited = await t.app.inject({ url: `/api/v1/public/subjects?q=${encodeURIComponent('青禾')}`, ...from });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('请求过于频繁') });
    const other = await t.app.inject({ url: `/api/v1/public/subjects?q=${encodeURIComponent('青禾')}`, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });
});
