import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import type { ListEntryRow } from './repository';
import { requireText, runStep } from './steps';

/** 撤回: the proposer withdraws the proposal before a decision, with reasons. */
export async function withdrawEntry(db: Db, actor: Actor, entryId: string, input: { reason: string }): Promise<ListEntryRow> {
  const reason = requireText(input.reason, '撤回理由');
  return runStep(db, actor, entryId, 'withdraw', async () => ({ payload: { reason } }));
}
