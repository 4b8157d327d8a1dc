/**
 * CSV / formula injection (OWASP "CSV Injection"): a cell starting with = + - @, or with a tab or
 * carriage return (which Excel skips) followed by one of them, may be run as a formula by the
 * spreadsheet that opens an export. Parsing never evaluates anything (XLSX formula cells are read
 * as their cached result, CSV cells stay text); exports pass every text cell through
 * `neutraliseForExport`.
 *
 * A plain signed number (-3, +0.5, -1.2E3) is not treated as formula-like: a spreadsheet reads it as
 * a number, it cannot call anything, and quoting it would change exported amounts.
 */
const TRIGGERS = new Set(['=', '+', '-', '@']);
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  let i = 0;
  while (i < text.length && (text[i] === '\t' || text[i] === '\r')) i++;
  if (i > 0 && i === text.length) return false;
  if (i > 0) return true; // OWASP: a leading tab or CR is itself a trigger
  if (!TRIGGERS.has(text[0])) return false;
  return !PLAIN_NUMBER.test(text);
}

/** Prefixes a single quote to formula-like text, so that spreadsheets show it as text. */
export function neutraliseForExport(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
