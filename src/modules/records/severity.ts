import { findCodeEntry, type CatalogItem, type Severity } from '../catalog';

const ORDER: Severity[] = ['none', 'minor', 'general', 'serious'];

/**
 * A record's severity: the heaviest severity among its coded values that carry one (one decision with
 * several penalty types counts under the heaviest; a breached contract or commitment is negative), else
 * the item's default for negative items and none for the rest.
 */
export function severityOf(item: CatalogItem, values: Record<string, unknown>): Severity {
  const coded = codedSeverities(item, values);
  if (coded.length === 0) return item.nature === 'negative' ? item.defaultSeverity : 'none';
  return coded.reduce((heaviest, severity) => (ORDER.indexOf(severity) > ORDER.indexOf(heaviest) ? severity : heaviest), 'none' as Severity);
}

function codedSeverities(item: CatalogItem, values: Record<string, unknown>): Severity[] {
  const severities: Severity[] = [];
  for (const field of item.fields) {
    if ((field.type !== 'code' && field.type !== 'codes') || !field.codeTable) continue;
    for (const code of ([] as unknown[]).concat(values[field.key] ?? [])) {
      const severity = findCodeEntry(field.codeTable, String(code))?.severity;
      if (severity) severities.push(severity);
    }
  }
  return severities;
}
