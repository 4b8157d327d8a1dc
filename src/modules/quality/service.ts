import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { chinaDate, toIso } from '../../shared/time';
import { withAudit } from '../audit';
import { requireRole } from '../auth/policy';
import { countSubjectsByKind, renameSubject } from '../subjects';
import * as repo from './repository';
import { screenAgainstIssues, type ResolvedRow, type Screening } from './screen';

export type { ResolvedRow, Screening } from './screen';

/**
 * 重错码: a code arriving with another name than its subject's, or a new code arriving with a name another
 * subject already holds. A stored decision for the same subject and name is reused (wrong_code → the row
 * is refused); otherwise the record is kept and the pair waits in the credit office's queue.
 */
export async function screenResolvedRows(tx: Db, context: { departmentId: string; batchId: string | null }, rows: ResolvedRow[]): Promise<Screening[]> {
  const issues = await repo.findIssuesForSubjects(tx, [...new Set(rows.map((row) => row.subjectId))]);
  const { screening, repeated, fresh } = screenAgainstIssues(issues, context, rows);
  await repo.addOccurrences(tx, repeated);
  await repo.insertIssues(tx, fresh);
  return screening;
}

export async function listIssues(db: Db, actor: Actor, options: { status?: 'open' | 'resolved'; limit?: number }) {
  requireRole(actor, ['office_admin', 'auditor'], '只有信用办可以处理重错码');
  const rows = await repo.listIssues(db, options.status ?? null, Math.min(options.limit ?? 100, 500));
  return rows.map((row) => ({ ...row, createdAt: toIso(row.createdAt), decidedAt: toIso(row.decidedAt) }));
}

export type Decision = 'same_subject' | 'rename' | 'wrong_code';

/** The credit office decides a queued pair; `rename` also renames the subject (its history keeps the old name). */
export async function decideIssue(db: Db, actor: Actor, id: string, input: { decision: Decision; note?: string }) {
  requireRole(actor, ['office_admin'], '只有信用办管理员可以处理重错码');
  const issue = await repo.findIssue(db, id);
  if (!issue) throw new AppError('NOT_FOUND', '未找到该重错码问题');
  if (issue.status !== 'open') throw new AppError('CONFLICT', '该问题已处理');
  if (input.decision === 'rename') {
    await renameSubject(db, actor, issue.subjectId, { name: issue.incomingName, validFrom: chinaDate(), source: `重错码处理：${input.note ?? '信用办确认更名'}` });
  }
  return withAudit(db, actor, async (tx, audit) => {
    const resolved = await repo.resolveIssue(tx, id, input.decision, input.note?.trim() || null, actor.label);
    audit.record({ action: 'quality.issue.decide', entityType: 'quality_issue', entityId: id, before: { status: 'open' }, after: { decision: input.decision, note: input.note ?? null } });
    return resolved;
  });
}

/** The duplicate/wrong-code rate the seeds target (under 1 in 10,000 subjects). */
export async function wrongCodeRate(db: Db, actor: Actor) {
  requireRole(actor, ['office_admin', 'auditor'], '只有信用办可以查看重错码率');
  const [issues, subjects] = await Promise.all([repo.countIssues(db), countSubjectsByKind(db)]);
  // Suspected (still open) and confirmed wrong codes count; pairs found to be the same subject do not.
  const perTenThousand = subjects.total ? ((issues.open + issues.wrongCodes) / subjects.total) * 10_000 : 0;
  return { subjects: subjects.total, issues: issues.total, open: issues.open, wrongCodes: issues.wrongCodes, perTenThousand: Math.round(perTenThousand * 100) / 100, target: 1 };
}
