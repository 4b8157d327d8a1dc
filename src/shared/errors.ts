/**
 * One error class for the whole platform. Each code has an HTTP status and a default Chinese message;
 * services throw `new AppError('NOT_FOUND', '未找到该信用主体')` and the HTTP layer renders
 * `{ code, message, details }`.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, message: '请求参数不合法' },
  BAD_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  NOT_FOUND: { status: 404, message: '未找到请求的资源' },
  CONFLICT: { status: 409, message: '数据冲突' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  LEGAL_BASIS_MISSING: { status: 422, message: '缺少法律依据' },
  PROCEDURE_STEP_MISSING: { status: 422, message: '办理步骤不完整或顺序不正确' },
  IDENTIFIER_INVALID: { status: 422, message: '证件号码或统一社会信用代码不合法' },
  CATALOG_ITEM_UNKNOWN: { status: 422, message: '目录中不存在该信息条目' },
  CATALOG_ITEM_NOT_ALLOWED: { status: 403, message: '本部门无权报送该目录条目' },
  RECORD_REVOKED: { status: 409, message: '该信用记录已撤销' },
  DATA_DIR_IN_USE: { status: 503, message: '数据目录正被另一个进程使用' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
