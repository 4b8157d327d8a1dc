import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams, Nullable, Strict, StringEnum } from '../../http/schemas';
import { decideIssue, listIssues, wrongCodeRate } from './service';

const IssueSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subjectId: Type.String(),
  identifier: Type.String(),
  existingName: Type.String(),
  incomingName: Type.String(),
  departmentId: Type.String(),
  batchId: Nullable(Type.String()),
  rowNumber: Nullable(Type.Integer()),
  occurrences: Type.Integer(),
  status: Type.String(),
  decision: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export function registerQualityRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['数据质量'];

  app.get(
    '/quality/issues',
    {
      schema: {
        tags,
        summary: '重错码队列：代码与名称不一致的待处理问题',
        querystring: Type.Object({ status: Type.Optional(StringEnum(['open', 'resolved'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, Strict),
        response: { 200: Type.Object({ items: Type.Array(IssueSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listIssues(db, request.actor, request.query) }),
  );

  app.post(
    '/quality/issues/:id/decision',
    {
      schema: {
        tags,
        summary: '信用办处理重错码：same_subject 同一主体（名称变体）、rename 主体更名、wrong_code 错码（今后同代码同名称的行将被拒收）',
        params: IdParams,
        body: Type.Object({ decision: StringEnum(['same_subject', 'rename', 'wrong_code'] as const), note: Type.Optional(Type.String({ maxLength: 500 })) }, Strict),
        response: { 200: IssueSchema, ...errorResponses },
      },
    },
    async (request) => decideIssue(db, request.actor, request.params.id, request.body),
  );

  app.get(
    '/quality/wrong-code-rate',
    {
      schema: {
        tags,
        summary: '重错码率（每万户主体的问题数，目标低于 1）',
        response: { 200: Type.Object({ subjects: Type.Integer(), issues: Type.Integer(), open: Type.Integer(), wrongCodes: Type.Integer(), perTenThousand: Type.Number(), target: Type.Number() }), ...errorResponses },
      },
    },
    async (request) => wrongCodeRate(db, request.actor),
  );
}
