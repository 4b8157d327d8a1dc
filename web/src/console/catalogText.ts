import type { CatalogItem, DisclosurePeriod } from '../shared/types';
import { SEVERITY_LABELS } from '../shared/labels';

export const PERIOD_KEYS = ['minor', 'general', 'serious', 'none'] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];

export const PERIOD_LABELS: Record<PeriodKey, string> = {
  minor: '轻微失信',
  general: '一般失信',
  serious: '严重失信',
  none: '中性/守信',
};

export function periodText(p: DisclosurePeriod | null | undefined): string {
  if (p === null) return '有效期内';
  if (!p) return '—';
  if (p.minMonths === p.maxMonths) return `${p.maxMonths} 个月`;
  return `${p.minMonths}–${p.maxMonths} 个月`;
}

export function periodsSummary(item: CatalogItem): string {
  const parts: string[] = [];
  for (const key of PERIOD_KEYS) {
    if (!(key in (item.disclosurePeriods ?? {}))) continue;
    const p = item.disclosurePeriods[key];
    parts.push(key === 'none' ? periodText(p) : `${SEVERITY_LABELS[key]} ${periodText(p)}`);
  }
  return parts.length ? parts.join('；') : '—';
}

export function legalBasisText(b: { document: string; article?: string }): string {
  return b.article ? `${b.document} ${b.article}` : b.document;
}
