/** The fictional demo city (示范市): its region tree, departments and logins. */

export const DEMO_CITY = { code: '459900', name: '示范市', parentCode: '450000' };

export const DEMO_REGIONS = [
  { code: '450000', name: '广西壮族自治区', parentCode: null, level: 'province' as const },
  { code: DEMO_CITY.code, name: DEMO_CITY.name, parentCode: '450000', level: 'city' as const },
  { code: '459902', name: '示范市东城区', parentCode: DEMO_CITY.code, level: 'county' as const },
  { code: '459903', name: '示范市西城区', parentCode: DEMO_CITY.code, level: 'county' as const },
  { code: '459921', name: '青禾县', parentCode: DEMO_CITY.code, level: 'county' as const },
  { code: '459922', name: '云川县', parentCode: DEMO_CITY.code, level: 'county' as const },
  { code: '459981', name: '江口市', parentCode: DEMO_CITY.code, level: 'county' as const },
];

export const DEMO_COUNTY_CODES = DEMO_REGIONS.filter((r) => r.level === 'county').map((r) => r.code);

export interface DemoDepartment {
  code: string;
  name: string;
  kind?: 'credit_office' | 'department';
  /** catalog items this department's demo records are drawn from */
  items: string[];
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: 'XYB', name: '示范市发展和改革委员会（市社会信用体系建设牵头单位）', kind: 'credit_office', items: [] },
  { code: 'SCJG', name: '示范市市场监督管理局', items: ['registration', 'licence', 'penalty', 'abnormal_operation', 'consumer_complaint', 'inspection'] },
  { code: 'SW', name: '国家税务总局示范市税务局', items: ['penalty', 'rating', 'levy', 'law_compliance'] },
  { code: 'STHJ', name: '示范市生态环境局', items: ['licence', 'penalty', 'inspection'] },
  { code: 'ZJ', name: '示范市住房和城乡建设局', items: ['licence', 'penalty', 'honour', 'contract_performance'] },
  { code: 'JT', name: '示范市交通运输局', items: ['licence', 'penalty'] },
  { code: 'RS', name: '示范市人力资源和社会保障局', items: ['penalty', 'professional_qualification', 'law_compliance'] },
  { code: 'YJ', name: '示范市应急管理局', items: ['licence', 'penalty', 'inspection'] },
  { code: 'WJ', name: '示范市卫生健康委员会', items: ['licence', 'penalty'] },
  { code: 'JY', name: '示范市教育局', items: ['licence', 'reward'] },
  { code: 'WLJ', name: '示范市文化广电和旅游局', items: ['licence', 'penalty'] },
  { code: 'NY', name: '示范市农业农村局', items: ['licence', 'penalty', 'benefit'] },
  { code: 'ZRZY', name: '示范市自然资源局', items: ['licence', 'penalty', 'confirmation'] },
  { code: 'GA', name: '示范市公安局', items: ['licence', 'penalty'] },
  { code: 'MZ', name: '示范市民政局', items: ['registration', 'benefit'] },
  { code: 'SW2', name: '示范市商务局', items: ['licence', 'honour'] },
  { code: 'SL', name: '示范市水利局', items: ['licence', 'penalty'] },
  { code: 'XF', name: '示范市消防救援支队', items: ['penalty', 'inspection'] },
  { code: 'YB', name: '示范市医疗保障局', items: ['penalty', 'contract_performance'] },
  { code: 'FY', name: '示范市中级人民法院', items: ['judicial_enforcement', 'judicial_judgment'] },
  { code: 'GGZY', name: '示范市公共资源交易中心', items: ['contract_performance'] },
  { code: 'SFJ', name: '示范市司法局', items: ['licence', 'professional_qualification'] },
  { code: 'TJ', name: '示范市统计局', items: ['penalty'] },
];

export const DEMO_PASSWORD = 'Xinyong@2026';

export const DEMO_USERS = [
  { username: 'admin', displayName: '信用办管理员', role: 'office_admin' as const, department: 'XYB' },
  { username: 'auditor', displayName: '审计员', role: 'auditor' as const, department: 'XYB' },
  { username: 'scjg_op', displayName: '市场监管局经办人', role: 'dept_operator' as const, department: 'SCJG' },
  { username: 'scjg_rev', displayName: '市场监管局审核人', role: 'dept_reviewer' as const, department: 'SCJG' },
  { username: 'sw_op', displayName: '税务局经办人', role: 'dept_operator' as const, department: 'SW' },
  { username: 'sthj_op', displayName: '生态环境局经办人', role: 'dept_operator' as const, department: 'STHJ' },
  { username: 'agency', displayName: '示范信用评级有限公司', role: 'agency' as const, department: null },
  { username: 'company', displayName: '企业账户（演示）', role: 'subject' as const, department: null },
];

/** Which demo department may submit which restricted items (the rest: any department). */
export const DEMO_SUBMITTERS: Record<string, string[]> = {
  registration: ['SCJG', 'MZ'],
  judicial_enforcement: ['FY'],
  judicial_judgment: ['FY'],
  abnormal_operation: ['SCJG'],
};
