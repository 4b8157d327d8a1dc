import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/sql';
import { ingestQueueFor } from '../../src/modules/ingest';
import { createTestApp, penaltyFields, type TestApp } from '../support/app';

const HEADERS = ['行政相对人名称', '行政相对人类别', '行政相对人代码_1（统一社会信用代码）', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '处罚决定日期', '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码'];

function csvRow(doc: string, overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    行政相对人名称: '测试市青禾贸易有限公司',
    行政相对人类别: '法人及非法人组织',
    '行政相对人代码_1（统一社会信用代码）': '91310110666007217T',
    法定代表人: '王伟',
    行政处罚决定书文号: doc,
    违法行为类型: '未按规定公示年度报告',
    违法事实: '当事人未按规定期限公示年度报告，经责令限期改正逾期未改正',
    处罚依据: '《企业信息公示暂行条例》',
    处罚类别: '罚款',
    处罚内容: '罚款2000元',
    '罚款金额（万元）': '0.2',
    处罚决定日期: '2026/11/18',
    处罚有效期: '2027/11/18',
    处罚机关: '测试市市场监督管理局',
    处罚机关统一社会信用代码: '91310115591693856A',
    数据来源单位: '测试市市场监督管理局',
    数据来源单位统一社会信用代码: '91310115591693856A',
    ...overrides,
  };
  return HEADERS.map((h) => base[h] ?? '');
}

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [HEADERS, ...rows].map((row) => row.map(quote).join(',')).join('\r\n');
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----xinyong-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('ingest batches', () => {
  let t: TestApp;
  let op: string;

  beforeAll(async () => {
    t = await createTestApp();
    op = await t.login('op_a');
  });
  afterAll(async () => t?.close());

  const settle = () => ingestQueueFor(t.ctx.db).idle();
  const batch = async (id: string) => (await t.app.inject({ url: `/api/v1/ingest/batches/${id}`, headers: { cookie: op } })).json();
  const countRecords = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from records`))[0].n;
  const upload = (fields: Record<string, string>, file: { name: string; content: Buffer }) => {
    const body = multipart(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { ...body.headers, cookie: op }, payload: body.payload });
  };

  it('accepts JSON rows at once, then stores the valid ones and reports each bad row', async () => {
    const rows = [penaltyFields({ document_number: 'J-1' }), penaltyFields({ document_number: 'J-2' }), penaltyFields({ document_number: 'J-3', decision_date: '2026-13-01' }), penaltyFields({ document_number: 'J-4' })];
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows, clientBatchKey: 'json-1' } });
    expect(response.statusCode).toBe(202);
    expect(response.json().status).toBe('queued');
    await settle();
    const result = await batch(response.json().id);
    expect(result).toMatchObject({ status: 'completed', total: 4, accepted: 3, created: 3, rejected: 1 });
    expect(result.errors).toEqual([{ row: 3, field: 'decision_date', code: 'date', message: expect.stringContaining('处罚决定日期') }]);
  });

  it('is idempotent: the same client batch key returns the same batch, the same rows create nothing new', async () => {
    const before = await countRecords();
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'J-1' })], clientBatchKey: 'json-1' } });
    expect(again.statusCode).toBe(200);
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'J-1' }), penaltyFields({ document_number: 'J-2' })] } });
    await settle();
    expect(await batch(second.json().id)).toMatchObject({ status: 'completed', unchanged: 2, created: 0 });
    expect(await countRecords()).toBe(before);
  });

  it('turns a changed resubmission into a correction and refuses the same document twice in one batch', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'J-1', penalty_content: '罚款3000元', fine_amount: '0.3' }), penaltyFields({ document_number: 'J-1' })] } });
    await settle();
    const result = await batch(response.json().id);
    expect(result).toMatchObject({ corrected: 1, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ row: 2, code: 'duplicate_in_batch' });
  });

  it('commits nothing of an atomic batch with one bad row', async () => {
    const before = await countRecords();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', mode: 'atomic', rows: [penaltyFields({ document_number: 'A-1' }), penaltyFields({ document_number: 'A-2', uscc: '91310110666007217X' })] } });
    await settle();
    const result = await batch(response.json().id);
    expect(result).toMatchObject({ status: 'rejected', accepted: 0, rejected: 1 });
    expect(result.message).toMatch(/整批/);
    expect(await countRecords()).toBe(before);
  });

  it('reads a GBK CSV with the national Chinese headers', async () => {
    const content = iconv.encode(csv([csvRow('G-1'), csvRow('G-2', { 行政相对人名称: '测试市云川建筑有限公司', '行政相对人代码_1（统一社会信用代码）': '91310115591693856A' })]), 'gbk');
    const response = await upload({ catalogItem: 'penalty' }, { name: '处罚.csv', content });
    expect(response.statusCode).toBe(202);
    await settle();
    const result = await batch(response.json().id);
    expect(result).toMatchObject({ status: 'completed', created: 2, rejected: 0, format: 'csv', encoding: 'gb18030' });
  });

  it('reads an XLSX whose headers are the CF_* column codes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('处罚');
    const fields = penaltyFields({ document_number: 'X-1' });
    const codes: Record<string, string> = { subject_name: 'CF_XDR_MC', subject_category: 'CF_XDR_LB', uscc: 'CF_XDR_SHXYM', legal_representative: 'CF_FRDB', document_number: 'CF_WSH', violation_type: 'CF_WFXW', violation_facts: 'CF_SY', penalty_basis: 'CF_YJ', penalty_types: 'CF_CFLB', penalty_content: 'CF_NR', decision_date: 'CF_JDRQ', penalty_valid_until: 'CF_YXQ', authority_name: 'CF_CFJG', authority_uscc: 'CF_CFJGDM', data_source_name: 'CF_SJLY', data_source_uscc: 'CF_SJLYDM' };
    sheet.addRow(Object.values(codes));
    sheet.addRow(Object.keys(codes).map((key) => (key === 'decision_date' ? new Date(Date.UTC(2026, 10, 19)) : fields[key])));
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload({ catalogItem: 'penalty', mode: 'atomic' }, { name: 'cf.xlsx', content });
    await settle();
    expect(await batch(response.json().id)).toMatchObject({ status: 'completed', created: 1, format: 'xlsx' });
  });

  it('refuses a file without the required columns, naming them in Chinese', async () => {
    const response = await upload({ catalogItem: 'penalty' }, { name: 'bad.csv', content: Buffer.from('行政相对人名称,备注\n某公司,无\n') });
    await settle();
    const result = await batch(response.json().id);
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/缺少必填列：.*行政处罚决定书文号/);
  });

  it('refuses broken and password-protected workbooks and empty files with clear messages', async () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]);
    const locked = await upload({ catalogItem: 'penalty' }, { name: 'locked.xlsx', content: encrypted });
    const broken = await upload({ catalogItem: 'penalty' }, { name: 'broken.xlsx', content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]) });
    const headerOnly = await upload({ catalogItem: 'penalty' }, { name: 'empty.csv', content: Buffer.from(HEADERS.join(',')) });
    const zeroBytes = await upload({ catalogItem: 'penalty' }, { name: 'zero.csv', content: Buffer.alloc(0) });
    expect(zeroBytes.statusCode).toBe(400);
    expect(zeroBytes.json().message).toMatch(/为空/);
    await settle();
    expect((await batch(locked.json().id)).message).toMatch(/密码/);
    expect((await batch(broken.json().id)).message).toMatch(/损坏|不是有效/);
    expect((await batch(headerOnly.json().id)).message).toMatch(/为空|没有数据行/);
  });

  it('refuses an unknown item and an item the department may not submit before storing anything', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'nope', rows: [{}] } });
    expect(unknown.statusCode).toBe(422);
    const { setSubmittingDepartments } = await import('../../src/modules/catalog');
    const { SYSTEM_ACTOR } = await import('../../src/shared/actor');
    await setSubmittingDepartments(t.ctx.db, SYSTEM_ACTOR, 'judicial_enforcement', ['FY'], '仅法院');
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'judicial_enforcement', rows: [{}] } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('CATALOG_ITEM_NOT_ALLOWED');
  });

  it('exports rejected rows as XLSX with formula-looking cells neutralised', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'F-1', subject_name: '=HYPERLINK("http://x","点我")', decision_date: 'bad' })] } });
    await settle();
    const exported = await t.app.inject({ url: `/api/v1/ingest/batches/${response.json().id}/rejected.xlsx`, headers: { cookie: op } });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = sheet.getRow(2).values as unknown[];
    expect(values).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(String(values[2])).toContain('处罚决定日期');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
  });

  it('serves an XLSX template with the Chinese headers of the item', async () => {
    const response = await t.app.inject({ url: '/api/v1/ingest/templates/licence' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const headers = workbook.worksheets[0].getRow(1).values as unknown[];
    expect(headers).toEqual(expect.arrayContaining(['行政许可决定文书号', '许可类别', '许可决定日期', '有效期至']));
    expect(workbook.worksheets[1].name).toBe('填写说明');
  });

  it('flags records that arrive more than 7 working days after their decision', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'T-1', decision_date: '2026-01-05' }), penaltyFields({ document_number: 'T-2', decision_date: today })] } });
    await settle();
    expect(await batch(response.json().id)).toMatchObject({ created: 2, late: 1 });
    const rows = await queryRows<{ document_number: string; late: boolean; arrival_working_days: number }>(t.ctx.db, sql`select document_number, late, arrival_working_days from records where document_number in ('T-1', 'T-2') order by document_number`);
    expect(rows[0]).toMatchObject({ late: true });
    expect(rows[0].arrival_working_days).toBeGreaterThan(200);
    expect(rows[1]).toMatchObject({ late: false, arrival_working_days: 0 });
  });

  it('queues a code arriving under another name, and reuses the credit office decision', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'Q-1', subject_name: '测试市青禾商贸有限公司' })] } });
    await settle();
    expect(await batch(first.json().id)).toMatchObject({ created: 1, rejected: 0 });
    const admin = await t.login('admin');
    const issues = (await t.app.inject({ url: '/api/v1/quality/issues?status=open', headers: { cookie: admin } })).json().items;
    const issue = issues.find((i: { incomingName: string }) => i.incomingName === '测试市青禾商贸有限公司');
    expect(issue).toMatchObject({ existingName: '测试市青禾贸易有限公司', identifier: '91310110666007217T' });
    const decided = await t.app.inject({ method: 'POST', url: `/api/v1/quality/issues/${issue.id}/decision`, headers: { cookie: admin }, payload: { decision: 'wrong_code', note: '该名称对应的代码有误' } });
    expect(decided.statusCode).toBe(200);
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'Q-2', subject_name: '测试市青禾商贸有限公司' })] } });
    await settle();
    const result = await batch(second.json().id);
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    expect(result.errors[0].code).toBe('wrong_code');
    const single = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { cookie: op }, payload: { itemCode: 'penalty', fields: penaltyFields({ document_number: 'Q-3', subject_name: '测试市青禾商贸有限公司' }) } });
    expect(single.statusCode).toBe(400);
    expect(single.json().message).toMatch(/错码/);
  });

  it('queues a new code that arrives under a name another subject already holds', async () => {
    const { generateUscc, createSeededRandom } = await import('../../src/modules/identifiers');
    const otherCode = generateUscc({ region: '450403', random: createSeededRandom(99) });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { cookie: op }, payload: { catalogItem: 'penalty', rows: [penaltyFields({ document_number: 'C-1', uscc: otherCode })] } });
    await settle();
    expect(await batch(response.json().id)).toMatchObject({ created: 1, rejected: 0 });
    const admin = await t.login('admin');
    const issues = (await t.app.inject({ url: '/api/v1/quality/issues?status=open', headers: { cookie: admin } })).json().items;
    expect(issues).toContainEqual(expect.objectContaining({ kind: 'code_conflict', identifier: otherCode, incomingName: '测试市青禾贸易有限公司', existingName: expect.stringContaining('91310110666007217T') }));
    const rate = (await t.app.inject({ url: '/api/v1/quality/wrong-code-rate', headers: { cookie: admin } })).json();
    expect(rate.issues).toBeGreaterThanOrEqual(2);
    expect(rate.perTenThousand).toBeGreaterThan(0);
  });

  it('scores each department per month: volume, rejection, timeliness, completeness, duplicates', async () => {
    const own = (await t.app.inject({ url: '/api/v1/quality/scorecard', headers: { cookie: op } })).json();
    expect(own.items).toHaveLength(1);
    const row = own.items[0];
    const [stored] = await queryRows<{ n: number; late: number }>(t.ctx.db, sql`select count(*)::int as n, count(*) filter (where late)::int as late from records`);
    expect(row).toMatchObject({ departmentCode: 'SCJG', volume: stored.n, late: stored.late });
    expect(stored.late).toBeGreaterThan(0);
    expect(row.rowsSubmitted).toBeGreaterThan(row.volume);
    expect(row.rejectionRate).toBeGreaterThan(0);
    expect(row.rejectionRate).toBeLessThan(1);
    expect(row.timelinessRate).toBeCloseTo(1 - stored.late / stored.n, 5);
    expect(row.completeness).toBeGreaterThan(0.3);
    expect(row.duplicates).toBeGreaterThanOrEqual(3);
    const admin = await t.login('admin');
    const all = (await t.app.inject({ url: '/api/v1/quality/scorecard', headers: { cookie: admin } })).json();
    expect(all.items.map((i: { departmentCode: string }) => i.departmentCode).sort()).toEqual(['SCJG', 'SW']);
    expect(all.items.find((i: { departmentCode: string }) => i.departmentCode === 'SW')).toMatchObject({ volume: 0, rejectionRate: null });
    const lastYear = (await t.app.inject({ url: '/api/v1/quality/scorecard?month=2025-01', headers: { cookie: admin } })).json();
    expect(lastYear.items.every((i: { volume: number }) => i.volume === 0)).toBe(true);
    const xlsx = await t.app.inject({ url: '/api/v1/quality/scorecard.xlsx', headers: { cookie: admin } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['拒收率', '及时率', '完整率']));
  });

  it('answers the status of a running batch with live progress while it processes', async () => {
    const { submitBatch, processBatch } = await import('../../src/modules/ingest');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: op } })).json();
    const actor = { kind: 'user' as const, id: me.id, role: 'dept_operator' as const, departmentId: me.department.id, departmentCode: 'SCJG', regionCode: '459900', label: 'op_a' };
    const rows = Array.from({ length: 6000 }, (_, i) => penaltyFields({ document_number: `LIVE-${i}` }));
    const { batch: queued } = await submitBatch(t.ctx.db, actor, t.ctx.config, { itemCode: 'penalty', source: 'api', content: { kind: 'rows', rows } });
    let statusRequest: Promise<{ status: string; processed: number }> | null = null;
    let answered = false;
    let answeredWhileProcessing = false;
    await processBatch(t.ctx.db, queued.id, {
      // Progress is reported inside the batch's transaction: an answer seen at a later report came while it was open.
      onProgress: () => {
        if (answered) answeredWhileProcessing = true;
        statusRequest ??= t.app.inject({ url: `/api/v1/ingest/batches/${queued.id}`, headers: { cookie: op } }).then((r) => {
          answered = true;
          return r.json();
        });
      },
    });
    const seen = await statusRequest!;
    expect(answeredWhileProcessing).toBe(true);
    expect(seen.status).toBe('processing');
    expect(seen.processed).toBeGreaterThanOrEqual(2000);
    expect(await batch(queued.id)).toMatchObject({ status: 'completed', created: 6000 });
  });

  it('keeps the audit chain intact through all of it', async () => {
    const admin = await t.login('admin');
    expect((await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: admin } })).json().ok).toBe(true);
  });
});

describe('ingest upload limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxUploadBytes: 1024 * 1024 });
  });
  afterAll(async () => t?.close());

  it('refuses a file over the limit with 413 and a Chinese message, keeping nothing', async () => {
    const cookie = await t.login('op_a');
    const big = Buffer.from(csv(Array.from({ length: 6000 }, (_, i) => csvRow(`BIG-${i}`))));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const body = multipart({ catalogItem: 'penalty' }, { name: 'big.csv', content: big });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/batches', headers: { ...body.headers, cookie }, payload: body.payload });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/上限|过大/);
    const batches = (await t.app.inject({ url: '/api/v1/ingest/batches', headers: { cookie } })).json().items;
    expect(batches).toHaveLength(0);
    const fs = await import('node:fs');
    const path = await import('node:path');
    const folder = path.join(t.ctx.config.dataDir, 'ingest');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });
});
