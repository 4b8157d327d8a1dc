import { chinaDate } from '../../shared/time';
import { isUuid } from '../../shared/ids';
import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { withAudit } from '../audit';
import { assertCanReadDepartment, readsAllDepartments, requireRole, requireStaff } from '../auth/policy';
import { assertValidDate } from '../calendar';
import * as repo from './repository';
import { TREATMENTS, type Treatment } from './tables';


/** One check with its answer and feedback; the checking department and the credit office read it. */
export async function getCheck(db: Db, actor: Actor, id: string): Promise<repo.CheckRow> {
  requireStaff(actor);
  const check = isUuid(id) ? await repo.findCheck(db, id) : null;
  if (!check) throw new AppError('NOT_FOUND', '未找到该核查记录');
  assertCanReadDepartment(actor, check.departmentId);
  return check;
}

/** The console's list: the own department's checks, newest first (the credit office sees all). */
export async function listChecks(db: Db, actor: Actor, query: { page?: number; pageSize?: number }) {
  requireStaff(actor);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  const { rows, total } = await repo.listChecks(db, { departmentId: readsAllDepartments(actor) ? null : actor.departmentId, limit: pageSize, offset: (page - 1) * pageSize });
  return { total, page, pageSize, items: rows };
}

/**
 * The daily sweep: checks whose feedback is past its due date (working days after the check) are flagged
 * to the credit office, each once; one audit entry per run names them. Returns how many were flagged.
 */
export async function flagOverdueFeedback(db: Db, today: string, batch = 5000): Promise<number> {
  assertValidDate(today, '日期');
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    const flagged = await repo.flagOverdue(tx, today, batch);
    if (flagged.length === 0) {
      audit.nothingChanged();
      return 0;
    }
    audit.record({
      action: 'check.flag_overdue',
      entityType: 'check',
      entityId: flagged[0].id,
      after: { today, count: flagged.length, checks: flagged.map((check) => ({ id: check.id, departmentId: check.departmentId, feedbackDue: check.feedbackDue })) },
    });
    return flagged.length;
  });
}

/** Flagged checks still without feedback (credit office and auditors; a department sees its own). */
export async function listOverdueChecks(db: Db, actor: Actor, query: { page?: number; pageSize?: number }) {
  requireStaff(actor);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  const { rows, total } = await repo.listOverdue(db, { departmentId: readsAllDepartments(actor) ? null : actor.departmentId, today: chinaDate(), limit: pageSize, offset: (page - 1) * pageSize });
  return { total, page, pageSize, items: rows };
}

export interface DepartmentCheckStats {
  departmentId: string;
  checks: number;
  withFeedback: number;
  overdue: number;
  byTreatment: Record<Treatment, number>;
}

/** Monthly figures per department (China time): checks, with feedback, overdue, by treatment. */
export async function checkStats(db: Db, actor: Actor, month: string, today: string): Promise<{ month: string; departments: DepartmentCheckStats[] }> {
  requireRole(actor, ['office_admin', 'auditor', 'dept_operator', 'dept_reviewer', 'system'], '仅限政府工作人员使用');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('VALIDATION', '月份格式应为 YYYY-MM');
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  const rows = await repo.monthCounts(db, { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00`, today, departmentId: readsAllDepartments(actor) ? null : actor.departmentId });
  const byDepartment = new Map<string, DepartmentCheckStats>();
  for (const row of rows) {
    const stats = byDepartment.get(row.departmentId) ?? {
      departmentId: row.departmentId,
      checks: 0,
      withFeedback: 0,
      overdue: 0,
      byTreatment: Object.fromEntries(TREATMENTS.map((t) => [t, 0])) as Record<Treatment, number>,
    };
    stats.checks += row.checks;
    stats.withFeedback += row.withFeedback;
    stats.overdue += row.overdue;
    stats.byTreatment[row.treatment as Treatment] += row.checks;
    byDepartment.set(row.departmentId, stats);
  }
  return { month, departments: [...byDepartment.values()].sort((a, b) => b.checks - a.checks) };
}
