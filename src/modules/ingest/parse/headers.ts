import type { FieldDef } from '../../catalog/types';
import { ParseError } from './errors';

export interface HeaderMapping {
  /** column index (0-based) → field key; the first column wins when a field appears twice */
  mapping: Map<number, string>;
  /** header texts that match no field (empty header cells are not listed) */
  unknown: string[];
  /** fields with required === true that no column matches ('conditional' fields are left to the item rules) */
  missingRequired: FieldDef[];
  /** header texts of columns whose field was already matched by an earlier column */
  duplicates: string[];
}

/**
 * Normalises a header for matching: NFKC (full-width letters, digits and brackets → half-width:
 * （万元） → (万元)), no whitespace anywhere (line breaks inside header cells included), no leading or
 * trailing '*' (required markers) and no trailing ':', lower case (column codes such as cf_wsh).
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^\*+/u, '')
    .replace(/[*:]+$/u, '')
    .toLowerCase();
}

/** Every accepted header of a field: key, label, label with its unit, and all aliases. */
function namesOf(field: FieldDef): string[] {
  const names = [field.key, field.label, ...(field.aliases ?? [])];
  if (field.unit) names.push(`${field.label}（${field.unit}）`);
  return names;
}

/**
 * Maps header cells to catalog fields by key, Chinese label or alias (national 双公示 headers and
 * CF_* / XK_* column codes), after normalisation.
 */
export function mapHeaders(headers: readonly string[], fields: readonly FieldDef[]): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const field of fields) {
    for (const name of namesOf(field)) {
      const normalised = normaliseHeader(name);
      if (normalised && !lookup.has(normalised)) lookup.set(normalised, field.key);
    }
  }
  const mapping = new Map<number, string>();
  const mapped = new Set<string>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((header, index) => {
    const normalised = normaliseHeader(header);
    if (!normalised) return;
    const key = lookup.get(normalised);
    if (key === undefined) unknown.push(header);
    else if (mapped.has(key)) duplicates.push(header);
    else {
      mapped.add(key);
      mapping.set(index, key);
    }
  });
  const missingRequired = fields.filter((field) => field.required === true && !mapped.has(field.key));
  return { mapping, unknown, missingRequired, duplicates };
}

/** Message listing the Chinese labels of missing required columns: 缺少必填列：A、B */
export function missingHeadersMessage(missing: readonly FieldDef[]): string {
  return `缺少必填列：${missing.map((field) => field.label).join('、')}`;
}

/** Throws ParseError('HEADERS_MISSING') when required columns are missing; the caller refuses the whole file. */
export function assertRequiredHeaders(result: Pick<HeaderMapping, 'missingRequired'>): void {
  if (result.missingRequired.length > 0) throw new ParseError('HEADERS_MISSING', missingHeadersMessage(result.missingRequired));
}
