import type { Command } from 'commander';
import { checkIdentifier } from '../modules/identifiers/index.js';

/** `id check <value>`: prints the check result as JSON; an invalid value is a result, so the exit code stays 0. */
export function registerIdCheckCommand(program: Command): void {
  const id = program.commands.find((command) => command.name() === 'id') ?? program.command('id').description('证件号码工具');
  id.command('check')
    .description('校验统一社会信用代码、公民身份号码或组织机构代码')
    .argument('<value>', '要校验的号码')
    .action((value: string) => {
      process.stdout.write(`${JSON.stringify(checkIdentifier(value), null, 2)}\n`);
    });
}
