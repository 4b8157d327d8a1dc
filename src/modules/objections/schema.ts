import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { OBJECTION_CHANNELS, OBJECTION_OUTCOMES, OBJECTION_STATES, UPHELD_ACTIONS } from './tables';

const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });
const Json = Type.Record(Type.String(), Type.Any());

export const SubmitBody = Type.Object(
  {
    recordId: Type.String({ format: 'uuid', description: '提出异议的信用记录' }),
    reasons: Text('异议理由：认为信息有误的内容及依据', 5000),
    evidence: Type.Optional(Type.String({ maxLength: 5000, description: '证明材料说明' })),
    applicantName: Type.Optional(Type.String({ maxLength: 200, description: '申请人姓名或名称（信用办代为登记时必填）' })),
    channel: Type.Optional(StringEnum(OBJECTION_CHANNELS, { description: '受理渠道：online 网上，counter 窗口，letter 信函，phone 电话，forwarded 信用中国转办' })),
  },
  Strict,
);
export const NoteBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000, description: '受理意见' })) }, Strict);
export const ReasonBody = Type.Object({ reason: Text('理由', 2000) }, Strict);
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000, description: '撤回理由' })) }, Strict);
export const ExtendBody = Type.Object({ reason: Text('延期理由', 2000), workingDays: Type.Integer({ minimum: 1, maximum: 60, description: '延长的工作日数' }) }, Strict);
export const ConcludeBody = Type.Object(
  {
    result: StringEnum(OBJECTION_OUTCOMES, { description: 'upheld 异议成立，dismissed 不成立，undetermined 无法核实' }),
    explanation: Text('核查情况说明', 5000),
    action: Type.Optional(StringEnum(UPHELD_ACTIONS, { description: '异议成立时：corrected 已提交更正版本，revoked 撤销该记录' })),
  },
  Strict,
);
export const ObjectionQuerySchema = Type.Object(
  {
    state: Type.Optional(StringEnum(OBJECTION_STATES, { description: '办理状态' })),
    recordId: Type.Optional(Type.String({ format: 'uuid', description: '只看某条信用记录的异议' })),
    overdue: Type.Optional(Type.Boolean({ description: '只看已超过受理或核查期限的' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  Strict,
);

const ObjectionCore = {
  id: Type.String(),
  recordId: Type.String(),
  subjectId: Type.String(),
  subjectName: Type.String(),
  departmentId: Type.String(),
  recordVersion: Type.Integer(),
  state: StringEnum(OBJECTION_STATES),
  stateLabel: Type.String(),
  applicant: Json,
  reasons: Type.String(),
  evidence: Nullable(Type.String()),
  submittedOn: Type.String(),
  acceptDue: Type.String(),
  acceptance: Nullable(Json),
  verifyDue: Nullable(Type.String()),
  extension: Nullable(Json),
  outcome: Nullable(Json),
  due: Nullable(Type.String({ description: '当前步骤的办理期限' })),
  overdue: Type.Boolean(),
  allowedActions: Type.Array(Type.String(), { description: '当前用户可办理的下一步' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const ObjectionListSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(Type.Object(ObjectionCore)) });
export const ObjectionSchema = Type.Object({
  ...ObjectionCore,
  record: Type.Object({
    itemCode: Type.String(),
    itemName: Type.String(),
    documentNumber: Type.String(),
    decisionDate: Type.String(),
    status: Type.String(),
    currentVersion: Type.Integer(),
    departmentName: Type.String(),
  }),
  events: Type.Array(Type.Object({ seq: Type.Integer(), fromState: Nullable(Type.String()), toState: Type.String(), actor: Type.String(), at: Type.String(), payload: Nullable(Json) })),
});
