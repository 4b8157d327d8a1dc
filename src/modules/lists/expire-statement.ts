import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { addWorkingDaysFrom } from '../calendar';
import { daysBetween } from './dates';
import type { ListEntryRow } from './repository';
import { runStep, todayOf, type StepOptions } from './steps';

/** 期满未陈述申辩: only once the statement deadline (working days) has passed, by China's date. */
export async function expireStatement(db: Db, actor: Actor, entryId: string, options: StepOptions = {}): Promise<ListEntryRow> {
  const today = todayOf(options);
  return runStep(db, actor, entryId, 'expire_statement', async ({ tx, entry, kind }) => {
    const deadline = entry.notice!.statement_deadline;
    if (daysBetween(deadline, today) <= 0) throw new AppError('PROCEDURE_STEP_MISSING', `陈述申辩期限至 ${deadline}，期满前不能登记期满未提出`, { statementDeadline: deadline });
    const due = await addWorkingDaysFrom(tx, today, kind.decisionWorkingDays);
    const statement = { kind: 'expired' as const, text: null, closed_on: today, decision_due: due.date };
    return { patch: { statement }, payload: { statementDeadline: deadline, decisionDue: due.date } };
  });
}
