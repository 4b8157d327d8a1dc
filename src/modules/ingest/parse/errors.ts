/**
 * File-level parse errors. `message` is Chinese and meant for the department clerk who uploaded the
 * file; `code` is stable and meant for programs (API error codes, tests, metrics).
 */
export type ParseErrorCode =
  | 'ENCODING' // not UTF-8 / UTF-16 / GB18030 (GBK) text, or binary data
  | 'CSV_MALFORMED' // unclosed quote, a record longer than the limit, garbage after a closing quote
  | 'XLSX_BROKEN' // truncated / corrupt zip, or a zip that is not a workbook
  | 'XLSX_ENCRYPTED' // password-protected OOXML (OLE compound file with an EncryptedPackage stream)
  | 'XLS_UNSUPPORTED' // legacy BIFF .xls (OLE compound file without EncryptedPackage)
  | 'HEADERS_MISSING' // required columns of the catalog item are absent
  | 'TOO_LARGE' // more bytes than maxBytes
  | 'EMPTY'; // 0 bytes, only blank lines, or only a header row

export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;
  /** row (as numbered in Excel, header = 1) where the problem was found, when it is row-specific */
  readonly rowNumber?: number;

  constructor(code: ParseErrorCode, message: string, options: { rowNumber?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.rowNumber !== undefined) this.rowNumber = options.rowNumber;
  }
}

export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}

export const MESSAGES = {
  ENCODING: '文件编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV',
  XLSX_BROKEN: 'XLSX 文件已损坏或不是有效的 Excel 文件',
  XLSX_ENCRYPTED: 'XLSX 文件设置了密码保护，请取消密码后重新上传',
  XLS_UNSUPPORTED: '不支持旧版 .xls 格式，请另存为 .xlsx 或 CSV',
  EMPTY: '文件为空或只有表头，没有数据行',
} as const;

export function tooLargeMessage(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
  return `文件超过 ${text} MB 上限，请拆分后上传`;
}
