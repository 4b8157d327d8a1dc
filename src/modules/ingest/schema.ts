import { Type } from 'typebox';
import { Nullable, StringEnum } from '../../http/schemas';
import { BATCH_MODES, BATCH_STATUSES } from './tables';

export const JsonBatchBody = Type.Object(
  {
    catalogItem: Type.String({ minLength: 1, maxLength: 64, description: '目录条目代码，如 penalty、licence' }),
    rows: Type.Array(Type.Record(Type.String(), Type.Any()), { minItems: 1, maxItems: 100_000, description: '数据行：键为字段标识、中文列名或国家标准列代码（CF_*、XK_*）' }),
    clientBatchKey: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: '调用方批次号：重复提交返回同一批次' })),
    mode: Type.Optional(StringEnum(BATCH_MODES, { description: 'lenient：有效行入库、错误行报告（默认）；atomic：整批全部正确才入库' })),
  },
  { additionalProperties: false },
);

export const BatchSchema = Type.Object({
  id: Type.String(),
  itemCode: Type.String(),
  departmentId: Type.String(),
  clientKey: Nullable(Type.String()),
  mode: StringEnum(BATCH_MODES),
  source: Type.String(),
  filename: Nullable(Type.String()),
  format: Nullable(Type.String()),
  encoding: Nullable(Type.String()),
  status: StringEnum(BATCH_STATUSES),
  total: Type.Integer(),
  accepted: Type.Integer(),
  created: Type.Integer(),
  corrected: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  late: Type.Integer(),
  processed: Type.Integer(),
  message: Nullable(Type.String()),
  submittedBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const BatchErrorSchema = Type.Object({ row: Type.Integer(), field: Nullable(Type.String()), code: Type.String(), message: Type.String() });

export const BatchDetailSchema = Type.Object({ ...BatchSchema.properties, errorCount: Type.Integer(), errors: Type.Array(BatchErrorSchema) });
