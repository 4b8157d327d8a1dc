import dayjs from 'dayjs';

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('zh-CN');
}

/** Render any field value of a record version as text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(formatValue).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Region as the identifier API reports it: a string, an object with a name, or a list of levels. */
export function formatRegion(region: unknown): string {
  if (region === null || region === undefined || region === '') return '—';
  if (typeof region === 'string') return region;
  if (Array.isArray(region)) return region.map(formatRegion).filter((s) => s !== '—').join(' ') || '—';
  if (typeof region === 'object') {
    const r = region as Record<string, unknown>;
    for (const key of ['fullName', 'full_name', 'path', 'name']) {
      const v = r[key];
      if (typeof v === 'string' && v) return typeof r.code === 'string' && key === 'name' ? `${v}（${r.code}）` : v;
      if (Array.isArray(v)) return formatRegion(v);
    }
    const parts = ['province', 'city', 'county', 'district']
      .map((k) => r[k])
      .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { name?: string }).name : undefined))
      .filter((v): v is string => !!v);
    const code = typeof r.code === 'string' ? r.code : '';
    const unknown = r.known === false ? '，非现行区划代码' : '';
    if (parts.length) return code ? `${parts.join(' ')}（${code}${unknown}）` : parts.join(' ');
    if (code) return `${code}${unknown ? '（非现行区划代码）' : ''}`;
  }
  return String(region);
}
