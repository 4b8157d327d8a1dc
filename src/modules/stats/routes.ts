import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Nullable } from '../../http/schemas';
import { sendXlsx } from '../../http/xlsx';
import { dashboard, publicStats } from './service';
import { scorecard, writeScorecard } from './scorecard';
import { chinaDate } from '../../shared/time';

export function registerStatsRoutes(app: App): void {
  const { db } = app.ctx;

  app.get(
    '/public/stats',
    {
      schema: {
        tags: ['公开查询'],
        summary: '门户首页统计数字',
        security: [],
        response: {
          200: Type.Object({
            subjects: Type.Integer(),
            legalEntities: Type.Integer(),
            individualBusinesses: Type.Integer(),
            naturalPersons: Type.Integer(),
            records: Type.Integer(),
            departments: Type.Integer(),
            licences: Type.Integer(),
            penalties: Type.Integer(),
          }),
        },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async () => publicStats(db),
  );

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['工作台'],
        summary: '工作台：本部门（信用办为全市）的统计与最近记录',
        response: {
          200: Type.Object({
            department: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
            counts: Type.Object({ records: Type.Integer(), recordsThisMonth: Type.Integer(), subjects: Type.Integer(), departments: Type.Integer(), catalogItems: Type.Integer() }),
            recentRecords: Type.Array(Type.Object({ id: Type.String(), subjectName: Type.String(), itemName: Type.String(), decisionDate: Type.String(), status: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => dashboard(db, request.actor),
  );

  const Rate = Type.Union([Type.Number(), Type.Null()]);
  const MonthQuery = Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$', description: '月份 YYYY-MM，默认本月' })) }, { additionalProperties: false });

  app.get(
    '/quality/scorecard',
    {
      schema: {
        tags: ['数据质量'],
        summary: '数据质量评估：各部门当月报送量、拒收率、及时率、完整率、重复数',
        querystring: MonthQuery,
        response: {
          200: Type.Object({
            month: Type.String(),
            items: Type.Array(
              Type.Object({ departmentId: Type.String(), departmentCode: Type.String(), departmentName: Type.String(), volume: Type.Integer(), rowsSubmitted: Type.Integer(), rejected: Type.Integer(), rejectionRate: Rate, late: Type.Integer(), timelinessRate: Rate, completeness: Rate, duplicates: Type.Integer() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => scorecard(db, request.actor, request.query.month ?? chinaDate().slice(0, 7)),
  );

  app.get('/quality/scorecard.xlsx', { schema: { tags: ['数据质量'], summary: '导出数据质量评估（XLSX）', querystring: MonthQuery } }, async (request, reply) => {
    const result = await scorecard(db, request.actor, request.query.month ?? chinaDate().slice(0, 7));
    return sendXlsx(reply, `数据质量评估-${result.month}.xlsx`, (output) => writeScorecard(result, output));
  });
}
