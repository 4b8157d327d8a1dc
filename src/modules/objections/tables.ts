import { pgTable, text, uuid, timestamp, integer, jsonb, date, index, primaryKey } from 'drizzle-orm/pg-core';

export const OBJECTION_STATES = ['submitted', 'verifying', 'not_accepted', 'upheld', 'dismissed', 'undetermined', 'withdrawn'] as const;
export const OBJECTION_CHANNELS = ['online', 'counter', 'letter', 'phone', 'forwarded'] as const;
export const OBJECTION_OUTCOMES = ['upheld', 'dismissed', 'undetermined'] as const;
/** what the source department did with the record when the objection is upheld */
export const UPHELD_ACTIONS = ['corrected', 'revoked'] as const;

export interface ObjectionApplicant {
  /** 'subject' = the subject's own account; 'staff' = registered by the credit office for the applicant */
  kind: 'subject' | 'staff';
  name: string;
  channel: (typeof OBJECTION_CHANNELS)[number];
}

export interface AcceptanceRecord {
  accepted: boolean;
  on: string;
  by: string;
  /** why not accepted, or a note on acceptance */
  reason?: string;
}

export interface OutcomeRecord {
  result: (typeof OBJECTION_OUTCOMES)[number];
  on: string;
  by: string;
  explanation: string;
  /** for an upheld objection: how the record was put right, and the version that did it */
  action?: (typeof UPHELD_ACTIONS)[number];
  recordVersion?: number;
}

export interface ExtensionRecord {
  on: string;
  by: string;
  reason: string;
  workingDays: number;
  previousDue: string;
}

/**
 * 异议: a subject's challenge to one record. While it is being verified (state `verifying`) the record is
 * under objection: it is annotated and the measures it would trigger are paused (REFERENCE §8.1).
 */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** the record's source department, which verifies it */
    departmentId: uuid('department_id').notNull(),
    /** the record version the objection is about */
    recordVersion: integer('record_version').notNull(),
    state: text('state', { enum: OBJECTION_STATES }).notNull(),
    applicant: jsonb('applicant').$type<ObjectionApplicant>().notNull(),
    reasons: text('reasons').notNull(),
    /** what the applicant says is wrong and what it should be, with the materials offered */
    evidence: text('evidence'),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** last day for the credit office to decide on acceptance (working days after submission) */
    acceptDue: date('accept_due', { mode: 'string' }).notNull(),
    acceptance: jsonb('acceptance').$type<AcceptanceRecord>(),
    /** last day for the source department's verification (working days after acceptance) */
    verifyDue: date('verify_due', { mode: 'string' }),
    extension: jsonb('extension').$type<ExtensionRecord>(),
    outcome: jsonb('outcome').$type<OutcomeRecord>(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('objections_record_idx').on(t.recordId, t.state),
    index('objections_department_idx').on(t.departmentId, t.state, t.updatedAt),
    index('objections_subject_idx').on(t.subjectId),
  ],
);

/** The procedure's history: one row per step, numbered per objection. */
export const objectionEvents = pgTable(
  'objection_events',
  {
    objectionId: uuid('objection_id').notNull(),
    seq: integer('seq').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.objectionId, t.seq] })],
);
