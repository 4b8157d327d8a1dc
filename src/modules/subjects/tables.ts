import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';

export const SUBJECT_KINDS = ['legal_entity', 'individual_business', 'natural_person'] as const;
export const SUBJECT_STATUSES = ['active', 'deregistered', 'revoked', 'deceased'] as const;

export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: SUBJECT_KINDS }).notNull(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    orgCode: text('org_code'),
    registrationNo: text('registration_no'),
    /** natural persons: SM4-encrypted citizen ID, its HMAC-SM3 for equality look-ups, and the masked form */
    citizenIdEnc: text('citizen_id_enc'),
    citizenIdHash: text('citizen_id_hash'),
    citizenIdMasked: text('citizen_id_masked'),
    phoneEnc: text('phone_enc'),
    addressEnc: text('address_enc'),
    /** legal entities: the registered address is public business information */
    address: text('address'),
    regionCode: text('region_code'),
    /** identifier problems accepted from an authoritative source, e.g. `uscc:checksum_failed_authoritative` */
    identifierFlags: text('identifier_flags').array(),
    status: text('status', { enum: SUBJECT_STATUSES }).notNull().default('active'),
    establishedOn: date('established_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subjects_uscc_uq').on(t.uscc).where(sql`${t.uscc} is not null`),
    uniqueIndex('subjects_citizen_id_hash_uq').on(t.citizenIdHash).where(sql`${t.citizenIdHash} is not null`),
    index('subjects_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // 2-character search: GIN on subject_name_bigrams(name), created by a custom migration with its
    // function (see name-bigrams.ts), not declared here; so is the prefix search's btree on
    // (lower(name) collate "C"), subjects_name_prefix_idx (see searchByName in repository.ts)
    index('subjects_kind_idx').on(t.kind),
  ],
);

/** Name history: a subject keeps every name it was known by, with the period it was used. */
export const subjectNames = pgTable(
  'subject_names',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('subject_names_subject_idx').on(t.subjectId)],
);

export const RELATION_ROLES = ['legal_representative', 'principal', 'controller'] as const;

/** Persons tied to a subject (法定代表人 / 主要负责人 / 实际控制人), who may carry personal accountability. */
export const subjectRelations = pgTable(
  'subject_relations',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    personId: uuid('person_id').notNull().references(() => subjects.id),
    role: text('role', { enum: RELATION_ROLES }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('subject_relations_subject_idx').on(t.subjectId), index('subject_relations_person_idx').on(t.personId)],
);
