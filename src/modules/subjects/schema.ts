import { Type, type Static } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { RELATION_ROLES, SUBJECT_KINDS, SUBJECT_STATUSES } from './tables';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DateString = (description: string) => Type.String({ pattern: DATE_PATTERN, description: `${description}（YYYY-MM-DD）` });

export const SubjectKindSchema = StringEnum(SUBJECT_KINDS, {
  description: '主体类型：legal_entity 法人和非法人组织，individual_business 个体工商户，natural_person 自然人',
});
export const SubjectStatusSchema = StringEnum(SUBJECT_STATUSES, { description: '状态：存续、注销、吊销、死亡' });
export const RelationRoleSchema = StringEnum(RELATION_ROLES, {
  description: '关联角色：legal_representative 法定代表人，principal 主要负责人，controller 实际控制人',
});
export const PublicSubjectKindSchema = StringEnum(['legal_entity', 'individual_business'] as const, { description: '主体类型' });

const Page = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

// --- requests ------------------------------------------------------------------------------------

export const SubjectSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '统一社会信用代码、公民身份号码（精确）或名称中的至少2个字' })),
    kind: Type.Optional(SubjectKindSchema),
    ...Page,
  },
  Strict,
);

export const PublicSubjectSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, description: '名称中的至少2个字，或完整的18位统一社会信用代码' }),
    ...Page,
  },
  Strict,
);

export const NewSubjectBody = Type.Object(
  {
    kind: SubjectKindSchema,
    name: Type.String({ minLength: 1, maxLength: 200, description: '名称或姓名' }),
    uscc: Type.Optional(Nullable(Type.String({ maxLength: 32, description: `统一社会信用代码；未取得代码的个体工商户可填 00000000000000000X 并填写注册号` }))),
    orgCode: Type.Optional(Nullable(Type.String({ maxLength: 16, description: '组织机构代码；省略时取统一社会信用代码第9-17位' }))),
    registrationNo: Type.Optional(Nullable(Type.String({ maxLength: 32, description: '注册号' }))),
    citizenId: Type.Optional(Nullable(Type.String({ maxLength: 32, description: '公民身份号码（仅自然人；加密存储）' }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 32, description: '联系电话（加密存储）' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300, description: '住所或经营场所；自然人的住址加密存储' }))),
    regionCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{6}$', description: '行政区划代码；省略时由证件号码推出' }))),
    establishedOn: Type.Optional(Nullable(DateString('成立日期'))),
    status: Type.Optional(SubjectStatusSchema),
    fromAuthoritativeSource: Type.Optional(Type.Boolean({ description: '来自登记机关等权威来源：仅校验码错误的证件号码予以接收并标记' })),
  },
  Strict,
);

export const RenameBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: '新名称' }),
    validFrom: DateString('新名称启用日期'),
    source: Type.Optional(Nullable(Type.String({ maxLength: 200, description: '变更依据，如登记机关的变更通知' }))),
  },
  Strict,
);

export const NewRelationBody = Type.Object(
  {
    personId: Type.String({ format: 'uuid', description: '自然人主体的 id' }),
    role: RelationRoleSchema,
    validFrom: Type.Optional(Nullable(DateString('任职起始日期'))),
  },
  Strict,
);

export const EndRelationBody = Type.Object({ validTo: DateString('任职结束日期') }, Strict);

export const RelationParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), relationId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const PersonalDataBody = Type.Object(
  { purpose: Type.String({ minLength: 2, maxLength: 200, description: '查询用途（写入查询使用登记）' }) },
  Strict,
);

// --- responses -----------------------------------------------------------------------------------

export const SubjectSchema = Type.Object(
  {
    id: Type.String(),
    kind: SubjectKindSchema,
    name: Type.String(),
    uscc: Nullable(Type.String()),
    orgCode: Nullable(Type.String()),
    registrationNo: Nullable(Type.String()),
    citizenIdMasked: Nullable(Type.String({ description: '脱敏的公民身份号码' })),
    address: Nullable(Type.String({ description: '组织的登记住所；自然人恒为 null' })),
    regionCode: Nullable(Type.String()),
    status: SubjectStatusSchema,
    establishedOn: Nullable(Type.String()),
    identifierFlags: Type.Array(Type.String(), { description: '权威来源接收时保留的证件问题标记' }),
  },
);

export const SubjectNameSchema = Type.Object({
  name: Type.String(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String({ description: '不含当日；null 表示现用名' })),
  source: Nullable(Type.String()),
});

export const RelatedPersonSchema = Type.Object({
  id: Type.String(),
  role: RelationRoleSchema,
  personId: Type.String(),
  personName: Type.String(),
  citizenIdMasked: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
});

export const SubjectDetailSchema = Type.Object(
  {
    id: Type.String(),
    kind: SubjectKindSchema,
    name: Type.String(),
    uscc: Nullable(Type.String()),
    orgCode: Nullable(Type.String()),
    registrationNo: Nullable(Type.String()),
    citizenIdMasked: Nullable(Type.String()),
    address: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    status: SubjectStatusSchema,
    establishedOn: Nullable(Type.String()),
    identifierFlags: Type.Array(Type.String()),
    names: Type.Array(SubjectNameSchema),
    relations: Type.Array(RelatedPersonSchema),
  },
);

export const RelationSchema = Type.Object(
  {
    id: Type.String(),
    subjectId: Type.String(),
    personId: Type.String(),
    role: RelationRoleSchema,
    validFrom: Nullable(Type.String()),
    validTo: Nullable(Type.String()),
  },
);

export const SubjectListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: SubjectKindSchema,
      name: Type.String(),
      uscc: Nullable(Type.String()),
      registrationNo: Nullable(Type.String()),
      citizenIdMasked: Nullable(Type.String()),
      regionCode: Nullable(Type.String()),
      status: SubjectStatusSchema,
    }),
  ),
  total: Type.Integer(),
});

export const PersonalDataSchema = Type.Object({
  citizenId: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Nullable(Type.String()),
});

export const PublicSubjectListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: PublicSubjectKindSchema,
      name: Type.String(),
      uscc: Nullable(Type.String()),
      regionName: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
});

export const PublicSubjectSchema = Type.Object(
  {
    id: Type.String(),
    kind: PublicSubjectKindSchema,
    name: Type.String(),
    uscc: Nullable(Type.String({ description: '未取得统一社会信用代码的个体工商户为 null' })),
    registrationNo: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    regionName: Nullable(Type.String()),
    status: SubjectStatusSchema,
    establishedOn: Nullable(Type.String()),
  },
);

export type NewSubjectRequest = Static<typeof NewSubjectBody>;
export type SubjectResponse = Static<typeof SubjectSchema>;
export type SubjectDetailResponse = Static<typeof SubjectDetailSchema>;
