import fs from 'node:fs';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError, isAppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { withAudit } from '../audit';
import { loadCalendar } from '../calendar';
import { getCurrentItem } from '../catalog';
import { ParseError } from './parse';
import { openPreparedSource } from './prepared-source';
import * as repo from './repository';
import { clearProgress, reportProgress, startProgress } from './progress';
import { RowErrors } from './row-errors';
import { ChunkStore, type Tally } from './store-chunk';

/**
 * Rows validated and stored together: big enough that a chunk costs a handful of statements (one look-up,
 * one write), small enough for memory. Two chunks are alive at a time (one being written, one being read).
 * 10 000 rows: 10 % less PostgreSQL CPU than 5 000 and 20 % less than 2 500, ≈ 30 MiB more RSS.
 */
const CHUNK = 10_000;

/** Progress is reported (and the status answer updated) every this many rows read. */
const PROGRESS_EVERY = 2000;

class AtomicRejection extends Error {}

export interface ProcessOptions {
  onProgress?: (processed: number, rejected: number) => void;
  /** read and check rows on a worker thread (see openPreparedSource); default: XINYONG_INGEST_WORKER=1 */
  worker?: boolean;
  /** rows per chunk (default CHUNK; smaller in tests, to cross chunk boundaries with few rows) */
  chunkSize?: number;
}

/**
 * Processes one queued batch: streams its rows, validates them against the catalog item, resolves
 * subjects and stores records in ONE transaction, so a crash leaves nothing half-written and the batch
 * can simply be processed again. Atomic batches commit nothing if any row is bad.
 *
 * Rows are checked on this thread while the database writes the previous chunk (see ChunkStore);
 * refused rows are spooled to disk as they are found and loaded when the batch ends.
 */
export async function processBatch(db: Db, batchId: string, options: ProcessOptions = {}): Promise<repo.BatchRow> {
  const batch = await repo.findBatch(db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', '未找到该批次');
  if (batch.status !== 'queued' && batch.status !== 'processing') return batch;
  startProgress(batch);
  await withAudit(db, submitter(batch), async (tx, audit) => {
    await repo.updateBatch(tx, batchId, { status: 'processing', startedAt: new Date().toISOString() });
    audit.record({ action: 'ingest.batch.start', entityType: 'ingest_batch', entityId: batchId });
  });
  const errors = new RowErrors(batchId);
  const tally: Tally = { total: 0, created: 0, corrected: 0, unchanged: 0, late: 0 };
  const progress = (processed: number) => {
    reportProgress(batchId, processed, errors.rejected);
    options.onProgress?.(processed, errors.rejected);
  };
  let close: (() => Promise<void>) | null = null;
  try {
    const item = await getCurrentItem(db, batch.itemCode);
    const calendar = await loadCalendar(db);
    const source = await openPreparedSource(batch, item, {
      chunkSize: options.chunkSize ?? CHUNK,
      worker: options.worker,
      readEvery: PROGRESS_EVERY,
      // rows read so far (checked, not yet stored): the status of a running batch
      onRead: (rowsRead) => {
        tally.total = Math.max(tally.total, rowsRead);
        progress(rowsRead);
      },
    });
    close = source.close;
    if (source.missingRequired.length) {
      const labels = source.missingRequired.join('、');
      errors.add(1, [{ field: null, code: 'headers_missing', message: `缺少必填列：${labels}` }], null);
      return await finish(db, batch, 'rejected', tally, errors, `缺少必填列：${labels}`);
    }
    const actor = submitter(batch);
    await withAudit(db, actor, async (tx, audit) => {
      const context = { batch, item, actor, calendar, arrival: chinaDate(new Date(batch.createdAt)), cellKeys: source.cellKeys };
      const store = new ChunkStore(tx, audit, context, errors, tally);
      try {
        for await (const chunk of source.chunks) {
          tally.total = Math.max(tally.total, chunk.rowsRead);
          await store.store(chunk);
        }
        await store.finish();
      } finally {
        await store.settle();
      }
      progress(tally.total);
      if (tally.total === 0) throw new ParseError('EMPTY', '文件为空或只有表头，没有数据行');
      if (batch.mode === 'atomic' && errors.rejected > 0) throw new AtomicRejection();
      audit.record({ action: 'ingest.batch.commit', entityType: 'ingest_batch', entityId: batch.id, after: { ...tally, rejected: errors.rejected } });
    });
    return await finish(db, batch, 'completed', tally, errors, null, source);
  } catch (error) {
    if (error instanceof AtomicRejection) {
      return await finish(db, batch, 'rejected', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, `整批模式：${errors.rejected} 行有错误，整批未入库`);
    }
    if (error instanceof ParseError || isAppError(error)) {
      return await finish(db, batch, 'rejected', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, (error as Error).message);
    }
    await finish(db, batch, 'failed', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, `处理失败：${(error as Error).message}`);
    throw error;
  } finally {
    await close?.().catch(() => undefined);
    errors.dispose();
    clearProgress(batchId);
  }
}

function submitter(batch: repo.BatchRow): Actor {
  return {
    kind: batch.submitterKind as Actor['kind'],
    id: batch.submitterId,
    role: 'dept_operator',
    departmentId: batch.departmentId,
    departmentCode: null,
    regionCode: null,
    label: batch.submittedBy,
  };
}

async function finish(db: Db, batch: repo.BatchRow, status: 'completed' | 'rejected' | 'failed', tally: Tally, errors: RowErrors, message: string | null, source?: { format: string; encoding: string | null }) {
  const finished = await withAudit(db, submitter(batch), async (tx, audit) => {
    await repo.deleteErrors(tx, batch.id);
    await repo.insertSpooledErrors(tx, errors);
    const row = await repo.updateBatch(tx, batch.id, {
      status,
      ...tally,
      rejected: errors.rejected,
      processed: tally.total,
      errorMessage: message,
      finishedAt: new Date().toISOString(),
      ...(source ? { format: source.format, encoding: source.encoding } : {}),
    });
    audit.record({ action: `ingest.batch.${status}`, entityType: 'ingest_batch', entityId: batch.id, after: { ...tally, rejected: errors.rejected, message } });
    return row;
  });
  if (batch.source !== 'cli' && batch.contentPath) fs.rmSync(batch.contentPath, { force: true });
  return finished;
}
