import type { Logger } from 'pino';

const DAY_MS = 24 * 3_600_000;

/**
 * Runs `work` now and then once a day. Jobs here recompute from the data (e.g. "entries whose validity has
 * passed"), so a day missed while the server was down is caught up by the next run.
 */
export function startDailyJob(name: string, work: () => Promise<unknown>, logger: Pick<Logger, 'info' | 'error'>): { stop(): Promise<void> } {
  return startRepeatingJob(name, work, DAY_MS, logger);
}

/** Runs `work` now and then every `intervalMs`; runs never overlap. A run `idle` says did nothing is not logged. */
export function startRepeatingJob<T>(
  name: string,
  work: () => Promise<T>,
  intervalMs: number,
  logger: Pick<Logger, 'info' | 'error'>,
  idle: (result: T) => boolean = () => false,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  // Runs never overlap, and stop() waits for the one in progress before the database closes.
  const run = () => {
    running = running.then(work).then(
      (result) => {
        if (!idle(result)) logger.info({ job: name, result }, '定时任务完成');
      },
      (error) => logger.error({ job: name, err: error }, '定时任务失败'),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
