import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/connection';
import { queryRows } from '../../src/db/sql';
import { createSeededRandom, generateUscc } from '../../src/modules/identifiers';

const run = promisify(execFile);
const BIN = path.resolve('bin/xinyong.mjs');
const ROWS = 20_000;

const HEADERS = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '处罚决定日期', '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码'];

function writeCsv(file: string): void {
  const random = createSeededRandom(7);
  const subjects = Array.from({ length: 400 }, (_, i) => ({ name: `命令行测试${i}号有限公司`, uscc: generateUscc({ region: '450403', random }) }));
  const lines = [HEADERS.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const subject = subjects[i % subjects.length];
    lines.push([subject.name, '法人及非法人组织', subject.uscc, '李明', `测罚〔2026〕${i}号`, '违反广告管理规定', '当事人发布违法广告', '《中华人民共和国广告法》', '罚款', '罚款1000元', '0.1', '2026-11-16', '2027-11-16', '测试市市场监督管理局', '91310115591693856A', '测试市市场监督管理局', '91310115591693856A'].join(','));
  }
  fs.writeFileSync(file, lines.join('\n'));
}

async function xinyong(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npx xinyong import', () => {
  let dataDir: string;
  let csv: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: '0' });

  async function inspect<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
    const database = await openDatabase({ databaseUrl: null, dataDir });
    try {
      return await queryRows<T>(database.db, query);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-import-'));
    csv = path.join(dataDir, '处罚.csv');
    writeCsv(csv);
    const init = await xinyong(['init', '--region', '450400', '--admin', 'chief', '--password', 'Chief@2026x'], env());
    expect(init.stdout).toContain('已初始化');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists department codes', async () => {
    const result = await xinyong(['departments', '--json'], env());
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ code: 'XYB', kind: 'credit_office' })]);
  });

  it('leaves nothing behind when killed mid-batch, and finishes the batch when run again', async () => {
    const child = spawn(process.execPath, [BIN, 'import', csv, '--item', 'penalty', '--department', 'XYB', '--client-key', 'crash-1'], { env: { ...process.env, ...env() } });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('已处理')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('import finished before it could be killed')));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(path.join(dataDir, 'xinyong.lock'), { force: true });
    expect(await inspect(sql`select count(*)::int as n from records`)).toEqual([{ n: 0 }]);
    expect(await inspect(sql`select status from ingest_batches`)).toEqual([{ status: 'processing' }]);

    const again = await xinyong(['import', csv, '--item', 'penalty', '--department', 'XYB', '--client-key', 'crash-1'], env());
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('重新处理');
    expect(again.stdout).toMatch(new RegExp(`共 ${ROWS} 行：新增 ${ROWS}`));
    expect(await inspect(sql`select count(*)::int as n from records`)).toEqual([{ n: ROWS }]);
  });

  it('is idempotent across batches and prints the batch JSON with --json', async () => {
    const result = await xinyong(['import', csv, '--item', 'penalty', '--department', 'XYB', '--json'], env());
    const batch = JSON.parse(result.stdout);
    expect(batch).toMatchObject({ status: 'completed', total: ROWS, created: 0, unchanged: ROWS, rejected: 0 });
    expect(await inspect(sql`select count(*)::int as n from records`)).toEqual([{ n: ROWS }]);
  });

  it('says so plainly for an unknown department or item', async () => {
    const department = await xinyong(['import', csv, '--item', 'penalty', '--department', 'NOPE'], env());
    expect(department.code).not.toBe(0);
    expect(department.stderr).toMatch(/部门编码 NOPE 不存在/);
    const item = await xinyong(['import', csv, '--item', 'nope', '--department', 'XYB'], env());
    expect(item.stderr).toMatch(/目录中不存在/);
  });
});
