import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode } from '../shared/errors';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_JSON', message: '请求体为空，应为 JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION', message: '请求长度不正确' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE' },
  FST_REQ_FILE_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 multipart/form-data 上传文件' },
};

export function errorBody(code: ErrorCode, message?: string, details?: unknown) {
  return { code, message: message ?? ERROR_CODES[code].message, details: details ?? null };
}

/** Every error leaves as `{ code, message (中文), details }`; only unexpected ones are 500 and logged. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
  }
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    const details = fastifyError.validation.map((e) => describeAjvError(e, fastifyError.validationContext));
    return reply.status(400).send(errorBody('VALIDATION', `请求参数不合法：${details[0]?.message ?? ''}`, details));
  }
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return reply.status(ERROR_CODES[known.code].status).send(errorBody(known.code, known.message));
  if (fastifyError.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED'));
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send(errorBody('VALIDATION', `请求不正确（${fastifyError.message}）`));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send(errorBody('INTERNAL'));
}

function fieldName(error: AjvError, context?: string): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (error.params.missingProperty ?? error.params.additionalProperty) as string | undefined;
  const name = [path, missing].filter(Boolean).join('.');
  return name || context || '请求';
}

function describeAjvError(error: AjvError, context?: string): { field: string; code: string; message: string } {
  const field = fieldName(error, context);
  const p = error.params;
  const messages: Record<string, () => string> = {
    required: () => `缺少必填字段 ${field}`,
    additionalProperties: () => `不允许的字段 ${field}`,
    type: () => `字段 ${field} 的类型应为 ${typeName(String(p.type))}`,
    minLength: () => `字段 ${field} 至少 ${p.limit} 个字符`,
    maxLength: () => `字段 ${field} 最多 ${p.limit} 个字符`,
    minimum: () => `字段 ${field} 不能小于 ${p.limit}`,
    maximum: () => `字段 ${field} 不能大于 ${p.limit}`,
    enum: () => `字段 ${field} 的取值应为：${(p.allowedValues as unknown[]).join('、')}`,
    const: () => `字段 ${field} 的取值不正确`,
    pattern: () => `字段 ${field} 的格式不正确`,
    format: () => `字段 ${field} 的格式应为 ${p.format}`,
    minItems: () => `字段 ${field} 至少 ${p.limit} 项`,
    maxItems: () => `字段 ${field} 最多 ${p.limit} 项`,
  };
  return { field, code: error.keyword, message: messages[error.keyword]?.() ?? `字段 ${field} 不合法` };
}

function typeName(type: string): string {
  return ({ string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', object: '对象', array: '数组', null: '空值' } as Record<string, string>)[type] ?? type;
}
