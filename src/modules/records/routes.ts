import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams, Nullable, Strict } from '../../http/schemas';
import { maskPersonalFields, maskRawValues } from './masking';
import * as records from './service';

const RecordSchema = Type.Object({
  id: Type.String(),
  subjectId: Type.String(),
  departmentId: Type.String(),
  itemCode: Type.String(),
  documentNumber: Type.String(),
  decisionDate: Type.String(),
  receivedAt: Type.String(),
  status: Type.String(),
  severity: Type.String(),
  currentVersion: Type.Integer(),
});

const VersionSchema = Type.Object({
  version: Type.Integer(),
  kind: Type.String(),
  catalogItemId: Type.String(),
  fields: Type.Record(Type.String(), Type.Any()),
  raw: Nullable(Type.Record(Type.String(), Type.Any())),
  reason: Nullable(Type.String()),
  batchId: Nullable(Type.String()),
  rowNumber: Nullable(Type.Integer()),
  submittedBy: Type.String(),
  createdAt: Type.String(),
});

const NewRecordBody = Type.Object(
  {
    itemCode: Type.String({ minLength: 1, maxLength: 64, description: '目录条目代码，如 penalty、licence' }),
    fields: Type.Record(Type.String(), Type.Any(), { description: '按目录条目字段填写的内容（键为字段标识）' }),
    reason: Type.Optional(Type.String({ maxLength: 500, description: '同一文书号重新报送且内容变化时的更正原因' })),
  },
  Strict,
);

export function registerRecordRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['信用记录'];

  app.post(
    '/records',
    {
      schema: {
        tags,
        summary: '报送一条信用记录（同部门+条目+文书号幂等；内容变化则生成更正版本）',
        body: NewRecordBody,
        response: { 201: Type.Object({ outcome: Type.String(), record: RecordSchema, subjectCreated: Type.Boolean(), nameMismatch: Type.Boolean() }), 200: Type.Object({ outcome: Type.String(), record: RecordSchema, subjectCreated: Type.Boolean(), nameMismatch: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await records.createRecord(db, request.actor, request.body);
      return reply.status(result.outcome === 'created' ? 201 : 200).send(result);
    },
  );

  app.get(
    '/records/:id',
    { schema: { tags, summary: '查看一条信用记录及其全部版本（个人信息已脱敏）', params: IdParams, response: { 200: Type.Object({ record: RecordSchema, itemName: Type.String(), subjectName: Type.String(), departmentName: Type.String(), versions: Type.Array(VersionSchema) }), ...errorResponses } } },
    async (request) => {
      const { record, versions, item, subjectName, departmentName } = await records.getRecord(db, request.actor, request.params.id);
      return {
        record,
        itemName: item.name,
        subjectName,
        departmentName,
        versions: versions.map((version) => ({ ...version, fields: maskPersonalFields(item, version.fields), raw: maskRawValues(version.raw) })),
      };
    },
  );

  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: '某信用主体的信用记录（部门只能看到本部门报送的记录）',
        querystring: Type.Object({ subjectId: Type.String({ format: 'uuid' }) }, Strict),
        response: { 200: Type.Object({ items: Type.Array(RecordSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await records.listRecordsOfSubject(db, request.actor, request.query.subjectId) }),
  );

  app.post(
    '/records/:id/corrections',
    {
      schema: {
        tags,
        summary: '更正信用记录（新版本，须说明原因）',
        params: IdParams,
        body: Type.Object({ fields: Type.Record(Type.String(), Type.Any()), reason: Type.String({ minLength: 2, maxLength: 500 }) }, Strict),
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (request) => records.correctRecord(db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/records/:id/revocation',
    {
      schema: { tags, summary: '撤销信用记录（须说明原因；立即停止公开）', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, Strict), response: { 200: RecordSchema, ...errorResponses } },
    },
    async (request) => records.revokeRecord(db, request.actor, request.params.id, request.body),
  );
}
