import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Nullable, Strict } from '../../http/schemas';
import * as departments from './service';

const DepartmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  kind: Type.Union([Type.Literal('credit_office'), Type.Literal('department')]),
  uscc: Nullable(Type.String()),
  userCount: Type.Integer(),
});

const NewDepartmentBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$', description: '部门编码（字母、数字、下划线、连字符）' }),
    name: Type.String({ minLength: 2, maxLength: 64 }),
    regionCode: Type.String({ pattern: '^\\d{6}$' }),
    uscc: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Z]{18}$' }))),
  },
  Strict,
);

export function registerDepartmentRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['部门与区划'];

  app.get('/departments', { schema: { tags, summary: '部门列表', response: { 200: Type.Object({ items: Type.Array(DepartmentSchema) }), ...errorResponses } } }, async (request) => ({
    items: await departments.listDepartments(db, request.actor),
  }));

  app.post('/departments', { schema: { tags, summary: '新增部门（信用办）', body: NewDepartmentBody, response: { 201: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), ...errorResponses } } }, async (request, reply) => {
    const department = await departments.createDepartment(db, request.actor, request.body);
    return reply.status(201).send({ id: department.id, code: department.code, name: department.name });
  });

  app.get(
    '/public/platform',
    { schema: { tags, summary: '平台名称与所辖行政区划', security: [], response: { 200: Type.Object({ name: Type.String(), regionCode: Type.String(), regionName: Nullable(Type.String()) }) } } },
    async () => {
      const { platformName, platformRegionCode } = app.ctx.config;
      const region = (await departments.listRegions(db)).find((r) => r.code === platformRegionCode);
      return { name: platformName, regionCode: platformRegionCode, regionName: region?.name ?? null };
    },
  );

  app.get(
    '/regions',
    { schema: { tags, summary: '本平台行政区划', security: [], response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), parentCode: Nullable(Type.String()), level: Type.String() })) }) } } },
    async () => ({ items: await departments.listRegions(db) }),
  );
}
