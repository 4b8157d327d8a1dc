import type { App } from '../../http/types';
import type { Actor } from '../../shared/actor';
import { errorResponses, IdParams } from '../../http/schemas';
import { ConcludeBody, ExtendBody, NoteBody, ObjectionListSchema, ObjectionQuerySchema, ObjectionSchema, OptionalReasonBody, ReasonBody, SubmitBody } from './schema';
import { acceptObjection, concludeObjection, extendObjection, getObjection, listObjections, notAcceptObjection, submitObjection, withdrawObjection } from './service';

export function registerObjectionRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['异议处理'];
  const objectionResponse = { 200: ObjectionSchema, ...errorResponses };

  app.post(
    '/objections',
    { schema: { tags, summary: '提出异议（信用主体账户对本主体的记录；或信用办代为登记）', body: SubmitBody, response: { 201: ObjectionSchema, ...errorResponses } } },
    async (request, reply) => {
      const objection = await submitObjection(db, request.actor, request.body);
      return reply.status(201).send(await getObjection(db, request.actor, objection.id));
    },
  );
  app.get('/objections', { schema: { tags, summary: '异议申请列表（信用办看全部，部门看本部门记录的，主体看本主体的）', querystring: ObjectionQuerySchema, response: { 200: ObjectionListSchema, ...errorResponses } } }, async (request) =>
    listObjections(db, request.actor, request.query),
  );
  app.get('/objections/:id', { schema: { tags, summary: '查看异议申请、办理历史和当前用户可办理的下一步', params: IdParams, response: objectionResponse } }, async (request) =>
    getObjection(db, request.actor, request.params.id),
  );

  /** One procedure step, answered with the objection as it now stands. */
  const step = (path: string, summary: string, body: object, run: (actor: Actor, id: string, body: never) => Promise<unknown>) =>
    app.post(`/objections/:id/${path}`, { schema: { tags, summary, params: IdParams, body, response: objectionResponse } }, async (request) => {
      await run(request.actor, request.params.id, request.body as never);
      return getObjection(db, request.actor, request.params.id);
    });
  step('accept', '受理异议并转数据提供部门核查（信用办；记录进入异议标注，相关惩戒措施暂停）', NoteBody, (actor, id, body: { note?: string }) => acceptObjection(db, actor, id, body));
  step('not-accept', '不予受理（信用办，须说明理由）', ReasonBody, (actor, id, body: { reason: string }) => notAcceptObjection(db, actor, id, body));
  step('extend', '延长核查期限（信用办，复杂情形，限一次）', ExtendBody, (actor, id, body: { reason: string; workingDays: number }) => extendObjection(db, actor, id, body));
  step('conclude', '作出核查结论（数据提供部门审核人；成立的更正或撤销记录）', ConcludeBody, (actor, id, body: Parameters<typeof concludeObjection>[3]) => concludeObjection(db, actor, id, body));
  step('withdraw', '撤回异议申请（申请主体，或信用办代为办理）', OptionalReasonBody, (actor, id, body: { reason?: string }) => withdrawObjection(db, actor, id, body));
}
