import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams } from '../../http/schemas';
import { ChangesQuery, ChangesSchema, DisclosureListQuery, DisclosureListSchema, LateListSchema, LateQuery, SubjectRecordsSchema } from './schema';
import * as disclosure from './service';

const publicRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export function registerDisclosureRoutes(app: App): void {
  const { db } = app.ctx;
  const publicTags = ['公开查询'];
  const publicErrors = { ...errorResponses, 429: Type.Ref('Error') };

  app.get(
    '/public/subjects/:id/records',
    {
      schema: { tags: publicTags, summary: '信用主体的公示信息（按信用报告栏目排列，仅当前版本，个人信息已脱敏）', security: [], params: IdParams, response: { 200: SubjectRecordsSchema, ...publicErrors } },
      config: publicRateLimit,
    },
    async (request) => disclosure.publicRecordsOfSubject(db, request.params.id),
  );

  app.get(
    '/public/disclosures',
    {
      schema: { tags: publicTags, summary: '双公示：行政许可、行政处罚公示列表（可按部门、决定日期筛选）', security: [], querystring: DisclosureListQuery, response: { 200: DisclosureListSchema, ...publicErrors } },
      config: publicRateLimit,
    },
    async (request) => disclosure.licencePenaltyList(db, request.query),
  );

  app.get(
    '/public/changes',
    {
      schema: { tags: publicTags, summary: '公示变更订阅：按游标续读新公示、内容变化和停止公示', security: [], querystring: ChangesQuery, response: { 200: ChangesSchema, ...publicErrors } },
      config: publicRateLimit,
    },
    async (request) => disclosure.publicChanges(db, request.query.after, request.query.limit),
  );

  app.get(
    '/disclosure/late',
    {
      schema: { tags: ['信用公示'], summary: '超过 7 个工作日归集的信用记录（部门看本部门，信用办看全部）', querystring: LateQuery, response: { 200: LateListSchema, ...errorResponses } },
    },
    async (request) => disclosure.lateRecordsForConsole(db, request.actor, request.query),
  );
}
