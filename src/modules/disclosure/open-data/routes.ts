import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../../http/types';
import { errorResponses, Strict } from '../../../http/schemas';
import { AppError } from '../../../shared/errors';
import { latestExport } from './job';

const manifestRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
/** whole-file downloads cost more than a page: fewer per IP */
const fileRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

const OpenDataFileSchema = Type.Object({
  name: Type.String({ description: '文件名（下载地址 /api/v1/public/open-data/{name}）' }),
  format: Type.Union([Type.Literal('ndjson'), Type.Literal('csv')]),
  records: Type.Integer({ description: '记录条数（CSV 不含表头）' }),
  bytes: Type.Integer({ description: '文件字节数' }),
  sha256: Type.String({ description: '文件的 SHA-256（十六进制）' }),
});

const OpenDataManifestSchema = Type.Object({
  date: Type.String({ description: '导出日期' }),
  generatedAt: Type.String({ description: '生成时间' }),
  records: Type.Integer({ description: '公示中的信用记录条数' }),
  files: Type.Array(OpenDataFileSchema),
});

const FileParams = Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 100, description: '清单中列出的文件名' }) }, Strict);

/** Public open data: the newest daily export's manifest and its files (only names the manifest lists). */
export function registerOpenDataRoutes(app: App): void {
  const { dataDir } = app.ctx.config;
  const tags = ['公开查询'];
  const publicErrors = { ...errorResponses, 429: Type.Ref('Error') };
  const latest = () => {
    const found = latestExport(dataDir);
    if (!found) throw new AppError('NOT_FOUND', '开放数据尚未生成，请稍后再试');
    return found;
  };

  app.get(
    '/public/open-data',
    {
      schema: { tags, summary: '开放数据：最新一期公示信用记录全量导出的清单（日期、条数、文件大小和 SHA-256）', security: [], response: { 200: OpenDataManifestSchema, ...publicErrors } },
      config: manifestRateLimit,
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(latest().manifest),
  );

  app.get(
    '/public/open-data/:file',
    {
      schema: { tags, summary: '开放数据：下载最新一期导出文件（NDJSON 或 CSV，个人信息已脱敏）', security: [], params: FileParams, response: publicErrors },
      config: fileRateLimit,
    },
    async (request, reply) => {
      const { dir, manifest } = latest();
      const file = manifest.files.find((one) => one.name === request.params.file);
      if (!file || path.basename(file.name) !== file.name) throw new AppError('NOT_FOUND', '最新一期开放数据中没有该文件');
      const stream = fs.createReadStream(path.join(dir, file.name));
      return reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-length', String(file.bytes))
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'public, max-age=300')
        .send(stream);
    },
  );
}
