import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError, isAppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { logPersonalDataAccess, withAudit } from '../audit';
import { treatmentPolicy } from './policy';
import * as repo from './repository';
import { assertMayCheck, assessSubject, checkRow, feedbackDueFor, normaliseCheckInput, resolveCheckedSubject, todayOf, type CheckOptions, type CheckResult, type SubjectRef } from './run-check';

export const MAX_BATCH_SUBJECTS = 1000;

export interface BatchCheckInput {
  subjects: SubjectRef[];
  matterCode: string;
  matterCaseId?: string;
  purpose: string;
  /** seed 001 §三(二): entry grade not below BBB, credit weight at least 8 % */
  biddingRule?: boolean;
}

export type BatchItem =
  | { index: number; ok: true; check: CheckResult; eligible?: boolean; ineligibleReason?: string | null }
  | { index: number; ok: false; error: { code: string; message: string } };

export interface BatchResult {
  matterCode: string;
  total: number;
  found: number;
  bidding: { minimumGrade: string; creditWeightPercent: number } | null;
  items: BatchItem[];
}

/**
 * Batch check for procurement and bidding (up to 1,000 subjects): one stored check per subject found,
 * one result per subject given (in order); with `biddingRule`, subjects below BBB, without a valid grade
 * or on a sanction treatment are marked not eligible.
 */
export async function runBatchCheck(db: Db, actor: Actor, input: BatchCheckInput, options: CheckOptions = {}): Promise<BatchResult> {
  assertMayCheck(actor);
  const today = todayOf(options);
  const normalised = normaliseCheckInput(input);
  const refs = input.subjects ?? [];
  if (refs.length === 0) throw new AppError('VALIDATION', '请提供至少一个核查对象');
  if (refs.length > MAX_BATCH_SUBJECTS) throw new AppError('VALIDATION', `一次最多核查 ${MAX_BATCH_SUBJECTS} 个主体`);
  const policy = treatmentPolicy();
  const items: BatchItem[] = [];
  const stored: { id: string; result: CheckResult; byCitizenId: boolean }[] = [];
  for (const [index, ref] of refs.entries()) {
    try {
      const subject = await resolveCheckedSubject(db, actor, ref ?? {});
      const assessed = await assessSubject(db, actor, subject, normalised, today, policy);
      const id = newId();
      const result: CheckResult = { id, ...assessed, feedbackDue: await feedbackDueFor(db, assessed.treatment, today, policy) };
      stored.push({ id, result, byCitizenId: Boolean(ref.citizenId?.trim() && !ref.uscc?.trim()) });
      if (!input.biddingRule) {
        items.push({ index, ok: true, check: result });
        continue;
      }
      const grade = result.grade?.grade ?? null;
      const ineligibleReason =
        result.treatment === 'sanction'
          ? result.reason
          : grade === null
            ? '无有效的信用等级评价结果'
            : !policy.biddingEligibleGrades.includes(grade)
              ? `信用等级 ${grade} 低于准入等级 ${policy.biddingMinimumGrade}`
              : null;
      items.push({ index, ok: true, check: result, eligible: ineligibleReason === null, ineligibleReason });
    } catch (error) {
      if (!isAppError(error) || !['NOT_FOUND', 'IDENTIFIER_INVALID', 'VALIDATION'].includes(error.code)) throw error;
      items.push({ index, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  if (stored.length > 0) {
    await withAudit(db, actor, async (tx, audit) => {
      await repo.insertChecks(tx, stored.map(({ id, result }) => checkRow(id, actor, result)));
      for (const { id, result } of stored.filter((s) => s.byCitizenId)) {
        await logPersonalDataAccess(tx, actor, { subjectId: result.subject.id, dataKind: 'citizen_id', entityType: 'check', entityId: id, purpose: `信用核查（${normalised.matterCode}）：${normalised.purpose}` });
      }
      audit.record({
        action: 'check.batch',
        entityType: 'check',
        entityId: stored[0].id,
        after: { matterCode: normalised.matterCode, matterCaseId: normalised.matterCaseId, purpose: normalised.purpose, biddingRule: Boolean(input.biddingRule), checks: stored.map(({ id, result }) => ({ id, subjectId: result.subject.id, treatment: result.treatment })) },
      });
    });
  }
  return {
    matterCode: normalised.matterCode,
    total: refs.length,
    found: stored.length,
    bidding: input.biddingRule ? { minimumGrade: policy.biddingMinimumGrade, creditWeightPercent: policy.biddingCreditWeightPercent } : null,
    items,
  };
}
