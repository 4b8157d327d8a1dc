import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openContext } from '../app';
import type { AppContext } from '../http/context';
import { isAppError } from '../shared/errors';

/** Parses argv and turns any failure into a Chinese message and a non-zero exit code. */
export async function runCli(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.stderr.write(`错误：${isAppError(error) ? error.message : (error as Error).message}\n`);
    process.exitCode = isAppError(error) && error.code === 'DATA_DIR_IN_USE' ? 3 : 1;
  }
}

/** Opens (and migrates) the configured database for one command and always closes it. */
export async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await run(ctx);
  } finally {
    await ctx.database.close();
  }
}
