import type { Command } from 'commander';
import { withContext } from './run';
import { syncBaseCatalog } from '../modules/catalog';
import { loadDemoDataIfEmpty } from '../modules/demo';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移（内置 PGlite 或 DATABASE_URL 指定的 PostgreSQL）')
    .action(async () => {
      await withContext(async (ctx) => {
        process.stdout.write(`迁移完成：${ctx.database.describe}\n`);
      });
    });

  program
    .command('seed')
    .description('同步基础目录；数据库为空时载入演示数据（示范市）')
    .option('--no-demo', '只同步基础目录，不载入演示数据')
    .action(async (options: { demo: boolean }) => {
      await withContext(async (ctx) => {
        const catalog = await syncBaseCatalog(ctx.db);
        process.stdout.write(`基础目录：第 ${catalog.version} 版${catalog.changed ? '（已更新）' : '（无变化）'}\n`);
        if (options.demo) {
          const loaded = await loadDemoDataIfEmpty(ctx);
          process.stdout.write(loaded ? `演示数据已载入：${JSON.stringify(loaded)}\n` : '数据库中已有部门，未载入演示数据\n');
        }
      });
    });
}
