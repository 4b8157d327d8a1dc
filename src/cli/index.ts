import { Command } from 'commander';
import { registerIdCheckCommand } from './id-check';
import { registerAuditCommands } from './audit';
import { registerDatabaseCommands } from './database';
import { registerInitCommand } from './init';
import { registerIngestCommands } from './ingest';
import { runCli } from './run';

const program = new Command()
  .name('xinyong')
  .description('公共信用信息平台命令行工具')
  .showHelpAfterError('（使用 --help 查看用法）');

registerDatabaseCommands(program);
registerInitCommand(program);
registerIngestCommands(program);
registerAuditCommands(program);
registerIdCheckCommand(program);

await runCli(program);
