import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Strict } from '../../http/schemas';
import { CatalogItemSchema, CatalogVersionSchema, CategorySchema, SupplementItemBody } from './schema';
import * as catalog from './service';

const CodeTablesSchema = Type.Record(Type.String(), Type.Object({ name: Type.String(), entries: Type.Array(Type.Object({ code: Type.String(), label: Type.String() }, { additionalProperties: true })) }));

export function registerCatalogRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['公共信用信息目录'];

  app.get(
    '/catalog',
    {
      schema: {
        tags,
        summary: '现行目录：信息类别、条目（法律依据、字段、公开范围、公示期）与代码表',
        security: [],
        response: { 200: Type.Object({ version: CatalogVersionSchema, categories: Type.Array(CategorySchema), items: Type.Array(CatalogItemSchema), codeTables: CodeTablesSchema }) },
      },
    },
    async () => catalog.getCurrentCatalog(db),
  );

  app.get(
    '/catalog/versions',
    { schema: { tags, summary: '目录版本历史', security: [], response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...CatalogVersionSchema.properties, itemCount: Type.Integer() })) }) } } },
    async () => ({ items: await catalog.listVersions(db) }),
  );

  app.get(
    '/catalog/versions/:id/items',
    { schema: { tags, summary: '某一目录版本的全部条目', security: [], params: Type.Object({ id: Type.String({ format: 'uuid' }) }, Strict), response: { 200: Type.Object({ items: Type.Array(CatalogItemSchema) }) } } },
    async (request) => ({ items: await catalog.listVersionItems(db, request.params.id) }),
  );

  app.post(
    '/catalog/items',
    { schema: { tags, summary: '新增地方补充目录条目（生成新目录版本）', body: SupplementItemBody, response: { 201: Type.Object({ version: CatalogVersionSchema, item: CatalogItemSchema }), ...errorResponses } } },
    async (request, reply) => {
      const { note, ...item } = request.body;
      return reply.status(201).send(await catalog.createSupplementItem(db, request.actor, item, note));
    },
  );

  app.put(
    '/catalog/items/:code/submitting-departments',
    {
      schema: {
        tags,
        summary: '设置可报送该目录条目的本地部门（基础条目也可设置；null 表示任何部门；生成新目录版本）',
        params: Type.Object({ code: Type.String() }, Strict),
        body: Type.Object({ departments: Type.Union([Type.Array(Type.String({ minLength: 1 }), { maxItems: 200 }), Type.Null()]), note: Type.String({ minLength: 2, maxLength: 500 }) }, Strict),
        response: { 200: Type.Object({ version: CatalogVersionSchema, item: CatalogItemSchema }), ...errorResponses },
      },
    },
    async (request) => catalog.setSubmittingDepartments(db, request.actor, request.params.code, request.body.departments, request.body.note),
  );

  app.put(
    '/catalog/items/:code',
    {
      schema: {
        tags,
        summary: '修改地方补充目录条目（生成新目录版本；基础目录条目只读）',
        params: Type.Object({ code: Type.String() }, Strict),
        body: SupplementItemBody,
        response: { 200: Type.Object({ version: CatalogVersionSchema, item: CatalogItemSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { note, ...item } = request.body;
      return catalog.updateSupplementItem(db, request.actor, request.params.code, item, note);
    },
  );
}
