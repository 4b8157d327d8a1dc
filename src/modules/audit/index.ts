export { withAudit, verifyChain, listAuditEntries, logPersonalDataAccess, listAccessLog, assertCanReadAudit } from './service';
export type { AuditEvent, AuditWriter, ChainVerification, PersonalDataRead } from './service';
export { registerAuditRoutes } from './routes';
