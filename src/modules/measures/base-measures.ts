import type { DegreeLimit, MeasureLegalBasis, MeasureTargets } from './tables';

/** A measure as defined in code or by the credit office (without version or id). */
export interface MeasureDef {
  code: string;
  name: string;
  category: 1 | 2 | 3;
  kind: 'sanction' | 'incentive';
  legalBasis: MeasureLegalBasis[];
  targets: MeasureTargets;
  implementingDepartments: string[] | null;
  matterTypes: string[] | null;
  degree: string;
  /** what of the degree the service enforces on feedback (null: the text only) */
  degreeLimit?: DegreeLimit | null;
}

/**
 * Matter types the base list refers to. A check's matter code is matched exactly; a department whose
 * 权力事项 codes differ maps them to these codes (or the credit office adds a supplement).
 */
export const MATTER_TYPES: Record<string, string> = {
  government_procurement: '政府采购',
  bidding: '招标投标',
  administrative_licence: '行政许可、资质资格审核',
  fiscal_support: '财政性资金、政府扶持政策',
  honours: '评优评先、表彰奖励',
  public_employment: '机关事业单位招录（聘）',
  company_registration: '企业登记（董事、监事、高级管理人员任职）',
  project_land_mining: '新增项目、用地和矿业权审批',
  toll_road: '收费公路权益转让',
  customs_certification: '海关认证企业',
  financing: '进口关税配额、上市融资、发行企业债券',
  inspection: '日常检查、专项检查、随机抽查',
};

const SEED_001 = '《凌源市规范推进社会信用体系建设工作实施意见》';
const GUO_FA_33 = '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';
const GUO_BAN_49 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';
const GUO_BAN_35 = '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';

const SERIOUS = { listKinds: ['serious_dishonesty'] };
const RED = { listKinds: ['red_list'] };

/**
 * The base measure list shipped with the platform: the incentives of seed 001 §六 and the eight sanctions
 * of seed 001 §七(二), with the typical national entries of REFERENCE §4. Articles marked in REFERENCE as
 * unverified must be checked against the 2024 national base list before production; the credit office
 * corrects a base entry by a supplement with the same effect (a base change ships with an upgrade).
 */
export const BASE_MEASURES: readonly MeasureDef[] = [
  // --- incentives (守信激励), seed 001 §六 ---
  {
    code: 'I01_GREEN_CHANNEL',
    name: '行政审批“绿色通道”：精简程序、减少证明材料、压缩办理时限',
    category: 2,
    kind: 'incentive',
    legalBasis: [
      { document: GUO_FA_33, article: '（七）' },
      { document: SEED_001, article: '六（一）' },
    ],
    targets: RED,
    implementingDepartments: null,
    matterTypes: null,
    degree: '优先办理，精简程序和证明材料，压缩办理时限',
  },
  {
    code: 'I02_PENDING_MATERIALS',
    name: '容缺受理：书面承诺限期补齐材料的先行受理',
    category: 2,
    kind: 'incentive',
    legalBasis: [
      { document: GUO_FA_33, article: '（七）' },
      { document: SEED_001, article: '六（一）' },
    ],
    targets: RED,
    implementingDepartments: null,
    matterTypes: ['administrative_licence'],
    degree: '非核心材料欠缺时，凭书面承诺先行受理，限期补齐',
  },
  {
    code: 'I03_FEWER_INSPECTIONS',
    name: '减少日常检查、专项检查、随机抽查的比例和频次',
    category: 2,
    kind: 'incentive',
    legalBasis: [
      { document: GUO_BAN_35, article: '（六）' },
      { document: SEED_001, article: '六（三）' },
    ],
    targets: RED,
    implementingDepartments: null,
    matterTypes: null,
    degree: '按信用分类监管标准降低抽查比例和频次，不免除法定检查',
  },
  // --- sanctions (失信惩戒), seed 001 §七(二) 1–8 and REFERENCE §4 ---
  {
    code: 'S01_HONOURS',
    name: '禁止参与评优评先，已经授予的荣誉称号予以撤销',
    category: 2,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）1' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['honours'],
    degree: '名单有效期内不得作为评优评先对象',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S02_LICENCE_REVIEW',
    name: '暂缓办理行政许可、资质资格审核手续，或者取消有关申请资格',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）2' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['administrative_licence'],
    degree: '在法律、法规规定的许可条件范围内从严审核；取消申请资格须有法律、法规明确规定',
  },
  {
    code: 'S02_EXIT',
    name: '限制未全面履行法定义务的企业或组织的法定代表人、主要负责人出境',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国税收征收管理法》', article: '第四十四条' },
      { document: '《中华人民共和国民事诉讼法》', article: '第二百六十六条' },
      { document: SEED_001, article: '七（二）2' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: null,
    degree: '仅限欠缴税款未结清且未提供担保的，或人民法院决定的被执行人；由有权机关依法决定',
  },
  {
    code: 'S03_PROCUREMENT',
    name: '限制参加政府采购活动',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国政府采购法》', article: '第二十二条' },
      { document: SEED_001, article: '七（二）3' },
    ],
    targets: { listKinds: ['serious_dishonesty'], recordSeverities: ['serious'] },
    implementingDepartments: null,
    matterTypes: ['government_procurement'],
    degree: '限制参加政府采购 3 年（参加政府采购活动前三年内有重大违法记录）',
    degreeLimit: { maxMonths: 36 },
  },
  {
    code: 'S03_BIDDING',
    name: '限制参与重大项目招标投标活动',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国招标投标法实施条例》', article: '第六十七条、第六十八条' },
      { document: SEED_001, article: '七（二）3' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['bidding'],
    degree: '在法律、行政法规规定的期限内取消投标资格（一般 1 至 3 年）',
    degreeLimit: { maxMonths: 36 },
  },
  {
    code: 'S04_SUBSIDY',
    name: '不予享受政府扶持政策，取消财政补贴资格',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）4' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['fiscal_support'],
    degree: '名单有效期内不予安排财政性资金项目和扶持政策',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S04_FINANCING',
    name: '限制进口关税配额、上市融资、发行企业债券',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）4' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['financing'],
    degree: '作为审核的参考或依法不予批准，名单有效期内',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S05_PUBLIC_EMPLOYMENT',
    name: '不得录用为国家机关、事业单位工作人员',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国公务员法》', article: '第二十六条' },
      { document: SEED_001, article: '七（二）5' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['public_employment'],
    degree: '被依法列为失信联合惩戒对象期间不得录用',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S05_DIRECTOR',
    name: '限制担任企业法定代表人、董事、监事、经理及其他高级管理人员',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国公司法》', article: '第一百七十八条' },
      { document: SEED_001, article: '七（二）5' },
    ],
    targets: { listKinds: ['serious_dishonesty', 'dishonest_judgment_debtor'] },
    implementingDepartments: null,
    matterTypes: ['company_registration'],
    degree: '仅限公司法第一百七十八条规定的情形及期限（如吊销营业执照负有个人责任的，自吊销之日起未逾 3 年）',
  },
  {
    code: 'S06_PROJECTS_LAND',
    name: '严格限制新增项目、用地和矿业权审批',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）6' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['project_land_mining'],
    degree: '在法定条件范围内从严审核，名单有效期内',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S07_TOLL_ROAD',
    name: '限制受让收费公路权益',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_FA_33, article: '（十二）' },
      { document: SEED_001, article: '七（二）7' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['toll_road'],
    degree: '名单有效期内限制受让',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S07_CUSTOMS',
    name: '限制成为海关认证企业',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: '《中华人民共和国海关注册登记和备案企业信用管理办法》' },
      { document: SEED_001, article: '七（二）7' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: ['customs_certification'],
    degree: '名单有效期内不予认证',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'S08_OTHER_STATUTORY',
    name: '法律、法规、规章规定的其他限制和惩戒措施',
    category: 1,
    kind: 'sanction',
    legalBasis: [
      { document: GUO_BAN_49, article: '（十）' },
      { document: SEED_001, article: '七（二）8' },
    ],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: null,
    degree: '仅限法律、法规、规章明确规定的措施和幅度，实施时须载明具体条款',
  },
  // --- REFERENCE §4 entries beyond seed 001 ---
  {
    code: 'N01_HIGH_CONSUMPTION',
    name: '限制高消费（乘坐飞机、列车软卧、高铁一等座以上等）',
    category: 1,
    kind: 'sanction',
    legalBasis: [{ document: '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》', article: '第三条' }],
    targets: { listKinds: ['dishonest_judgment_debtor'] },
    implementingDepartments: null,
    matterTypes: null,
    degree: '由人民法院决定，至被执行人履行义务或限制令解除之日',
  },
  {
    code: 'N02_KEY_SUPERVISION',
    name: '列为重点监管对象，提高抽查比例和频次',
    category: 2,
    kind: 'sanction',
    legalBasis: [{ document: GUO_BAN_35, article: '（五）' }],
    targets: { listKinds: ['serious_dishonesty', 'watch_list'] },
    implementingDepartments: null,
    matterTypes: null,
    degree: '在法定检查范围内提高抽查比例和频次，名单有效期内',
    degreeLimit: { withinListValidity: true },
  },
  {
    code: 'N03_MARKET_REFERENCE',
    name: '金融机构、行业协会在授信、保险、会员管理中参考失信信息',
    category: 3,
    kind: 'sanction',
    legalBasis: [{ document: GUO_FA_33, article: '（十三）（十四）' }],
    targets: SERIOUS,
    implementingDepartments: null,
    matterTypes: null,
    degree: '由相关组织依法依约自主决定',
  },
];
