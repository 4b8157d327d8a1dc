/**
 * The sections of public output, in the order of the national public credit report (公共信用信息报告):
 * licences, penalties, other administrative actions, honours, lists, commitments, ratings, others.
 * Items map by code first, then by catalog category; anything else (supplement items included) is "other".
 */
export const SECTIONS = [
  { code: 'licences', name: '行政许可信息' },
  { code: 'penalties', name: '行政处罚信息' },
  { code: 'administrative', name: '其他行政管理信息' },
  { code: 'honours', name: '诚实守信相关荣誉信息' },
  { code: 'lists', name: '名单信息' },
  { code: 'commitments', name: '信用承诺及履行情况信息' },
  { code: 'ratings', name: '信用评价信息' },
  { code: 'others', name: '其他信息' },
] as const;

export type SectionCode = (typeof SECTIONS)[number]['code'];

const BY_ITEM: Record<string, SectionCode> = {
  licence: 'licences',
  penalty: 'penalties',
  coercion: 'administrative',
  confirmation: 'administrative',
  levy: 'administrative',
  benefit: 'administrative',
  adjudication: 'administrative',
  compensation: 'administrative',
  inspection: 'administrative',
  reward: 'honours',
  honour: 'honours',
  serious_dishonesty_list: 'lists',
  watch_list: 'lists',
  red_list: 'lists',
  abnormal_operation: 'lists',
  judicial_enforcement: 'lists',
  commitment: 'commitments',
  commitment_fulfilment: 'commitments',
  rating: 'ratings',
};

const BY_CATEGORY: Record<string, SectionCode> = {
  '03': 'administrative',
  '05': 'lists',
  '06': 'lists',
  '08': 'commitments',
  '09': 'ratings',
  '10': 'honours',
};

export function sectionOf(item: { code: string; categoryCode: string }): SectionCode {
  return BY_ITEM[item.code] ?? BY_CATEGORY[item.categoryCode] ?? 'others';
}

/** The two 双公示 streams and the catalog items they list. */
export const DOUBLE_DISCLOSURE_ITEMS = { licence: ['licence'], penalty: ['penalty'] } as const;
export type DoubleDisclosureKind = keyof typeof DOUBLE_DISCLOSURE_ITEMS;
