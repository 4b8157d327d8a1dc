import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { MEASURE_KINDS, MEASURE_SCOPES, TARGET_SEVERITIES } from './tables';

const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });

export const MeasureLegalBasisSchema = Type.Object({ document: Text('文件名称（含文号）', 500), article: Type.Optional(Type.String({ maxLength: 200, description: '条款' })) }, Strict);

const DegreeLimitSchema = Type.Object(
  {
    maxMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: '自核查之日起最长实施月数' })),
    withinListValidity: Type.Optional(Type.Boolean({ description: '不得超过所依据名单的有效期' })),
  },
  { ...Strict, description: '由系统校验的实施幅度（实施反馈时检查实施截止日期）' },
);

const MeasureFields = {
  name: Text('措施名称', 200),
  category: Type.Integer({ minimum: 1, maximum: 3, description: '措施类别：1 减损权益或增加义务，2 管理措施，3 公共管理机构以外的组织自主实施' }),
  kind: StringEnum(MEASURE_KINDS, { description: 'sanction 惩戒，incentive 激励' }),
  legalBasis: Type.Array(MeasureLegalBasisSchema, { maxItems: 20, description: '设定依据（不可为空）' }),
  targets: Type.Object(
    {
      listKinds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20, description: '实施对象：名单类型代码' }),
      recordSeverities: Type.Optional(Type.Array(StringEnum(TARGET_SEVERITIES), { maxItems: 2, description: '实施对象：有效失信记录的程度' })),
    },
    Strict,
  ),
  implementingDepartments: Nullable(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 100, description: '实施部门代码；null 为各部门' })),
  matterTypes: Nullable(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200, description: '适用事项代码；null 为全部事项' })),
  degree: Text('实施幅度（不得超过的程度或期限）', 500),
  degreeLimit: Type.Optional(Nullable(DegreeLimitSchema)),
};

export const NewMeasureBody = Type.Object({ code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{1,63}$', description: '措施代码' }), ...MeasureFields, note: Text('修订说明', 500) }, Strict);
export const MeasurePatchBody = Type.Object({ ...MeasureFields, note: Text('修订说明', 500) }, Strict);
export const MeasureCodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{1,63}$' }) }, Strict);
export const NoteBody = Type.Object({ note: Text('修订说明', 500) }, Strict);

export const MeasureSchema = Type.Object({
  id: Type.String(),
  versionId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: Type.Integer(),
  kind: Type.String(),
  legalBasis: Type.Array(Type.Object({ document: Type.String(), article: Type.Optional(Type.String()) })),
  targets: Type.Object({ listKinds: Type.Array(Type.String()), recordSeverities: Type.Optional(Type.Array(Type.String())) }),
  implementingDepartments: Nullable(Type.Array(Type.String())),
  matterTypes: Nullable(Type.Array(Type.String())),
  degree: Type.String(),
  degreeLimit: Nullable(Type.Object({ maxMonths: Type.Optional(Type.Integer()), withinListValidity: Type.Optional(Type.Boolean()) })),
  scope: StringEnum(MEASURE_SCOPES),
});

export const MeasureVersionSchema = Type.Object({ id: Type.String(), number: Type.Integer(), note: Type.String(), createdBy: Type.String(), createdAt: Type.String() });
export const MeasureListSchema = Type.Object({ version: Nullable(MeasureVersionSchema), measures: Type.Array(MeasureSchema) });
