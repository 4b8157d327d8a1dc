import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { daysBetween } from './dates';
import type { ListEntryRow } from './repository';
import { REMOVAL_REASONS, type RemovalRecord } from './tables';
import { runStep, todayOf, type StepOptions } from './steps';

export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export interface RemoveInput {
  /** expired = 有效期届满; repaired = 信用修复后提前移出; revoked = 异议核实后撤销; error = 认定错误 */
  reason: RemovalReason;
  /** the basis of an early removal or revocation (e.g. the repair decision, the objection outcome) */
  basis?: string;
  /** the removal or revocation decision document */
  document?: { number: string; name: string };
}

const REASON_LABELS: Record<RemovalReason, string> = { expired: '有效期届满', repaired: '信用修复', revoked: '撤销认定', error: '认定错误' };

/**
 * 移出: on expiry (only after valid_until), or early after repair, or by revocation after an objection or
 * an error — the latter three each need a basis and a document.
 */
export async function removeEntry(db: Db, actor: Actor, entryId: string, input: RemoveInput, options: StepOptions = {}): Promise<ListEntryRow> {
  const today = todayOf(options);
  if (!REMOVAL_REASONS.includes(input.reason)) throw new AppError('VALIDATION', `移出原因应为 ${REMOVAL_REASONS.join('、')} 之一`);
  if (actor.role === 'system' && input.reason !== 'expired') throw new AppError('FORBIDDEN', '系统只能办理有效期届满的移出');
  return runStep(db, actor, entryId, 'remove', async ({ entry }) => {
    let removal: RemovalRecord;
    if (input.reason === 'expired') {
      const validUntil = entry.validUntil!;
      if (entry.state !== 'published' || daysBetween(validUntil, today) <= 0) {
        throw new AppError('PROCEDURE_STEP_MISSING', `名单有效期至 ${validUntil}，届满前不能以“有效期届满”移出`, { validUntil });
      }
      removal = { reason: 'expired', basis: `名单有效期于 ${validUntil} 届满`, document: null, removed_on: today };
    } else {
      const basis = (input.basis ?? '').trim();
      const number = (input.document?.number ?? '').trim();
      const name = (input.document?.name ?? '').trim();
      if (basis.length < 2 || !number || !name) {
        throw new AppError('LEGAL_BASIS_MISSING', `以“${REASON_LABELS[input.reason]}”移出须载明依据和移出（撤销）决定文书的名称、文号`);
      }
      removal = { reason: input.reason, basis, document: { number, name }, removed_on: today };
    }
    return { patch: { removal, removedAt: new Date().toISOString() }, payload: { reason: removal.reason, removedOn: today } };
  });
}
