export {
  submitObjection,
  acceptObjection,
  notAcceptObjection,
  extendObjection,
  concludeObjection,
  withdrawObjection,
  getObjection,
  listObjections,
  recordsUnderObjection,
  OBJECTION_STATE_LABELS,
} from './service';
export type { SubmitObjectionInput, ConcludeInput, ObjectionView, ObjectionSummary, ObjectionQuery, ObjectionStepOptions } from './service';
export { objectionPolicy, setObjectionPolicy, DEFAULT_OBJECTION_POLICY } from './policy';
export type { ObjectionPolicy } from './policy';
export { OBJECTION_TRANSITIONS, UNDER_OBJECTION_STATES, allowedObjectionActions } from './procedure';
export type { ObjectionState, ObjectionAction } from './procedure';
export { registerObjectionRoutes } from './routes';
