import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Nullable, Strict, StringEnum } from '../../http/schemas';
import * as calendar from './service';

const DateString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description}（YYYY-MM-DD）` });
const Year = Type.Integer({ minimum: calendar.MIN_YEAR, maximum: calendar.MAX_YEAR, description: '年份' });
const AssumedYears = Type.Array(Type.Integer(), { description: '计算所经过但放假安排尚未确认的年份（按周一至周五上班推算），非空时期限仅供参考' });

const CalendarDaySchema = Type.Object({
  date: Type.String(),
  name: Type.String(),
  source: StringEnum(['builtin', 'override'] as const, { description: 'builtin：内置数据；override：信用办调整' }),
});

const YearSchema = Type.Object({
  year: Type.Integer(),
  confirmed: Type.Boolean({ description: '是否已按国务院办公厅通知确认' }),
  note: Nullable(Type.String()),
  holidays: Type.Array(CalendarDaySchema, { description: '放假日期（含放假期间的周末）' }),
  workdays: Type.Array(CalendarDaySchema, { description: '调休上班日期' }),
});

const YearStatusSchema = Type.Object({ year: Type.Integer(), confirmed: Type.Boolean(), hasData: Type.Boolean(), note: Nullable(Type.String()) });

const OverrideSchema = Type.Object({
  date: Type.String(),
  kind: StringEnum(['holiday', 'workday'] as const),
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

const YearRowSchema = Type.Object({ year: Type.Integer(), confirmed: Type.Boolean(), note: Type.String(), updatedBy: Type.String(), updatedAt: Type.String() });

const DateParams = Type.Object({ date: DateString('日期') }, Strict);
const YearParams = Type.Object({ year: Year }, Strict);

export function registerCalendarRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['工作日历'];

  app.get(
    '/calendar/years',
    { schema: { tags, summary: '已知年份及其放假安排确认状态', security: [], response: { 200: Type.Object({ items: Type.Array(YearStatusSchema) }), ...errorResponses } } },
    async () => ({ items: await calendar.listYears(db) }),
  );

  app.get(
    '/calendar/years/:year',
    { schema: { tags, summary: '某年的法定节假日与调休上班日', security: [], params: YearParams, response: { 200: YearSchema, ...errorResponses } } },
    async (request) => calendar.describeYear(db, request.params.year),
  );

  app.get(
    '/calendar/working-days',
    {
      schema: {
        tags,
        summary: '计算某日之后第 N 个工作日（不含当日）',
        security: [],
        querystring: Type.Object(
          { from: DateString('起算日期（不计入）'), days: Type.Integer({ minimum: 0, maximum: 3650, description: '工作日天数，0 表示起算日期本身' }) },
          Strict,
        ),
        response: { 200: Type.Object({ date: Type.String({ description: '期限届满日' }), assumedYears: AssumedYears }), ...errorResponses },
      },
    },
    async (request) => calendar.addWorkingDaysFrom(db, request.query.from, request.query.days),
  );

  app.get(
    '/calendar/working-days/between',
    {
      schema: {
        tags,
        summary: '计算两个日期之间的工作日天数（不含起始日，含截止日）',
        security: [],
        querystring: Type.Object({ from: DateString('起始日期（不计入）'), to: DateString('截止日期（计入）') }, Strict),
        response: { 200: Type.Object({ days: Type.Integer(), assumedYears: AssumedYears }), ...errorResponses },
      },
    },
    async (request) => calendar.workingDaysBetweenDates(db, request.query.from, request.query.to),
  );

  app.put(
    '/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: '设置某日为放假或调休上班（信用办）',
        params: DateParams,
        body: Type.Object(
          {
            kind: StringEnum(['holiday', 'workday'] as const, { description: 'holiday：放假；workday：上班（调休上班）' }),
            name: Type.String({ minLength: 1, maxLength: 64, description: '节假日名称，如“春节”' }),
          },
          Strict,
        ),
        response: { 200: OverrideSchema, ...errorResponses },
      },
    },
    async (request) => calendar.setOverride(db, request.actor, { date: request.params.date, kind: request.body.kind, name: request.body.name }),
  );

  app.delete(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '删除某日的调整，恢复内置数据（信用办）', params: DateParams, response: { 200: OverrideSchema, ...errorResponses } } },
    async (request) => calendar.removeOverride(db, request.actor, request.params.date),
  );

  app.post(
    '/calendar/years/:year/confirm',
    {
      schema: {
        tags,
        summary: '确认某年的放假安排已按国务院办公厅通知录入（信用办）',
        params: YearParams,
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500, description: '依据，如通知文号' }) }, Strict),
        response: { 200: YearRowSchema, ...errorResponses },
      },
    },
    async (request) => calendar.confirmYear(db, request.actor, request.params.year, request.body.note),
  );
}
