import { Type } from 'typebox';
import type { App } from '../../http/types';
import { MATTER_TYPES } from './base-measures';
import { errorResponses } from '../../http/schemas';
import type { MeasureDef } from './base-measures';
import { MeasureCodeParams, MeasureListSchema, MeasurePatchBody, MeasureVersionSchema, NewMeasureBody, NoteBody } from './schema';
import { addSupplementMeasure, listMeasures, listMeasureVersions, removeSupplementMeasure, updateSupplementMeasure } from './service';

export function registerMeasureRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['措施清单'];
  const listResponse = { 200: MeasureListSchema, ...errorResponses };

  app.get('/measures', { schema: { tags, summary: '现行失信惩戒和守信激励措施清单（基础清单 + 本地补充清单）', response: listResponse } }, async (request) => listMeasures(db, request.actor));
  app.get(
    '/measures/matter-types',
    { schema: { tags, summary: '行政事项类型（核查时选择的事项，措施按事项适用）', security: [], response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) }) } } },
    async () => ({ items: Object.entries(MATTER_TYPES).map(([code, label]) => ({ code, label })) }),
  );
  app.get('/measures/versions', { schema: { tags, summary: '措施清单的版本', response: { 200: Type.Array(MeasureVersionSchema), ...errorResponses } } }, async (request) =>
    listMeasureVersions(db, request.actor),
  );
  app.post('/measures/supplements', { schema: { tags, summary: '新增本地补充措施（信用办；生成新版本，须载明设定依据）', body: NewMeasureBody, response: { 201: MeasureListSchema, ...errorResponses } } }, async (request, reply) => {
    const { note, ...measure } = request.body;
    return reply.status(201).send(await addSupplementMeasure(db, request.actor, measure as MeasureDef, note));
  });
  app.put('/measures/supplements/:code', { schema: { tags, summary: '修改本地补充措施（信用办；生成新版本）', params: MeasureCodeParams, body: MeasurePatchBody, response: listResponse } }, async (request) => {
    const { note, ...measure } = request.body;
    return updateSupplementMeasure(db, request.actor, request.params.code, measure as Omit<MeasureDef, 'code'>, note);
  });
  app.delete('/measures/supplements/:code', { schema: { tags, summary: '删除本地补充措施（信用办；生成新版本）', params: MeasureCodeParams, body: NoteBody, response: listResponse } }, async (request) =>
    removeSupplementMeasure(db, request.actor, request.params.code, request.body.note),
  );
}
