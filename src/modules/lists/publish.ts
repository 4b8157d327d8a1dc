import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { addWorkingDaysFrom } from '../calendar';
import { daysBetween } from './dates';
import { PUBLISH_WORKING_DAYS } from './procedure';
import type { ListEntryRow } from './repository';
import { runStep, todayOf, type StepOptions } from './steps';

/** 公示: the decided entry goes on the public list (late when past 7 working days after the decision). */
export async function publishEntry(db: Db, actor: Actor, entryId: string, options: StepOptions = {}): Promise<ListEntryRow> {
  const today = todayOf(options);
  return runStep(db, actor, entryId, 'publish', async ({ tx, entry }) => {
    const due = await addWorkingDaysFrom(tx, entry.decision!.decided_on, PUBLISH_WORKING_DAYS);
    return { patch: { publishedAt: new Date().toISOString() }, payload: { publishedOn: today, due: due.date, late: daysBetween(due.date, today) > 0 } };
  });
}
