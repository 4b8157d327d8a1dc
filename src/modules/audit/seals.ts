import smCrypto from 'sm-crypto';
import { and, asc, desc, eq, getTableColumns, gt, lte } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/types';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import { newId } from '../../shared/ids';
import * as repo from './repository';
import { withAudit } from './service';
import { accessLog, auditEntries, logSeals } from './tables';

const { sm3 } = smCrypto;

/** An append-only log that is sealed into the audit chain instead of locking it per row. */
export interface SealableLog {
  name: string;
  table: PgTable;
  id: PgColumn;
  /** the columns sealed: those never updated after the insert */
  columns: Record<string, PgColumn>;
  /** the property holding when the row was written (rows younger than the settling time wait for the next seal) */
  writtenAtKey: string;
}

const logs = new Map<string, SealableLog>([['access_log', { name: 'access_log', table: accessLog, id: accessLog.id, columns: getTableColumns(accessLog), writtenAtKey: 'at' }]]);

/** Other modules register their logs (the checks module its `checks` table). */
export function registerSealableLog(log: SealableLog): void {
  logs.set(log.name, log);
}

/** SM3 over the rows' SM3 hashes in id order: any change, insertion or deletion inside the range changes it. */
function digestOf(rows: Record<string, unknown>[]): string {
  return sm3(rows.map((row) => sm3(canonicalJson(row))).join('\n'));
}

async function rowsOf(db: Db, log: SealableLog, range: { afterId: string | null; toId?: string; limit?: number }): Promise<Record<string, unknown>[]> {
  const conditions = [range.afterId ? gt(log.id, range.afterId) : undefined, range.toId ? lte(log.id, range.toId) : undefined].filter((condition) => condition !== undefined);
  const query = db.select(log.columns).from(log.table).where(and(...conditions)).orderBy(asc(log.id));
  return (range.limit ? await query.limit(range.limit) : await query) as Record<string, unknown>[];
}

async function lastSeal(db: Db, log: string) {
  const rows = await db.select().from(logSeals).where(eq(logSeals.log, log)).orderBy(desc(logSeals.sealedAt), desc(logSeals.id)).limit(1);
  return rows[0] ?? null;
}

/**
 * Seals each registered log's rows written since its last seal and at least `settleSeconds` ago (so a row
 * of a transaction still open cannot commit inside a sealed range). One audited transaction per log.
 */
export async function sealLogs(db: Db, options: { settleSeconds?: number; maxRows?: number } = {}): Promise<Record<string, number>> {
  const settleSeconds = options.settleSeconds ?? 30;
  const sealed: Record<string, number> = {};
  for (const log of logs.values()) {
    sealed[log.name] = await withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
      await repo.lockChain(tx); // one sealer at a time, also across server processes
      const previous = await lastSeal(tx, log.name);
      const rows = settledPrefix(await rowsOf(tx, log, { afterId: previous?.toId ?? null, limit: options.maxRows ?? 50_000 }), log.writtenAtKey, Date.now() - settleSeconds * 1000);
      if (rows.length === 0) {
        audit.nothingChanged();
        return 0;
      }
      const seal = { id: newId(), log: log.name, afterId: previous?.toId ?? null, toId: String(rows.at(-1)!.id), rows: rows.length, digest: digestOf(rows) };
      await tx.insert(logSeals).values(seal);
      audit.record({ action: 'log.seal', entityType: 'log_seal', entityId: seal.id, after: seal });
      return rows.length;
    });
  }
  return sealed;
}

/** The rows up to (not including) the first one written after `before`: a seal covers a gap-free id range. */
function settledPrefix(rows: Record<string, unknown>[], writtenAtKey: string, before: number): Record<string, unknown>[] {
  const firstRecent = rows.findIndex((row) => !(Date.parse(String(row[writtenAtKey])) < before));
  return firstRecent < 0 ? rows : rows.slice(0, firstRecent);
}

export interface SealVerification {
  ok: boolean;
  seals: number;
  rows: number;
  firstBroken: { log: string; sealId: string; reason: string } | null;
}

/** Recomputes every seal from its rows and compares it with the seal and with the chained audit entry. */
export async function verifySeals(db: Db): Promise<SealVerification> {
  let seals = 0;
  let rows = 0;
  for (const seal of await db.select().from(logSeals).orderBy(asc(logSeals.log), asc(logSeals.sealedAt), asc(logSeals.id))) {
    const broken = (reason: string): SealVerification => ({ ok: false, seals, rows, firstBroken: { log: seal.log, sealId: seal.id, reason } });
    const log = logs.get(seal.log);
    if (!log) return broken(`未知的日志：${seal.log}`);
    const chained = await db.select({ after: auditEntries.after }).from(auditEntries).where(and(eq(auditEntries.entityType, 'log_seal'), eq(auditEntries.entityId, seal.id))).limit(1);
    const recorded = chained[0]?.after as { digest?: string; rows?: number; toId?: string } | undefined;
    if (!recorded || recorded.digest !== seal.digest || recorded.rows !== seal.rows || recorded.toId !== seal.toId) return broken('封存记录与审计链中的记录不一致');
    const sealedRows = await rowsOf(db, log, { afterId: seal.afterId, toId: seal.toId });
    if (sealedRows.length !== seal.rows) return broken(`封存范围内应有 ${seal.rows} 条，现有 ${sealedRows.length} 条（记录被增删）`);
    if (digestOf(sealedRows) !== seal.digest) return broken('封存范围内的记录内容已被修改（摘要不符）');
    seals += 1;
    rows += sealedRows.length;
  }
  return { ok: true, seals, rows, firstBroken: null };
}
