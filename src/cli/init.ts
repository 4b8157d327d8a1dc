import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../shared/actor';
import { AppError } from '../shared/errors';
import { createUser } from '../modules/auth';
import { countDepartments, createDepartment, registerRegions } from '../modules/departments';
import { divisionTree } from '../modules/identifiers';
import { withContext } from './run';

/** First start of a real installation (no demo data): the region tree, the credit office and its first admin. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('初始化正式平台（不载入演示数据）：本地区行政区划、信用办部门与第一个管理员账号')
    .requiredOption('--region <code>', '本平台的 6 位行政区划代码（GB/T 2260），如 450400')
    .requiredOption('--admin <username>', '信用办管理员用户名')
    .requiredOption('--password <password>', '管理员初始密码（至少 8 位，含三类字符）')
    .option('--office-name <name>', '信用办（社会信用体系建设牵头单位）名称')
    .action(async (options: { region: string; admin: string; password: string; officeName?: string }) => {
      await withContext(async (ctx) => {
        if ((await countDepartments(ctx.db)) > 0) throw new AppError('CONFLICT', '平台已经初始化（已有部门），不能重复初始化');
        const tree = divisionTree(options.region);
        const own = tree.find((d) => d.code === options.region);
        if (!own) throw new AppError('VALIDATION', `行政区划代码 ${options.region} 不在 GB/T 2260 现行代码中`);
        await registerRegions(ctx.db, SYSTEM_ACTOR, tree);
        const office = await createDepartment(ctx.db, SYSTEM_ACTOR, { code: 'XYB', name: options.officeName ?? `${own.name}社会信用体系建设牵头单位`, regionCode: own.code, kind: 'credit_office' });
        await createUser(ctx.db, SYSTEM_ACTOR, { username: options.admin, displayName: '信用办管理员', password: options.password, role: 'office_admin', departmentId: office.id });
        process.stdout.write(`已初始化：${own.name}（${tree.length} 个区划），信用办“${office.name}”，管理员 ${options.admin}。请设置 PLATFORM_REGION_CODE=${own.code} 并以 DEMO_DATA=0 启动。\n`);
      });
    });
}
