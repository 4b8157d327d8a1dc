import { Type, type Static, type TSchema } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams } from '../../http/schemas';
import { decideEntry } from './decide';
import { expireStatement } from './expire-statement';
import { createListKind, getListKind, listListKinds, updateListKind } from './list-kinds';
import { proposeEntry } from './propose';
import { publishEntry } from './publish';
import { recordStatement } from './record-statement';
import { rejectEntry } from './reject';
import { removeEntry } from './remove';
import {
  DecideBody,
  EntryListSchema,
  EntryQuerySchema,
  EntrySchema,
  KindParams,
  ListingsSchema,
  ListKindPatchBody,
  ListKindSchema,
  NewListKindBody,
  ProposeBody,
  PublicKindParams,
  PublicListQuery,
  PublicListSchema,
  ReasonBody,
  RemoveBody,
  StatementBody,
} from './schema';
import { serveNotice } from './serve-notice';
import { getEntry, listEntries, listingsForStaff, publicList } from './service';
import { withdrawEntry } from './withdraw';
import { requireStaff } from '../auth/policy';

const publicRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export function registerListRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['信用名单'];
  const entryResponse = { 200: EntrySchema, ...errorResponses };

  // --- list kinds (认定标准) ---
  app.get('/lists/kinds', { schema: { tags, summary: '名单类型及其认定标准', response: { 200: Type.Array(ListKindSchema), ...errorResponses } } }, async (request) => {
    requireStaff(request.actor);
    return listListKinds(db);
  });
  app.get('/lists/kinds/:code', { schema: { tags, summary: '查看一个名单类型的认定标准', params: KindParams, response: { 200: ListKindSchema, ...errorResponses } } }, async (request) => {
    requireStaff(request.actor);
    return getListKind(db, request.params.code);
  });
  app.post(
    '/lists/kinds',
    { schema: { tags, summary: '新增名单类型（信用办；本地名单须有地方性法规依据和不少于 30 日的公开征求意见）', body: NewListKindBody, response: { 201: ListKindSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createListKind(db, request.actor, request.body)),
  );
  app.patch(
    '/lists/kinds/:code',
    { schema: { tags, summary: '修改名单类型的认定标准（信用办；已作出的认定不受影响）', params: KindParams, body: ListKindPatchBody, response: { 200: ListKindSchema, ...errorResponses } } },
    async (request) => updateListKind(db, request.actor, request.params.code, request.body),
  );

  // --- entries (认定程序) ---
  app.post(
    '/lists/entries',
    { schema: { tags, summary: '提出名单认定申请（部门经办人，须引用本部门的生效文书）', body: ProposeBody, response: { 201: EntrySchema, ...errorResponses } } },
    async (request, reply) => {
      const entry = await proposeEntry(db, request.actor, request.body);
      return reply.status(201).send(await getEntry(db, request.actor, entry.id));
    },
  );
  /** One procedure step: run it, then answer with the entry as it now stands (and the caller's next steps). */
  type Actor = Parameters<typeof getEntry>[1];
  const step = <B extends TSchema | undefined>(path: string, summary: string, body: B, run: (actor: Actor, id: string, body: B extends TSchema ? Static<B> : undefined) => Promise<unknown>) =>
    app.post(`/lists/entries/:id/${path}`, { schema: { tags, summary, params: IdParams, ...(body ? { body } : {}), response: entryResponse } }, async (request) => {
      await run(request.actor, request.params.id, request.body as never);
      return getEntry(db, request.actor, request.params.id);
    });
  step('notice', '送达认定事先告知书（生成告知书，陈述申辩期限按工作日计算）', undefined, (actor, id) => serveNotice(db, actor, id));
  step('statement', '登记当事人的陈述申辩（期限内）', StatementBody, (actor, id, body) => recordStatement(db, actor, id, body));
  step('statement-expiry', '登记陈述申辩期满未提出（期满后方可登记）', undefined, (actor, id) => expireStatement(db, actor, id));
  step('decision', '作出认定决定（部门审核人，不得为经办人；生成认定决定书）', DecideBody, (actor, id, body) => decideEntry(db, actor, id, body));
  step('rejection', '不予认定（部门审核人，不得为经办人）', ReasonBody, (actor, id, body) => rejectEntry(db, actor, id, body));
  step('publication', '公示认定结果', undefined, (actor, id) => publishEntry(db, actor, id));
  step('removal', '移出名单（有效期届满、信用修复、撤销认定或认定错误）', RemoveBody, (actor, id, body) => removeEntry(db, actor, id, body));
  step('withdrawal', '撤回认定申请（提出申请的经办人，决定前）', ReasonBody, (actor, id, body) => withdrawEntry(db, actor, id, body));

  app.get('/lists/entries/:id', { schema: { tags, summary: '查看名单认定记录、办理历史和当前用户可办理的下一步', params: IdParams, response: entryResponse } }, async (request) =>
    getEntry(db, request.actor, request.params.id),
  );
  app.get(
    '/lists/entries',
    { schema: { tags, summary: '名单认定列表（部门看本部门，信用办看全部）', querystring: EntryQuerySchema, response: { 200: EntryListSchema, ...errorResponses } } },
    async (request) => listEntries(db, request.actor, request.query),
  );
  app.get(
    '/lists/subjects/:id/listings',
    { schema: { tags, summary: '主体的有效名单（含作为法定代表人、主要负责人、实际控制人的关联企业名单）', params: IdParams, response: { 200: ListingsSchema, ...errorResponses } } },
    async (request) => listingsForStaff(db, request.actor, request.params.id),
  );

  app.get(
    '/public/lists/:kind',
    {
      schema: { tags: ['公开查询', ...tags], summary: '公示中的名单（仅已公示且在有效期内的认定，不含自然人证件号码）', security: [], params: PublicKindParams, querystring: PublicListQuery, response: { 200: PublicListSchema, ...errorResponses, 429: Type.Ref('Error') } },
      config: publicRateLimit,
    },
    async (request) => publicList(db, request.params.kind, request.query),
  );
}
