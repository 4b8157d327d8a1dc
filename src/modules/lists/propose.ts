import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { withAudit } from '../audit';
import { requireRole } from '../auth/policy';
import { getRecord } from '../records';
import { getSubject } from '../subjects';
import * as repo from './repository';
import { requireText } from './steps';
import { TERMINAL_STATES } from './procedure';
import type { EvidenceItem, ListLegalBasis } from './tables';

export interface ProposeInput {
  subjectId: string;
  listKind: string;
  /** ids of records of the proposer's own department: the legally effective documents behind the proposal */
  evidence: string[];
  reasons: string;
}

/** Kinds whose designation must rest on legally effective documents (惩戒、重点关注). */
export function needsEvidence(kind: repo.ListKindRow): boolean {
  return kind.kind === 'sanction' || kind.kind === 'watch';
}

/**
 * A department operator proposes a designation (提出认定申请), citing the legally effective documents
 * (records of the own department, active, about this subject). A sanction list needs a serious one.
 */
export async function proposeEntry(db: Db, actor: Actor, input: ProposeInput): Promise<repo.ListEntryRow> {
  requireRole(actor, ['dept_operator'], '只有部门经办人可以提出名单认定申请');
  if (!actor.departmentId || !actor.id) throw new AppError('FORBIDDEN', '只有部门经办人可以提出名单认定申请');
  const reasons = requireText(input.reasons, '认定事由', 4);
  // reads first, outside the transaction (the records module reads in parallel; a transaction is one connection)
  const kind = await repo.findKind(db, input.listKind);
  if (!kind) throw new AppError('NOT_FOUND', `未找到名单类型：${input.listKind}`);
  const legalBasis = kindBasis(kind);
  const subject = await getSubject(db, actor, input.subjectId);
  const evidence = await checkEvidence(db, actor, kind, subject.id, input.evidence ?? []);
  return withAudit(db, actor, async (tx, audit) => {
    const open = await repo.listEntryRows(tx, { departmentId: null, subjectId: subject.id, kind: kind.code, limit: 100, offset: 0 });
    if (open.rows.some((entry) => !TERMINAL_STATES.includes(entry.state))) throw new AppError('CONFLICT', `该主体已有进行中的「${kind.name}」认定或有效的名单记录`);
    const entry = await repo.insertEntry(tx, {
      id: newId(),
      listKind: kind.code,
      subjectId: subject.id,
      departmentId: actor.departmentId!,
      state: 'proposed',
      proposerId: actor.id!,
      evidence,
      reasons,
      legalBasis,
    });
    await repo.appendEvent(tx, { entryId: entry.id, fromState: null, toState: 'proposed', actor: actor.label, payload: { evidence, reasons } });
    audit.record({ action: 'list.entry.propose', entityType: 'list_entry', entityId: entry.id, after: entry });
    return entry;
  });
}

/** The kind's basis, plus the local regulation of a local list; refuses a kind without one. */
export function kindBasis(kind: repo.ListKindRow): ListLegalBasis[] {
  if (!kind.legalBasis?.length) throw new AppError('LEGAL_BASIS_MISSING', `名单类型「${kind.name}」未载明认定依据，不能据此认定`);
  if (kind.scope === 'local') {
    if (!kind.localRegulation) throw new AppError('LEGAL_BASIS_MISSING', `仅在本地实施的名单「${kind.name}」缺少地方性法规依据，不能据此认定`);
    return [...kind.legalBasis, kind.localRegulation];
  }
  return kind.legalBasis;
}

/** Each cited record must exist, be the proposer's department's, be about the subject and still stand. */
export async function checkEvidence(db: Db, actor: Actor, kind: repo.ListKindRow, subjectId: string, recordIds: string[]): Promise<EvidenceItem[]> {
  const ids = [...new Set(recordIds)];
  if (needsEvidence(kind) && ids.length === 0) {
    throw new AppError('LEGAL_BASIS_MISSING', `认定「${kind.name}」必须以生效的行政决定或司法文书为依据：请引用本部门的信用记录`);
  }
  if (ids.length > 50) throw new AppError('VALIDATION', '一次最多引用 50 条信用记录');
  const evidence: EvidenceItem[] = [];
  let serious = false;
  for (const id of ids) {
    const { record } = await getRecord(db, SYSTEM_ACTOR, id);
    if (record.departmentId !== actor.departmentId) throw new AppError('FORBIDDEN', `信用记录 ${record.documentNumber} 不是本部门作出的，不能作为本部门的认定依据`);
    if (record.subjectId !== subjectId) throw new AppError('VALIDATION', `信用记录 ${record.documentNumber} 不属于被认定主体`);
    if (record.status !== 'active') throw new AppError('LEGAL_BASIS_MISSING', `信用记录 ${record.documentNumber} 已撤销，不能作为认定依据`);
    serious ||= record.severity === 'serious';
    evidence.push({ recordId: record.id, documentNumber: record.documentNumber, itemCode: record.itemCode });
  }
  if (kind.kind === 'sanction' && !serious) {
    throw new AppError('LEGAL_BASIS_MISSING', `认定「${kind.name}」须至少依据一项严重失信的生效文书（如较重行政处罚）`);
  }
  return evidence;
}
