import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { addWorkingDaysFrom } from '../calendar';
import { daysBetween } from './dates';
import type { ListEntryRow } from './repository';
import { requireText, runStep, todayOf, type StepOptions } from './steps';

export interface StatementInput {
  /** the statement and defence as received (or a summary of it) */
  text: string;
}

/** 陈述申辩: records the subject's statement, received within the period; the decision deadline starts. */
export async function recordStatement(db: Db, actor: Actor, entryId: string, input: StatementInput, options: StepOptions = {}): Promise<ListEntryRow> {
  const receivedOn = todayOf(options);
  const text = requireText(input.text, '陈述申辩内容');
  if (text.length > 20_000) throw new AppError('VALIDATION', '陈述申辩内容不能超过 20000 字');
  return runStep(db, actor, entryId, 'record_statement', async ({ tx, entry, kind }) => {
    const notice = entry.notice!;
    if (daysBetween(notice.served_on, receivedOn) < 0) throw new AppError('VALIDATION', '陈述申辩的收到日期不能早于告知书送达日期');
    if (daysBetween(notice.statement_deadline, receivedOn) > 0) {
      throw new AppError('PROCEDURE_STEP_MISSING', `陈述申辩期限已于 ${notice.statement_deadline} 届满，请登记期满未提出`);
    }
    const due = await addWorkingDaysFrom(tx, receivedOn, kind.decisionWorkingDays);
    const statement = { kind: 'received' as const, text, closed_on: receivedOn, decision_due: due.date };
    return { patch: { statement }, payload: { receivedOn, decisionDue: due.date } };
  });
}
