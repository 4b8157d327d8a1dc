import { ROLE_LABELS, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import type { OBJECTION_STATES } from './tables';

/**
 * The objection procedure (异议处理, REFERENCE §8.1) as one state machine:
 *
 *   submitted ─accept→ verifying ─conclude→ upheld | dismissed | undetermined
 *       └─not-accept→ not_accepted         └─extend→ verifying (once, with reasons)
 *   submitted | verifying ─withdraw→ withdrawn   (the applicant, or the credit office on its behalf)
 *
 * The credit office accepts (within `acceptWorkingDays`); the record's source department verifies and
 * concludes (within `verifyWorkingDays` of acceptance). While `verifying` the record is under objection
 * and the measures it would trigger are paused.
 */
export type ObjectionState = (typeof OBJECTION_STATES)[number];
export type ObjectionAction = 'accept' | 'not_accept' | 'extend' | 'conclude' | 'withdraw';

export interface ObjectionTransition {
  action: ObjectionAction;
  from: readonly ObjectionState[];
  /** null: the outcome decides (conclude), or the state stays (extend) */
  to: ObjectionState | null;
  label: string;
  roles: readonly Actor['role'][];
  /** the source department's own staff only (verification is theirs) */
  sourceDepartmentOnly?: boolean;
  /** a subject account may take it only for its own objection */
  ownSubjectOnly?: boolean;
}

export const OBJECTION_TRANSITIONS: readonly ObjectionTransition[] = [
  { action: 'accept', from: ['submitted'], to: 'verifying', label: '受理并转数据提供部门核查', roles: ['office_admin'] },
  { action: 'not_accept', from: ['submitted'], to: 'not_accepted', label: '不予受理', roles: ['office_admin'] },
  { action: 'extend', from: ['verifying'], to: null, label: '延长核查期限', roles: ['office_admin'] },
  { action: 'conclude', from: ['verifying'], to: null, label: '作出核查结论', roles: ['dept_reviewer'], sourceDepartmentOnly: true },
  { action: 'withdraw', from: ['submitted', 'verifying'], to: 'withdrawn', label: '撤回异议申请', roles: ['subject', 'office_admin'], ownSubjectOnly: true },
];

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  submitted: '已提交，待受理',
  verifying: '已受理，核查中（异议标注，暂停惩戒）',
  not_accepted: '不予受理',
  upheld: '异议成立，已更正或撤销',
  dismissed: '异议不成立，维持原记录',
  undetermined: '无法核实，记录核查情况',
  withdrawn: '已撤回',
};

/** States in which the record is under objection (annotated, its measures paused). */
export const UNDER_OBJECTION_STATES: readonly ObjectionState[] = ['verifying'];
/** States in which another objection to the same record may not be filed. */
export const OPEN_STATES: readonly ObjectionState[] = ['submitted', 'verifying'];

export interface ObjectionFacts {
  state: ObjectionState;
  departmentId: string;
  subjectId: string;
}

function transitionOf(action: ObjectionAction): ObjectionTransition {
  const transition = OBJECTION_TRANSITIONS.find((candidate) => candidate.action === action);
  if (!transition) throw new AppError('INTERNAL', `未知的办理步骤：${action}`);
  return transition;
}

/** The reason the actor may not take `action` now, or null when it may. */
export function objectionRefusal(objection: ObjectionFacts, actor: Actor, action: ObjectionAction): AppError | null {
  const transition = transitionOf(action);
  if (actor.kind === 'anonymous') return new AppError('UNAUTHENTICATED');
  if (!transition.roles.includes(actor.role)) {
    return new AppError('FORBIDDEN', `「${transition.label}」只能由${transition.roles.map((role) => ROLE_LABELS[role]).join('或')}办理`);
  }
  if (transition.sourceDepartmentOnly && actor.departmentId !== objection.departmentId) return new AppError('FORBIDDEN', '只有该信用记录的数据提供部门可以核查并作出结论');
  if (transition.ownSubjectOnly && actor.role === 'subject' && actor.subjectId !== objection.subjectId) return new AppError('FORBIDDEN', '只能撤回本主体提出的异议');
  if (!transition.from.includes(objection.state)) {
    return new AppError('PROCEDURE_STEP_MISSING', `当前状态「${OBJECTION_STATE_LABELS[objection.state]}」不能办理「${transition.label}」`, { state: objection.state, action, allowedFrom: transition.from });
  }
  return null;
}

export function assertObjectionTransition(objection: ObjectionFacts, actor: Actor, action: ObjectionAction): ObjectionTransition {
  const problem = objectionRefusal(objection, actor, action);
  if (problem) throw problem;
  return transitionOf(action);
}

/** Actions the actor may take next (for the console's buttons). */
export function allowedObjectionActions(objection: ObjectionFacts, actor: Actor): ObjectionAction[] {
  return OBJECTION_TRANSITIONS.filter((transition) => objectionRefusal(objection, actor, transition.action) === null).map((transition) => transition.action);
}
