import { isUuid } from '../../shared/ids';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { withAudit } from '../audit';
import { assertValidDate } from '../calendar';
import { assertTransition, type EntryAction, type Transition } from './procedure';
import * as repo from './repository';


/** Options every step accepts: `today` (China date) is for tests and back-dated entry of paper steps. */
export interface StepOptions {
  today?: string;
}

export function todayOf(options: StepOptions): string {
  if (options.today === undefined) return chinaDate();
  assertValidDate(options.today, '办理日期');
  return options.today;
}

export async function loadEntry(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<repo.ListEntryRow> {
  const entry = isUuid(id) ? await repo.findEntry(db, id, options) : null;
  if (!entry) throw new AppError('NOT_FOUND', '未找到该名单认定记录');
  return entry;
}

export interface StepContext {
  tx: Db;
  entry: repo.ListEntryRow;
  kind: repo.ListKindRow;
  transition: Transition;
}

export interface StepChange {
  patch?: Partial<repo.NewListEntryRow>;
  /** what the step adds to the procedure's history (beyond the state change) */
  payload?: Record<string, unknown>;
}

/**
 * One step of the procedure, the only way an entry changes state: in one audited transaction, locks the
 * entry, checks the transition (state, role, department, proposer), applies the step's change, moves the
 * state, and appends the step to the entry's history.
 */
export async function runStep(db: Db, actor: Actor, entryId: string, action: EntryAction, apply: (context: StepContext) => Promise<StepChange>): Promise<repo.ListEntryRow> {
  return withAudit(db, actor, async (tx, audit) => {
    const entry = await loadEntry(tx, entryId, { forUpdate: true });
    const transition = assertTransition(entry, actor, action);
    const kind = await repo.findKind(tx, entry.listKind);
    if (!kind) throw new AppError('NOT_FOUND', `未找到名单类型：${entry.listKind}`);
    const change = await apply({ tx, entry, kind, transition });
    const updated = await repo.updateEntry(tx, entry.id, { ...change.patch, state: transition.to });
    await repo.appendEvent(tx, { entryId: entry.id, fromState: entry.state, toState: transition.to, actor: actor.label, payload: change.payload ?? null });
    audit.record({ action: `list.entry.${action}`, entityType: 'list_entry', entityId: entry.id, before: { state: entry.state }, after: { state: transition.to, ...change.patch, ...(change.payload ? { payload: change.payload } : {}) } });
    return updated;
  });
}

export function requireText(value: string | undefined | null, label: string, min = 2): string {
  const text = (value ?? '').trim();
  if (text.length < min) throw new AppError('VALIDATION', `请填写${label}`);
  return text;
}
