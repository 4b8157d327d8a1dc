/**
 * The daily disclosure job (公示到期自动终止): recomputes the projection from the records and ends every
 * disclosure past its maximum period. Durable in the sense that it keeps no state of its own: each run
 * compares end dates with today, so a day missed (the process was down) is caught up by the next run.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/types';
import { chinaDate } from '../../shared/time';
import { expireDisclosures, syncDisclosure, type SyncResult } from './projection';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_SYNC_MS = 5 * 60 * 1000;

export interface DisclosureJobOptions {
  /** the daily run: full sync + expiry (default one day) */
  intervalMs?: number;
  /** the incremental sync in between, so new records reach the feed and lists quickly (default 5 min; 0 = off) */
  syncIntervalMs?: number;
  /** work that needs the day's recomputed state, run after each daily run (the open-data export) */
  afterDaily?: () => Promise<unknown>;
}

export interface DisclosureJob {
  /** clears the timers and resolves when a run in progress has finished (call before closing the database) */
  stop(): Promise<void>;
  /** the run started at start-up (tests and start-up logs wait for it) */
  initial: Promise<void>;
}

/** One run of the daily job: a full recomputation, then expiry, both judged on `today`. */
export async function runDisclosureJobOnce(db: Db, today: string = chinaDate()): Promise<SyncResult & { expired: number }> {
  const synced = await syncDisclosure(db, { full: true, today });
  const { expired } = await expireDisclosures(db, today);
  return { ...synced, expired };
}

export function startDisclosureJob(db: Db, logger: Pick<Logger, 'info' | 'error'>, options: DisclosureJobOptions = {}): DisclosureJob {
  let running: Promise<unknown> = Promise.resolve();
  // Runs never overlap: each waits for the previous one.
  const serial = (name: string, work: () => Promise<unknown>) => {
    running = running.then(work).then(
      (result) => logger.info({ job: 'disclosure', run: name, result }, '公示任务完成'),
      (error: unknown) => logger.error({ job: 'disclosure', run: name, err: error }, '公示任务失败'),
    );
    return running as Promise<void>;
  };
  const dailyRun = async () => {
    const result = await runDisclosureJobOnce(db);
    if (options.afterDaily) await options.afterDaily();
    return result;
  };
  const initial = serial('daily', dailyRun);
  const daily = setInterval(() => void serial('daily', dailyRun), options.intervalMs ?? DAY_MS);
  daily.unref();
  const syncMs = options.syncIntervalMs ?? DEFAULT_SYNC_MS;
  const incremental = syncMs > 0 ? setInterval(() => void serial('sync', () => syncDisclosure(db)), syncMs) : null;
  incremental?.unref();
  return {
    initial,
    async stop() {
      clearInterval(daily);
      if (incremental) clearInterval(incremental);
      await running;
    },
  };
}
