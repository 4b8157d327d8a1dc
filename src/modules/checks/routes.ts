import type { App } from '../../http/types';
import { errorResponses, IdParams } from '../../http/schemas';
import { chinaDate } from '../../shared/time';
import { runBatchCheck } from './batch-check';
import { runCheck } from './run-check';
import { BatchCheckBody, BatchResultSchema, CheckBody, CheckPageQuery, CheckPageSchema, CheckResultSchema, CheckRowSchema, FeedbackBody, StatsQuery, StatsSchema } from './schema';
import { checkStats, getCheck, listChecks, listOverdueChecks } from './service';
import { submitFeedback } from './submit-feedback';

export function registerCheckRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['信用核查'];

  app.post(
    '/checks',
    { schema: { tags, summary: '信用核查（部门工作人员或业务系统 API 密钥）：名单、信用等级、有效失信记录、适用措施及处理建议', body: CheckBody, response: { 201: CheckResultSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await runCheck(db, request.actor, request.body)),
  );
  app.post(
    '/checks/batch',
    { schema: { tags, summary: '批量信用核查（政府采购、招标投标；最多 1000 个主体，可适用信用准入规则）', body: BatchCheckBody, response: { 200: BatchResultSchema, ...errorResponses } } },
    async (request) => runBatchCheck(db, request.actor, request.body),
  );
  app.post(
    '/checks/:id/feedback',
    { schema: { tags, summary: '反馈措施实施情况（核查部门，一次，提交后只读）', params: IdParams, body: FeedbackBody, response: { 200: CheckRowSchema, ...errorResponses } } },
    async (request) => submitFeedback(db, request.actor, request.params.id, request.body),
  );
  app.get('/checks/overdue', { schema: { tags, summary: '逾期未反馈的核查（信用办看全部，部门看本部门）', querystring: CheckPageQuery, response: { 200: CheckPageSchema, ...errorResponses } } }, async (request) =>
    listOverdueChecks(db, request.actor, request.query),
  );
  app.get('/checks/stats', { schema: { tags, summary: '各部门信用核查月度统计', querystring: StatsQuery, response: { 200: StatsSchema, ...errorResponses } } }, async (request) =>
    checkStats(db, request.actor, request.query.month, chinaDate()),
  );
  app.get('/checks', { schema: { tags, summary: '本部门的信用核查记录（信用办看全部）', querystring: CheckPageQuery, response: { 200: CheckPageSchema, ...errorResponses } } }, async (request) =>
    listChecks(db, request.actor, request.query),
  );
  app.get('/checks/:id', { schema: { tags, summary: '查看一次核查及其反馈', params: IdParams, response: { 200: CheckRowSchema, ...errorResponses } } }, async (request) => getCheck(db, request.actor, request.params.id));
}
