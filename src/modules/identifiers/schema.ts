import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CodeNameSchema = Type.Object({ code: Type.String(), name: Type.String() });

export const ProblemCodeSchema = Type.Union([
  Type.Literal('length'),
  Type.Literal('charset'),
  Type.Literal('checksum'),
  Type.Literal('region'),
  Type.Literal('birth_date'),
  Type.Literal('authority'),
  Type.Literal('category'),
  Type.Literal('org_code'),
  Type.Literal('unknown_type'),
]);

export const ProblemSchema = Type.Object({
  code: ProblemCodeSchema,
  message: Type.String({ description: '问题说明（中文）' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
});

export const RegionInfoSchema = Type.Object({
  code: Type.String({ description: 'GB/T 2260 行政区划代码' }),
  province: Nullable(CodeNameSchema),
  city: Nullable(CodeNameSchema),
  county: Nullable(CodeNameSchema),
  known: Type.Boolean({ description: '是否在现行区划代码中' }),
});

export const UsccDetailsSchema = Type.Object(
  {
    authority: Nullable(CodeNameSchema),
    category: Nullable(CodeNameSchema),
    orgCode: Type.String({ description: '第9-17位主体标识码（组织机构代码）' }),
  },
  { additionalProperties: false },
);

export const CitizenIdDetailsSchema = Type.Object(
  {
    birthDate: Type.String({ description: 'YYYY-MM-DD，按号码中的出生日期码原样给出' }),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    legacy: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);

export const EmptyDetailsSchema = Type.Object({}, { additionalProperties: false });

export const IdentifierTypeSchema = Type.Union([Type.Literal('uscc'), Type.Literal('citizen_id'), Type.Literal('org_code')]);

export const IdentifierCheckSchema = Type.Object(
  {
    type: Nullable(IdentifierTypeSchema),
    valid: Type.Boolean({ description: '没有 error 级问题时为 true' }),
    problems: Type.Array(ProblemSchema),
    region: Nullable(RegionInfoSchema),
    normalized: Type.String(),
    details: Type.Union([UsccDetailsSchema, CitizenIdDetailsSchema, EmptyDetailsSchema]),
  },
);

export const IdentifierParamsSchema = Type.Object({
  value: Type.String({ minLength: 1, description: '统一社会信用代码、公民身份号码或组织机构代码' }),
});

export type CodeName = Static<typeof CodeNameSchema>;
export type ProblemCode = Static<typeof ProblemCodeSchema>;
export type Problem = Static<typeof ProblemSchema>;
export type RegionInfo = Static<typeof RegionInfoSchema>;
export type UsccDetails = Static<typeof UsccDetailsSchema>;
export type CitizenIdDetails = Static<typeof CitizenIdDetailsSchema>;
export type EmptyDetails = Static<typeof EmptyDetailsSchema>;
export type IdentifierDetails = UsccDetails | CitizenIdDetails | EmptyDetails;
export type IdentifierType = Static<typeof IdentifierTypeSchema>;
export type IdentifierCheck = Static<typeof IdentifierCheckSchema>;

/** What a single-type validator finds; check.ts adds type, normalized and valid. */
export interface ValidationParts {
  problems: Problem[];
  region: RegionInfo | null;
  details: IdentifierDetails;
}

export function makeProblem(code: ProblemCode, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { code, message, severity };
}
