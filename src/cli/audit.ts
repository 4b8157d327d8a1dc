import type { Command } from 'commander';
import { withContext } from './run';
import { verifyChain, verifySeals } from '../modules/audit';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链和各日志的封存摘要，报告第一处断裂')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      const { chain, seals } = await withContext(async (ctx) => ({ chain: await verifyChain(ctx.db), seals: await verifySeals(ctx.db) }));
      if (options.json) process.stdout.write(`${JSON.stringify({ ...chain, ok: chain.ok && seals.ok, seals })}\n`);
      else {
        if (chain.ok) process.stdout.write(`审计哈希链完整：共校验 ${chain.checked} 条\n`);
        else process.stdout.write(`审计哈希链断裂：第 ${chain.firstBroken!.seq} 条——${chain.firstBroken!.reason}（此前 ${chain.checked} 条完整）\n`);
        if (seals.ok) process.stdout.write(`日志封存完整：${seals.seals} 次封存，${seals.rows} 条记录\n`);
        else process.stdout.write(`日志封存不符：${seals.firstBroken!.log} 封存 ${seals.firstBroken!.sealId}——${seals.firstBroken!.reason}\n`);
      }
      if (!chain.ok || !seals.ok) process.exitCode = 2;
    });
}
