import type { Command } from 'commander';
import { withContext } from './run';
import { verifyChain } from '../modules/audit';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链，报告第一处断裂')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }) => {
      const result = await withContext((ctx) => verifyChain(ctx.db));
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.ok) process.stdout.write(`审计哈希链完整：共校验 ${result.checked} 条\n`);
      else process.stdout.write(`审计哈希链断裂：第 ${result.firstBroken!.seq} 条——${result.firstBroken!.reason}（此前 ${result.checked} 条完整）\n`);
      if (!result.ok) process.exitCode = 2;
    });
}
