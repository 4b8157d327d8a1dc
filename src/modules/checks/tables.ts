import { pgTable, text, uuid, timestamp, jsonb, date, index } from 'drizzle-orm/pg-core';

export const TREATMENTS = ['green_channel', 'normal', 'caution', 'sanction'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const FEEDBACK_HANDLINGS = ['applied', 'not_applied', 'not_applicable'] as const;

/** One line of enforcement feedback (实施反馈): what the department did with one applicable measure. */
export interface FeedbackItem {
  measureCode: string;
  handling: (typeof FEEDBACK_HANDLINGS)[number];
  /** legal basis of the application; required when applied */
  basis?: string;
  /** the last day the applied measure lasts (required for a measure with a time limit; checked against its degree) */
  until?: string;
  note?: string;
}

export interface CheckFeedback {
  applied: FeedbackItem[];
  by: { kind: string; id: string | null; label: string };
}

/**
 * 信用核查: one look-up by a department before handling a matter, with its purpose and the full answer
 * as given, and the department's feedback (once, read-only afterwards). Distributed by subject_id.
 */
export const checks = pgTable(
  'checks',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    /** the administrative matter (权力事项) code */
    matterCode: text('matter_code').notNull(),
    /** the caller's own case id (办件编号) */
    matterCaseId: text('matter_case_id'),
    purpose: text('purpose').notNull(),
    /** the full answer as returned to the caller */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    treatment: text('treatment', { enum: TREATMENTS }).notNull(),
    /** last day for feedback (working days after the check); null when no feedback is due */
    feedbackDue: date('feedback_due', { mode: 'string' }),
    feedback: jsonb('feedback').$type<CheckFeedback>(),
    feedbackAt: timestamp('feedback_at', { withTimezone: true, mode: 'string' }),
    /** set by the daily sweep when the feedback is overdue (reported to the credit office) */
    flaggedAt: timestamp('flagged_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('checks_department_created_idx').on(t.departmentId, t.createdAt), index('checks_subject_idx').on(t.subjectId)],
);
