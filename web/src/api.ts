/**
 * Fetch wrapper for the platform's JSON API. Sends the session cookie (same-origin), parses JSON and
 * turns every non-2xx answer into an `ApiError` carrying the server's `{ code, message, details }`.
 * `message` is Chinese and meant to be shown to the user as is.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') || path.startsWith('/healthz') ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function statusMessage(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '无权访问';
  if (status === 404) return '未找到请求的资源';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status === 502 || status === 503 || status === 504) return '服务暂时不可用，请稍后再试';
  if (status >= 500) return '服务器内部错误';
  return `请求失败（HTTP ${status}）`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络或稍后再试');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const err = (data ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    throw new ApiError(
      response.status,
      typeof err.code === 'string' ? err.code : `HTTP_${response.status}`,
      typeof err.message === 'string' && err.message ? err.message : statusMessage(response.status),
      err.details,
    );
  }
  if (data === undefined && text) {
    throw new ApiError(response.status, 'BAD_RESPONSE', '服务器返回的数据格式不正确');
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Turn a non-2xx fetch answer into an ApiError (the server's `{ code, message, details }` when it sent one). */
async function responseError(response: Response): Promise<ApiError> {
  let err: { code?: unknown; message?: unknown; details?: unknown } = {};
  try {
    const text = await response.text();
    if (text) err = JSON.parse(text) as typeof err;
  } catch {
    err = {};
  }
  return new ApiError(
    response.status,
    typeof err.code === 'string' ? err.code : `HTTP_${response.status}`,
    typeof err.message === 'string' && err.message ? err.message : statusMessage(response.status),
    err.details,
  );
}

/**
 * POST a multipart form (an upload). `fields` are appended first and the file last, in that order:
 * the server reads the text fields before it streams the file part.
 */
export async function upload<T>(
  path: string,
  fields: Record<string, string | undefined>,
  file: Blob,
  fileName?: string,
): Promise<{ status: number; data: T }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(key, value);
  }
  if (fileName !== undefined) form.append('file', file, fileName);
  else form.append('file', file);
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method: 'POST', headers: { Accept: 'application/json' }, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络或稍后再试');
  }
  if (!response.ok) throw await responseError(response);
  const text = await response.text();
  try {
    return { status: response.status, data: JSON.parse(text) as T };
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', '服务器返回的数据格式不正确');
  }
}

/** The file name a Content-Disposition header gives (`filename*=UTF-8''…` preferred), or null. */
function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

/**
 * Download a file from the API (with the session cookie) and hand it to the browser as a download.
 * Errors come back as ApiError with the server's Chinese message instead of a JSON page.
 */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络或稍后再试');
  }
  if (!response.ok) throw await responseError(response);
  const blob = await response.blob();
  const name = dispositionFilename(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The Chinese message to show for any error thrown by a request or a component. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
