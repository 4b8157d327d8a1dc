export {
  createSubject,
  createSubjectInTx,
  findSubjectByIdentifier,
  resolveSubject,
  renameSubject,
  addRelation,
  endRelation,
  getSubject,
  getPublicSubject,
  searchSubjects,
  searchPublicSubjects,
  countSubjectsByKind,
  subjectNamesByIds,
  readPersonalData,
  regionNameOf,
  sameName,
  PLACEHOLDER_USCC,
  SUBJECT_KIND_LABELS,
} from './service';
export type {
  Subject,
  SubjectDetail,
  SubjectName,
  SubjectRelation,
  SubjectListItem,
  PublicSubject,
  PublicSubjectListItem,
  SubjectCounts,
  PersonalData,
  Paged,
  NewSubject,
  NewRelation,
  EndRelation,
  Rename,
  ResolvedSubject,
  SubjectLookup,
  SubjectQuery,
  PublicSubjectQuery,
  SubjectKind,
  SubjectStatus,
  RelationRole,
  IdentifierProblem,
} from './service';
export { resolveSubjectsBulk } from './bulk';
export { rolesHeldBy, subjectIdentitiesByIds } from './relations-reads';
export type { RoleHeld, SubjectIdentity } from './relations-reads';
export type { BulkResolution } from './bulk';
export { SUBJECT_KINDS, SUBJECT_STATUSES, RELATION_ROLES } from './tables';
export { registerSubjectRoutes } from './routes';
