import type { Logger } from 'pino';
import type { Db } from '../../db/types';
import { processBatch } from './process-batch';
import * as repo from './repository';

/**
 * Runs queued batches one after another in the background. Durable: the queue is the batches table, so
 * batches queued (or interrupted) before a restart are picked up by `resumeUnfinished` at the next start.
 */
export class IngestQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger?: Pick<Logger, 'error' | 'info'>,
  ) {}

  enqueue(batchId: string): Promise<void> {
    const run = this.tail.then(() => this.run(batchId));
    this.tail = run;
    return run;
  }

  async resumeUnfinished(): Promise<number> {
    const batches = await repo.unfinishedBatches(this.db);
    for (const batch of batches) void this.enqueue(batch.id);
    return batches.length;
  }

  /** Resolves when everything queued so far has been processed (tests, shutdown). */
  async idle(): Promise<void> {
    await this.tail;
  }

  private async run(batchId: string): Promise<void> {
    try {
      const batch = await processBatch(this.db, batchId);
      this.logger?.info({ batchId, status: batch.status, total: batch.total, rejected: batch.rejected }, '批次处理完毕');
    } catch (error) {
      this.logger?.error({ err: error, batchId }, '批次处理失败');
    }
  }
}

const queues = new WeakMap<object, IngestQueue>();

/** One queue per database handle (one per server process). */
export function ingestQueueFor(db: Db, logger?: Pick<Logger, 'error' | 'info'>): IngestQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new IngestQueue(db, logger);
    queues.set(db, queue);
  }
  return queue;
}
