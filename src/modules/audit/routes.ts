import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Nullable, Strict } from '../../http/schemas';
import { assertCanReadAudit, listAccessLog, listAuditEntries, verifyChain } from './service';
import { verifySeals } from './seals';

const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  actorKind: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Any(),
  after: Type.Any(),
  hash: Type.String(),
});

export function registerAuditRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['审计'];

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: '审计日志（信用办、审计员）',
        querystring: Type.Object(
          {
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            entityType: Type.Optional(Type.String()),
            entityId: Type.Optional(Type.String()),
          },
          Strict,
        ),
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listAuditEntries(db, request.actor, request.query);
      return { items: rows.map((row) => ({ ...row, actor: row.actorLabel })) };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计哈希链（SM3）和查询使用登记、信用核查记录的封存摘要',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBroken: Nullable(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
            seals: Type.Object({
              ok: Type.Boolean(),
              seals: Type.Integer(),
              rows: Type.Integer(),
              firstBroken: Nullable(Type.Object({ log: Type.String(), sealId: Type.String(), reason: Type.String() })),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      assertCanReadAudit(request.actor);
      const [chain, seals] = [await verifyChain(db), await verifySeals(db)];
      return { ...chain, ok: chain.ok && seals.ok, seals };
    },
  );

  app.get(
    '/access-log',
    {
      schema: {
        tags,
        summary: '个人信息查询使用登记',
        querystring: Type.Object({ subjectId: Type.Optional(Type.String({ format: 'uuid' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, Strict),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ at: Type.String(), actorLabel: Type.String(), subjectId: Nullable(Type.String()), dataKind: Type.String(), purpose: Type.String(), entityType: Type.String(), entityId: Type.String() })) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listAccessLog(db, request.actor, request.query) }),
  );
}
