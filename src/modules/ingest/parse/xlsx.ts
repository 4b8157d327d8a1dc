import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MESSAGES, ParseError } from './errors';
import { buildRow, isBlankRow, makeHeaderInfo } from './rows';
import type { HeaderInfo, ParsedRow, RowProblem } from './types';

export interface ReadXlsxOptions {
  /** called once, before the first row is yielded, with the header row */
  onHeader?: (info: HeaderInfo & { sheetName: string }) => void;
  /** build each row's `raw` object only when it is read (see buildRow) */
  lazyRaw?: boolean;
}

/**
 * Built-in number formats of the zh-CN Excel locale (ids 27–36, 50–58) that ExcelJS does not map, so
 * that cells with e.g. 2024年1月15日 formatting are recognised as dates.
 */
const ZH_CN_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Streams the first worksheet (first visible sheet in tab order) of an XLSX with ExcelJS's streaming
 * WorkbookReader. The first non-empty row is the header (reported through onHeader, not yielded);
 * each following non-empty row is yielded with its Excel row number.
 *
 * Cell texts: strings as is; numbers as plain decimals (15 significant digits as Excel shows them,
 * no exponent); dates (date-formatted cells) as YYYY-MM-DD in UTC (YYYY-MM-DD HH:mm:ss when the
 * format shows a time); rich text concatenated; formulas → their cached result (never the formula,
 * never evaluated); hyperlinks → their text; booleans → TRUE/FALSE; error values → '' with problem
 * 'cell_error'.
 *
 * Throws ParseError XLSX_BROKEN for a truncated/corrupt zip or a zip without a workbook, and passes on
 * errors of the source stream (e.g. TOO_LARGE).
 *
 * Memory: rows are streamed, but the shared-strings table (unique texts of the workbook) is held in
 * memory, as is required to resolve cells. Worksheets stored in the zip before the shared strings
 * are spooled to a temporary file by ExcelJS and read back after.
 */
export async function* readXlsx(stream: Readable, options: ReadXlsxOptions = {}): AsyncGenerator<ParsedRow, void, undefined> {
  // ExcelJS pipes the source into unzipper; `pipe` does not forward errors, so watch the source.
  let rejectFailure: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (rejectFailure = reject));
  failure.catch(() => undefined);
  let sourceError: unknown;
  const onSourceError = (error: unknown) => {
    sourceError ??= error;
    rejectFailure(error);
  };
  stream.on('error', onSourceError);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  patchStyles(reader);
  const internal = reader as unknown as ReaderInternals;

  const sheets = reader[Symbol.asyncIterator]();
  let finished = false;
  let found = false;
  try {
    for (;;) {
      const next = await guard(sheets.next(), failure);
      if (next.done) break;
      const sheet = next.value as unknown as SheetReader;
      if (found || !isTargetSheet(sheet, internal)) continue; // not read: ExcelJS drains it
      found = true;
      const rows = (sheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      let header: HeaderInfo | undefined;
      const date1904 = Boolean(internal.properties?.model?.date1904);
      for (;;) {
        const r = await guard(rows.next(), failure);
        if (r.done) break;
        const row = r.value;
        const problems: RowProblem[] = [];
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const { text, problem } = cellText(cell.value, cell.numFmt, date1904);
          while (cells.length < col - 1) cells.push('');
          cells[col - 1] = text;
          if (problem) problems.push(problem);
        });
        if (isBlankRow(cells) && problems.length === 0) continue;
        if (!header) {
          header = makeHeaderInfo(cells.map((c) => c.trim()), row.number);
          options.onHeader?.({ ...header, sheetName: sheet.name });
          continue;
        }
        yield buildRow(header, row.number, cells, problems, options.lazyRaw === true);
      }
    }
    if (!internal.model) throw new ParseError('XLSX_BROKEN', MESSAGES.XLSX_BROKEN); // a zip, but not a workbook
    finished = true;
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (sourceError !== undefined) throw sourceError;
    throw new ParseError('XLSX_BROKEN', MESSAGES.XLSX_BROKEN, { cause: error });
  } finally {
    stream.off('error', onSourceError);
    if (!finished && !stream.destroyed) stream.destroy();
  }
}

interface ReaderInternals {
  model?: { sheets?: Array<{ id: number; name: string; state?: string }> };
  properties?: { model?: { date1904?: boolean } };
  styles?: { index?: { numFmt?: Record<number, string> } };
  _parseStyles?: (entry: unknown) => Promise<void>;
}

interface SheetReader {
  id: number | string;
  name: string;
}

function guard<T>(promise: Promise<T>, failure: Promise<never>): Promise<T> {
  return Promise.race([promise, failure]);
}

/** The first visible sheet in tab order (workbook.xml), or the first one met when that is unknown. */
function isTargetSheet(sheet: SheetReader, reader: ReaderInternals): boolean {
  const tabs = reader.model?.sheets ?? [];
  const first = tabs.find((s) => !s.state || s.state === 'visible') ?? tabs[0];
  if (!first) return true;
  return String(sheet.id) === String(first.id);
}

function patchStyles(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internal = reader as unknown as ReaderInternals;
  const original = internal._parseStyles;
  if (typeof original !== 'function') return;
  internal._parseStyles = async function (this: ReaderInternals, entry: unknown) {
    await original.call(this, entry);
    const index = this.styles?.index?.numFmt;
    if (index) for (const [id, code] of Object.entries(ZH_CN_BUILTIN_FORMATS)) index[Number(id)] ??= code;
  };
}

// ---------------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------------

interface CellText {
  text: string;
  problem?: RowProblem;
}

export function cellText(value: unknown, numFmt: string | undefined, date1904 = false): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { text: '', problem: 'cell_error' };
    if (isDateFormat(numFmt)) return { text: formatExcelDate(excelSerialToDate(value, date1904), numFmt) };
    return { text: plainNumber(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatExcelDate(value, numFmt) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return { text: (v.richText as Array<{ text?: unknown }>).map((run) => (typeof run.text === 'string' ? run.text : '')).join('') };
    }
    if ('error' in v) return { text: '', problem: 'cell_error' };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { text: '', problem: 'formula_without_value' };
      return cellText(v.result, numFmt, date1904);
    }
    if ('text' in v) return cellText(v.text, numFmt, date1904); // hyperlink
  }
  return { text: String(value) };
}

/** ExcelJS's rule: a format with y m d h s (outside quotes and [..]) is a date/time format. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const stripped = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}

function formatHasTime(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const stripped = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[hs]/i.test(stripped);
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400) * 1000);
}

/** Excel dates have no time zone: ExcelJS builds them as UTC, so they are formatted in UTC. */
function formatExcelDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const hasTime = numFmt ? formatHasTime(numFmt) : rounded.getTime() % 86_400_000 !== 0;
  return hasTime ? `${day} ${iso.slice(11, 19)}` : day;
}

/**
 * A number as Excel shows it in a General cell, without its exponent: 15 significant digits (so the
 * binary noise of 0.1+0.2 is gone), no trailing zeros, plain decimal notation.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign, intDigit, fraction = '', exponentText] = match;
  const digits = intDigit + fraction;
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    const intLength = exponent + 1;
    return sign + (digits.length <= intLength ? digits + '0'.repeat(intLength - digits.length) : `${digits.slice(0, intLength)}.${digits.slice(intLength)}`);
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}
