/**
 * Row-level problems found while reading. They do not stop the file: the caller records one error
 * per row (the row keeps its number, so the clerk can find it) and goes on.
 * - extra_cells: the row has non-empty cells to the right of the last header column
 * - cell_error: an Excel error value (#N/A, #DIV/0!, #REF! …), read as ''
 * - formula_without_value: a formula cell saved without its cached result (written by a program
 *   that does not calculate); read as '' — we never evaluate formulas
 * - bad_encoding: a cell contains U+FFFD, i.e. bytes that were not valid in the detected encoding
 *   (e.g. a UTF-8 file with a GBK part appended)
 */
export type RowProblem = 'extra_cells' | 'cell_error' | 'formula_without_value' | 'bad_encoding';

export interface ParsedRow {
  /** 1-based row number as the clerk sees it in Excel: header = row 1 (or the header's row), blank rows counted */
  rowNumber: number;
  /**
   * Cell texts keyed by header key (see `headerKeys`): normally the header text itself; a repeated
   * header gets `名称（第N列）`, an empty header `第N列`. Missing cells are ''.
   */
  raw: Record<string, string>;
  /** cell texts by 0-based column index, lossless (includes extra cells beyond the header) */
  cells: string[];
  /** only present when the row has problems */
  problems?: RowProblem[];
}

export interface HeaderInfo {
  /** header texts, trimmed, in column order (empty string for an empty header cell) */
  headers: string[];
  /** unique keys used in ParsedRow.raw, same order as headers */
  keys: string[];
  /** row number of the header row (1 for CSV; the first non-empty row for XLSX) */
  rowNumber: number;
}

export type TableFormat = 'csv' | 'xlsx';
