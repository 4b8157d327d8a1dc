import os from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { SYSTEM_ACTOR, type Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { findDepartmentByCode, listDepartments } from '../modules/departments';
import { getBatch, processBatch, submitBatch } from '../modules/ingest';
import { withContext } from './run';

export function registerIngestCommands(program: Command): void {
  program
    .command('import')
    .description('导入一个 CSV 或 XLSX 文件（与接口、控制台相同的校验与入库规则）')
    .argument('<file>', 'CSV（UTF-8/GBK/GB18030）或 XLSX 文件')
    .requiredOption('--item <code>', '目录条目代码，如 penalty、licence')
    .requiredOption('--department <code>', '报送部门编码（npx xinyong departments 查看）')
    .option('--atomic', '整批模式：任何一行有错则整批不入库')
    .option('--client-key <key>', '批次号：同一批次号重复导入不会重复入库')
    .option('--json', '以批次接口的 JSON 格式输出结果')
    .action(async (file: string, options: { item: string; department: string; atomic?: boolean; clientKey?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const department = await findDepartmentByCode(ctx.db, options.department);
        if (!department) throw new AppError('NOT_FOUND', `部门编码 ${options.department} 不存在（npx xinyong departments 查看全部编码）`);
        const actor: Actor = { ...SYSTEM_ACTOR, departmentId: department.id, departmentCode: department.code, regionCode: department.regionCode, label: `命令行导入（${os.userInfo().username}，${department.name}）` };
        const { batch, existing } = await submitBatch(ctx.db, actor, ctx.config, {
          itemCode: options.item,
          mode: options.atomic ? 'atomic' : 'lenient',
          clientKey: options.clientKey,
          source: 'cli',
          content: { kind: 'path', path: file },
        });
        const unfinished = batch.status === 'queued' || batch.status === 'processing';
        if (existing && !unfinished) process.stderr.write(`批次号 ${options.clientKey} 已导入过，显示原批次结果\n`);
        else {
          if (existing) process.stderr.write(`批次号 ${options.clientKey} 上次未完成（已回滚），重新处理\n`);
          await processWithProgress(ctx.db, batch.id);
        }
        const result = await getBatch(ctx.db, actor, batch.id);
        process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : summary(result));
        if (result.status !== 'completed') process.exitCode = 4;
      });
    });

  program
    .command('departments')
    .description('列出部门编码（导入时用 --department 指定）')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const rows = await listDepartments(ctx.db, SYSTEM_ACTOR);
        if (options.json) process.stdout.write(`${JSON.stringify(rows.map(({ code, name, regionCode, kind }) => ({ code, name, regionCode, kind })))}\n`);
        else for (const row of rows) process.stdout.write(`${row.code.padEnd(8)} ${row.name}\n`);
      });
    });
}

/** A live bar on a terminal; plain progress lines (at most one a second) when stderr is a pipe or a log. */
async function processWithProgress(db: Parameters<typeof processBatch>[0], batchId: string): Promise<void> {
  const started = Date.now();
  const speed = (processed: number) => Math.round(processed / Math.max(0.001, (Date.now() - started) / 1000));
  if (!process.stderr.isTTY) {
    let lastLine = 0;
    await processBatch(db, batchId, {
      onProgress: (processed, rejected) => {
        if (Date.now() - lastLine < 1000) return;
        lastLine = Date.now();
        process.stderr.write(`导入中：已处理 ${processed} 行，拒收 ${rejected} 行，${speed(processed)} 行/秒\n`);
      },
    });
    return;
  }
  const bar = new cliProgress.SingleBar({ format: '导入中 {value} 行 | 拒收 {rejected} 行 | {speed} 行/秒', stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(0, 0, { rejected: 0, speed: 0 });
  try {
    await processBatch(db, batchId, {
      onProgress: (processed, rejected) => {
        bar.setTotal(processed);
        bar.update(processed, { rejected, speed: speed(processed) });
      },
    });
  } finally {
    bar.stop();
  }
}

function summary(result: Awaited<ReturnType<typeof getBatch>>): string {
  const lines = [
    `批次 ${result.id}：${STATUS[result.status] ?? result.status}${result.message ? `（${result.message}）` : ''}`,
    `共 ${result.total} 行：新增 ${result.created}，更正 ${result.corrected}，未变 ${result.unchanged}，拒收 ${result.rejected}，超过 7 个工作日 ${result.late}`,
    ...result.errors.slice(0, 20).map((e) => `  第 ${e.row} 行${e.field ? ` [${e.field}]` : ''}：${e.message}`),
  ];
  if (result.errorCount > 20) lines.push(`  ……另有 ${result.errorCount - 20} 条错误，使用 --json 或控制台导出全部`);
  return `${lines.join('\n')}\n`;
}

const STATUS: Record<string, string> = { completed: '已完成', rejected: '已拒收', failed: '处理失败', queued: '排队中', processing: '处理中' };
