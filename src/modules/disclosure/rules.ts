/**
 * Disclosure rules (公示规则), pure: whether and how long a record is shown to the public.
 *
 * Periods under 国办发〔2025〕22号 §二 and NDRC Order 36 (REFERENCE §5.2), configured per catalog item
 * in `disclosurePeriods`: minor dishonesty is in principle not published, general 3–12 months, serious
 * 12–36 months, all counted from the decision date; disclosure ends automatically at the maximum. A
 * record's severity is already the heaviest of its penalty types (records/severity.ts), so "several
 * penalty types → the longest period" holds through the severity.
 *
 * Minor records: the rules allow publication (≤ 3 months) where the sector authority decides it is
 * needed. The catalog has no such opt-in yet, so minor records are never published here; a department
 * opt-in (per item or per record) is future work and would return `minor_published` with the minor
 * period's maximum.
 */
import type { CatalogItem, Severity } from '../catalog';

/** 2099-12-31 means 长期 (no expiry) in the 双公示 standard (REFERENCE §2.2). */
export const LONG_TERM_DATE = '2099-12-31';

export type WindowReason =
  /** not disclosed: the item's scope is shared or authorised, never public */
  | 'scope'
  /** not disclosed: the record was revoked by its department */
  | 'revoked'
  /** not disclosed: minor dishonesty is in principle not published */
  | 'minor_not_published'
  /** not disclosed: the catalog item configures no period for the record's severity */
  | 'period_not_configured'
  /** disclosed: negative information, until decision date + the severity's maximum period */
  | 'negative_period'
  /** disclosed: neutral/positive information with a fixed period configured under `none` */
  | 'fixed_period'
  /** disclosed: neutral/positive information while valid, until its 有效期至 */
  | 'valid_until'
  /** disclosed: neutral/positive information without an end (no or long-term validity) */
  | 'not_negative_indefinite';

export interface DisclosureWindow {
  disclosed: boolean;
  reason: WindowReason;
  /** the decision date: disclosure periods count from it */
  start: string;
  /** last day of disclosure (inclusive); null = no end while the record stands */
  end: string | null;
}

export type RuleItem = Pick<CatalogItem, 'disclosureScope' | 'disclosurePeriods'>;

export interface RuleRecord {
  status: string;
  severity: Severity;
  decisionDate: string;
  /** the current version's fields (only `valid_until` is read) */
  fields: Record<string, unknown>;
}

export function disclosureWindow(item: RuleItem, record: RuleRecord): DisclosureWindow {
  const start = record.decisionDate;
  const closed = (reason: WindowReason): DisclosureWindow => ({ disclosed: false, reason, start, end: null });
  if (record.status === 'revoked') return closed('revoked');
  if (item.disclosureScope !== 'public') return closed('scope');
  const periods = item.disclosurePeriods ?? {};
  if (record.severity === 'minor') return closed('minor_not_published');
  if (record.severity === 'general' || record.severity === 'serious') {
    const period = periods[record.severity];
    if (!period) return closed('period_not_configured');
    return { disclosed: true, reason: 'negative_period', start, end: addMonths(start, period.maxMonths) };
  }
  if (periods.none) return { disclosed: true, reason: 'fixed_period', start, end: addMonths(start, periods.none.maxMonths) };
  const validUntil = dateValue(record.fields.valid_until);
  if (validUntil && validUntil !== LONG_TERM_DATE) return { disclosed: true, reason: 'valid_until', start, end: validUntil };
  return { disclosed: true, reason: 'not_negative_indefinite', start, end: null };
}

/** The window as it stands on `today`: disclosure ends automatically after its end date. */
export function disclosedOn(window: DisclosureWindow, today: string): { disclosed: boolean; reason: WindowReason | 'period_expired' } {
  if (window.disclosed && window.end !== null && window.end < today) return { disclosed: false, reason: 'period_expired' };
  return { disclosed: window.disclosed, reason: window.reason };
}

/**
 * Calendar months after a date, clamping the day to the target month's length
 * (2026-01-31 + 1 month = 2026-02-28; 2024-02-29 + 12 months = 2025-02-28).
 */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12; // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

function dateValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const normalised = value.trim().replaceAll('/', '-');
  return /^\d{4}-\d{2}-\d{2}$/.test(normalised) ? normalised : null;
}
