import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDisclosureJobOnce } from '../../src/modules/disclosure';
import { CSV_COLUMNS, exportDisclosed, latestExport, listExports, openDataRoot, runOpenDataExport, type OpenDataManifest } from '../../src/modules/disclosure/open-data';
import { chinaDate } from '../../src/shared/time';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';
import { testUscc } from './support';

const COMPANY = { subject_name: '测试市开放数据样本有限公司', subject_category: '法人及非法人组织', uscc: testUscc(31), legal_representative: '李四' };
const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  return rows;
}

describe('open data: daily export of disclosed records', () => {
  let t: TestApp;
  let manifest: OpenDataManifest;
  let dir: string;
  const ids: Record<string, string> = {};
  const date = chinaDate();

  beforeAll(async () => {
    t = await createTestApp();
    const opA = await t.login('op_a');
    const post = async (itemCode: string, fields: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { cookie: opA }, payload: { itemCode, fields } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().record as { id: string; subjectId: string };
    };
    ids.fine = (await post('penalty', penaltyFields({ ...COMPANY, penalty_types: '罚款', penalty_content: '罚款2000元，当事人联系电话13812345678', fine_amount: '0.2', document_number: '测市监罚〔2026〕301号' }))).id;
    ids.revoked = (await post('penalty', penaltyFields({ ...COMPANY, penalty_types: '罚款', penalty_content: '罚款1000元', fine_amount: '0.1', document_number: '测市监罚〔2026〕302号' }))).id;
    const person = penaltyFields({
      subject_name: '张三',
      subject_category: '自然人',
      id_type: '身份证',
      id_number: ID_NUMBER,
      penalty_types: '罚款',
      penalty_content: '罚款500元',
      fine_amount: '0.05',
      violation_facts: `当事人张三（身份证号${ID_NUMBER}，联系电话${PHONE}）无证经营。`,
      document_number: '测市监罚〔2026〕303号',
    });
    delete person.uscc;
    delete person.legal_representative;
    ids.person = (await post('penalty', person)).id;
    ids.levy = (
      await post('levy', { ...COMPANY, document_number: '测税征〔2026〕31号', levy_type: '行政事业性收费', content: '收取行政事业性收费', amount: '12.5', basis: '《中华人民共和国税收征收管理法》', decision_date: '2026-11-16', authority_name: '测试市市场监督管理局', authority_uscc: '91310115591693856A' })
    ).id;
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/records/${ids.revoked}/revocation`, headers: { cookie: opA }, payload: { reason: '处罚决定已被撤销' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await runDisclosureJobOnce(t.ctx.db);
    manifest = await runOpenDataExport(t.ctx.db, { dataDir: t.ctx.config.dataDir, date });
    dir = path.join(openDataRoot(t.ctx.config.dataDir), date);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes NDJSON, CSV and a manifest whose checksums, sizes and counts match the files', () => {
    expect(manifest).toMatchObject({ date, records: 2 });
    expect(manifest.files.map((file) => file.name)).toEqual([`disclosed-records-${date}.ndjson`, `disclosed-records-${date}.csv`]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    for (const file of manifest.files) {
      const bytes = fs.readFileSync(path.join(dir, file.name));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
      expect(file.records).toBe(2);
    }
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    const lines = fs.readFileSync(path.join(dir, manifest.files[0].name), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    const csv = parseCsv(fs.readFileSync(path.join(dir, manifest.files[1].name), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual([...CSV_COLUMNS]);
    expect(csv).toHaveLength(3);
  });

  it('exports what the public API shows: current disclosed records with their public fields, masked', async () => {
    const records = fs.readFileSync(path.join(dir, manifest.files[0].name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(records.map((record) => record.recordId).sort()).toEqual([ids.fine, ids.person].sort());
    const fine = records.find((record) => record.recordId === ids.fine);
    expect(fine).toMatchObject({ subjectName: COMPANY.subject_name, uscc: COMPANY.uscc, itemCode: 'penalty', departmentName: '测试市市场监督管理局', version: 1 });
    const list = (await t.app.inject({ url: '/api/v1/public/disclosures?kind=penalty&pageSize=100' })).json();
    for (const record of records) {
      const shown = list.items.find((item: { recordId: string }) => item.recordId === record.recordId);
      expect(record.fields).toEqual(shown.fields);
      expect(record.disclosureEndDate).toBe(shown.disclosureEndDate);
    }
    const person = records.find((record) => record.recordId === ids.person);
    expect(person.uscc).toBeNull();
    expect(person.fields.map((field: { key: string }) => field.key)).not.toContain('id_number');
  });

  it('leaves out a revoked record and a shared-only item, and no unmasked ID number or phone appears', () => {
    for (const file of manifest.files) {
      const text = fs.readFileSync(path.join(dir, file.name), 'utf8');
      expect(text).not.toContain(ids.revoked);
      expect(text).not.toContain(ids.levy);
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(PHONE);
      expect(text).toContain('110105********002X');
    }
  });

  it('serves the latest manifest and the files it lists, nothing else', async () => {
    const listed = await t.app.inject({ url: '/api/v1/public/open-data' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual(manifest);
    for (const file of manifest.files) {
      const response = await t.app.inject({ url: `/api/v1/public/open-data/${file.name}` });
      expect(response.statusCode).toBe(200);
      expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(file.sha256);
      expect(response.headers['content-type']).toMatch(file.format === 'csv' ? /^text\/csv/ : /^application\/x-ndjson/);
    }
    for (const url of ['../manifest.json', '..%2Fmanifest.json', '..%2F..%2Fetc%2Fpasswd', 'manifest.json', `disclosed-records-${date}.ndjson.tmp-1`, '%2Fetc%2Fpasswd']) {
      const response = await t.app.inject({ url: `/api/v1/public/open-data/${url}` });
      expect([400, 404], `${url}: ${response.body}`).toContain(response.statusCode);
    }
  });

  it('keeps the newest 7 exports and ignores an unfinished one', async () => {
    const root = openDataRoot(t.ctx.config.dataDir);
    for (let day = 1; day <= 8; day++) {
      const old = `2020-01-${String(day).padStart(2, '0')}`;
      await exportDisclosed(t.ctx.db, { dir: path.join(root, old), date: old });
    }
    fs.mkdirSync(path.join(root, '2999-01-01')); // no manifest: an export still being written
    await runOpenDataExport(t.ctx.db, { dataDir: t.ctx.config.dataDir, date });
    expect(listExports(root)).toHaveLength(7);
    expect(listExports(root)[0]).toBe(date);
    expect(latestExport(t.ctx.config.dataDir)?.manifest.date).toBe(date);
  });
});
