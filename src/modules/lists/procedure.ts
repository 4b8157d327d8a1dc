import { ROLE_LABELS, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import type { ENTRY_STATES } from './tables';

/**
 * The designation procedure (认定程序) of a list entry as one state machine (seed 004 (九), REFERENCE §6):
 *
 *   proposed ─notice→ noticed ─statement→ statement_received ─┐
 *                        └──statement-expiry→ statement_expired ┴─decide→ decided ─publish→ published ─remove→ removed
 *   proposed | noticed | statement_* ─withdraw→ withdrawn   (the proposer, before a decision)
 *   proposed | noticed | statement_* ─reject→ rejected       (a reviewer declines)
 *   decided ─remove→ removed                                 (revoked or found in error before publication)
 *
 * Each transition says who may make it (role, same department as the entry, reviewer ≠ proposer) and its
 * deadline in working days. Operations call `assertTransition`; the console asks `allowedActions`.
 */
export type EntryState = (typeof ENTRY_STATES)[number];
export type EntryAction = 'serve_notice' | 'record_statement' | 'expire_statement' | 'decide' | 'reject' | 'publish' | 'remove' | 'withdraw';

export interface Transition {
  action: EntryAction;
  from: readonly EntryState[];
  to: EntryState;
  label: string;
  roles: readonly Actor['role'][];
  /** a decision step: the reviewer must not be the proposer */
  notByProposer?: boolean;
  /** only the proposer may take it */
  proposerOnly?: boolean;
  /** deadline in working days, and from which moment it runs */
  deadline?: { workingDays: 'statement_working_days' | 'decision_working_days' | number; from: string };
}

const BEFORE_DECISION: readonly EntryState[] = ['proposed', 'noticed', 'statement_received', 'statement_expired'];
const STATEMENT_CLOSED: readonly EntryState[] = ['statement_received', 'statement_expired'];

/** working days after the decision within which it should be published (the 7-working-day disclosure rule) */
export const PUBLISH_WORKING_DAYS = 7;

export const TRANSITIONS: readonly Transition[] = [
  { action: 'serve_notice', from: ['proposed'], to: 'noticed', label: '送达告知书', roles: ['dept_operator', 'dept_reviewer'] },
  {
    action: 'record_statement',
    from: ['noticed'],
    to: 'statement_received',
    label: '登记陈述申辩',
    roles: ['dept_operator', 'dept_reviewer'],
    deadline: { workingDays: 'statement_working_days', from: '告知书送达之日' },
  },
  {
    action: 'expire_statement',
    from: ['noticed'],
    to: 'statement_expired',
    label: '陈述申辩期满未提出',
    roles: ['dept_operator', 'dept_reviewer', 'system'],
    deadline: { workingDays: 'statement_working_days', from: '告知书送达之日（期满后方可登记）' },
  },
  {
    action: 'decide',
    from: STATEMENT_CLOSED,
    to: 'decided',
    label: '作出认定决定',
    roles: ['dept_reviewer'],
    notByProposer: true,
    deadline: { workingDays: 'decision_working_days', from: '陈述申辩结束之日' },
  },
  { action: 'reject', from: BEFORE_DECISION, to: 'rejected', label: '不予认定', roles: ['dept_reviewer'], notByProposer: true },
  {
    action: 'publish',
    from: ['decided'],
    to: 'published',
    label: '公示',
    roles: ['dept_operator', 'dept_reviewer'],
    deadline: { workingDays: PUBLISH_WORKING_DAYS, from: '认定决定之日' },
  },
  { action: 'remove', from: ['decided', 'published'], to: 'removed', label: '移出名单', roles: ['dept_reviewer', 'system'] },
  { action: 'withdraw', from: BEFORE_DECISION, to: 'withdrawn', label: '撤回认定申请', roles: ['dept_operator'], proposerOnly: true },
];

export const STATE_LABELS: Record<EntryState, string> = {
  proposed: '已提出认定申请',
  noticed: '已告知，陈述申辩期内',
  statement_received: '已收到陈述申辩',
  statement_expired: '陈述申辩期满',
  decided: '已作出认定决定',
  published: '已公示（名单有效）',
  removed: '已移出',
  withdrawn: '已撤回',
  rejected: '不予认定',
};

export const TERMINAL_STATES: readonly EntryState[] = ['removed', 'withdrawn', 'rejected'];

export function transitionOf(action: EntryAction): Transition {
  const transition = TRANSITIONS.find((candidate) => candidate.action === action);
  if (!transition) throw new AppError('INTERNAL', `未知的办理步骤：${action}`);
  return transition;
}

/** What a transition needs to know about the entry. */
export interface EntryFacts {
  state: EntryState;
  departmentId: string;
  proposerId: string;
}

/** The reason the actor may not take `action` now, or null when it may (state, role, department, proposer). */
export function refusal(entry: EntryFacts, actor: Actor, action: EntryAction): AppError | null {
  const transition = transitionOf(action);
  if (actor.kind === 'anonymous') return new AppError('UNAUTHENTICATED');
  if (actor.role !== 'system' && actor.departmentId !== entry.departmentId) return new AppError('FORBIDDEN', '只能办理本部门提出的名单认定');
  if (!transition.roles.includes(actor.role)) {
    return new AppError('FORBIDDEN', `「${transition.label}」只能由${transition.roles.filter((role) => role !== 'system').map((role) => ROLE_LABELS[role]).join('或')}办理`);
  }
  if (!transition.from.includes(entry.state)) {
    return new AppError('PROCEDURE_STEP_MISSING', `当前状态「${STATE_LABELS[entry.state]}」不能办理「${transition.label}」`, { state: entry.state, action, allowedFrom: transition.from });
  }
  if (transition.notByProposer && actor.id === entry.proposerId) return new AppError('FORBIDDEN', '认定申请的经办人不能同时作出认定决定（审核人须为他人）');
  if (transition.proposerOnly && actor.id !== entry.proposerId) return new AppError('FORBIDDEN', '只有提出认定申请的经办人可以撤回');
  return null;
}

/** Throws PROCEDURE_STEP_MISSING / FORBIDDEN unless the actor may take `action` on the entry now. */
export function assertTransition(entry: EntryFacts, actor: Actor, action: EntryAction): Transition {
  const problem = refusal(entry, actor, action);
  if (problem) throw problem;
  return transitionOf(action);
}

/** Actions the actor may take next (for the console's buttons); date conditions are checked by the operation. */
export function allowedActions(entry: EntryFacts, actor: Actor): EntryAction[] {
  return TRANSITIONS.filter((transition) => refusal(entry, actor, transition.action) === null).map((transition) => transition.action);
}

/** Every action reachable from a state, whoever takes it. */
export function actionsFrom(state: EntryState): EntryAction[] {
  return TRANSITIONS.filter((transition) => transition.from.includes(state)).map((transition) => transition.action);
}
