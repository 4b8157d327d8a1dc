export { POLICY_DOCUMENTS } from './documents';
export type { PolicyDocument } from './documents';
export { registerPolicyRoutes } from './routes';
