export { withAudit, verifyChain, listAuditEntries, logPersonalDataAccess, listAccessLog, assertCanReadAudit } from './service';
export { sealLogs, verifySeals, registerSealableLog } from './seals';
export type { SealableLog, SealVerification } from './seals';
export type { AuditEvent, AuditWriter, ChainVerification, PersonalDataRead } from './service';
export { registerAuditRoutes } from './routes';
