/** Shapes of the platform's API responses, as the web app uses them. */

export type Role = 'office_admin' | 'dept_operator' | 'dept_reviewer' | 'auditor' | 'agency' | 'subject';
export type SubjectKind = 'legal_entity' | 'individual_business' | 'natural_person';
export type DisclosureScope = 'public' | 'shared' | 'authorised';
export type Severity = 'none' | 'minor' | 'general' | 'serious';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: DepartmentRef | null;
  regionCode: string;
  /** for a subject's account: the subject it speaks for */
  subjectId?: string | null;
}

export interface Dashboard {
  department: DepartmentRef | null;
  counts: {
    records: number;
    recordsThisMonth: number;
    subjects: number;
    departments: number;
    catalogItems: number;
  };
  recentRecords: { id: string; subjectName: string; itemName: string; decisionDate: string; status: string }[];
}

export interface Department {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  kind: 'credit_office' | 'department';
  uscc?: string | null;
  userCount: number;
}

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: DepartmentRef | null;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface LegalBasis {
  document: string;
  article?: string;
}

export interface FieldDef {
  key: string;
  label: string;
  type: string;
  required: boolean | 'conditional';
  codeTable?: string;
  unit?: string;
  [extra: string]: unknown;
}

export interface DisclosurePeriod {
  minMonths: number;
  maxMonths: number;
}

export interface CatalogItem {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  kind: 'base' | 'supplement';
  nature: string;
  legalBasis: LegalBasis[];
  fields: FieldDef[];
  disclosureScope: DisclosureScope;
  defaultSeverity: Severity;
  disclosurePeriods: Partial<Record<'minor' | 'general' | 'serious' | 'none', DisclosurePeriod | null>>;
  repairable: boolean;
  submittingDepartments: string[] | null;
  subjectKinds: SubjectKind[];
  documentNumberField?: string;
  decisionDateField?: string;
  subjectNameField?: string;
  subjectIdentifierField?: string;
  description?: string;
}

export interface CatalogVersionRef {
  id: string;
  number: number;
  createdAt: string;
  note: string | null;
}

export interface Catalog {
  version: CatalogVersionRef;
  categories: { code: string; name: string; ordinal: number }[];
  items: CatalogItem[];
  /** code tables of coded fields, e.g. list_kind (lists kept elsewhere, such as 失信被执行人名单) */
  codeTables?: Record<string, { name: string; entries: { code: string; label: string; severity?: string }[] }>;
}

export interface CatalogVersion extends CatalogVersionRef {
  createdBy: string | null;
  itemCount: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  hash: string;
  actorKind?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export interface SubjectRow {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  citizenIdMasked: string | null;
  regionCode: string | null;
  status: string;
  recordCount: number;
}

export interface SubjectDetail {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  orgCode: string | null;
  citizenIdMasked: string | null;
  regionCode: string | null;
  status: string;
  names: { name: string; validFrom: string | null; validTo: string | null }[];
  relations: { role: string; personId: string; personName: string; citizenIdMasked: string | null }[];
  records: {
    id: string;
    itemCode: string;
    itemName: string;
    departmentName: string;
    documentNumber: string;
    decisionDate: string;
    status: string;
    version: number;
  }[];
}

export interface RecordVersion {
  version: number;
  kind: string;
  fields: Record<string, unknown>;
  reason: string | null;
  submittedBy: string | null;
  createdAt: string;
  batchId: string | null;
  rowNumber: number | null;
}

export interface RecordDetail {
  id: string;
  subjectId: string;
  subjectName: string;
  itemCode: string;
  itemName: string;
  departmentName: string;
  documentNumber: string;
  decisionDate: string;
  status: string;
  versions: RecordVersion[];
}

export interface PublicStats {
  subjects: number;
  legalEntities: number;
  individualBusinesses: number;
  naturalPersons: number;
  records: number;
  departments: number;
  licences: number;
  penalties: number;
}

export interface PublicSubject {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  regionName: string | null;
}

export interface IdentifierResult {
  type: string;
  valid: boolean;
  problems: { code: string; message: string; severity: string }[];
  region: unknown;
  normalized: string | null;
  details: unknown;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export type BatchStatus = 'queued' | 'processing' | 'completed' | 'rejected' | 'failed';
export type BatchMode = 'lenient' | 'atomic';

/** An ingest batch (POST/GET /ingest/batches). */
export interface IngestBatch {
  id: string;
  itemCode: string;
  departmentId?: string;
  clientKey?: string | null;
  mode: BatchMode;
  source?: string;
  filename: string | null;
  format?: string | null;
  encoding?: string | null;
  status: BatchStatus;
  total: number;
  accepted: number;
  created: number;
  corrected: number;
  unchanged: number;
  rejected: number;
  late: number;
  processed: number;
  message: string | null;
  submittedBy: string;
  createdAt: string;
  startedAt?: string | null;
  finishedAt: string | null;
}

export interface BatchError {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

export interface IngestBatchDetail extends IngestBatch {
  errorCount: number;
  errors: BatchError[];
}

export type IssueDecision = 'same_subject' | 'rename' | 'wrong_code';

/** A 重错码 issue: one identifier submitted with a name that differs from the registered one. */
export interface QualityIssue {
  id: string;
  kind?: string;
  subjectId: string;
  identifier: string;
  existingName: string;
  incomingName: string;
  departmentId: string;
  batchId: string | null;
  rowNumber: number | null;
  occurrences: number;
  status: 'open' | 'resolved' | string;
  decision: IssueDecision | string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface WrongCodeRate {
  subjects: number;
  issues: number;
  open: number;
  wrongCodes: number;
  perTenThousand: number;
  target: number;
}

export interface ScorecardRow {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  volume: number;
  rowsSubmitted: number;
  rejected: number;
  rejectionRate: number | null;
  late: number;
  timelinessRate: number | null;
  completeness: number | null;
  duplicates: number;
}

export interface Scorecard {
  month: string;
  items: ScorecardRow[];
}

/** GET /public/subjects/:id: a subject's public basic information (never a natural person). */
export interface PublicSubjectDetail {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  registrationNo: string | null;
  regionCode: string | null;
  regionName: string | null;
  status: string;
  establishedOn: string | null;
}

/** One public field of a disclosed record: masked by the server; `text` is for display. */
export interface PublicField {
  key: string;
  label: string;
  value: unknown;
  text: string;
}

/** A disclosed record as the public sees it (current version, public fields only). */
export interface PublicRecord {
  recordId: string;
  subjectId: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  decisionDate: string;
  /** last day of disclosure (inclusive); null = disclosed while the record stands */
  disclosureEndDate: string | null;
  version: number;
  fields: PublicField[];
}

/** A section of the public credit report, in the national report's order. */
export interface PublicSection {
  code: string;
  name: string;
  records: PublicRecord[];
}

/** GET /public/subjects/:id/records */
export interface PublicSubjectRecords {
  subject: PublicSubjectDetail;
  sections: PublicSection[];
}

export type DoubleDisclosureKind = 'licence' | 'penalty';

/** GET /public/disclosures (双公示) */
export interface DisclosureList {
  items: PublicRecord[];
  total: number;
  page: number;
  pageSize: number;
}

/** A record that reached the platform later than the 7-working-day limit (GET /disclosure/late). */
export interface LateRecord {
  recordId: string;
  subjectId: string;
  subjectName: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  documentNumber: string;
  decisionDate: string;
  receivedAt: string;
  arrivalWorkingDays: number | null;
}

export interface LateList {
  items: LateRecord[];
  total: number;
  page: number;
  pageSize: number;
  limitWorkingDays: number;
}

// --- 信用名单 (GET /public/lists/:kind) and 信用核查 (/checks) ---

/** One published list entry as the public list and a check's listings show it (no citizen ID). */
export interface PublicListing {
  entryId: string;
  listKind: string;
  listKindName: string;
  subjectId: string;
  subjectName: string;
  /** an organisation's USCC; null for natural persons */
  uscc: string | null;
  decisionNumber: string;
  decidedOn: string;
  publishedAt: string;
  validUntil: string;
  reasons: string;
  ban: { sector: string; until: string } | null;
  /** only in a check's `asResponsiblePerson`: legal_representative / principal / controller */
  role?: string;
}

export interface PublicListPage {
  listKind: string;
  listKindName: string;
  total: number;
  page: number;
  pageSize: number;
  items: PublicListing[];
}

export type Treatment = 'green_channel' | 'normal' | 'caution' | 'sanction';
export type FeedbackHandling = 'applied' | 'not_applied' | 'not_applicable';

export interface CheckMeasure {
  code: string;
  name: string;
  kind: string;
  category: number;
  legalBasis: { document: string; article?: string }[];
  degree: string;
  degreeLimit: DegreeLimit | null;
  /** the last day it may last if applied now; null: no time limit */
  latestUntil: string | null;
  /** `list:<kind>` or `record:<severity>` */
  appliesVia: string[];
}

/** The part of a measure's degree the server enforces on feedback. */
export interface DegreeLimit {
  maxMonths?: number;
  withinListValidity?: boolean;
}

export interface CheckResult {
  id: string;
  matterCode: string;
  matterCaseId: string | null;
  purpose: string;
  checkedOn: string;
  subject: {
    id: string;
    kind: string;
    name: string;
    uscc: string | null;
    /** masked by the server; the full number is never sent */
    citizenIdMasked: string | null;
    regionCode: string | null;
    status: string;
  };
  listings: { own: PublicListing[]; asResponsiblePerson: PublicListing[] };
  /** list entries whose evidence is under objection: shown, their measures paused */
  pausedListings: string[];
  grade: { grade: string; scheme: string | null; ratedOn: string; validUntil: string | null; recordId: string } | null;
  records: {
    id: string;
    itemCode: string;
    departmentId: string;
    documentNumber: string;
    decisionDate: string;
    severity: string;
    underObjection: boolean;
  }[];
  measures: CheckMeasure[];
  treatment: Treatment;
  reason: string;
  feedbackDue: string | null;
}

export interface CheckFeedbackItem {
  measureCode: string;
  handling: FeedbackHandling;
  basis?: string;
  /** the last day an applied measure lasts (measures with a time limit) */
  until?: string;
  note?: string;
}

export interface CheckRow {
  id: string;
  subjectId: string;
  departmentId: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  matterCode: string;
  matterCaseId: string | null;
  purpose: string;
  result: CheckResult;
  treatment: string;
  feedbackDue: string | null;
  feedback: { applied: CheckFeedbackItem[]; by?: { kind: string; id: string | null; label: string } } | null;
  feedbackAt: string | null;
  flaggedAt: string | null;
  createdAt: string;
}

export interface CheckPage {
  total: number;
  page: number;
  pageSize: number;
  items: CheckRow[];
}

// --- 名单认定 (/lists), 措施清单 (/measures), 核查统计 (/checks/stats) ---

export type ListScope = 'national' | 'local';
/** sanction 惩戒类, incentive 激励类, watch 重点关注 */
export type ListKindKind = 'sanction' | 'incentive' | 'watch';

/** A list kind and its designation standard (认定标准), GET /lists/kinds. */
export interface ListKind {
  code: string;
  name: string;
  scope: ListScope;
  kind: ListKindKind;
  legalBasis: LegalBasis[];
  criteria: string;
  /** 措施提示, quoted in the decision document */
  description: string;
  validityMonths: number;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  statementWorkingDays: number;
  decisionWorkingDays: number;
  publicComment: { from: string; to: string; url: string; summary: string } | null;
  localRegulation: LegalBasis | null;
  createdAt: string;
  updatedAt: string;
}

export type EntryState = 'proposed' | 'noticed' | 'statement_received' | 'statement_expired' | 'decided' | 'published' | 'removed' | 'withdrawn' | 'rejected';
export type EntryAction = 'serve_notice' | 'record_statement' | 'expire_statement' | 'decide' | 'reject' | 'publish' | 'remove' | 'withdraw';
export type RemovalReason = 'expired' | 'repaired' | 'revoked' | 'error';

/** One designation procedure (GET /lists/entries items; the detail adds listKindName and events). */
export interface ListEntry {
  id: string;
  listKind: string;
  subjectId: string;
  subjectName: string;
  departmentId: string;
  state: EntryState;
  stateLabel: string;
  proposerId: string;
  reviewerId: string | null;
  evidence: { recordId: string; documentNumber: string; itemCode: string }[];
  reasons: string;
  legalBasis: LegalBasis[];
  /** 认定事先告知书 */
  notice: { text: string; served_at: string; served_on: string; statement_deadline: string; assumed_years?: number[] } | null;
  statement: { kind: 'received' | 'expired'; text: string | null; closed_on: string; decision_due: string } | null;
  /** 认定决定书 */
  decision: { number: string; text: string; decided_at: string; decided_on: string; valid_until: string; measure_hints: string } | null;
  publishedAt: string | null;
  removedAt: string | null;
  removal: { reason: RemovalReason; basis: string | null; document: { number: string; name: string } | null; removed_on: string } | null;
  ban: { sector: string; until: string } | null;
  validUntil: string | null;
  /** the steps the logged-in user may take now (date conditions are checked when the step is taken) */
  allowedActions: EntryAction[];
  createdAt: string;
  updatedAt: string;
}

export interface ListEntryEvent {
  seq: number;
  fromState: EntryState | null;
  toState: EntryState;
  /** a user id, or a label such as 系统 */
  actor: string;
  at: string;
  payload: Record<string, unknown> | null;
}

export interface ListEntryDetail extends ListEntry {
  listKindName: string;
  events: ListEntryEvent[];
  proposerName: string | null;
  reviewerName: string | null;
}

export interface ListEntryPage {
  total: number;
  page: number;
  pageSize: number;
  items: ListEntry[];
}

/** A subject's own records (GET /records?subjectId=; a department sees its own only). */
export interface SubjectRecordRow {
  id: string;
  subjectId: string;
  departmentId: string;
  itemCode: string;
  documentNumber: string;
  decisionDate: string;
  receivedAt: string;
  status: string;
  severity: string;
  currentVersion: number;
}

/** One measure of the measure list (GET /measures). */
export interface Measure {
  id: string;
  versionId: string;
  code: string;
  name: string;
  /** 1 减损权益或增加义务, 2 管理措施, 3 其他组织自主实施 */
  category: number;
  kind: 'sanction' | 'incentive';
  legalBasis: LegalBasis[];
  targets: { listKinds: string[]; recordSeverities?: string[] };
  /** department codes; null = every department */
  implementingDepartments: string[] | null;
  /** matter codes; null = every matter */
  matterTypes: string[] | null;
  degree: string;
  /** the part of the degree the server enforces on feedback; null: the text only */
  degreeLimit: DegreeLimit | null;
  scope: 'base' | 'supplement';
}

export interface MeasureVersion {
  id: string;
  number: number;
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface MeasureList {
  version: MeasureVersion | null;
  measures: Measure[];
}

/** GET /checks/stats?month=YYYY-MM */
export interface CheckStats {
  month: string;
  departments: { departmentId: string; checks: number; withFeedback: number; overdue: number; byTreatment: Record<string, number> }[];
}
