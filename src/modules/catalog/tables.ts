import { pgTable, text, uuid, timestamp, integer, jsonb, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DisclosurePeriods, FieldDef, LegalBasis, SubjectKind } from './types';

/** Every change to the catalog creates a new version; items are immutable rows of one version. */
export const catalogVersions = pgTable('catalog_versions', {
  id: uuid('id').primaryKey(),
  number: integer('number').notNull().unique(),
  note: text('note').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull().references(() => catalogVersions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    categoryCode: text('category_code').notNull(),
    kind: text('kind', { enum: ['base', 'supplement'] }).notNull(),
    nature: text('nature', { enum: ['negative', 'positive', 'neutral'] }).notNull(),
    legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull(),
    fields: jsonb('fields').$type<FieldDef[]>().notNull(),
    documentNumberField: text('document_number_field').notNull(),
    decisionDateField: text('decision_date_field').notNull(),
    subjectNameField: text('subject_name_field').notNull(),
    subjectIdentifierField: text('subject_identifier_field').notNull(),
    disclosureScope: text('disclosure_scope', { enum: ['public', 'shared', 'authorised'] }).notNull(),
    defaultSeverity: text('default_severity', { enum: ['none', 'minor', 'general', 'serious'] }).notNull(),
    disclosurePeriods: jsonb('disclosure_periods').$type<DisclosurePeriods>().notNull(),
    repairable: boolean('repairable').notNull(),
    submittingDepartments: jsonb('submitting_departments').$type<string[] | null>(),
    subjectKinds: jsonb('subject_kinds').$type<SubjectKind[]>().notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('catalog_items_version_code_uq').on(t.versionId, t.code), index('catalog_items_code_idx').on(t.code)],
);
