import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { isUuid, newId } from '../../shared/ids';
import { chinaDate } from '../../shared/time';
import { withAudit, type AuditWriter } from '../audit';
import { readsAllDepartments, requireAuthenticated } from '../auth/policy';
import { addWorkingDaysFrom, assertValidDate } from '../calendar';
import { getItemVersion } from '../catalog';
import { getDepartment } from '../departments';
import { recordFacts, revokeRecordInTx } from '../records';
import { subjectNamesByIds } from '../subjects';
import { objectionPolicy } from './policy';
import {
  allowedObjectionActions,
  assertObjectionTransition,
  OBJECTION_STATE_LABELS,
  OPEN_STATES,
  UNDER_OBJECTION_STATES,
  type ObjectionAction,
  type ObjectionState,
} from './procedure';
import * as repo from './repository';
import { OBJECTION_CHANNELS, OBJECTION_OUTCOMES, UPHELD_ACTIONS, type ObjectionApplicant, type OutcomeRecord } from './tables';

/** `today` (China date) is for tests and back-dated entry of paper steps. */
export interface ObjectionStepOptions {
  today?: string;
}

function todayOf(options: ObjectionStepOptions): string {
  if (options.today === undefined) return chinaDate();
  assertValidDate(options.today, '办理日期');
  return options.today;
}

function requireText(value: string | undefined | null, label: string, min = 2): string {
  const text = (value ?? '').trim();
  if (text.length < min) throw new AppError('VALIDATION', `请填写${label}`);
  return text;
}

export interface SubmitObjectionInput {
  recordId: string;
  reasons: string;
  evidence?: string;
  /** when the credit office registers an objection for an applicant */
  applicantName?: string;
  channel?: ObjectionApplicant['channel'];
}

/**
 * 提出异议: a subject account objects to a record about itself, or the credit office registers an objection
 * received at the counter, by letter or phone, or forwarded by 信用中国. One open objection per record.
 */
export async function submitObjection(db: Db, actor: Actor, input: SubmitObjectionInput, options: ObjectionStepOptions = {}): Promise<repo.ObjectionRow> {
  requireAuthenticated(actor);
  if (actor.role !== 'subject' && actor.role !== 'office_admin') throw new AppError('FORBIDDEN', '异议由信用主体本人提出，或由信用办代为登记');
  const reasons = requireText(input.reasons, '异议理由（认为信息有误的内容及依据）', 4);
  const record = await recordFacts(db, input.recordId);
  if (actor.role === 'subject' && actor.subjectId !== record.subjectId) throw new AppError('FORBIDDEN', '只能对本主体的信用记录提出异议');
  if (record.status === 'revoked') throw new AppError('RECORD_REVOKED', '该信用记录已撤销，无需提出异议');
  const applicant = actor.role === 'subject' ? { kind: 'subject' as const, name: (await subjectNamesByIds(db, [record.subjectId])).get(record.subjectId) ?? actor.label, channel: 'online' as const } : applicantOf(input);
  const today = todayOf(options);
  const acceptDue = (await addWorkingDaysFrom(db, today, objectionPolicy().acceptWorkingDays)).date;
  return withAudit(db, actor, async (tx, audit) => {
    const open = await repo.objectionsOfRecord(tx, record.id, OPEN_STATES);
    if (open.length > 0) throw new AppError('CONFLICT', '该信用记录已有正在处理的异议，请等待处理结果', { objectionId: open[0].id });
    const objection = await repo.insertObjection(tx, {
      id: newId(),
      recordId: record.id,
      subjectId: record.subjectId,
      departmentId: record.departmentId,
      recordVersion: record.currentVersion,
      state: 'submitted',
      applicant,
      reasons,
      evidence: input.evidence?.trim() || null,
      submittedOn: today,
      acceptDue,
      createdBy: actor.label,
    });
    await repo.appendEvent(tx, { objectionId: objection.id, fromState: null, toState: 'submitted', actor: actor.label, payload: { acceptDue } });
    audit.record({ action: 'objection.submit', entityType: 'objection', entityId: objection.id, after: { recordId: record.id, applicant, reasons, acceptDue } });
    return objection;
  });
}

/** The applicant of an objection the credit office registers (counter, letter, phone, forwarded). */
function applicantOf(input: SubmitObjectionInput): ObjectionApplicant {
  const channel = input.channel ?? 'counter';
  if (!OBJECTION_CHANNELS.includes(channel)) throw new AppError('VALIDATION', '受理渠道应为 online、counter、letter、phone 或 forwarded');
  return { kind: 'staff', name: requireText(input.applicantName, '异议申请人姓名或名称'), channel };
}

interface StepChange {
  patch?: Partial<repo.NewObjectionRow>;
  to?: ObjectionState;
  payload?: Record<string, unknown>;
}

/** One step: in one audited transaction, lock, check the transition, apply, move the state, append history. */
async function runStep(
  db: Db,
  actor: Actor,
  id: string,
  action: ObjectionAction,
  apply: (tx: Db, objection: repo.ObjectionRow, audit: AuditWriter) => Promise<StepChange>,
): Promise<repo.ObjectionRow> {
  return withAudit(db, actor, async (tx, audit) => {
    const objection = await loadObjection(tx, id, { forUpdate: true });
    const transition = assertObjectionTransition(objection, actor, action);
    const change = await apply(tx, objection, audit);
    const to = change.to ?? transition.to ?? objection.state;
    const updated = await repo.updateObjection(tx, objection.id, { ...change.patch, state: to });
    await repo.appendEvent(tx, { objectionId: objection.id, fromState: objection.state, toState: to, actor: actor.label, payload: change.payload ?? null });
    audit.record({ action: `objection.${action}`, entityType: 'objection', entityId: objection.id, before: { state: objection.state }, after: { state: to, ...change.patch } });
    return updated;
  });
}

async function loadObjection(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<repo.ObjectionRow> {
  const objection = isUuid(id) ? await repo.findObjection(db, id, options) : null;
  if (!objection) throw new AppError('NOT_FOUND', '未找到该异议申请');
  return objection;
}

/** 受理: the credit office accepts and refers the objection to the record's source department for verification. */
export async function acceptObjection(db: Db, actor: Actor, id: string, input: { note?: string } = {}, options: ObjectionStepOptions = {}) {
  const today = todayOf(options);
  const verifyDue = (await addWorkingDaysFrom(db, today, objectionPolicy().verifyWorkingDays)).date;
  return runStep(db, actor, id, 'accept', async () => ({
    patch: { acceptance: { accepted: true, on: today, by: actor.label, ...(input.note?.trim() ? { reason: input.note.trim() } : {}) }, verifyDue },
    payload: { verifyDue },
  }));
}

/** 不予受理, with the reason the applicant is told. */
export async function notAcceptObjection(db: Db, actor: Actor, id: string, input: { reason: string }, options: ObjectionStepOptions = {}) {
  const today = todayOf(options);
  const reason = requireText(input.reason, '不予受理的理由', 4);
  return runStep(db, actor, id, 'not_accept', async () => ({ patch: { acceptance: { accepted: false, on: today, by: actor.label, reason } }, payload: { reason } }));
}

/** 延长核查期限 for a complex case: once, by at most the policy's maximum, with the reasons. */
export async function extendObjection(db: Db, actor: Actor, id: string, input: { reason: string; workingDays: number }, options: ObjectionStepOptions = {}) {
  const today = todayOf(options);
  const reason = requireText(input.reason, '延期理由', 4);
  const max = objectionPolicy().maxExtensionWorkingDays;
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > max) throw new AppError('VALIDATION', `延长的工作日数应为 1–${max}`);
  return runStep(db, actor, id, 'extend', async (tx, objection) => {
    if (objection.extension) throw new AppError('PROCEDURE_STEP_MISSING', '核查期限只能延长一次');
    const previousDue = objection.verifyDue!;
    const verifyDue = (await addWorkingDaysFrom(tx, previousDue, input.workingDays)).date;
    return { patch: { verifyDue, extension: { on: today, by: actor.label, reason, workingDays: input.workingDays, previousDue } }, payload: { verifyDue, reason } };
  });
}

export interface ConcludeInput {
  result: OutcomeRecord['result'];
  explanation: string;
  /** for `upheld`: `revoked` revokes the record now; `corrected` needs a correction made since the objection was filed */
  action?: OutcomeRecord['action'];
}

/**
 * 核查结论 by the source department: upheld (the record is revoked now, or was corrected since the objection
 * was filed), dismissed (the record stands and the annotation is lifted) or undetermined (both recorded).
 */
export async function concludeObjection(db: Db, actor: Actor, id: string, input: ConcludeInput, options: ObjectionStepOptions = {}) {
  const today = todayOf(options);
  if (!OBJECTION_OUTCOMES.includes(input.result)) throw new AppError('VALIDATION', '核查结论应为 upheld（异议成立）、dismissed（不成立）或 undetermined（无法核实）');
  const explanation = requireText(input.explanation, '核查情况说明', 4);
  if (input.result === 'upheld' && !UPHELD_ACTIONS.includes(input.action as never)) throw new AppError('VALIDATION', '异议成立的，须说明处理方式：corrected（已更正）或 revoked（撤销记录）');
  if (input.result !== 'upheld' && input.action) throw new AppError('VALIDATION', '只有异议成立时才更正或撤销记录');
  return runStep(db, actor, id, 'conclude', async (tx, objection, audit) => {
    const outcome: OutcomeRecord = { result: input.result, on: today, by: actor.label, explanation };
    if (input.result === 'upheld') {
      outcome.action = input.action;
      outcome.recordVersion = await putRecordRight(tx, audit, actor, objection, input.action!, explanation);
    }
    return { patch: { outcome }, to: input.result, payload: { ...outcome } };
  });
}

async function putRecordRight(tx: Db, audit: AuditWriter, actor: Actor, objection: repo.ObjectionRow, action: NonNullable<OutcomeRecord['action']>, explanation: string): Promise<number> {
  if (action === 'revoked') {
    const record = await revokeRecordInTx(tx, audit, actor, objection.recordId, `异议成立，撤销记录：${explanation}`);
    return record.currentVersion;
  }
  const record = await recordFacts(tx, objection.recordId);
  if (record.currentVersion <= objection.recordVersion) {
    throw new AppError('PROCEDURE_STEP_MISSING', '异议成立须先更正该信用记录（提交更正版本并说明原因），再作出核查结论', { recordVersion: record.currentVersion });
  }
  return record.currentVersion;
}

/** 撤回: the applicant (or the credit office on its behalf) withdraws before a conclusion. */
export async function withdrawObjection(db: Db, actor: Actor, id: string, input: { reason?: string } = {}) {
  return runStep(db, actor, id, 'withdraw', async () => ({ payload: input.reason?.trim() ? { reason: input.reason.trim() } : {} }));
}

// --- reads -------------------------------------------------------------------------------------------

function assertMayRead(actor: Actor, objection: Pick<repo.ObjectionRow, 'departmentId' | 'subjectId'>): void {
  requireAuthenticated(actor);
  if (readsAllDepartments(actor)) return;
  if (actor.role === 'subject' && actor.subjectId === objection.subjectId) return;
  if ((actor.role === 'dept_operator' || actor.role === 'dept_reviewer') && actor.departmentId === objection.departmentId) return;
  throw new AppError('FORBIDDEN', '无权查看该异议申请');
}

/** The current deadline of an open objection, and whether it has passed. */
function deadlineOf(objection: repo.ObjectionRow, today: string): { due: string | null; overdue: boolean } {
  const due = objection.state === 'submitted' ? objection.acceptDue : objection.state === 'verifying' ? objection.verifyDue : null;
  return { due, overdue: due !== null && due < today };
}

export type ObjectionSummary = repo.ObjectionRow & {
  stateLabel: string;
  subjectName: string;
  due: string | null;
  overdue: boolean;
  allowedActions: ObjectionAction[];
};

export interface ObjectionView extends ObjectionSummary {
  record: { itemCode: string; itemName: string; documentNumber: string; decisionDate: string; status: string; currentVersion: number; departmentName: string };
  events: repo.ObjectionEventRow[];
}

function summarise(objection: repo.ObjectionRow, actor: Actor, subjectName: string, today: string): ObjectionSummary {
  return { ...objection, stateLabel: OBJECTION_STATE_LABELS[objection.state], subjectName, ...deadlineOf(objection, today), allowedActions: allowedObjectionActions(objection, actor) };
}

export async function getObjection(db: Db, actor: Actor, id: string): Promise<ObjectionView> {
  const objection = await loadObjection(db, id);
  assertMayRead(actor, objection);
  const [events, record, names, department] = await Promise.all([repo.eventsOf(db, id), recordFacts(db, objection.recordId), subjectNamesByIds(db, [objection.subjectId]), getDepartment(db, objection.departmentId)]);
  const itemName = (await getItemVersion(db, record.catalogItemId)).name;
  return {
    ...summarise(objection, actor, names.get(objection.subjectId) ?? '', chinaDate()),
    record: { itemCode: record.itemCode, itemName, documentNumber: record.documentNumber, decisionDate: record.decisionDate, status: record.status, currentVersion: record.currentVersion, departmentName: department.name },
    events,
  };
}

export interface ObjectionQuery {
  state?: string;
  recordId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** The console's list: the credit office and auditors see all, a department the objections to its records, a subject its own. */
export async function listObjections(db: Db, actor: Actor, query: ObjectionQuery) {
  requireAuthenticated(actor);
  const scope = objectionScope(actor);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  const today = chinaDate();
  const { rows, total } = await repo.listObjectionRows(db, {
    ...scope,
    state: query.state,
    recordId: query.recordId,
    overdueOn: query.overdue ? today : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const names = await subjectNamesByIds(db, [...new Set(rows.map((row) => row.subjectId))]);
  return { total, page, pageSize, items: rows.map((row) => summarise(row, actor, names.get(row.subjectId) ?? '', today)) };
}

function objectionScope(actor: Actor): { departmentId: string | null; subjectId: string | null } {
  if (readsAllDepartments(actor)) return { departmentId: null, subjectId: null };
  if (actor.role === 'subject' && actor.subjectId) return { departmentId: null, subjectId: actor.subjectId };
  if ((actor.role === 'dept_operator' || actor.role === 'dept_reviewer') && actor.departmentId) return { departmentId: actor.departmentId, subjectId: null };
  throw new AppError('FORBIDDEN', '无权查看异议申请');
}

/** The records among `recordIds` that are under objection now (annotated; their measures paused). */
export async function recordsUnderObjection(db: Db, recordIds: string[]): Promise<Set<string>> {
  return repo.recordIdsWithObjection(db, recordIds, UNDER_OBJECTION_STATES);
}

export { OBJECTION_STATE_LABELS };
