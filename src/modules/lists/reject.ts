import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import type { ListEntryRow } from './repository';
import { requireText, runStep } from './steps';

/** 不予认定: a reviewer (not the proposer) declines the proposal before a decision, with reasons. */
export async function rejectEntry(db: Db, actor: Actor, entryId: string, input: { reason: string }): Promise<ListEntryRow> {
  const reason = requireText(input.reason, '不予认定的理由');
  return runStep(db, actor, entryId, 'reject', async () => ({ patch: { reviewerId: actor.id }, payload: { reason } }));
}
