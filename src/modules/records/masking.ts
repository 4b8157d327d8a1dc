import { maskAddress, maskCitizenId, maskName, maskPhone } from '../identifiers';
import type { CatalogItem, FieldDef } from '../catalog';
import { maskPersonalPatterns } from '../../shared/redact';

const MASKERS: Record<NonNullable<FieldDef['personal']>, (value: string) => string> = {
  citizen_id: maskCitizenId,
  phone: maskPhone,
  address: maskAddress,
  name: maskName,
};

/** Masks the fields the catalog marks as a natural person's personal data. */
export function maskPersonalFields(item: Pick<CatalogItem, 'fields'>, values: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...values };
  for (const field of item.fields) {
    const value = masked[field.key];
    if (field.personal && typeof value === 'string' && value) masked[field.key] = MASKERS[field.personal](value);
  }
  return masked;
}

/** Raw rows as received have no schema yet: mask anything shaped like an ID number or a mobile number. */
export function maskRawValues(raw: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!raw) return raw;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    masked[key] = typeof value === 'string' ? maskPersonalPatterns(value) : value;
  }
  return masked;
}
