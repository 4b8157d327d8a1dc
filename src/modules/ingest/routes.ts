import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { App } from '../../http/types';
import { errorResponses, IdParams, Strict } from '../../http/schemas';
import { sendXlsx, XLSX_TYPE } from '../../http/xlsx';
import { AppError } from '../../shared/errors';
import { getCurrentItem } from '../catalog';
import { ingestQueueFor } from './queue';
import { BatchDetailSchema, BatchSchema, JsonBatchBody } from './schema';
import { getBatch, listBatches, rejectedRows, toView } from './service';
import { submitBatch, type SubmitInput } from './submit-batch';
import { writeRejectedRows, writeTemplate } from './workbooks';


export function registerIngestRoutes(app: App): void {
  const { db, config } = app.ctx;
  const queue = ingestQueueFor(db, app.log);
  const tags = ['归集'];

  app.post(
    '/ingest/batches',
    {
      schema: {
        tags,
        summary: '提交一个归集批次：JSON 数据行，或 multipart 上传 CSV/XLSX 文件（字段 file、catalogItem、clientBatchKey、mode）；立即返回批次号',
        consumes: ['application/json', 'multipart/form-data'],
        response: { 202: BatchSchema, 200: BatchSchema, ...errorResponses, 413: Type.Ref('Error') },
      },
    },
    async (request, reply) => {
      const input = request.isMultipart() ? await multipartInput(request) : jsonInput(request.body);
      const { batch, existing } = await submitBatch(db, request.actor, config, input);
      if (!existing) void queue.enqueue(batch.id);
      return reply.status(existing ? 200 : 202).send(toView(batch));
    },
  );

  app.get('/ingest/batches', { schema: { tags, summary: '本部门的批次历史（信用办看全部）', querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, Strict), response: { 200: Type.Object({ items: Type.Array(BatchSchema) }), ...errorResponses } } }, async (request) => ({
    items: await listBatches(db, request.actor, request.query),
  }));

  app.get('/ingest/batches/:id', { schema: { tags, summary: '批次状态、计数与错误行（前 1000 条）', params: IdParams, response: { 200: BatchDetailSchema, ...errorResponses } } }, async (request) => getBatch(db, request.actor, request.params.id));

  app.get('/ingest/batches/:id/rejected.xlsx', { schema: { tags, summary: '导出未通过的行及原因（XLSX）', params: IdParams, produces: [XLSX_TYPE] } }, async (request, reply) => {
    const { batch, errors } = await rejectedRows(db, request.actor, request.params.id);
    return sendXlsx(reply, `未通过的行-${batch.id}.xlsx`, (output) => writeRejectedRows(errors, batch, output));
  });

  app.get(
    '/ingest/templates/:itemCode',
    { schema: { tags, summary: '下载目录条目的 XLSX 报送模板（中文表头与填写说明）', security: [], params: Type.Object({ itemCode: Type.String({ maxLength: 64 }) }, Strict), produces: [XLSX_TYPE] } },
    async (request, reply) => {
      const item = await getCurrentItem(db, request.params.itemCode.replace(/\.xlsx$/, ''));
      return sendXlsx(reply, `${item.name}-报送模板.xlsx`, (output) => writeTemplate(item, output));
    },
  );
}

function jsonInput(body: unknown): SubmitInput {
  if (!Value.Check(JsonBatchBody, body)) {
    const details = [...Value.Errors(JsonBatchBody, body)].slice(0, 20).map((e) => ({ field: e.instancePath || '请求体', message: e.message }));
    throw new AppError('VALIDATION', `请求参数不合法：${details[0]?.field ?? ''} ${details[0]?.message ?? ''}`.trim(), details);
  }
  return { itemCode: body.catalogItem, mode: body.mode, clientKey: body.clientBatchKey, source: 'api', content: { kind: 'rows', rows: body.rows } };
}

/** Reads the form fields that precede the file, then hands the file stream on without buffering it. */
async function multipartInput(request: FastifyRequest): Promise<SubmitInput> {
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') throw new AppError('VALIDATION', `未知的文件字段 ${part.fieldname}，请使用 file`);
    if (!fields.catalogItem) throw new AppError('VALIDATION', '请在 file 之前提交 catalogItem 字段（目录条目代码）');
    const mode = fields.mode === 'atomic' ? 'atomic' : fields.mode === undefined || fields.mode === 'lenient' ? 'lenient' : null;
    if (!mode) throw new AppError('VALIDATION', 'mode 只能为 lenient 或 atomic');
    return { itemCode: fields.catalogItem, mode, clientKey: fields.clientBatchKey, source: 'file', content: { kind: 'stream', stream: part.file, filename: part.filename } };
  }
  throw new AppError('VALIDATION', '请以 file 字段上传 CSV 或 XLSX 文件');
}
