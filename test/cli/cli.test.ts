import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/connection';

const run = promisify(execFile);
const BIN = path.resolve('bin/xinyong.mjs');

async function xinyong(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npx xinyong', () => {
  let dataDir: string;
  // The embedded database only: with DATABASE_URL these commands would act on the shared server database.
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('id check prints the same JSON as the API', async () => {
    const result = await xinyong(['id', 'check', '91350211M00013FA1N']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ type: 'uscc', valid: false });
    expect(parsed.problems.map((p: { code: string }) => p.code)).toEqual(['checksum']);
  });

  it('migrate creates the embedded database in DATA_DIR', async () => {
    const result = await xinyong(['migrate'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('迁移完成');
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);
  });

  it('audit verify passes on an intact chain and names the first broken link after tampering', async () => {
    const ok = await xinyong(['audit', 'verify', '--json'], env());
    expect(ok.code).toBe(0);
    const intact = JSON.parse(ok.stdout);
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(0);

    const database = await openDatabase({ databaseUrl: null, dataDir });
    await database.db.execute(sql`update audit_entries set action = 'forged' where seq = 1`);
    await database.close();

    const broken = await xinyong(['audit', 'verify'], env());
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/断裂：第 1 条/);
  });

  it('says plainly when the embedded data directory is in use by another process', async () => {
    fs.writeFileSync(path.join(dataDir, 'xinyong.lock'), String(process.ppid));
    try {
      const result = await xinyong(['migrate'], env());
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/正被另一个进程.*使用/);
    } finally {
      fs.rmSync(path.join(dataDir, 'xinyong.lock'), { force: true });
    }
  });
});
