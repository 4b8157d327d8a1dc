import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { getRecord } from '../records';
import { getDepartment } from '../departments';
import { getSubject } from '../subjects';
import { addMonths, daysBetween } from './dates';
import { decisionText } from './documents';
import type { ListEntryRow } from './repository';
import { loadEntry, requireText, runStep, todayOf, type StepOptions } from './steps';

/** Key sectors where a market or industry ban may follow a listing (seed 000 (十四)). */
export const BAN_SECTORS = ['食品药品', '生态环境', '工程质量', '安全生产', '养老托幼', '城市运行安全', '特种设备'] as const;

export interface DecideInput {
  /** the decision document's number, e.g. 测市监信认〔2026〕1号 */
  documentNumber: string;
  /** measure hints; the list kind's description when omitted */
  measureHints?: string;
  /** a time-limited market or industry ban in a key sector */
  ban?: { sector: string; until: string } | null;
}

/**
 * 认定决定: a reviewer of the department (never the proposer) decides after the statement period closed,
 * and the decision document is generated: 事由、依据、措施提示、有效期至（决定日 + 有效期月数）、
 * 移出条件和程序、救济措施. The cited records must still stand.
 */
export async function decideEntry(db: Db, actor: Actor, entryId: string, input: DecideInput, options: StepOptions = {}): Promise<ListEntryRow> {
  const decidedOn = todayOf(options);
  const documentNumber = requireText(input.documentNumber, '认定决定书文号');
  await assertEvidenceStands(db, entryId);
  return runStep(db, actor, entryId, 'decide', async ({ tx, entry, kind }) => {
    if (!entry.legalBasis.length) throw new AppError('LEGAL_BASIS_MISSING', '认定申请未载明认定依据');
    const validUntil = addMonths(decidedOn, kind.validityMonths);
    const ban = input.ban ? checkBan(kind.kind, input.ban, decidedOn, validUntil) : null;
    const measureHints = (input.measureHints ?? kind.description).trim();
    const subject = await getSubject(tx, actor, entry.subjectId);
    const department = await getDepartment(tx, entry.departmentId);
    const text = decisionText({
      documentNumber,
      subjectName: subject.name,
      departmentName: department.name,
      kind,
      reasons: entry.reasons,
      evidence: entry.evidence,
      legalBasis: entry.legalBasis,
      statement: entry.statement,
      decidedOn,
      validUntil,
      measureHints,
      ban,
    });
    const decision = { number: documentNumber, text, decided_at: new Date().toISOString(), decided_on: decidedOn, valid_until: validUntil, measure_hints: measureHints };
    const late = entry.statement ? daysBetween(entry.statement.decision_due, decidedOn) > 0 : false;
    return { patch: { decision, validUntil, reviewerId: actor.id, ban }, payload: { documentNumber, decidedOn, validUntil, ban, late } };
  });
}

/** The cited records must still stand (read before the step's transaction: records only change by new versions). */
async function assertEvidenceStands(db: Db, entryId: string): Promise<void> {
  const entry = await loadEntry(db, entryId);
  for (const item of entry.evidence) {
    const { record } = await getRecord(db, SYSTEM_ACTOR, item.recordId);
    if (record.status !== 'active') throw new AppError('LEGAL_BASIS_MISSING', `认定依据的信用记录 ${record.documentNumber} 已撤销，不能作出认定决定`);
  }
}

function checkBan(kind: string, ban: { sector: string; until: string }, decidedOn: string, validUntil: string) {
  if (kind !== 'sanction') throw new AppError('VALIDATION', '市场和行业禁入只能随惩戒类名单实施');
  if (!(BAN_SECTORS as readonly string[]).includes(ban.sector)) throw new AppError('VALIDATION', `禁入领域应为重点领域之一：${BAN_SECTORS.join('、')}`);
  if (daysBetween(decidedOn, ban.until) <= 0) throw new AppError('VALIDATION', '禁入期限应晚于决定日期');
  if (daysBetween(validUntil, ban.until) > 0) throw new AppError('VALIDATION', `禁入期限不能超过名单有效期（${validUntil}）`);
  return { sector: ban.sector, until: ban.until };
}
