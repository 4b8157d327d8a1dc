import { checkIdentifier } from '../identifiers';
import { CODE_TABLES } from './code-tables';
import type { CatalogItemDef, CodeTableEntry, FieldDef } from './types';

export interface FieldError {
  field: string;
  code: 'required' | 'type' | 'date' | 'code' | 'identifier' | 'length' | 'unknown_field';
  message: string;
}

export interface FieldValidation {
  values: Record<string, unknown>;
  errors: FieldError[];
}

type Parsed = { value: unknown } | { error: Omit<FieldError, 'field'> };

/**
 * Validates one record's fields against its catalog item's field schema and normalises them (dates to
 * YYYY-MM-DD, code labels to codes, amounts to decimal strings). Conditional requirements are the
 * caller's (they depend on the subject kind).
 */
export function validateFields(item: Pick<CatalogItemDef, 'fields'>, input: Record<string, unknown>): FieldValidation {
  const known = new Map(item.fields.map((field) => [field.key, field]));
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: key, code: 'unknown_field', message: `目录条目中没有字段 ${key}` });
  }
  for (const field of item.fields) {
    const raw = input[field.key];
    if (isBlank(raw)) {
      if (field.required === true) errors.push({ field: field.key, code: 'required', message: `${field.label}为必填项` });
      continue;
    }
    const parsed = parseField(field, raw);
    if ('error' in parsed) errors.push({ field: field.key, ...parsed.error });
    else values[field.key] = parsed.value;
  }
  return { values, errors };
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function parseField(field: FieldDef, raw: unknown): Parsed {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (field.type) {
    case 'string':
    case 'text':
      return parseText(field, text);
    case 'date':
      return parseDate(field, text);
    case 'decimal':
      return parseDecimal(field, text);
    case 'integer':
      return parseInteger(field, text);
    case 'boolean':
      return parseBoolean(field, text);
    case 'code':
      return parseCode(field, text);
    case 'codes':
      return parseCodes(field, text);
    case 'uscc':
    case 'citizen_id':
    case 'identifier':
      return parseIdentifier(field, text);
  }
}

function parseText(field: FieldDef, value: unknown): Parsed {
  if (typeof value !== 'string' && typeof value !== 'number') return typeError(field, '文本');
  const text = String(value);
  if (field.maxLength && text.length > field.maxLength) return { error: { code: 'length', message: `${field.label}最多 ${field.maxLength} 个字符` } };
  return { value: text };
}

const DATE_PATTERNS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})(\d{2})(\d{2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/];

export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, '');
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return date.toISOString().slice(0, 10);
  }
  return null;
}

function parseDate(field: FieldDef, value: unknown): Parsed {
  const date = normaliseDate(value);
  if (!date) return { error: { code: 'date', message: `${field.label}不是有效日期（应为 YYYY-MM-DD）` } };
  if (date < '1949-01-01' || date > '2099-12-31') return { error: { code: 'date', message: `${field.label}超出合理范围` } };
  return { value: date };
}

function parseDecimal(field: FieldDef, value: unknown): Parsed {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/,/g, '') : null;
  if (text === null || !/^-?\d+(\.\d+)?$/.test(text)) return typeError(field, `数字${field.unit ? `（单位：${field.unit}）` : ''}`);
  if (Number(text) < 0) return { error: { code: 'type', message: `${field.label}不能为负数` } };
  return { value: text };
}

function parseInteger(field: FieldDef, value: unknown): Parsed {
  const text = String(value);
  return /^-?\d+$/.test(text) ? { value: Number(text) } : typeError(field, '整数');
}

function parseBoolean(field: FieldDef, value: unknown): Parsed {
  if (typeof value === 'boolean') return { value };
  const text = String(value);
  if (['是', 'true', '1', 'Y', 'y'].includes(text)) return { value: true };
  if (['否', 'false', '0', 'N', 'n'].includes(text)) return { value: false };
  return typeError(field, '是/否');
}

export function findCodeEntry(tableName: string, value: string): CodeTableEntry | null {
  const table = CODE_TABLES[tableName];
  if (!table) return null;
  const text = value.trim();
  return table.entries.find((entry) => entry.code === text || entry.label === text) ?? null;
}

function parseCode(field: FieldDef, value: unknown): Parsed {
  const entry = findCodeEntry(field.codeTable ?? '', String(value));
  return entry ? { value: entry.code } : codeError(field, String(value));
}

function parseCodes(field: FieldDef, value: unknown): Parsed {
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(/[,，、;；|]/);
  const codes: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const entry = findCodeEntry(field.codeTable ?? '', part);
    if (!entry) return codeError(field, part);
    if (!codes.includes(entry.code)) codes.push(entry.code);
  }
  return codes.length ? { value: codes } : { error: { code: 'required', message: `${field.label}为必填项` } };
}

function parseIdentifier(field: FieldDef, value: unknown): Parsed {
  const text = String(value).trim().toUpperCase();
  if (field.type === 'identifier' || text === PLACEHOLDER_USCC) return { value: text };
  const check = checkIdentifier(text);
  const expected = field.type === 'uscc' ? 'uscc' : 'citizen_id';
  if (check.type !== expected || !check.valid) {
    const problems = check.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('；');
    return { error: { code: 'identifier', message: `${field.label}不合法${problems ? `：${problems}` : ''}` } };
  }
  return { value: check.normalized };
}

/** 个体工商户 without a USCC carry 17 zeros and an X (双公示 data standard). */
export const PLACEHOLDER_USCC = '00000000000000000X';

function typeError(field: FieldDef, expected: string): Parsed {
  return { error: { code: 'type', message: `${field.label}应为${expected}` } };
}

function codeError(field: FieldDef, value: string): Parsed {
  const table = CODE_TABLES[field.codeTable ?? ''];
  const allowed = table ? table.entries.map((e) => e.label).slice(0, 20).join('、') : '';
  return { error: { code: 'code', message: `${field.label}的值「${value}」不在代码表中${allowed ? `（可选：${allowed}）` : ''}` } };
}
