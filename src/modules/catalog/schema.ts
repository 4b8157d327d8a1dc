import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';

const FIELD_TYPES = ['string', 'text', 'date', 'decimal', 'integer', 'boolean', 'code', 'codes', 'uscc', 'citizen_id', 'identifier'] as const;
const SUBJECT_KINDS = ['legal_entity', 'individual_business', 'natural_person'] as const;
const SEVERITIES = ['none', 'minor', 'general', 'serious'] as const;

const PeriodSchema = Type.Object({ minMonths: Type.Integer({ minimum: 0, maximum: 120 }), maxMonths: Type.Integer({ minimum: 0, maximum: 120 }) }, Strict);

export const FieldDefSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: StringEnum(FIELD_TYPES),
    required: Type.Union([Type.Boolean(), Type.Literal('conditional')]),
    codeTable: Type.Optional(Type.String()),
    aliases: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    personal: Type.Optional(StringEnum(['citizen_id', 'phone', 'address', 'name'] as const)),
    publicVisible: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  Strict,
);

export const LegalBasisSchema = Type.Object({ document: Type.String({ minLength: 1, maxLength: 200 }), article: Type.Optional(Type.String({ maxLength: 100 })) }, Strict);

const itemProperties = {
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: '条目代码（小写字母、数字、下划线）' }),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  categoryCode: Type.String({ pattern: '^\\d{2}$' }),
  nature: StringEnum(['negative', 'positive', 'neutral'] as const),
  legalBasis: Type.Array(LegalBasisSchema, { maxItems: 20 }),
  fields: Type.Array(FieldDefSchema, { minItems: 1, maxItems: 100 }),
  documentNumberField: Type.String(),
  decisionDateField: Type.String(),
  subjectNameField: Type.String(),
  subjectIdentifierField: Type.String(),
  disclosureScope: StringEnum(['public', 'shared', 'authorised'] as const),
  defaultSeverity: StringEnum(SEVERITIES),
  disclosurePeriods: Type.Object(
    { minor: Type.Optional(PeriodSchema), general: Type.Optional(PeriodSchema), serious: Type.Optional(PeriodSchema), none: Type.Optional(Nullable(PeriodSchema)) },
    Strict,
  ),
  repairable: Type.Boolean(),
  submittingDepartments: Nullable(Type.Array(Type.String(), { maxItems: 200 })),
  subjectKinds: Type.Array(StringEnum(SUBJECT_KINDS), { minItems: 1 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
};

export const CatalogItemSchema = Type.Object({ id: Type.String(), versionId: Type.String(), kind: StringEnum(['base', 'supplement'] as const), ...itemProperties });

export const SupplementItemBody = Type.Object({ ...itemProperties, note: Type.String({ minLength: 2, maxLength: 500, description: '变更说明' }) }, Strict);

export const CatalogVersionSchema = Type.Object({ id: Type.String(), number: Type.Integer(), note: Type.String(), createdBy: Type.String(), createdAt: Type.String() });

export const CategorySchema = Type.Object({ code: Type.String(), name: Type.String(), ordinal: Type.Integer(), since: Type.String() });
