import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { FEEDBACK_HANDLINGS, TREATMENTS } from './tables';

const Text = (description: string, maxLength = 500) => Type.String({ minLength: 1, maxLength, description });
const Json = Type.Record(Type.String(), Type.Any());
const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数（1-100）' })),
};

export const SubjectRefSchema = Type.Object(
  {
    uscc: Type.Optional(Type.String({ maxLength: 18, description: '统一社会信用代码' })),
    citizenId: Type.Optional(Type.String({ maxLength: 18, description: '公民身份号码（按查询用途记入查询使用登记）' })),
    name: Type.Optional(Type.String({ maxLength: 200, description: '完整名称（须唯一对应一个主体）' })),
  },
  { ...Strict, description: '核查对象：统一社会信用代码、公民身份号码或完整名称，至少一项' },
);

const CheckFields = {
  matterCode: Text('行政事项代码（权力事项编码，或 government_procurement、bidding 等事项类型）', 64),
  matterCaseId: Type.Optional(Type.String({ maxLength: 128, description: '本部门业务系统的办件编号' })),
  purpose: Text('核查用途', 500),
};

export const CheckBody = Type.Object({ subject: SubjectRefSchema, ...CheckFields }, Strict);
export const BatchCheckBody = Type.Object(
  {
    subjects: Type.Array(SubjectRefSchema, { minItems: 1, maxItems: 1000, description: '核查对象（最多 1000 个）' }),
    ...CheckFields,
    biddingRule: Type.Optional(Type.Boolean({ description: '适用招标投标信用准入规则（不低于 BBB 级，信用分值不低于 8%）' })),
  },
  Strict,
);

export const FeedbackBody = Type.Object(
  {
    applied: Type.Array(
      Type.Object(
        {
          measureCode: Text('措施代码', 64),
          handling: StringEnum(FEEDBACK_HANDLINGS, { description: 'applied 已实施，not_applied 未实施，not_applicable 不适用' }),
          basis: Type.Optional(Type.String({ maxLength: 1000, description: '实施依据（已实施的必填）' })),
          until: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '实施截止日期（有期限的措施必填，不得超过清单规定的幅度）' })),
          note: Type.Optional(Type.String({ maxLength: 2000, description: '说明' })),
        },
        Strict,
      ),
      { maxItems: 100 },
    ),
  },
  Strict,
);

export const CheckResultSchema = Type.Object({
  id: Type.String(),
  matterCode: Type.String(),
  matterCaseId: Nullable(Type.String()),
  purpose: Type.String(),
  checkedOn: Type.String(),
  subject: Type.Object({
    id: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    uscc: Nullable(Type.String()),
    citizenIdMasked: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    status: Type.String(),
  }),
  listings: Type.Object({ own: Type.Array(Json), asResponsiblePerson: Type.Array(Json) }),
  pausedListings: Type.Array(Type.String(), { description: '认定依据的记录处于异议核查中的名单（展示但暂停惩戒）' }),
  grade: Nullable(Json),
  records: Type.Array(Json),
  measures: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      category: Type.Integer(),
      legalBasis: Type.Array(Type.Object({ document: Type.String(), article: Type.Optional(Type.String()) })),
      degree: Type.String(),
      degreeLimit: Nullable(Type.Object({ maxMonths: Type.Optional(Type.Integer()), withinListValidity: Type.Optional(Type.Boolean()) })),
      latestUntil: Nullable(Type.String({ description: '现在实施时最迟可至的日期（清单规定的幅度）；null 为无期限' })),
      appliesVia: Type.Array(Type.String()),
    }),
  ),
  treatment: StringEnum(TREATMENTS),
  reason: Type.String(),
  feedbackDue: Nullable(Type.String()),
});

export const BatchResultSchema = Type.Object({
  matterCode: Type.String(),
  total: Type.Integer(),
  found: Type.Integer(),
  bidding: Nullable(Type.Object({ minimumGrade: Type.String(), creditWeightPercent: Type.Number() })),
  items: Type.Array(
    Type.Object({
      index: Type.Integer(),
      ok: Type.Boolean(),
      check: Type.Optional(CheckResultSchema),
      eligible: Type.Optional(Type.Boolean()),
      ineligibleReason: Type.Optional(Nullable(Type.String())),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

export const CheckRowSchema = Type.Object({
  id: Type.String(),
  subjectId: Type.String(),
  departmentId: Type.String(),
  actorKind: Type.String(),
  actorId: Nullable(Type.String()),
  actorLabel: Type.String(),
  matterCode: Type.String(),
  matterCaseId: Nullable(Type.String()),
  purpose: Type.String(),
  result: CheckResultSchema,
  treatment: Type.String(),
  feedbackDue: Nullable(Type.String()),
  feedback: Nullable(Json),
  feedbackAt: Nullable(Type.String()),
  flaggedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const CheckPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(CheckRowSchema) });
export const CheckPageQuery = Type.Object(PageQuery, Strict);
export const StatsQuery = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份（YYYY-MM）' }) }, Strict);
export const StatsSchema = Type.Object({
  month: Type.String(),
  departments: Type.Array(
    Type.Object({ departmentId: Type.String(), checks: Type.Integer(), withFeedback: Type.Integer(), overdue: Type.Integer(), byTreatment: Type.Record(Type.String(), Type.Integer()) }),
  ),
});
