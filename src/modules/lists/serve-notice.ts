import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { addWorkingDaysFrom } from '../calendar';
import { getDepartment } from '../departments';
import { getSubject } from '../subjects';
import { noticeText } from './documents';
import type { ListEntryRow } from './repository';
import { runStep, todayOf, type StepOptions } from './steps';

/**
 * 告知: generates and records the prior notice (事由、依据、陈述申辩的权利、以工作日计算的截止日期).
 * The statement period runs the kind's statement_working_days from the day of service.
 */
export async function serveNotice(db: Db, actor: Actor, entryId: string, options: StepOptions = {}): Promise<ListEntryRow> {
  const servedOn = todayOf(options);
  return runStep(db, actor, entryId, 'serve_notice', async ({ tx, entry, kind }) => {
    // one query at a time: a transaction is one connection
    const subject = await getSubject(tx, actor, entry.subjectId);
    const department = await getDepartment(tx, entry.departmentId);
    const deadline = await addWorkingDaysFrom(tx, servedOn, kind.statementWorkingDays);
    const text = noticeText({ subjectName: subject.name, departmentName: department.name, kind, reasons: entry.reasons, evidence: entry.evidence, legalBasis: entry.legalBasis, servedOn, deadline: deadline.date });
    const notice = { text, served_at: new Date().toISOString(), served_on: servedOn, statement_deadline: deadline.date, ...(deadline.assumedYears.length ? { assumed_years: deadline.assumedYears } : {}) };
    return { patch: { notice }, payload: { servedOn, statementDeadline: deadline.date, statementWorkingDays: kind.statementWorkingDays } };
  });
}
