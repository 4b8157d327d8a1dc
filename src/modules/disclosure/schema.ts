import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { DISCLOSURE_CHANGES } from './tables';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DateString = (description: string) => Type.String({ pattern: DATE_PATTERN, description: `${description}（YYYY-MM-DD）` });

const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数（1-100）' })),
};

// --- requests ------------------------------------------------------------------------------------

export const DisclosureListQuery = Type.Object(
  {
    kind: StringEnum(['licence', 'penalty'] as const, { description: '双公示类别：licence 行政许可，penalty 行政处罚' }),
    departmentId: Type.Optional(Type.String({ format: 'uuid', description: '数据来源部门' })),
    from: Type.Optional(DateString('决定日期起')),
    to: Type.Optional(DateString('决定日期止')),
    ...PageQuery,
  },
  Strict,
);

export const ChangesQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ pattern: '^\\d{1,18}$', description: '上次读到的游标（不含）；省略则从头读取' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: '最多返回条数（1-1000）' })),
  },
  Strict,
);

export const LateQuery = Type.Object(PageQuery, Strict);

// --- responses -----------------------------------------------------------------------------------

const PublicFieldSchema = Type.Object({
  key: Type.String({ description: '字段标识' }),
  label: Type.String({ description: '字段名称' }),
  value: Type.Any({ description: '字段值（已脱敏；代码类字段为代码）' }),
  text: Type.String({ description: '显示文本（代码已转为名称，已脱敏）' }),
});

export const PublicRecordSchema = Type.Object({
  recordId: Type.String(),
  subjectId: Type.String(),
  itemCode: Type.String({ description: '目录条目代码' }),
  itemName: Type.String({ description: '目录条目名称' }),
  departmentId: Type.String(),
  departmentName: Type.String({ description: '数据来源部门' }),
  decisionDate: Type.String({ description: '决定日期' }),
  disclosureEndDate: Nullable(Type.String({ description: '公示截止日期（含当日）；null 表示有效期内持续公示' })),
  version: Type.Integer({ description: '当前版本号' }),
  fields: Type.Array(PublicFieldSchema, { description: '公开字段（当前版本，已按目录过滤并脱敏）' }),
});

const PublicSubjectSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  uscc: Nullable(Type.String()),
  registrationNo: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  status: Type.String(),
  establishedOn: Nullable(Type.String()),
});

export const SubjectRecordsSchema = Type.Object({
  subject: PublicSubjectSchema,
  sections: Type.Array(
    Type.Object({
      code: Type.String({ description: '栏目代码' }),
      name: Type.String({ description: '栏目名称（按公共信用信息报告顺序）' }),
      records: Type.Array(PublicRecordSchema),
    }),
  ),
});

export const DisclosureListSchema = Type.Object({
  items: Type.Array(PublicRecordSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ChangesSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      cursor: Type.String({ description: '本条游标' }),
      recordId: Type.String(),
      subjectId: Type.String(),
      change: StringEnum(DISCLOSURE_CHANGES, { description: 'new 新公示，changed 内容变化，withdrawn 停止公示' }),
      at: Type.String({ description: '变化时间' }),
    }),
  ),
  next: Type.String({ description: '下次请求的 after 参数' }),
});

export const LateListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      recordId: Type.String(),
      subjectId: Type.String(),
      subjectName: Type.String(),
      itemCode: Type.String(),
      itemName: Type.String(),
      departmentId: Type.String(),
      departmentName: Type.String(),
      documentNumber: Type.String(),
      decisionDate: Type.String(),
      receivedAt: Type.String(),
      arrivalWorkingDays: Nullable(Type.Integer({ description: '决定日至归集日的工作日数' })),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  limitWorkingDays: Type.Integer({ description: '归集时限（工作日）' }),
});
