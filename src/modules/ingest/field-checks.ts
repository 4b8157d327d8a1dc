import type { CatalogItemDef, FieldDef } from '../catalog';
import { validateFields, type FieldError, type FieldValidation } from '../catalog/validate-fields';

/**
 * validateFields for a batch's rows, remembering the outcome of fields whose values repeat: dates,
 * amounts, codes and identifiers (a file has a few hundred decision dates, a handful of authorities and
 * penalty types, and each subject's code many times). Each such field is checked alone — by
 * validateFields itself, on the field by itself — the first time a value is seen; free-text fields are
 * checked together by validateFields on every row. The outcome is the same as validateFields(item, input):
 * the same values and the same errors in the same (field) order.
 */
export class FieldChecker {
  private readonly textItem: Pick<CatalogItemDef, 'fields'>;
  private readonly textKeys: Set<string>;
  private readonly order: { field: FieldDef; memo: Memo | null }[];
  private readonly memos = new Map<string, Memo>();
  /** an item that names a field twice is left to validateFields as a whole */
  private readonly whole: boolean;

  constructor(private readonly item: Pick<CatalogItemDef, 'fields'>) {
    this.whole = new Set(item.fields.map((field) => field.key)).size !== item.fields.length;
    this.textItem = { fields: item.fields.filter((field) => !REPEATING_TYPES.has(field.type)) };
    this.textKeys = new Set(this.textItem.fields.map((field) => field.key));
    this.order = item.fields.map((field) => {
      if (!REPEATING_TYPES.has(field.type)) return { field, memo: null };
      const memo = new Memo(field);
      this.memos.set(field.key, memo);
      return { field, memo };
    });
  }

  /** Same as validateFields(item, input). */
  check(input: Record<string, unknown>): FieldValidation {
    if (this.whole) return validateFields(this.item, input);
    const text: Record<string, unknown> = {};
    for (const key in input) {
      if (this.memos.has(key)) continue;
      // a key that is no field of the item: validateFields reports it (first), exactly as it does
      if (!this.textKeys.has(key)) return validateFields(this.item, input);
      text[key] = input[key];
    }
    const checked = validateFields(this.textItem, text);
    const values: Record<string, unknown> = {};
    const errors: FieldError[] = [];
    for (const { field, memo } of this.order) {
      if (memo) {
        const outcome = memo.outcome(input[field.key]);
        if (outcome.error) errors.push(outcome.error);
        else if (outcome.has) values[field.key] = outcome.value;
        continue;
      }
      if (field.key in checked.values) values[field.key] = checked.values[field.key];
      if (checked.errors.length) for (const error of checked.errors) if (error.field === field.key) errors.push(error);
    }
    return { values, errors };
  }
}

/** Field types whose values repeat across rows and whose check is worth remembering. */
const REPEATING_TYPES = new Set<FieldDef['type']>(['date', 'decimal', 'integer', 'boolean', 'code', 'codes', 'uscc', 'citizen_id', 'identifier']);

/** Outcomes remembered per field (beyond that, values are checked every time). */
const MEMO_LIMIT = 20_000;

interface Outcome {
  has: boolean;
  value?: unknown;
  error?: FieldError;
}

class Memo {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly item: Pick<CatalogItemDef, 'fields'>;
  private absent: Outcome | null = null;

  constructor(private readonly field: FieldDef) {
    this.item = { fields: [field] };
  }

  outcome(raw: unknown): Outcome {
    if (raw === undefined) return (this.absent ??= this.compute(undefined));
    if (typeof raw !== 'string') return this.compute(raw);
    let outcome = this.outcomes.get(raw);
    if (outcome === undefined) {
      outcome = this.compute(raw);
      // kept for the batch: copies, not slices of the decoded file (see detach)
      if (this.outcomes.size < MEMO_LIMIT) this.outcomes.set(detach(raw), typeof outcome.value === 'string' ? { ...outcome, value: detach(outcome.value) } : outcome);
    }
    return outcome;
  }

  private compute(raw: unknown): Outcome {
    const { values, errors } = validateFields(this.item, raw === undefined ? {} : { [this.field.key]: raw });
    if (errors.length) return { has: false, error: errors[0] };
    if (!(this.field.key in values)) return { has: false };
    const value = values[this.field.key];
    // one value object serves many rows: nothing may change it
    return { has: true, value: typeof value === 'object' && value !== null ? Object.freeze(value) : value };
  }
}

/**
 * A copy of a string that does not keep alive the text it was cut from (V8 represents a substring of 13
 * characters or more as a slice of its parent: a cached slice of one cell would keep a whole 64 KiB
 * block of the decoded file in memory).
 */
export function detach(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}
