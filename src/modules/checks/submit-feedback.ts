import { isUuid } from '../../shared/ids';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { withAudit } from '../audit';
import { assertMeasureAllowed, assertWithinDegree } from '../measures';
import * as repo from './repository';
import { assertMayCheck, listValidUntil, type CheckResult } from './run-check';
import { FEEDBACK_HANDLINGS, type CheckFeedback, type FeedbackItem } from './tables';


/**
 * 实施反馈: the checking department reports, once, what it did with each measure of the check. Every
 * applicable measure needs a line; a measure applied needs its basis; a measure that is not among the
 * check's measures, or no longer on the list for the subject's lists and matter, is refused. Read-only after.
 */
export async function submitFeedback(db: Db, actor: Actor, checkId: string, input: { applied: FeedbackItem[] }): Promise<repo.CheckRow> {
  assertMayCheck(actor);
  return withAudit(db, actor, async (tx, audit) => {
    const check = isUuid(checkId) ? await repo.findCheck(tx, checkId, { forUpdate: true }) : null;
    if (!check) throw new AppError('NOT_FOUND', '未找到该核查记录');
    if (check.departmentId !== actor.departmentId) throw new AppError('FORBIDDEN', '只有作出核查的部门可以反馈实施情况');
    if (check.feedback) throw new AppError('CONFLICT', '该核查已反馈实施情况，反馈后不可修改');
    const result = check.result as unknown as CheckResult;
    const paused = new Set(result.pausedListings ?? []);
    const listKinds = [...new Set([...result.listings.own, ...result.listings.asResponsiblePerson].filter((listing) => !paused.has(listing.entryId)).map((listing) => listing.listKind))];
    const severities = [...new Set(result.records.filter((record) => !record.underObjection).map((record) => record.severity))];
    const offered = new Set(result.measures.map((measure) => measure.code));
    const items: FeedbackItem[] = [];
    for (const item of input.applied ?? []) {
      const code = item.measureCode?.trim() ?? '';
      if (!FEEDBACK_HANDLINGS.includes(item.handling)) throw new AppError('VALIDATION', '处理方式应为 applied（已实施）、not_applied（未实施）或 not_applicable（不适用）');
      if (items.some((existing) => existing.measureCode === code)) throw new AppError('VALIDATION', `措施 ${code} 重复反馈`);
      if (!offered.has(code)) {
        await assertMeasureAllowed(tx, { measureCode: code, listKinds, severities, matterCode: check.matterCode });
        throw new AppError('FORBIDDEN', `措施 ${code} 不在本次核查结果的适用措施内，不得实施`);
      }
      const basis = item.basis?.trim() ?? '';
      const until = item.handling === 'applied' ? item.until?.trim() || undefined : undefined;
      if (item.handling === 'applied') {
        if (basis.length < 2) throw new AppError('LEGAL_BASIS_MISSING', `已实施措施 ${code} 的，必须填写实施依据`);
        const measure = await assertMeasureAllowed(tx, { measureCode: code, listKinds, severities, matterCode: check.matterCode });
        assertWithinDegree(measure, { appliedOn: result.checkedOn, until, listValidUntil: listValidUntil(result.listings, [...paused], measure.targets.listKinds) });
      }
      items.push({ measureCode: code, handling: item.handling, ...(basis ? { basis } : {}), ...(until ? { until } : {}), ...(item.note?.trim() ? { note: item.note.trim() } : {}) });
    }
    const missing = [...offered].filter((code) => !items.some((item) => item.measureCode === code));
    if (missing.length > 0) throw new AppError('VALIDATION', `请对本次核查的每项适用措施反馈处理情况，尚缺：${missing.join('、')}`);
    const feedback: CheckFeedback = { applied: items, by: { kind: actor.kind, id: actor.id, label: actor.label } };
    const saved = await repo.saveFeedback(tx, check.id, feedback);
    audit.record({ action: 'check.feedback', entityType: 'check', entityId: check.id, before: { feedback: null }, after: { feedback } });
    return saved;
  });
}

