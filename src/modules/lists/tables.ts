import { pgTable, text, uuid, timestamp, integer, jsonb, date, index, primaryKey } from 'drizzle-orm/pg-core';

export const LIST_SCOPES = ['national', 'local'] as const;
/** sanction = 惩戒类 (严重失信主体名单), incentive = 激励类 (守信激励对象), watch = 重点关注 */
export const LIST_KIND_KINDS = ['sanction', 'incentive', 'watch'] as const;
export const ENTRY_STATES = ['proposed', 'noticed', 'statement_received', 'statement_expired', 'decided', 'published', 'removed', 'withdrawn', 'rejected'] as const;
export const REMOVAL_REASONS = ['expired', 'repaired', 'revoked', 'error'] as const;

export interface ListLegalBasis {
  /** document name, e.g. 《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号） */
  document: string;
  /** article, e.g. （八） */
  article?: string;
}

/** the public consultation on a local designation standard (公开征求意见, at least 30 days) */
export interface PublicComment {
  from: string;
  to: string;
  url: string;
  summary: string;
}

/** the local regulation (地方性法规) a local list rests on */
export interface LocalRegulation {
  document: string;
  article?: string;
}

export interface EvidenceItem {
  recordId: string;
  documentNumber: string;
  itemCode: string;
}

/** the prior notice (告知书) served before the decision */
export interface NoticeDocument {
  text: string;
  served_at: string;
  /** 'YYYY-MM-DD' day of service: the statement period counts from the next working day */
  served_on: string;
  /** 'YYYY-MM-DD', last day for statement and defence (working days from the serving date) */
  statement_deadline: string;
  /** years on the way whose holidays are not yet confirmed (deadline computed with Monday–Friday) */
  assumed_years?: number[];
}

/** how the statement period closed: a statement arrived, or the period ran out */
export interface StatementRecord {
  kind: 'received' | 'expired';
  text: string | null;
  /** 'YYYY-MM-DD' the statement arrived or the period was recorded as expired */
  closed_on: string;
  /** 'YYYY-MM-DD' by which the reviewer should decide (working days, list kind's decision_working_days) */
  decision_due: string;
}

/** the designation decision (认定决定书) */
export interface DecisionDocument {
  number: string;
  text: string;
  decided_at: string;
  /** 'YYYY-MM-DD' decision date */
  decided_on: string;
  /** 'YYYY-MM-DD' last day of validity */
  valid_until: string;
  measure_hints: string;
}

export interface RemovalRecord {
  reason: (typeof REMOVAL_REASONS)[number];
  basis: string | null;
  document: { number: string; name: string } | null;
  removed_on: string;
}

export interface BanRecord {
  sector: string;
  until: string;
}

/**
 * The kinds of list and their designation standard (认定标准): legal basis, criteria, validity, removal
 * conditions/procedure and remedies. National kinds are seeded; the credit office adds local kinds only
 * with a local regulation and a public consultation of at least 30 days (seed 004 (八)).
 */
export const listKinds = pgTable('list_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope', { enum: LIST_SCOPES }).notNull(),
  kind: text('kind', { enum: LIST_KIND_KINDS }).notNull(),
  legalBasis: jsonb('legal_basis').$type<ListLegalBasis[]>().notNull(),
  criteria: text('criteria').notNull(),
  /** what the list entails (惩戒/激励措施提示), quoted in the decision document */
  description: text('description').notNull().default(''),
  validityMonths: integer('validity_months').notNull(),
  removalConditions: text('removal_conditions').notNull(),
  removalProcedure: text('removal_procedure').notNull(),
  remedies: text('remedies').notNull(),
  /** working days the subject has for statement and defence after the notice [U: configurable] */
  statementWorkingDays: integer('statement_working_days').notNull().default(5),
  /** working days the reviewer has to decide once the statement period closed */
  decisionWorkingDays: integer('decision_working_days').notNull().default(15),
  publicComment: jsonb('public_comment').$type<PublicComment>(),
  localRegulation: jsonb('local_regulation').$type<LocalRegulation>(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** One designation procedure for one subject on one list, from proposal to removal. */
export const listEntries = pgTable(
  'list_entries',
  {
    id: uuid('id').primaryKey(),
    listKind: text('list_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    state: text('state', { enum: ENTRY_STATES }).notNull(),
    proposerId: text('proposer_id').notNull(),
    reviewerId: text('reviewer_id'),
    evidence: jsonb('evidence').$type<EvidenceItem[]>().notNull(),
    reasons: text('reasons').notNull(),
    legalBasis: jsonb('legal_basis').$type<ListLegalBasis[]>().notNull(),
    notice: jsonb('notice').$type<NoticeDocument>(),
    statement: jsonb('statement').$type<StatementRecord>(),
    decision: jsonb('decision').$type<DecisionDocument>(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'string' }),
    removal: jsonb('removal').$type<RemovalRecord>(),
    /** market or industry ban in a key sector (seed 000 (十四)), time-limited */
    ban: jsonb('ban').$type<BanRecord>(),
    /** decision valid_until as a column, for the public list and the expiry sweep */
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('list_entries_subject_idx').on(t.subjectId), index('list_entries_kind_state_idx').on(t.listKind, t.state)],
);

/** The procedure's own history (besides the audit chain): one row per transition, numbered per entry. */
export const listEntryEvents = pgTable(
  'list_entry_events',
  {
    entryId: uuid('entry_id').notNull(),
    seq: integer('seq').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.seq] })],
);
