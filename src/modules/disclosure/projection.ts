/**
 * The disclosure projection: disclosure_state kept current from the records module's data, and the
 * change feed appended whenever what the public sees changes. Every write goes through withAudit.
 */
import type { Db } from '../../db/types';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { withAudit, type AuditWriter } from '../audit';
import type { CatalogItem, LegalBasis } from '../catalog';
import { recordsAfterId, recordsUpdatedAfter, recordsWithCurrentFields, type RecordWithFields } from '../records';
import { ItemResolver } from './items';
import * as repo from './repository';
import { disclosedOn, disclosureWindow } from './rules';

/** Re-read this much before the watermark: a long transaction may commit records stamped earlier. */
const WATERMARK_OVERLAP_MS = 60 * 60 * 1000;
const DEFAULT_BATCH = 500;

export interface SyncOptions {
  /** only these records (e.g. right after a change); otherwise records updated since the last sync */
  recordIds?: string[];
  /** recompute every record, not only those updated since the watermark (the daily run) */
  full?: boolean;
  /** the day disclosure is judged on (default: today in China) */
  today?: string;
  batchSize?: number;
}

export interface SyncResult {
  records: number;
  new: number;
  changed: number;
  withdrawn: number;
}

/** Early ends that later syncs must not undo. */
const STICKY_REASONS = new Set(['repaired']);

/**
 * Brings disclosure_state up to date with the records: computes each record's window, upserts its row
 * and appends a feed entry when it becomes disclosed (new), changes while disclosed (a new version or
 * other dates: changed) or stops being disclosed (withdrawn). Idempotent: re-reading a record that did
 * not change writes nothing.
 */
export async function syncDisclosure(db: Db, options: SyncOptions = {}): Promise<SyncResult> {
  const today = options.today ?? chinaDate();
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const resolver = new ItemResolver(db);
  const total: SyncResult = { records: 0, new: 0, changed: 0, withdrawn: 0 };
  const add = (page: SyncResult) => (Object.keys(total) as (keyof SyncResult)[]).forEach((key) => (total[key] += page[key]));
  if (options.recordIds) {
    for (let start = 0; start < options.recordIds.length; start += limit) {
      add(await applyPage(db, resolver, await recordsWithCurrentFields(db, options.recordIds.slice(start, start + limit)), today));
    }
    return total;
  }
  if (options.full) {
    // by primary key: a full pass needs no index on records.updated_at
    for (let afterId: string | null = null; ; ) {
      const rows = await recordsAfterId(db, afterId, limit);
      if (rows.length === 0) break;
      add(await applyPage(db, resolver, rows, today));
      afterId = rows[rows.length - 1].id;
      if (rows.length < limit) break;
    }
    return total;
  }
  const mark = await repo.watermark(db);
  const since = mark ? new Date(new Date(mark).getTime() - WATERMARK_OVERLAP_MS).toISOString() : null;
  let after: { updatedAt: string; id: string } | null = null;
  for (;;) {
    const rows: RecordWithFields[] = await recordsUpdatedAfter(db, { since, after, limit });
    if (rows.length === 0) break;
    add(await applyPage(db, resolver, rows, today));
    const last = rows[rows.length - 1];
    after = { updatedAt: last.updatedAt, id: last.id };
    if (rows.length < limit) break;
  }
  return total;
}

async function applyPage(db: Db, resolver: ItemResolver, records: RecordWithFields[], today: string): Promise<SyncResult> {
  const result: SyncResult = { records: records.length, new: 0, changed: 0, withdrawn: 0 };
  if (records.length === 0) return result;
  // Catalog reads happen before the transaction: PGlite has one connection, held by the transaction.
  const items = await Promise.all(records.map((record) => resolver.rulesItem(record)));
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    await repo.lockFeed(tx);
    const existing = new Map((await repo.statesByIds(tx, records.map((record) => record.id))).map((row) => [row.recordId, row]));
    const writes: repo.NewDisclosureState[] = [];
    const changes: { recordId: string; subjectId: string; change: repo.DisclosureChange }[] = [];
    records.forEach((record, index) => {
      const previous = existing.get(record.id) ?? null;
      const { row, change } = project(items[index], record, previous, today);
      if (!previous || !sameState(previous, row)) writes.push(row);
      if (change) {
        changes.push({ recordId: record.id, subjectId: record.subjectId, change });
        result[change] += 1;
      }
    });
    await repo.upsertStates(tx, writes);
    await repo.appendChanges(tx, changes);
    if (writes.length) audit.record({ action: 'disclosure.sync', entityType: 'disclosure', entityId: 'projection', after: { today, written: writes.length, new: result.new, changed: result.changed, withdrawn: result.withdrawn } });
    else audit.nothingChanged();
    return result;
  });
}

/** The projection row of one record and the feed entry it calls for, given its previous row. */
export function project(item: CatalogItem, record: RecordWithFields, previous: repo.DisclosureStateRow | null, today: string): { row: repo.NewDisclosureState; change: repo.DisclosureChange | null } {
  const window = disclosureWindow(item, record);
  let { disclosed, reason }: { disclosed: boolean; reason: string } = disclosedOn(window, today);
  if (previous?.endedReason && STICKY_REASONS.has(previous.endedReason) && record.status !== 'revoked') {
    disclosed = false;
    reason = previous.endedReason;
  }
  const row: repo.NewDisclosureState = {
    recordId: record.id,
    subjectId: record.subjectId,
    itemCode: record.itemCode,
    departmentId: record.departmentId,
    disclosed,
    startDate: window.start,
    endDate: window.end,
    endedReason: disclosed ? null : reason,
    recordVersion: record.currentVersion,
    recordUpdatedAt: record.updatedAt,
  };
  const was = previous?.disclosed ?? false;
  let change: repo.DisclosureChange | null = null;
  if (!was && disclosed) change = 'new';
  else if (was && !disclosed) change = 'withdrawn';
  else if (was && disclosed && (previous!.recordVersion !== row.recordVersion || previous!.startDate !== row.startDate || previous!.endDate !== row.endDate)) change = 'changed';
  return { row, change };
}

function sameState(previous: repo.DisclosureStateRow, row: repo.NewDisclosureState): boolean {
  return (
    previous.disclosed === row.disclosed &&
    previous.startDate === row.startDate &&
    previous.endDate === (row.endDate ?? null) &&
    previous.endedReason === (row.endedReason ?? null) &&
    previous.recordVersion === row.recordVersion &&
    previous.subjectId === row.subjectId &&
    previous.itemCode === row.itemCode &&
    previous.departmentId === row.departmentId &&
    sameInstant(previous.recordUpdatedAt, row.recordUpdatedAt)
  );
}

function sameInstant(a: string, b: string): boolean {
  return a === b || new Date(a).getTime() === new Date(b).getTime();
}

/**
 * The daily job's body: ends the disclosure of every record whose last day is before `today`
 * (ended_reason period_expired, feed entry withdrawn). One audit event per run with the count; a run
 * that ends nothing declares so. A missed day is caught up by the next run (it compares dates).
 */
export async function expireDisclosures(db: Db, today: string): Promise<{ expired: number }> {
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    await repo.lockFeed(tx);
    const ended = await repo.expireBefore(tx, today);
    await repo.appendChanges(tx, ended.map((row) => ({ ...row, change: 'withdrawn' as const })));
    if (ended.length) audit.record({ action: 'disclosure.expire', entityType: 'disclosure', entityId: today, after: { today, expired: ended.length } });
    else audit.nothingChanged();
    return { expired: ended.length };
  });
}

export type EarlyEndReason = 'repaired';

/**
 * Ends a record's disclosure before its maximum period (信用修复), in the caller's audited transaction:
 * the repair procedure calls this when it approves an application. Refuses without a legal basis.
 * Later syncs keep the record withdrawn.
 */
export async function endDisclosureEarly(tx: Db, audit: AuditWriter, recordId: string, reason: EarlyEndReason, basis: LegalBasis | null | undefined): Promise<{ ended: boolean }> {
  if (!basis || typeof basis.document !== 'string' || basis.document.trim() === '') {
    throw new AppError('LEGAL_BASIS_MISSING', '提前终止公示必须注明法律依据（文件名称及条款）');
  }
  await repo.lockFeed(tx);
  let state = await repo.findState(tx, recordId);
  if (!state) {
    const [record] = await recordsWithCurrentFields(tx, [recordId]);
    if (!record) throw new AppError('NOT_FOUND', '未找到该信用记录');
    const item = await new ItemResolver(tx).rulesItem(record);
    await repo.upsertStates(tx, [project(item, record, null, chinaDate()).row]);
    state = (await repo.findState(tx, recordId))!;
  }
  const wasDisclosed = state.disclosed;
  await repo.endState(tx, recordId, reason);
  if (wasDisclosed) await repo.appendChanges(tx, [{ recordId, subjectId: state.subjectId, change: 'withdrawn' }]);
  audit.record({
    action: 'disclosure.end_early',
    entityType: 'record',
    entityId: recordId,
    before: { disclosed: wasDisclosed, endedReason: state.endedReason },
    after: { disclosed: false, endedReason: reason, basis: { document: basis.document.trim(), article: basis.article ?? null } },
  });
  return { ended: wasDisclosed };
}
