import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { queryRows } from '../../db/sql';
import type { Actor } from '../../shared/actor';
import { decryptPersonal } from '../../shared/personal-data';
import { createSeededRandom, generateCitizenId, generateUscc } from '../identifiers';
import { revokeRecord } from '../records';
import { processBatch, submitBatch, type ProcessOptions } from '.';
import { MAX_STORED_ERRORS } from './row-errors';

/** The national 双公示 headers of a 行政处罚 file (a subset, in a department's own order). */
const HEADERS = ['行政相对人名称', '行政相对人类别', '行政相对人代码_1（统一社会信用代码）', '行政相对人代码_2（工商注册号）', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '处罚决定日期', '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注'];

const random = createSeededRandom(2026);
const AUTHORITY = generateUscc({ region: '459900', random });
const COMPANY = { name: '测试市管道流水线有限公司', uscc: generateUscc({ region: '450403', random }) };
const OTHER = { name: '测试市管道二号有限公司', uscc: generateUscc({ region: '450403', random }) };
const PERSON = { name: '管道测试人', id: generateCitizenId({ region: '450403', birthDate: '1985-06-15', random }) };

type Row = Record<string, string>;

function row(doc: string, overrides: Row = {}): Row {
  return {
    行政相对人名称: COMPANY.name,
    行政相对人类别: '法人及非法人组织',
    '行政相对人代码_1（统一社会信用代码）': COMPANY.uscc,
    '行政相对人代码_2（工商注册号）': '',
    证件类型: '',
    证件号码: '',
    行政处罚决定书文号: doc,
    违法行为类型: '未按规定公示年度报告',
    违法事实: '当事人未按规定期限公示年度报告',
    处罚依据: '《企业信息公示暂行条例》',
    处罚类别: '警告、罚款',
    处罚内容: '警告；罚款2000元',
    '罚款金额（万元）': '0.2',
    处罚决定日期: '2026-11-02',
    处罚有效期: '2027-11-02',
    处罚机关: '测试市市场监督管理局',
    处罚机关统一社会信用代码: AUTHORITY,
    数据来源单位: '测试市市场监督管理局',
    数据来源单位统一社会信用代码: AUTHORITY,
    备注: '',
    ...overrides,
  };
}

const person = (doc: string): Row => row(doc, { 行政相对人名称: PERSON.name, 行政相对人类别: '自然人', '行政相对人代码_1（统一社会信用代码）': '', 证件类型: '身份证', 证件号码: PERSON.id });

function csv(rows: Row[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n');
}

/**
 * A file that crosses every rule: valid rows, field errors, a document repeated in the same chunk and in
 * a later one, a natural person, a subject named differently by two rows, a row whose subject cannot be
 * registered, a quoted multi-line cell.
 */
function mixedRows(prefix: string): Row[] {
  return [
    row(`${prefix}-1`),
    row(`${prefix}-2`, { 处罚决定日期: '2026-02-30' }),
    row(`${prefix}-3`, { 违法事实: '第一行\n第二行，含"引号"' }),
    row(`${prefix}-1`),
    person(`${prefix}-4`),
    row(`${prefix}-5`, { '行政相对人代码_1（统一社会信用代码）': OTHER.uscc, 行政相对人名称: OTHER.name }),
    row(`${prefix}-6`, { 处罚类别: '训诫' }),
    row(`${prefix}-7`, { 行政相对人名称: '测试市管道流水线（集团）有限公司' }),
    row(`${prefix}-8`, { 行政相对人类别: '自然人', '行政相对人代码_1（统一社会信用代码）': '', 证件类型: '身份证', 证件号码: '' }),
    person(`${prefix}-9`),
    row(`${prefix}-2`, { 处罚依据: '' }),
    row(`${prefix}-10`),
    row(`${prefix}-3`, { 备注: '同一文书号，后面的块里又出现' }),
  ];
}

describe('bulk store pipeline', () => {
  let t: TestApp;
  let dir: string;
  let actors: Record<'A' | 'B', Actor>;

  beforeAll(async () => {
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-pipeline-'));
    const actorOf = (department: { id: string; code: string }): Actor => ({ kind: 'system', id: null, role: 'dept_operator', departmentId: department.id, departmentCode: department.code, regionCode: '459900', label: `导入测试（${department.code}）` });
    actors = { A: actorOf(t.departments.A), B: actorOf(t.departments.B) };
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function importFile(actor: Actor, name: string, content: string, options: ProcessOptions & { mode?: 'lenient' | 'atomic' } = {}) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const { batch } = await submitBatch(t.ctx.db, actor, t.ctx.config, { itemCode: 'penalty', mode: options.mode ?? 'lenient', source: 'cli', content: { kind: 'path', path: file } });
    const result = await processBatch(t.ctx.db, batch.id, options);
    const errors = await queryRows<{ row_number: number; field: string | null; code: string; raw: Record<string, unknown> | null }>(t.ctx.db, sql`select row_number, field, code, raw from ingest_errors where batch_id = ${batch.id} order by row_number, id`);
    return { result, errors };
  }

  const outcome = ({ result, errors }: Awaited<ReturnType<typeof importFile>>) => ({
    status: result.status,
    total: result.total,
    created: result.created,
    corrected: result.corrected,
    unchanged: result.unchanged,
    rejected: result.rejected,
    late: result.late,
    errors: errors.map((e) => [e.row_number, e.field, e.code]),
  });

  it('gives the same outcome with one chunk, chunks of 3 rows, and on the worker thread', async () => {
    const oneChunk = await importFile(actors.A, 'one.csv', csv(mixedRows('P')));
    expect(outcome(oneChunk)).toMatchObject({ status: 'completed', total: 13, created: 7, rejected: 6 });
    expect(oneChunk.errors.map((e) => [e.row_number, e.code])).toEqual([
      [3, 'date'],
      [5, 'duplicate_in_batch'],
      [8, 'code'],
      [10, 'subject'],
      [12, 'required'],
      [14, 'duplicate_in_batch'],
    ]);
    // chunks of 3 rows: the second P-3 (row 14) is found stored by this batch rather than earlier in its chunk
    const small = await importFile(actors.B, 'small.csv', csv(mixedRows('P')), { chunkSize: 3 });
    expect(outcome(small)).toEqual(outcome(oneChunk));
    const inOne = await importFile(actors.A, 'one-more.csv', csv(mixedRows('W')), { chunkSize: 100 });
    const onWorker = await importFile(actors.B, 'worker.csv', csv(mixedRows('W')), { chunkSize: 100, worker: true });
    expect(outcome(onWorker)).toEqual(outcome(inOne));
  });

  it('keeps the provenance of every stored value: batch, row, the row as received, submitter', async () => {
    const rows = [row('V-1', { 违法事实: '含"引号"、逗号,和\n换行' })];
    const { result } = await importFile(actors.A, 'provenance.csv', csv(rows), { chunkSize: 1 });
    const [version] = await queryRows<{ raw: Record<string, unknown>; fields: Record<string, unknown>; batch_id: string; row_number: number; submitted_by: string; kind: string; version: number }>(
      t.ctx.db,
      sql`select v.raw, v.fields, v.batch_id, v.row_number, v.submitted_by, v.kind, v.version from record_versions v join records r on r.id = v.record_id where r.document_number = 'V-1'`,
    );
    expect(version).toMatchObject({ batch_id: result.id, row_number: 2, submitted_by: actors.A.label, kind: 'create', version: 1 });
    expect(version.raw).toEqual(rows[0]);
    expect(version.fields).toMatchObject({ document_number: 'V-1', penalty_types: ['warning', 'fine'], decision_date: '2026-11-02', violation_facts: '含"引号"、逗号,和\n换行' });
  });

  it('registers natural persons with the ID number only encrypted, hashed and masked', async () => {
    const subjects = await queryRows<Record<string, string | null>>(t.ctx.db, sql`select * from subjects where name = ${PERSON.name}`);
    expect(subjects).toHaveLength(1);
    const [subject] = subjects;
    expect(JSON.stringify(subject)).not.toContain(PERSON.id);
    expect(decryptPersonal(subject.citizen_id_enc!)).toBe(PERSON.id);
    expect(subject.citizen_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(subject.citizen_id_masked).toContain('*');
  });

  it('queues a code named differently than its subject for the credit office (the subject existed before the batch)', async () => {
    const issues = await queryRows<{ kind: string; incoming_name: string; existing_name: string }>(t.ctx.db, sql`select kind, incoming_name, existing_name from quality_issues where identifier = ${COMPANY.uscc}`);
    expect(issues).toContainEqual({ kind: 'name_mismatch', incoming_name: '测试市管道流水线（集团）有限公司', existing_name: COMPANY.name });
  });

  it('leaves an identical resubmission unchanged, turns a changed one into a correction and refuses a revoked record', async () => {
    const rows = [row('C-1'), row('C-2'), row('C-3')];
    expect(outcome(await importFile(actors.A, 'c1.csv', csv(rows)))).toMatchObject({ created: 3 });
    const [revoked] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from records where document_number = 'C-3'`);
    await revokeRecord(t.ctx.db, { ...actors.A, kind: 'user', role: 'dept_operator' }, revoked.id, { reason: '测试撤销' });
    const again = await importFile(actors.A, 'c2.csv', csv([row('C-1'), row('C-2', { 处罚内容: '警告；罚款3000元', '罚款金额（万元）': '0.3' }), row('C-3')]), { chunkSize: 2 });
    expect(outcome(again)).toMatchObject({ status: 'completed', created: 0, unchanged: 1, corrected: 1, rejected: 1, errors: [[4, 'document_number', 'record_revoked']] });
    const versions = await queryRows<{ version: number; kind: string; reason: string | null; batch_id: string }>(t.ctx.db, sql`select v.version, v.kind, v.reason, v.batch_id from record_versions v join records r on r.id = v.record_id where r.document_number = 'C-2' order by v.version`);
    expect(versions.map((v) => [v.version, v.kind])).toEqual([
      [1, 'create'],
      [2, 'correction'],
    ]);
    expect(versions[1]).toMatchObject({ batch_id: again.result.id, reason: `批次 ${again.result.id} 重新报送，内容有变化` });
    const [record] = await queryRows<{ current_version: number }>(t.ctx.db, sql`select current_version from records where document_number = 'C-2'`);
    expect(record.current_version).toBe(2);
  });

  it('commits nothing of an atomic batch with a bad row, and still reports the row', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from records`);
    const atomic = await importFile(actors.A, 'atomic.csv', csv([row('AT-1'), row('AT-2', { 处罚决定日期: 'bad' }), row('AT-3')]), { mode: 'atomic', chunkSize: 1 });
    expect(outcome(atomic)).toMatchObject({ status: 'rejected', created: 0, rejected: 1, errors: [[3, 'decision_date', 'date']] });
    expect(await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from records`)).toEqual(before);
  });

  it('spools refused rows to disk and stores every one of them (up to the limit)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(`E-${i}`, { 处罚决定日期: 'never', 违法事实: '很长的违法事实'.repeat(40) }));
    const { result, errors } = await importFile(actors.B, 'errors.csv', csv(rows), { chunkSize: 500 });
    expect(result).toMatchObject({ status: 'completed', rejected: 3000, created: 0 });
    expect(errors).toHaveLength(3000);
    expect(errors[2999]).toMatchObject({ row_number: 3001, code: 'date' });
    expect(errors[0].raw).toMatchObject({ 行政处罚决定书文号: 'E-0', 处罚决定日期: 'never' });
    expect(MAX_STORED_ERRORS).toBeGreaterThan(3000);
  });
});
