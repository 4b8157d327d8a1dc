import type { HeaderInfo, ParsedRow, RowProblem } from './types';

/**
 * Unique keys for ParsedRow.raw. The header text itself when it is unique; a repeated header gets
 * `名称（第N列）` and an empty header `第N列` (N = 1-based column number), so no cell is lost.
 */
export function headerKeys(headers: string[]): string[] {
  const seen = new Set<string>();
  const keys: string[] = [];
  headers.forEach((header, index) => {
    let key = header === '' ? `第${index + 1}列` : header;
    if (seen.has(key)) key = `${header}（第${index + 1}列）`;
    seen.add(key);
    keys.push(key);
  });
  return keys;
}

export function makeHeaderInfo(headers: string[], rowNumber: number): HeaderInfo {
  // drop empty trailing header cells (formatting left over to the right of the table)
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  const trimmed = headers.slice(0, width);
  return { headers: trimmed, keys: headerKeys(trimmed), rowNumber };
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

/**
 * Builds a row from its cells. Missing cells become ''. Non-empty cells beyond the header width are
 * kept in `cells` and flagged `extra_cells`; empty ones (a trailing delimiter) are dropped.
 * With `lazyRaw`, the header → text object is only built when `raw` is first read (bulk ingest reads
 * the cells and needs `raw` only for the rows it refuses).
 */
export function buildRow(header: HeaderInfo, rowNumber: number, cells: string[], problems: RowProblem[] = [], lazyRaw = false): ParsedRow {
  const width = header.keys.length;
  let last = cells.length;
  if (last > width) {
    while (last > width && cells[last - 1] === '') last--;
    if (last > width) problems.push('extra_cells');
    cells = cells.slice(0, Math.max(last, width));
  }
  while (cells.length < width) cells.push('');
  if (lazyRaw) return new LazyRawRow(rowNumber, cells, header.keys, problems.length > 0 ? [...new Set(problems)] : undefined);
  const raw: Record<string, string> = {};
  for (let i = 0; i < width; i++) raw[header.keys[i]] = cells[i];
  const row: ParsedRow = { rowNumber, raw, cells };
  if (problems.length > 0) row.problems = [...new Set(problems)];
  return row;
}

function rawOf(keys: readonly string[], cells: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) raw[keys[i]] = cells[i];
  return raw;
}

/** A ParsedRow whose `raw` object is made on first use. */
class LazyRawRow implements ParsedRow {
  private built: Record<string, string> | null = null;
  problems?: RowProblem[];

  constructor(
    readonly rowNumber: number,
    readonly cells: string[],
    private readonly keys: readonly string[],
    problems: RowProblem[] | undefined,
  ) {
    if (problems) this.problems = problems;
  }

  get raw(): Record<string, string> {
    return (this.built ??= rawOf(this.keys, this.cells));
  }
}
