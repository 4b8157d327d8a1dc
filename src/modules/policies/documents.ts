/**
 * 政策法规: the documents the platform's rules come from, shown on the portal's policy page. National
 * instruments first, then the local documents the platform was specified from (the five seed documents).
 * Only facts stated in the documents themselves or verified in REFERENCE are given; an unknown number or
 * date is left out rather than guessed.
 */
export interface PolicyDocument {
  code: string;
  title: string;
  issuer: string;
  /** 文号, when known */
  number?: string;
  /** issue or effective date (YYYY-MM-DD) or year, when known */
  date?: string;
  level: 'national' | 'local';
  status: 'in_force' | 'repealed';
  /** what the platform takes from it */
  summary: string;
}

export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [
  {
    code: 'guofa-2016-33',
    title: '国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见',
    issuer: '国务院',
    number: '国发〔2016〕33号',
    date: '2016',
    level: 'national',
    status: 'in_force',
    summary: '守信联合激励和失信联合惩戒；信息核实期间暂不执行联合惩戒措施（异议处理）。',
  },
  {
    code: 'guobanfa-2019-35',
    title: '国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见',
    issuer: '国务院办公厅',
    number: '国办发〔2019〕35号',
    date: '2019',
    level: 'national',
    status: 'in_force',
    summary: '以信用为基础的事前、事中、事后全链条监管；信用承诺、信用记录、信用分级分类监管、失信联合惩戒。',
  },
  {
    code: 'guobanfa-2020-49',
    title: '国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见',
    issuer: '国务院办公厅',
    number: '国办发〔2020〕49号',
    date: '2020',
    level: 'national',
    status: 'in_force',
    summary: '公共信用信息目录管理；依法依规认定失信行为和严重失信主体名单；失信惩戒措施清单；信用修复。',
  },
  {
    code: 'catalog-2024',
    title: '全国公共信用信息基础目录（2024年版）和全国失信惩戒措施基础清单（2024年版）',
    issuer: '国家发展改革委、中国人民银行',
    date: '2024',
    level: 'national',
    status: 'in_force',
    summary: '平台归集、公开和共享的信息范围（13 类）；失信惩戒措施只能在清单范围内实施。',
  },
  {
    code: 'guobanfa-2025-22',
    title: '国务院办公厅关于进一步完善信用修复制度的实施方案',
    issuer: '国务院办公厅',
    number: '国办发〔2025〕22号',
    date: '2025-06-22',
    level: 'national',
    status: 'in_force',
    summary: '失信信息公示期限（轻微失信原则上不公示，一般失信 3 个月至 1 年，严重失信 1 至 3 年）；信用修复和异议渠道。',
  },
  {
    code: 'ndrc-order-36',
    title: '信用修复管理办法',
    issuer: '国家发展和改革委员会',
    number: '国家发展改革委令第36号',
    date: '2026-04-01',
    level: 'national',
    status: 'in_force',
    summary: '信用修复的条件、程序和期限；自 2026 年 4 月 1 日起施行，《失信行为纠正后的信用信息修复管理办法（试行）》同时废止。',
  },
  {
    code: 'ndrc-order-58',
    title: '失信行为纠正后的信用信息修复管理办法（试行）',
    issuer: '国家发展和改革委员会',
    number: '国家发展改革委令第58号',
    date: '2023-05-01',
    level: 'national',
    status: 'repealed',
    summary: '2026 年 4 月 1 日起废止；此前已受理的修复申请仍按其办理。',
  },
  {
    code: 'guangxi-2019',
    title: '广西壮族自治区人民政府关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的实施意见',
    issuer: '广西壮族自治区人民政府',
    date: '2019-09-16',
    level: 'local',
    status: 'in_force',
    summary: '事前信用承诺和信用报告，事中信用记录、信息归集目录、行政管理信息 7 个工作日内公示、分级分类监管，事后失信联合惩戒、市场禁入、个人责任追究、信用修复和异议。',
  },
  {
    code: 'lingyuan',
    title: '凌源市规范推进社会信用体系建设工作实施意见',
    issuer: '凌源市',
    level: 'local',
    status: 'in_force',
    summary: '办理行政事项前的信用核查及按结果分类处理；第三方信用评价报告；信用承诺；守信激励和失信惩戒措施；招标投标信用条件（准入等级不低于 BBB，信用分值权重不低于 8%）；核查案例按月报送。',
  },
  {
    code: 'shapingba-2019',
    title: '重庆市沙坪坝区人民政府办公室关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的实施意见',
    issuer: '重庆市沙坪坝区人民政府办公室',
    date: '2019',
    level: 'local',
    status: 'in_force',
    summary: '信用承诺专栏；统一社会信用代码重错码率低于万分之一；行政管理信息公示；名单管理、异议和退出；联合奖惩；法定代表人责任追究；信用修复。',
  },
  {
    code: 'jiangxi-plan',
    title: '江西省加快推进社会信用体系建设构建以信用为基础的新型监管机制实施方案（要点）',
    issuer: '江西省',
    level: 'local',
    status: 'in_force',
    summary: '定期复核信用承诺；信用记录和信用报告跨地区互认；重点关注名单；名单认定的异议和退出；多种信用修复方式；信息核实期间暂不执行联合惩戒措施。',
  },
  {
    code: 'wuzhou-2022',
    title: '梧州市关于进一步完善失信约束制度构建诚信建设长效机制的实施细则',
    issuer: '梧州市人民政府办公室',
    date: '2022-03-24',
    level: 'local',
    status: 'in_force',
    summary: '目录管理决定归集、公开和共享范围；只依据生效法律文书认定失信行为；严重失信主体名单的认定程序；惩戒措施只能来自清单并载明依据；信用修复；查询权限、查询记录和审计；个人信息保护。',
  },
];
