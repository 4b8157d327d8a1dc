import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { ENTRY_STATES, LIST_KIND_KINDS, LIST_SCOPES, REMOVAL_REASONS } from './tables';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DateString = (description: string) => Type.String({ pattern: DATE_PATTERN, description: `${description}（YYYY-MM-DD）` });
const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });
const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数（1-100）' })),
};
const Json = Type.Record(Type.String(), Type.Any());

// --- list kinds ------------------------------------------------------------------------------------

const LegalBasisSchema = Type.Object({ document: Text('文件名称（含文号）', 500), article: Type.Optional(Type.String({ maxLength: 200, description: '条款' })) }, Strict);

const KindFields = {
  name: Text('名单名称', 100),
  scope: StringEnum(LIST_SCOPES, { description: '适用范围：national 全国统一，local 仅本地实施' }),
  kind: StringEnum(LIST_KIND_KINDS, { description: '名单性质：sanction 惩戒，incentive 激励，watch 重点关注' }),
  legalBasis: Type.Array(LegalBasisSchema, { minItems: 1, maxItems: 20, description: '认定依据（法律、行政法规、党中央国务院政策文件或部门规章）' }),
  criteria: Text('认定标准', 5000),
  description: Type.Optional(Type.String({ maxLength: 5000, description: '措施提示（写入认定决定书）' })),
  validityMonths: Type.Integer({ minimum: 1, maximum: 120, description: '名单有效期（月）' }),
  removalConditions: Text('移出条件', 5000),
  removalProcedure: Text('移出程序', 5000),
  remedies: Text('救济措施', 5000),
  statementWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: '陈述申辩期限（工作日，默认 5）' })),
  decisionWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: '陈述申辩结束后作出决定的期限（工作日，默认 15）' })),
  publicComment: Type.Optional(
    Nullable(
      Type.Object(
        { from: DateString('征求意见起始日期'), to: DateString('征求意见截止日期'), url: Text('征求意见公告网址', 500), summary: Text('征求意见情况', 5000) },
        { ...Strict, description: '公开征求意见记录（本地名单必填，不少于 30 日）' },
      ),
    ),
  ),
  localRegulation: Type.Optional(Nullable(Type.Object({ document: Text('地方性法规名称', 500), article: Type.Optional(Type.String({ maxLength: 200 })) }, { ...Strict, description: '地方性法规依据（本地名单必填）' }))),
};

export const NewListKindBody = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: '名单类型代码' }), ...KindFields }, Strict);
export const ListKindPatchBody = Type.Partial(Type.Object(KindFields, Strict));
export const KindParams = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$' }) }, Strict);
export const PublicKindParams = Type.Object({ kind: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: '名单类型代码' }) }, Strict);

export const ListKindSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  scope: Type.String(),
  kind: Type.String(),
  legalBasis: Type.Array(Type.Object({ document: Type.String(), article: Type.Optional(Type.String()) })),
  criteria: Type.String(),
  description: Type.String(),
  validityMonths: Type.Integer(),
  removalConditions: Type.String(),
  removalProcedure: Type.String(),
  remedies: Type.String(),
  statementWorkingDays: Type.Integer(),
  decisionWorkingDays: Type.Integer(),
  publicComment: Nullable(Json),
  localRegulation: Nullable(Json),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

// --- entries ---------------------------------------------------------------------------------------

export const ProposeBody = Type.Object(
  {
    subjectId: Type.String({ format: 'uuid', description: '被认定主体' }),
    listKind: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: '名单类型代码' }),
    evidence: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, description: '认定所依据的本部门信用记录（生效文书）' }),
    reasons: Text('认定事由', 5000),
  },
  Strict,
);
export const StatementBody = Type.Object({ text: Text('陈述申辩内容（或摘要）', 20000) }, Strict);
export const DecideBody = Type.Object(
  {
    documentNumber: Text('认定决定书文号', 100),
    measureHints: Type.Optional(Type.String({ maxLength: 5000, description: '措施提示（省略则取名单类型的措施说明）' })),
    ban: Type.Optional(Nullable(Type.Object({ sector: Text('重点领域', 50), until: DateString('禁入期限至') }, { ...Strict, description: '市场和行业禁入' }))),
  },
  Strict,
);
export const ReasonBody = Type.Object({ reason: Text('理由', 5000) }, Strict);
export const RemoveBody = Type.Object(
  {
    reason: StringEnum(REMOVAL_REASONS, { description: 'expired 有效期届满，repaired 信用修复提前移出，revoked 撤销认定，error 认定错误' }),
    basis: Type.Optional(Type.String({ maxLength: 5000, description: '移出依据（修复、撤销、错误须填写）' })),
    document: Type.Optional(Type.Object({ number: Text('文号', 100), name: Text('文书名称', 200) }, { ...Strict, description: '移出（撤销）决定文书' })),
  },
  Strict,
);
export const EntryQuerySchema = Type.Object(
  {
    state: Type.Optional(StringEnum(ENTRY_STATES, { description: '办理状态' })),
    kind: Type.Optional(Type.String({ maxLength: 64, description: '名单类型代码' })),
    subjectId: Type.Optional(Type.String({ format: 'uuid' })),
    ...PageQuery,
  },
  Strict,
);
export const PublicListQuery = Type.Object(PageQuery, Strict);

const EntryCore = {
  id: Type.String(),
  listKind: Type.String(),
  subjectId: Type.String(),
  subjectName: Type.String(),
  departmentId: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  proposerId: Type.String(),
  reviewerId: Nullable(Type.String()),
  evidence: Type.Array(Type.Object({ recordId: Type.String(), documentNumber: Type.String(), itemCode: Type.String() })),
  reasons: Type.String(),
  legalBasis: Type.Array(Type.Object({ document: Type.String(), article: Type.Optional(Type.String()) })),
  notice: Nullable(Json),
  statement: Nullable(Json),
  decision: Nullable(Json),
  publishedAt: Nullable(Type.String()),
  removedAt: Nullable(Type.String()),
  removal: Nullable(Json),
  ban: Nullable(Json),
  validUntil: Nullable(Type.String()),
  allowedActions: Type.Array(Type.String(), { description: '当前用户可办理的下一步' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const EntrySchema = Type.Object({
  ...EntryCore,
  listKindName: Type.String(),
  proposerName: Nullable(Type.String({ description: '认定申请经办人' })),
  reviewerName: Nullable(Type.String({ description: '作出决定（或不予认定）的审核人' })),
  events: Type.Array(
    Type.Object({ seq: Type.Integer(), fromState: Nullable(Type.String()), toState: Type.String(), actor: Type.String(), at: Type.String(), payload: Nullable(Json) }),
  ),
});
export const EntryListSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(Type.Object(EntryCore)) });

const PublicListingFields = {
  entryId: Type.String(),
  listKind: Type.String(),
  listKindName: Type.String({ description: '名单类型' }),
  subjectId: Type.String(),
  subjectName: Type.String({ description: '主体名称' }),
  uscc: Nullable(Type.String({ description: '统一社会信用代码（自然人不公示证件号码）' })),
  decisionNumber: Type.String({ description: '认定决定书文号' }),
  decidedOn: Type.String({ description: '列入日期' }),
  publishedAt: Type.String(),
  validUntil: Type.String({ description: '有效期至' }),
  reasons: Type.String({ description: '列入事由' }),
  ban: Nullable(Type.Object({ sector: Type.String(), until: Type.String() })),
};
export const PublicListSchema = Type.Object({
  listKind: Type.String(),
  listKindName: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Type.Object(PublicListingFields)),
});
export const ListingsSchema = Type.Object({
  own: Type.Array(Type.Object(PublicListingFields)),
  asResponsiblePerson: Type.Array(Type.Object({ ...PublicListingFields, role: Type.String({ description: '担任的职务：legal_representative / principal / controller' }) })),
});
