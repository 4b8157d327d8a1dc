import { describe, expect, it } from 'vitest';
import { BASE_ITEMS, type CatalogItem } from '../../src/modules/catalog';
import { addMonths, disclosedOn, disclosureWindow, type RuleRecord } from '../../src/modules/disclosure';
import { severityOf } from '../../src/modules/records';

const base = (code: string) => ({ ...BASE_ITEMS.find((item) => item.code === code)!, id: 'x', versionId: 'v' }) as CatalogItem;
const penalty = base('penalty');
const licence = base('licence');
const record = (overrides: Partial<RuleRecord> = {}): RuleRecord => ({ status: 'active', severity: 'general', decisionDate: '2026-01-31', fields: {}, ...overrides });

describe('disclosure rules (国办发〔2025〕22号 / Order 36)', () => {
  it('adds calendar months, clamping the day to the target month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-02', 36)).toBe('2029-11-02');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('never discloses an item whose scope is not public', () => {
    for (const code of ['levy', 'benefit', 'self_declared']) {
      expect(disclosureWindow(base(code), record({ severity: 'none' }))).toMatchObject({ disclosed: false, reason: 'scope', end: null });
    }
  });

  it('never discloses a revoked record', () => {
    expect(disclosureWindow(penalty, record({ status: 'revoked', severity: 'serious' }))).toMatchObject({ disclosed: false, reason: 'revoked' });
  });

  it('does not publish minor dishonesty', () => {
    expect(disclosureWindow(penalty, record({ severity: 'minor' }))).toMatchObject({ disclosed: false, reason: 'minor_not_published', end: null });
  });

  it('general: decision date + 12 months; serious: + 36 months, with clamping', () => {
    expect(disclosureWindow(penalty, record({ severity: 'general' }))).toEqual({ disclosed: true, reason: 'negative_period', start: '2026-01-31', end: '2027-01-31' });
    expect(disclosureWindow(penalty, record({ severity: 'serious', decisionDate: '2024-02-29' }))).toEqual({ disclosed: true, reason: 'negative_period', start: '2024-02-29', end: '2027-02-28' });
  });

  it('several penalty types: the heaviest decides (警告 + 吊销许可证件 → serious → 36 months)', () => {
    const severity = severityOf(penalty, { penalty_types: ['warning', 'revoke_licence'] });
    expect(severity).toBe('serious');
    expect(disclosureWindow(penalty, record({ severity, decisionDate: '2026-11-02' })).end).toBe('2029-11-02');
    const lighter = severityOf(penalty, { penalty_types: ['warning', 'fine'] });
    expect(disclosureWindow(penalty, record({ severity: lighter, decisionDate: '2026-11-02' })).end).toBe('2027-11-02');
  });

  it('periods come from the catalog item: a custom maximum is used', () => {
    const custom = { ...penalty, disclosurePeriods: { general: { minMonths: 3, maxMonths: 6 } } };
    expect(disclosureWindow(custom, record()).end).toBe('2026-07-31');
    expect(disclosureWindow(custom, record({ severity: 'serious' }))).toMatchObject({ disclosed: false, reason: 'period_not_configured' });
  });

  it('neutral information is disclosed while valid: until valid_until, or indefinitely for 2099-12-31 / none', () => {
    expect(disclosureWindow(licence, record({ severity: 'none', fields: { valid_until: '2030-06-30' } }))).toEqual({ disclosed: true, reason: 'valid_until', start: '2026-01-31', end: '2030-06-30' });
    expect(disclosureWindow(licence, record({ severity: 'none', fields: { valid_until: '2099-12-31' } }))).toMatchObject({ disclosed: true, reason: 'not_negative_indefinite', end: null });
    expect(disclosureWindow(licence, record({ severity: 'none', fields: {} }))).toMatchObject({ disclosed: true, reason: 'not_negative_indefinite', end: null });
  });

  it('a neutral item with a fixed period under `none` ends at decision date + its maximum', () => {
    expect(disclosureWindow(base('consumer_complaint'), record({ severity: 'none' }))).toMatchObject({ disclosed: true, reason: 'fixed_period', end: '2027-01-31' });
  });

  it('ends automatically after the end date (the end date itself is still shown)', () => {
    const window = disclosureWindow(penalty, record());
    expect(disclosedOn(window, '2027-01-31')).toEqual({ disclosed: true, reason: 'negative_period' });
    expect(disclosedOn(window, '2027-02-01')).toEqual({ disclosed: false, reason: 'period_expired' });
    expect(disclosedOn(disclosureWindow(licence, record({ severity: 'none' })), '2199-01-01').disclosed).toBe(true);
  });
});
