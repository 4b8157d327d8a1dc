import type { BatchRow } from './repository';

/**
 * Live progress of batches being processed in this process. The batch row itself only changes when the
 * batch commits, and on the embedded database the batch's transaction holds the only connection, so
 * the status of a running batch is answered from here without the database.
 */
interface Running {
  batch: BatchRow;
  processed: number;
  rejected: number;
}

const running = new Map<string, Running>();

export function startProgress(batch: BatchRow): void {
  running.set(batch.id, { batch: { ...batch, status: 'processing' }, processed: 0, rejected: 0 });
}

export function reportProgress(batchId: string, processed: number, rejected: number): void {
  const entry = running.get(batchId);
  if (entry) Object.assign(entry, { processed, rejected });
}

export function runningBatch(batchId: string): Running | null {
  return running.get(batchId) ?? null;
}

export function clearProgress(batchId: string): void {
  running.delete(batchId);
}
