import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { toIso } from '../../shared/time';
import { assertCanReadDepartment, readsAllDepartments, requireStaff } from '../auth/policy';
import { runningBatch } from './progress';
import * as repo from './repository';

/** How many error rows the status API returns inline; the XLSX export has them all. */
const INLINE_ERRORS = 1000;

export async function getBatch(db: Db, actor: Actor, id: string) {
  const live = runningBatch(id);
  if (live) {
    assertCanReadDepartment(actor, live.batch.departmentId);
    return { ...toView(live.batch), processed: live.processed, rejected: live.rejected, errorCount: live.rejected, errors: [] };
  }
  const batch = await repo.findBatch(db, id);
  if (!batch) throw new AppError('NOT_FOUND', '未找到该批次');
  assertCanReadDepartment(actor, batch.departmentId);
  const [errors, errorCount] = await Promise.all([repo.errorsOf(db, id, INLINE_ERRORS), repo.countErrors(db, id)]);
  return {
    ...toView(batch),
    errorCount,
    errors: errors.map((e) => ({ row: e.rowNumber, field: e.field, code: e.code, message: e.message })),
  };
}

export function toView(batch: repo.BatchRow) {
  return {
    id: batch.id,
    itemCode: batch.itemCode,
    departmentId: batch.departmentId,
    clientKey: batch.clientKey,
    mode: batch.mode,
    source: batch.source,
    filename: batch.filename,
    format: batch.format,
    encoding: batch.encoding,
    status: batch.status,
    total: batch.total,
    accepted: batch.created + batch.corrected + batch.unchanged,
    created: batch.created,
    corrected: batch.corrected,
    unchanged: batch.unchanged,
    rejected: batch.rejected,
    late: batch.late,
    processed: batch.processed,
    message: batch.errorMessage,
    submittedBy: batch.submittedBy,
    createdAt: toIso(batch.createdAt),
    startedAt: toIso(batch.startedAt),
    finishedAt: toIso(batch.finishedAt),
  };
}

export async function listBatches(db: Db, actor: Actor, options: { limit?: number } = {}) {
  requireStaff(actor);
  const rows = await repo.listBatches(db, readsAllDepartments(actor) ? null : actor.departmentId, Math.min(options.limit ?? 50, 200));
  return rows.map(toView);
}

/** Every rejected row with its problems, for the department to fix and resubmit. */
export async function rejectedRows(db: Db, actor: Actor, id: string) {
  const batch = await repo.findBatch(db, id);
  if (!batch) throw new AppError('NOT_FOUND', '未找到该批次');
  assertCanReadDepartment(actor, batch.departmentId);
  const errors = await repo.errorsOf(db, id, Number.MAX_SAFE_INTEGER);
  return { batch, errors };
}

export async function monthlyBatchStats(db: Db, range: { from: string; to: string }) {
  return repo.monthlyStats(db, range);
}
