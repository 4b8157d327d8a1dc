/**
 * The base catalog (基础目录): the 13 categories of the national public credit information catalogue,
 * 2024 edition, and the base items the platform collects under them.
 *
 * Sources: /work/shared/domain/REFERENCE.md (§2 双公示 fields, §3 categories, §5 disclosure periods,
 * §6 lists), the glossary, and the five seed documents in /work/shared/seeds/. The 2024 item-level
 * table (providing departments, public/shared flags) could not be read; the items, scopes and periods
 * below are our reading of the seeds and the reference and stay editable through catalog versions.
 */
import type {
  CatalogItemDef,
  CategoryDef,
  DisclosurePeriods,
  FieldDef,
  FieldType,
  LegalBasis,
  SubjectKind,
} from './types';

// ---------------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------------

/**
 * 2024 edition, 13 categories: the 11 of 2021 in their original order (with the 2024 wording of #4 and
 * #11), then 遵守法律法规情况信息 (added 2022) and 知识产权信息 (added 2024). Appending keeps the codes
 * of the 2021 categories stable across editions.
 */
export const CATEGORIES: CategoryDef[] = [
  { code: '01', ordinal: 1, since: '2021', name: '登记注册基本信息' },
  { code: '02', ordinal: 2, since: '2021', name: '司法裁判及执行信息' },
  {
    code: '03',
    ordinal: 3,
    since: '2021',
    name: '行政许可、行政处罚、行政强制、行政确认、行政征收、行政给付、行政裁决、行政补偿、行政奖励和行政监督检查信息',
  },
  { code: '04', ordinal: 4, since: '2021', name: '职称和职业信息' },
  { code: '05', ordinal: 5, since: '2021', name: '经营（活动）异常名录（状态）信息' },
  { code: '06', ordinal: 6, since: '2021', name: '严重失信主体名单信息' },
  { code: '07', ordinal: 7, since: '2021', name: '有关合同履行信息' },
  { code: '08', ordinal: 8, since: '2021', name: '信用承诺及其履行情况信息' },
  { code: '09', ordinal: 9, since: '2021', name: '信用评价结果信息' },
  { code: '10', ordinal: 10, since: '2021', name: '诚实守信相关荣誉信息' },
  { code: '11', ordinal: 11, since: '2021', name: '经营主体自愿提供的信用信息' },
  { code: '12', ordinal: 12, since: '2022', name: '遵守法律法规情况信息' },
  { code: '13', ordinal: 13, since: '2024', name: '知识产权信息' },
];

// ---------------------------------------------------------------------------------------------------
// Legal bases used by several items
// ---------------------------------------------------------------------------------------------------

/**
 * The 2024 national catalogue itself. Its document number is reported as 发改财金规〔2024〕203号 by one
 * code file only (REFERENCE §3) — UNCONFIRMED, so it is kept out of the data.
 */
const CATALOGUE_2024: LegalBasis = { document: '《全国公共信用信息基础目录（2024年版）》' };

const NEW_SUPERVISION_2019 = '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';
const DISHONESTY_CONSTRAINTS_2020 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';

/** 国办发〔2019〕35号 sections: (一) commitments, (五) self-declaration, (六) composite evaluation,
 * (七) graded supervision, (十五) disclosure of the ten administrative actions within 7 working days. */
function newSupervision2019(article: string): LegalBasis {
  return { document: NEW_SUPERVISION_2019, article };
}

function dishonestyConstraints2020(article?: string): LegalBasis {
  return article ? { document: DISHONESTY_CONSTRAINTS_2020, article } : { document: DISHONESTY_CONSTRAINTS_2020 };
}

function govInfoDisclosure(article: string): LegalBasis {
  return { document: '《中华人民共和国政府信息公开条例》', article };
}

/** Repair of negative catalogue items: Order 36 (in force 2026-04-01; Art. 4 = scope) and 国办发〔2025〕22号 §二 (periods). */
const REPAIR_BASES: LegalBasis[] = [
  { document: '《信用修复管理办法》（国家发展和改革委员会令第36号）', article: '第四条' },
  { document: '《关于进一步完善信用修复制度的实施方案》（国办发〔2025〕22号）', article: '二' },
];

/** Article numbers of the 2014 text; check them against the 2024 revision of the regulation. */
const ENTERPRISE_DISCLOSURE = '《企业信息公示暂行条例》';

// ---------------------------------------------------------------------------------------------------
// Disclosure periods (REFERENCE §5.2, 国办发〔2025〕22号 §二 / Order 36), in months from the decision date
// ---------------------------------------------------------------------------------------------------

const MINOR = { minMonths: 0, maxMonths: 3 };
const GENERAL = { minMonths: 3, maxMonths: 12 };
const SERIOUS = { minMonths: 12, maxMonths: 36 };

const NEGATIVE_PERIODS: DisclosurePeriods = { minor: MINOR, general: GENERAL, serious: SERIOUS };
/** Neutral or positive information: shown while valid (its own 有效期至 field decides), no fixed period. */
const WHILE_VALID: DisclosurePeriods = { none: null };

const ALL_KINDS: SubjectKind[] = ['legal_entity', 'individual_business', 'natural_person'];
const BUSINESSES: SubjectKind[] = ['legal_entity', 'individual_business'];

// ---------------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------------

function f(
  key: string,
  label: string,
  type: FieldType,
  required: FieldDef['required'],
  extra: Partial<Omit<FieldDef, 'key' | 'label' | 'type' | 'required'>> = {},
): FieldDef {
  return { key, label, type, required, ...extra };
}

/** Column code of the 双公示 standard (CF_* for penalties, XK_* for licences), if the item has one. */
type Prefix = 'CF' | 'XK';
function col(prefix: Prefix | undefined, suffix: string): string[] {
  return prefix ? [`${prefix}_${suffix}`] : [];
}

const LONG_TERM = '2099-12-31 表示长期（无固定期限）。';

interface PartyOptions {
  kinds: SubjectKind[];
  prefix?: Prefix;
  /** label of the subject name field; default 行政相对人名称 */
  nameLabel?: string;
  nameAliases?: string[];
  /** the six 行政相对人代码 and the legal representative's certificate (双公示 items) */
  allCodes?: boolean;
}

/**
 * The subject ("行政相对人") block: name, category, codes and, for natural persons, certificate type and
 * number. Key names are the same in every item, so that subject resolution reads one set of keys.
 */
function partyFields(o: PartyOptions): FieldDef[] {
  const p = o.prefix;
  const hasOrg = o.kinds.includes('legal_entity') || o.kinds.includes('individual_business');
  const hasPerson = o.kinds.includes('natural_person');
  const personOnly = hasPerson && !hasOrg;
  const nameLabel = o.nameLabel ?? (personOnly ? '姓名' : '行政相对人名称');
  const nameAliases = [
    ...(o.nameAliases ?? []),
    ...(nameLabel === '行政相对人名称' ? ['主体名称'] : ['行政相对人名称']),
    ...col(p, 'XDR_MC'),
  ];
  const fields: FieldDef[] = [f('subject_name', nameLabel, 'string', true, { aliases: nameAliases, maxLength: 200 })];

  if (o.kinds.length > 1) {
    fields.push(
      f('subject_category', '行政相对人类别', 'code', true, {
        codeTable: 'subject_category',
        aliases: ['主体类别', ...col(p, 'XDR_LB')],
      }),
    );
  }
  if (hasOrg) {
    const usccAlwaysRequired = o.kinds.length === 1 && o.kinds[0] === 'legal_entity';
    fields.push(
      f('uscc', '统一社会信用代码', 'uscc', usccAlwaysRequired ? true : 'conditional', {
        aliases: ['行政相对人代码_1（统一社会信用代码）', ...col(p, 'XDR_SHXYM')],
        maxLength: 18,
        description:
          '法人及非法人组织、个体工商户必填（GB 32100-2015）。个体工商户无统一社会信用代码的填 00000000000000000X，并填写工商注册号。',
      }),
    );
    if (o.allCodes || o.kinds.includes('individual_business')) {
      fields.push(
        f('business_registration_number', '工商注册号', 'string', 'conditional', {
          aliases: ['行政相对人代码_2（工商注册号）', ...col(p, 'XDR_GSZC')],
          maxLength: 50,
          description: '统一社会信用代码为 00000000000000000X 时必填。',
        }),
      );
    }
    if (o.allCodes) {
      fields.push(
        f('org_code', '组织机构代码', 'string', false, {
          aliases: ['行政相对人代码_3（组织机构代码）', ...col(p, 'XDR_ZZJG')],
          maxLength: 10,
        }),
        f('tax_registration_number', '税务登记号', 'string', false, {
          aliases: ['行政相对人代码_4（税务登记号）', ...col(p, 'XDR_SWDJ')],
          maxLength: 50,
        }),
        f('institution_certificate_number', '事业单位证书号', 'string', false, {
          aliases: ['行政相对人代码_5（事业单位证书号）', ...col(p, 'XDR_SYDW')],
          maxLength: 50,
        }),
        f('social_organisation_number', '社会组织登记证号', 'string', false, {
          aliases: ['行政相对人代码_6（社会组织登记证号）', ...col(p, 'XDR_SHZZ')],
          maxLength: 50,
        }),
      );
    }
    fields.push(
      f('legal_representative', '法定代表人', 'string', 'conditional', {
        aliases: ['法定代表人（负责人）', '负责人', ...col(p, 'FRDB')],
        maxLength: 100,
        description: '法人及非法人组织必填；个体工商户填经营者。',
      }),
    );
    if (o.allCodes) {
      fields.push(
        f('legal_representative_id_type', '法定代表人证件类型', 'code', 'conditional', {
          codeTable: 'certificate_type',
          aliases: col(p, 'FR_ZJLX'),
        }),
        f('legal_representative_id_number', '法定代表人证件号码', 'identifier', 'conditional', {
          aliases: ['法定代表人身份证号码', ...col(p, 'FR_ZJHM'), ...(p === 'XK' ? ['XK_FR_SFZH'] : [])],
          personal: 'citizen_id',
          publicVisible: false,
          maxLength: 50,
          description: '自然人的证件号码，不对外公开。',
        }),
      );
    }
  }
  if (hasPerson) {
    fields.push(
      f('id_type', '证件类型', 'code', personOnly ? true : 'conditional', {
        codeTable: 'certificate_type',
        aliases: ['行政相对人证件类型', ...col(p, 'XDR_ZJLX')],
        description: '行政相对人为自然人时必填。',
      }),
      f('id_number', '证件号码', 'identifier', personOnly ? true : 'conditional', {
        aliases: ['行政相对人证件号码', '身份证号码', ...col(p, 'XDR_ZJHM')],
        personal: 'citizen_id',
        publicVisible: false,
        maxLength: 50,
        description: '行政相对人为自然人时必填；证件类型为身份证时按 GB 11643-1999 校验；不对外公开。',
      }),
    );
  }
  return fields;
}

/** The deciding body and its code. */
function authorityFields(label: string, o: { nameAliases?: string[]; codeAliases?: string[]; required?: boolean } = {}): FieldDef[] {
  const required = o.required ?? true;
  return [
    f('authority_name', label, 'string', required, { aliases: o.nameAliases ?? [], maxLength: 200 }),
    f('authority_uscc', `${label}统一社会信用代码`, 'uscc', required, { aliases: o.codeAliases ?? [], maxLength: 18 }),
  ];
}

function remarks(prefix?: Prefix): FieldDef {
  return f('remarks', '备注', 'text', false, { aliases: prefix ? ['BZ'] : [] });
}

function money(key: string, label: string, required: FieldDef['required'], aliases: string[] = []): FieldDef {
  return f(key, label, 'decimal', required, { unit: '万元', aliases, description: '单位：万元，保留小数（如 2000 元填 0.2）。' });
}

type ItemInput = Omit<CatalogItemDef, 'kind' | 'submittingDepartments'> & { submittingDepartments?: string[] | null };

function item(def: ItemInput): CatalogItemDef {
  const { submittingDepartments, ...rest } = def;
  return { kind: 'base', submittingDepartments: submittingDepartments ?? null, ...rest };
}

/**
 * Fields shared by the eight administrative actions without a national column standard: subject,
 * decision document number, decision date, basis, content and deciding authority. Labels follow the
 * 双公示 pattern so that departments can reuse their templates.
 */
function actionFields(o: {
  docLabel: string;
  docAliases?: string[];
  dateLabel: string;
  dateAliases?: string[];
  authorityLabel: string;
  specific: FieldDef[];
}): FieldDef[] {
  return [
    ...partyFields({ kinds: ALL_KINDS }),
    f('document_number', o.docLabel, 'string', true, { aliases: ['决定文书号', ...(o.docAliases ?? [])], maxLength: 128 }),
    ...o.specific,
    f('basis', '依据', 'text', true, { aliases: ['法律依据'] }),
    f('decision_date', o.dateLabel, 'date', true, { aliases: ['决定日期', ...(o.dateAliases ?? [])] }),
    ...authorityFields(o.authorityLabel),
    remarks(),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------------

const registration = item({
  code: 'registration',
  name: '登记注册基本信息',
  categoryCode: '01',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国市场主体登记管理条例》', article: '第八条' },
    { document: ENTERPRISE_DISCLOSURE, article: '第六条' },
    { document: '《社会团体登记管理条例》' },
    { document: '《事业单位登记管理暂行条例》' },
  ],
  fields: [
    ...partyFields({ kinds: BUSINESSES, nameLabel: '名称', nameAliases: ['企业名称', '主体名称'] }),
    // Registration is a state, not an act: one record per subject and registration authority, kept
    // current. The licence (证照) number is its document number — for subjects registered after 2015
    // it equals the uscc — and the date of the latest approved registration (核准日期) is its decision
    // date, from which timeliness counts; the founding date is kept separately.
    f('registration_certificate_number', '登记证照编号', 'string', true, {
      aliases: ['营业执照编号', '登记证书编号'],
      maxLength: 50,
      description: '营业执照或登记证书编号；2015 年后登记的主体与统一社会信用代码相同。',
    }),
    f('entity_type', '主体类型', 'string', true, { aliases: ['企业类型', '类型'], maxLength: 100 }),
    money('registered_capital', '注册资本', false, ['注册资本（万元）', '出资额']),
    f('establishment_date', '成立日期', 'date', true, { aliases: ['注册日期'] }),
    f('approval_date', '核准日期', 'date', true, { aliases: ['最近核准日期'], description: '最近一次登记（设立或变更）核准日期。' }),
    f('operating_period_from', '营业期限自', 'date', false),
    f('operating_period_to', '营业期限至', 'date', false, { description: LONG_TERM }),
    f('business_scope', '经营范围', 'text', false),
    f('address', '住所', 'string', true, { aliases: ['住所（经营场所）', '经营场所'], maxLength: 300 }),
    f('registration_status', '登记状态', 'code', true, { codeTable: 'registration_status', aliases: ['经营状态'] }),
    ...authorityFields('登记机关'),
    remarks(),
  ],
  documentNumberField: 'registration_certificate_number',
  decisionDateField: 'approval_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: BUSINESSES,
  description: '市场主体及其他组织的登记注册信息（名称、代码、类型、法定代表人、住所、状态等）。',
});

const licence = item({
  code: 'licence',
  name: '行政许可信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国行政许可法》', article: '第四十条' },
    { document: '《中华人民共和国行政许可法》', article: '第十二条' },
    govInfoDisclosure('第二十条'),
    newSupervision2019('（十五）'),
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, prefix: 'XK', allCodes: true }),
    f('document_name', '行政许可决定文书名称', 'string', true, { aliases: ['许可决定文书名称', 'XK_XKWS'], maxLength: 200 }),
    f('document_number', '行政许可决定文书号', 'string', true, {
      aliases: ['行政许可决定书文号', '许可决定文书号', 'XK_WSH'],
      maxLength: 128,
    }),
    f('licence_type', '许可类别', 'code', true, { codeTable: 'licence_type', aliases: ['XK_XKLB'] }),
    f('certificate_name', '许可证书名称', 'string', false, { aliases: ['XK_XKZS'], maxLength: 200 }),
    f('licence_number', '许可编号', 'string', false, { aliases: ['许可证编号', 'XK_XKBH'], maxLength: 128 }),
    f('licence_content', '许可内容', 'text', true, { aliases: ['XK_NR'] }),
    f('decision_date', '许可决定日期', 'date', true, { aliases: ['XK_JDRQ'] }),
    f('valid_from', '有效期自', 'date', true, { aliases: ['XK_YXQZ'] }),
    f('valid_until', '有效期至', 'date', true, { aliases: ['XK_YXQZI'], description: LONG_TERM }),
    ...authorityFields('许可机关', { codeAliases: ['XK_XKJGDM'], nameAliases: ['XK_XKJG'] }),
    f('status', '当前状态', 'code', false, { codeTable: 'licence_status', aliases: ['许可状态', 'XK_ZT'] }),
    f('data_source_name', '数据来源单位', 'string', true, { aliases: ['XK_LYDW'], maxLength: 200 }),
    f('data_source_uscc', '数据来源单位统一社会信用代码', 'uscc', true, { aliases: ['XK_LYDWDM'], maxLength: 18 }),
    remarks('XK'),
  ],
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '双公示：行政许可决定自作出之日起 7 个工作日内公示，有效期内持续公示。',
});

const penalty = item({
  code: 'penalty',
  name: '行政处罚信息',
  categoryCode: '03',
  nature: 'negative',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国行政处罚法》', article: '第四十八条' },
    { document: '《中华人民共和国行政处罚法》', article: '第九条' },
    govInfoDisclosure('第二十条'),
    { document: ENTERPRISE_DISCLOSURE, article: '第六条' },
    newSupervision2019('（十五）'),
    ...REPAIR_BASES,
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, prefix: 'CF', allCodes: true }),
    f('document_number', '行政处罚决定书文号', 'string', true, { aliases: ['处罚决定书文号', 'CF_WSH'], maxLength: 128 }),
    f('violation_type', '违法行为类型', 'string', true, { aliases: ['CF_WFXW'], maxLength: 200 }),
    f('violation_facts', '违法事实', 'text', true, { aliases: ['处罚事由', 'CF_SY'] }),
    f('penalty_basis', '处罚依据', 'text', true, { aliases: ['CF_YJ'] }),
    f('penalty_types', '处罚类别', 'codes', true, {
      codeTable: 'penalty_type',
      aliases: ['CF_CFLB'],
      description: '可多选（一个决定含多种处罚时全部填写，以最重者定类）；兼容 2021 年前的旧类别名称。',
    }),
    f('penalty_content', '处罚内容', 'text', true, { aliases: ['CF_NR'] }),
    money('fine_amount', '罚款金额', 'conditional', ['罚款金额（万元）', 'CF_NR_FK']),
    money('confiscation_amount', '没收违法所得、没收非法财物的金额', 'conditional', [
      '没收违法所得、没收非法财物的金额（万元）',
      '没收金额',
      'CF_NR_WFFF',
    ]),
    f('suspended_or_revoked_licence', '暂扣或吊销证照名称及编号', 'string', 'conditional', {
      aliases: ['CF_NR_ZKDX'],
      maxLength: 300,
    }),
    f('decision_date', '处罚决定日期', 'date', true, { aliases: ['CF_JDRQ'] }),
    f('penalty_valid_until', '处罚有效期', 'date', true, { aliases: ['CF_YXQ'], description: LONG_TERM }),
    f('disclosure_deadline', '公示截止期', 'date', false, {
      aliases: ['CF_GSJZQ'],
      description: '可不填：平台按处罚决定日期加最长公示期限计算（轻微 3 个月、一般 1 年、严重 3 年）。',
    }),
    ...authorityFields('处罚机关', { nameAliases: ['CF_CFJG'], codeAliases: ['CF_CFJGDM'] }),
    f('data_source_name', '数据来源单位', 'string', true, { aliases: ['CF_SJLY'], maxLength: 200 }),
    f('data_source_uscc', '数据来源单位统一社会信用代码', 'uscc', true, { aliases: ['CF_SJLYDM'], maxLength: 18 }),
    remarks('CF'),
  ],
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'general',
  disclosurePeriods: NEGATIVE_PERIODS,
  repairable: true,
  subjectKinds: ALL_KINDS,
  description:
    '双公示：行政处罚决定自作出之日起 7 个工作日内公示。轻微失信原则上不公示（确需公示不超过 3 个月），一般失信 3 个月至 1 年，严重失信 1 年至 3 年；最短期满后可申请信用修复。',
});

const coercion = item({
  code: 'coercion',
  name: '行政强制信息',
  categoryCode: '03',
  nature: 'negative',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国行政强制法》', article: '第九条' },
    { document: '《中华人民共和国行政强制法》', article: '第十二条' },
    govInfoDisclosure('第二十条'),
    newSupervision2019('（十五）'),
    ...REPAIR_BASES,
  ],
  fields: actionFields({
    docLabel: '行政强制决定书文号',
    docAliases: ['行政强制决定文书号'],
    dateLabel: '行政强制决定日期',
    authorityLabel: '实施机关',
    specific: [
      f('coercion_types', '行政强制类别', 'codes', true, { codeTable: 'coercion_type', aliases: ['强制类别'] }),
      f('reason', '事由', 'text', true, { aliases: ['行政强制事由'] }),
      f('content', '行政强制内容', 'text', true, { aliases: ['强制内容'] }),
      money('amount', '涉及金额', false, ['涉及金额（万元）']),
      f('period_from', '期限自', 'date', false, { description: '查封、扣押、冻结等措施的起始日期。' }),
      f('period_to', '期限至', 'date', false),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'general',
  disclosurePeriods: { general: GENERAL, serious: SERIOUS },
  repairable: true,
  subjectKinds: ALL_KINDS,
  description:
    '行政强制措施与行政强制执行。强制措施是临时性的，解除后应同步更新；强制执行反映未履行法定义务，按一般失信处理，规则可按记录细化。',
});

const confirmation = item({
  code: 'confirmation',
  name: '行政确认信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [CATALOGUE_2024, govInfoDisclosure('第二十条'), newSupervision2019('（十五）')],
  fields: actionFields({
    docLabel: '行政确认文书号',
    dateLabel: '确认日期',
    authorityLabel: '确认机关',
    specific: [
      f('matter', '确认事项', 'string', true, { maxLength: 200 }),
      f('content', '确认内容', 'text', true, { aliases: ['确认结果'] }),
      f('valid_until', '有效期至', 'date', false, { description: LONG_TERM }),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
});

const levy = item({
  code: 'levy',
  name: '行政征收信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（十五）'),
    // Taxpayers' information is confidential (征管法 第八条): shared, not public.
    { document: '《中华人民共和国税收征收管理法》', article: '第八条' },
    { document: '《国有土地上房屋征收与补偿条例》' },
  ],
  fields: actionFields({
    docLabel: '行政征收决定书文号',
    dateLabel: '征收决定日期',
    authorityLabel: '征收机关',
    specific: [
      f('levy_type', '征收类别', 'string', true, { maxLength: 100, description: '如税收、行政事业性收费、社会保险费、土地房屋征收。' }),
      f('content', '征收内容', 'text', true),
      money('amount', '征收金额', false, ['征收金额（万元）']),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
});

const benefit = item({
  code: 'benefit',
  name: '行政给付信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（十五）'),
    govInfoDisclosure('第二十条'),
    { document: '《社会救助暂行办法》' },
  ],
  fields: actionFields({
    docLabel: '行政给付决定书文号',
    dateLabel: '给付决定日期',
    authorityLabel: '给付机关',
    specific: [
      f('benefit_type', '给付类别', 'string', true, { maxLength: 100, description: '如抚恤金、最低生活保障、特困供养、财政补助。' }),
      f('content', '给付内容', 'text', true),
      money('amount', '给付金额', false, ['给付金额（万元）']),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  // Recipients are often natural persons (social assistance): shared, not public.
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
});

const adjudication = item({
  code: 'adjudication',
  name: '行政裁决信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（十五）'),
    { document: '《关于健全行政裁决制度加强行政裁决工作的意见》（中共中央办公厅、国务院办公厅）' },
  ],
  fields: actionFields({
    docLabel: '行政裁决书文号',
    dateLabel: '裁决日期',
    authorityLabel: '裁决机关',
    specific: [
      f('dispute_type', '纠纷类型', 'string', true, { maxLength: 100, description: '如权属纠纷、侵权纠纷、补偿纠纷。' }),
      f('other_party', '对方当事人', 'string', false, { maxLength: 200, personal: 'name', publicVisible: false }),
      f('result', '裁决结果', 'text', true),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '行政裁决是生效的失信认定依据之一（国办发〔2020〕49号）；是否构成失信由规则按记录判定。',
});

const compensation = item({
  code: 'compensation',
  name: '行政补偿信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [CATALOGUE_2024, newSupervision2019('（十五）'), { document: '《国有土地上房屋征收与补偿条例》' }],
  fields: actionFields({
    docLabel: '行政补偿决定书文号',
    dateLabel: '补偿决定日期',
    authorityLabel: '补偿机关',
    specific: [
      f('matter', '补偿事项', 'string', true, { maxLength: 200 }),
      f('content', '补偿内容', 'text', true),
      money('amount', '补偿金额', false, ['补偿金额（万元）']),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
});

const reward = item({
  code: 'reward',
  name: '行政奖励信息',
  categoryCode: '03',
  nature: 'positive',
  legalBasis: [CATALOGUE_2024, newSupervision2019('（十五）'), govInfoDisclosure('第二十条')],
  fields: actionFields({
    docLabel: '行政奖励决定书文号',
    docAliases: ['奖励文号'],
    dateLabel: '奖励日期',
    authorityLabel: '奖励机关',
    specific: [
      f('reward_name', '奖励名称', 'string', true, { maxLength: 200 }),
      f('reward_level', '奖励级别', 'code', false, { codeTable: 'honour_level' }),
      f('content', '奖励内容', 'text', true, { description: '如通报表扬、嘉奖、记功、授予荣誉称号、发给奖金或奖品。' }),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
});

const inspection = item({
  code: 'inspection',
  name: '行政监督检查信息',
  categoryCode: '03',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（十五）'),
    govInfoDisclosure('第二十条'),
    { document: '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）' },
  ],
  fields: actionFields({
    docLabel: '检查文书号',
    docAliases: ['检查编号', '任务编号'],
    dateLabel: '检查日期',
    dateAliases: ['检查完成日期'],
    authorityLabel: '检查机关',
    specific: [
      f('inspection_type', '检查方式', 'code', true, { codeTable: 'inspection_type', aliases: ['检查类型'] }),
      f('matter', '检查事项', 'string', true, { maxLength: 300 }),
      f('result', '检查结果', 'code', true, { codeTable: 'inspection_result' }),
      f('result_details', '检查结果说明', 'text', false, { aliases: ['处理情况'] }),
    ],
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'decision_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '含“双随机、一公开”抽查结果；限期整改约谈（提示约谈、警示约谈）记录按检查方式报送。',
});

const judicialJudgment = item({
  code: 'judicial_judgment',
  name: '司法裁判信息',
  categoryCode: '02',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《最高人民法院关于人民法院在互联网公布裁判文书的规定》（法释〔2016〕19号）' },
    dishonestyConstraints2020(),
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, nameLabel: '当事人名称', nameAliases: ['当事人'] }),
    f('case_number', '案号', 'string', true, { maxLength: 128 }),
    f('case_type', '案件类型', 'code', true, { codeTable: 'case_type' }),
    f('cause', '案由', 'string', true, { maxLength: 200 }),
    f('party_role', '诉讼地位', 'string', false, { aliases: ['当事人地位'], maxLength: 50 }),
    f('judgment_result', '裁判结果', 'text', true, { aliases: ['判决结果'] }),
    f('judgment_date', '裁判日期', 'date', true, { aliases: ['判决日期'] }),
    f('effective_date', '生效日期', 'date', false),
    f('court', '审理法院', 'string', true, { aliases: ['法院名称'], maxLength: 200 }),
    remarks(),
  ],
  documentNumberField: 'case_number',
  decisionDateField: 'judgment_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  // Judgments are published by the courts themselves; the platform shares them with departments.
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: { none: null, general: GENERAL, serious: SERIOUS },
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '生效的司法裁判文书是失信认定依据之一；是否构成失信及其程度由规则按记录判定，平台不修复法院信息。',
});

const judicialEnforcement = item({
  code: 'judicial_enforcement',
  name: '失信被执行人信息',
  categoryCode: '02',
  nature: 'negative',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）', article: '第一条' },
    { document: '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）', article: '第六条' },
    { document: '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）', article: '第十条' },
    // Article number of the 2023 revision (公布不履行义务信息).
    { document: '《中华人民共和国民事诉讼法》', article: '第二百六十六条' },
  ],
  fields: [
    ...partyFields({
      kinds: ALL_KINDS,
      nameLabel: '被执行人姓名/名称',
      nameAliases: ['被执行人名称', '被执行人姓名', '失信被执行人名称'],
    }),
    f('case_number', '执行案号', 'string', true, { aliases: ['案号'], maxLength: 128 }),
    f('court', '执行法院', 'string', true, { maxLength: 200 }),
    f('filing_date', '立案时间', 'date', false, { aliases: ['立案日期'] }),
    f('basis_number', '执行依据文号', 'string', true, { maxLength: 128 }),
    f('basis_issuer', '做出执行依据单位', 'string', true, { aliases: ['作出执行依据单位'], maxLength: 200 }),
    f('obligation', '生效法律文书确定的义务', 'text', true),
    f('performance', '被执行人的履行情况', 'string', true, { aliases: ['履行情况'], maxLength: 100 }),
    f('dishonest_conduct', '失信被执行人行为具体情形', 'text', true, { aliases: ['失信行为具体情形'] }),
    f('listing_date', '发布时间', 'date', true, { aliases: ['纳入日期', '发布日期'] }),
    f('removal_date', '移除日期', 'date', false, { aliases: ['屏蔽日期', '撤销日期'] }),
    remarks(),
  ],
  documentNumberField: 'case_number',
  decisionDateField: 'listing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'serious',
  // The court's list governs: 2 years (若干规定 第二条), extendable by 1–3 years, removed by the court on
  // performance (第十条). The platform shows the entry until the court removes it; 36 months is only
  // the platform's own cap for serious information and must not outlast a valid court listing.
  disclosurePeriods: { serious: { minMonths: 0, maxMonths: 36 } },
  // Ended by the court (第十条), not repaired through the platform.
  repairable: false,
  submittingDepartments: null, // courts; department codes are set by the credit office
  subjectKinds: ALL_KINDS,
});

const professionalQualification = item({
  code: 'professional_qualification',
  name: '职称和职业信息',
  categoryCode: '04',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《国家职业资格目录（2021年版）》' },
    { document: '《职称评审管理暂行规定》（人力资源社会保障部令第40号）' },
    { document: '《中华人民共和国行政许可法》', article: '第五十四条' },
  ],
  fields: [
    ...partyFields({ kinds: ['natural_person'] }),
    f('qualification_kind', '资格类别', 'code', true, { codeTable: 'qualification_kind' }),
    f('qualification_name', '资格名称', 'string', true, { aliases: ['职称名称', '职业资格名称'], maxLength: 200 }),
    f('level', '等级', 'string', false, { aliases: ['级别'], maxLength: 50 }),
    f('specialty', '专业', 'string', false, { maxLength: 100 }),
    f('certificate_number', '证书编号', 'string', true, { aliases: ['证书号'], maxLength: 128 }),
    f('issue_date', '发证日期', 'date', true, { aliases: ['取得日期', '批准日期'] }),
    f('valid_until', '有效期至', 'date', false, { description: LONG_TERM }),
    f('employer', '执业（工作）单位', 'string', false, { aliases: ['工作单位', '执业单位'], maxLength: 200 }),
    ...authorityFields('发证机关'),
    remarks(),
  ],
  documentNumberField: 'certificate_number',
  decisionDateField: 'issue_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'id_number',
  // Natural-person information: shared among departments; public only with consent (49号, seed 004).
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ['natural_person'],
});

const abnormalOperation = item({
  code: 'abnormal_operation',
  name: '经营异常名录（状态）信息',
  categoryCode: '05',
  nature: 'negative',
  legalBasis: [
    CATALOGUE_2024,
    { document: ENTERPRISE_DISCLOSURE, article: '第十七条' },
    { document: '《企业经营异常名录管理暂行办法》（国家工商行政管理总局令第68号）' },
    { document: '《市场监督管理信用修复管理办法》（国市监信规〔2021〕3号）' },
    ...REPAIR_BASES,
  ],
  fields: [
    ...partyFields({ kinds: BUSINESSES, nameLabel: '企业名称', nameAliases: ['主体名称', '名称'] }),
    f('document_number', '列入决定书文号', 'string', true, { aliases: ['列入文号'], maxLength: 128 }),
    f('listing_reason', '列入经营异常名录原因', 'text', true, { aliases: ['列入原因', '列入事由'] }),
    f('listing_date', '列入日期', 'date', true, { aliases: ['列入时间'] }),
    ...authorityFields('作出决定机关', { nameAliases: ['作出决定机关（列入）', '决定机关'] }),
    f('removal_reason', '移出经营异常名录原因', 'text', false, { aliases: ['移出原因'] }),
    f('removal_date', '移出日期', 'date', false, { aliases: ['移出时间'] }),
    f('removal_authority', '作出决定机关（移出）', 'string', false, { maxLength: 200 }),
    remarks(),
  ],
  documentNumberField: 'document_number',
  decisionDateField: 'listing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'general',
  // Removal follows the market regulator's decision once the obligation is performed, so there is no
  // minimum; after 3 years in the list the sector rules take over.
  disclosurePeriods: { general: { minMonths: 0, maxMonths: 36 } },
  repairable: true,
  subjectKinds: BUSINESSES,
  description: '企业经营异常名录、个体工商户和农民专业合作社经营异常状态。',
});

/** Fields common to the three designated lists (REFERENCE §6 data model). */
function listFields(o: { docLabel: string; reasonLabel: string; dateLabel: string; withRemoval: boolean; withProcedure: boolean }): FieldDef[] {
  const fields: FieldDef[] = [
    ...partyFields({ kinds: ALL_KINDS, nameLabel: '主体名称', nameAliases: ['名称'] }),
    f('list_name', '名单名称', 'string', true, { aliases: ['名单类型'], maxLength: 200 }),
    f('designation_basis', '认定依据', 'text', true, { description: '认定标准所在的文件及条款。' }),
    f('document_number', o.docLabel, 'string', true, { aliases: ['认定文书号', '决定书文号'], maxLength: 128 }),
    f('listing_reason', o.reasonLabel, 'text', true, { aliases: ['事由'] }),
    f('listing_date', o.dateLabel, 'date', true, { aliases: ['认定日期'] }),
    f('valid_until', '有效期至', 'date', false, { aliases: ['有效期截止日期'] }),
    ...authorityFields('认定部门', { nameAliases: ['认定单位', '作出决定机关'] }),
  ];
  if (o.withProcedure) {
    fields.push(
      f('measures_notice', '失信惩戒措施提示', 'text', true, { aliases: ['惩戒措施提示'] }),
      f('removal_conditions', '移出条件和程序', 'text', true, { aliases: ['移出条件'] }),
      f('remedies', '救济措施', 'text', true, { aliases: ['权利救济的期限和途径'] }),
    );
  }
  if (o.withRemoval) {
    fields.push(
      f('removal_date', '移出日期', 'date', false),
      f('removal_reason', '移出原因', 'code', false, { codeTable: 'list_removal_reason' }),
      f('removal_document_number', '移出决定书文号', 'string', false, { maxLength: 128 }),
    );
  }
  fields.push(remarks());
  return fields;
}

const seriousDishonestyList = item({
  code: 'serious_dishonesty_list',
  name: '严重失信主体名单信息',
  categoryCode: '06',
  nature: 'negative',
  legalBasis: [
    CATALOGUE_2024,
    dishonestyConstraints2020('（六）'),
    dishonestyConstraints2020('（七）'),
    dishonestyConstraints2020('（八）'),
    { document: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）' },
    ...REPAIR_BASES,
  ],
  fields: listFields({
    docLabel: '列入决定书文号',
    reasonLabel: '列入事由',
    dateLabel: '列入日期',
    withRemoval: true,
    withProcedure: true,
  }),
  documentNumberField: 'document_number',
  decisionDateField: 'listing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'serious',
  disclosurePeriods: { serious: SERIOUS },
  repairable: true,
  subjectKinds: ALL_KINDS,
  description:
    '只接收国家或自治区统一认定标准内的名单；决定文书须载明事由、依据、惩戒措施提示、移出条件和程序及救济措施（国办发〔2020〕49号）。',
});

const redList = item({
  code: 'red_list',
  name: '守信激励对象名单信息',
  categoryCode: '10',
  nature: 'positive',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）' },
  ],
  fields: listFields({ docLabel: '认定文号', reasonLabel: '列入理由', dateLabel: '列入日期', withRemoval: true, withProcedure: false }),
  documentNumberField: 'document_number',
  decisionDateField: 'listing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '红名单（守信激励对象）；列于诚实守信相关荣誉信息类。',
});

const watchList = item({
  code: 'watch_list',
  name: '重点关注名单信息',
  // The 2024 catalogue has no category of its own for watch lists; they sit with the lists.
  categoryCode: '06',
  nature: 'negative',
  legalBasis: [CATALOGUE_2024, dishonestyConstraints2020(), newSupervision2019('（七）'), ...REPAIR_BASES],
  fields: listFields({ docLabel: '列入决定书文号', reasonLabel: '列入事由', dateLabel: '列入日期', withRemoval: true, withProcedure: false }),
  documentNumberField: 'document_number',
  decisionDateField: 'listing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  // A supervisory (management) measure, not a sanction: shared with departments.
  disclosureScope: 'shared',
  defaultSeverity: 'general',
  disclosurePeriods: { general: GENERAL },
  repairable: true,
  subjectKinds: ALL_KINDS,
  description: '重点关注名单（重点监管对象），依法律法规或部门规章设立；用于提高抽查比例等管理措施。',
});

const contractPerformance = item({
  code: 'contract_performance',
  name: '有关合同履行信息',
  categoryCode: '07',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国民法典》', article: '第五百零九条' },
    { document: '《中华人民共和国政府采购法》' },
    { document: '《保障中小企业款项支付条例》' },
    ...REPAIR_BASES,
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS }),
    f('contract_name', '合同名称', 'string', true, { maxLength: 200 }),
    f('contract_number', '合同编号', 'string', true, { maxLength: 128 }),
    f('contract_kind', '合同类型', 'string', true, {
      maxLength: 100,
      description: '法律法规要求记录履约情况的合同，如政府采购、招标投标、政府和社会资本合作、拖欠中小企业账款。',
    }),
    f('counterparty', '合同相对方', 'string', true, { maxLength: 200 }),
    f('signing_date', '签订日期', 'date', false),
    money('contract_amount', '合同金额', false, ['合同金额（万元）']),
    f('outcome', '履行情况', 'code', true, { codeTable: 'contract_outcome', aliases: ['履约情况'] }),
    f('outcome_details', '履行情况说明', 'text', false, { aliases: ['违约情形'] }),
    f('finding_date', '认定日期', 'date', true, { aliases: ['履约情况认定日期'] }),
    ...authorityFields('认定单位'),
    remarks(),
  ],
  documentNumberField: 'contract_number',
  decisionDateField: 'finding_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  // Performance is neutral and kept while relevant; a breach (违约) is general dishonesty.
  disclosurePeriods: { none: null, general: GENERAL },
  repairable: true,
  subjectKinds: ALL_KINDS,
  description: '含机关事业单位、国有企业拖欠民营企业、中小企业账款（政务诚信）。',
});

const commitment = item({
  code: 'commitment',
  name: '信用承诺信息',
  categoryCode: '08',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（一）'),
    { document: '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）' },
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, nameLabel: '承诺主体名称', nameAliases: ['承诺人', '主体名称'] }),
    f('commitment_kind', '承诺类型', 'code', true, { codeTable: 'commitment_kind' }),
    f('commitment_number', '承诺书编号', 'string', true, { maxLength: 128 }),
    f('matter', '承诺事项', 'string', true, { aliases: ['办理事项'], maxLength: 300 }),
    f('content', '承诺内容', 'text', true),
    f('commitment_date', '承诺日期', 'date', true, { aliases: ['签署日期'] }),
    f('valid_until', '承诺有效期至', 'date', false, { description: LONG_TERM }),
    f('signatory', '签字人', 'string', false, {
      aliases: ['法定代表人（负责人）签字'],
      maxLength: 100,
      description: '法定代表人或负责人；其变更后须重新承诺。',
    }),
    f('document_file', '承诺书文件', 'string', false, { maxLength: 500, description: '加盖公章的承诺书 PDF 或扫描件的附件标识。' }),
    ...authorityFields('承诺受理单位', { nameAliases: ['受理单位'] }),
    remarks(),
  ],
  documentNumberField: 'commitment_number',
  decisionDateField: 'commitment_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '审批替代型、主动型、信用修复型、行业自律型承诺；信用承诺书“应公示、尽公示”。',
});

const commitmentFulfilment = item({
  code: 'commitment_fulfilment',
  name: '信用承诺履行情况信息',
  categoryCode: '08',
  nature: 'neutral',
  legalBasis: [CATALOGUE_2024, newSupervision2019('（一）'), ...REPAIR_BASES],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, nameLabel: '承诺主体名称', nameAliases: ['承诺人', '主体名称'] }),
    f('commitment_number', '承诺书编号', 'string', true, { maxLength: 128 }),
    // One record per verification (承诺问效 / periodic review), so that a later review does not
    // overwrite an earlier breach finding.
    f('verification_number', '核查文书号', 'string', true, {
      aliases: ['核查编号'],
      maxLength: 128,
      description: '核查或认定履约情况的文书号；无文书的填本单位案卷编号。',
    }),
    f('outcome', '履行情况', 'code', true, { codeTable: 'commitment_outcome', aliases: ['履约情况'] }),
    f('breach_details', '违诺情形', 'text', 'conditional', { description: '履行情况为违诺时必填。' }),
    f('measures_taken', '处理措施', 'text', false),
    f('verification_date', '核查日期', 'date', true, { aliases: ['认定日期'] }),
    ...authorityFields('核查单位'),
    remarks(),
  ],
  documentNumberField: 'verification_number',
  decisionDateField: 'verification_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  // Fulfilment is neutral; a breach (违诺, code-table severity general) is negative information.
  disclosurePeriods: { none: null, general: GENERAL, serious: SERIOUS },
  repairable: true,
  subjectKinds: ALL_KINDS,
});

const rating = item({
  code: 'rating',
  name: '信用评价结果信息',
  categoryCode: '09',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    newSupervision2019('（六）'),
    newSupervision2019('（七）'),
    { document: 'GB/T 45255-2025《公共信用综合评价规范》' },
  ],
  fields: [
    ...partyFields({ kinds: BUSINESSES }),
    f('rating_scheme', '评价类型', 'code', true, { codeTable: 'rating_scheme' }),
    f('rating_grade', '信用等级', 'code', true, { codeTable: 'rating_grade', aliases: ['评价等级', '评价结果'] }),
    f('score', '评价分值', 'decimal', false, { aliases: ['得分'] }),
    f('rating_period', '评价周期', 'string', false, { aliases: ['评价年度'], maxLength: 50 }),
    f('report_number', '评价报告编号', 'string', true, { aliases: ['评价文号', '报告编号'], maxLength: 128 }),
    f('rating_date', '评价日期', 'date', true, { aliases: ['发布日期'] }),
    f('valid_until', '有效期至', 'date', false, { description: '第三方信用评价报告有效期一般为一年。' }),
    f('report_file', '评价报告文件', 'string', false, { maxLength: 500, description: '第三方信用服务机构上传报告的附件标识。' }),
    ...authorityFields('评价单位', { nameAliases: ['评价机构'] }),
    remarks(),
  ],
  documentNumberField: 'report_number',
  decisionDateField: 'rating_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  // Pushed to departments, banks and associations; sector rules may publish some grades (e.g. 纳税 A级).
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: BUSINESSES,
  description: '公共信用综合评价、企业信用风险分类、行业信用评价和经审核的第三方信用评级结果。',
});

const honour = item({
  code: 'honour',
  name: '诚实守信相关荣誉信息',
  categoryCode: '10',
  nature: 'positive',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）' },
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS }),
    f('honour_name', '荣誉名称', 'string', true, { aliases: ['荣誉称号'], maxLength: 200 }),
    f('honour_level', '荣誉级别', 'code', true, { codeTable: 'honour_level' }),
    f('document_number', '授予文号', 'string', true, { aliases: ['表彰文号'], maxLength: 128 }),
    f('award_date', '授予日期', 'date', true, { aliases: ['表彰日期'] }),
    f('valid_until', '有效期至', 'date', false, { description: LONG_TERM }),
    ...authorityFields('授予单位', { nameAliases: ['表彰单位'] }),
    remarks(),
  ],
  documentNumberField: 'document_number',
  decisionDateField: 'award_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '如道德模范、劳动模范、守合同重信用企业、消费者信得过企业；被撤销的荣誉应同步撤销记录。',
});

const selfDeclared = item({
  code: 'self_declared',
  name: '经营主体自愿提供的信用信息',
  categoryCode: '11',
  nature: 'neutral',
  legalBasis: [CATALOGUE_2024, newSupervision2019('（五）')],
  fields: [
    ...partyFields({ kinds: BUSINESSES }),
    f('declaration_type', '信息类型', 'code', true, { codeTable: 'declaration_type' }),
    f('title', '信息名称', 'string', true, { maxLength: 200 }),
    f('content', '信息内容', 'text', true),
    f('declaration_number', '注册编号', 'string', true, { aliases: ['自愿注册编号'], maxLength: 128 }),
    f('declaration_date', '注册日期', 'date', true, { aliases: ['提交日期'] }),
    f('truthfulness_commitment', '已作出真实性承诺', 'boolean', true, {
      description: '主体须对信息真实性公开作出信用承诺并授权平台整合、共享与应用。',
    }),
    f('verification_status', '核验状态', 'code', true, { codeTable: 'verification_status' }),
    f('verifying_department', '核验单位', 'string', false, { maxLength: 200 }),
    f('verification_date', '核验日期', 'date', false),
    remarks(),
  ],
  documentNumberField: 'declaration_number',
  decisionDateField: 'declaration_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  // Used within the subject's own authorisation; verified information feeds ratings and reports.
  disclosureScope: 'authorised',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: BUSINESSES,
  description: '自愿注册的资质证照、市场经营、合同履约、社会公益等信息；经核验的可用于信用评价和信用报告。',
});

const consumerComplaint = item({
  code: 'consumer_complaint',
  name: '消费投诉信息',
  // A matter of complying with consumer-protection duties; not a legally effective dishonesty finding.
  categoryCode: '12',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国消费者权益保护法》', article: '第四十六条' },
    { document: '《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）' },
  ],
  fields: [
    ...partyFields({ kinds: BUSINESSES, nameLabel: '被投诉人名称', nameAliases: ['被投诉主体名称', '经营者名称'] }),
    f('complaint_number', '投诉编号', 'string', true, { aliases: ['投诉登记编号'], maxLength: 128 }),
    f('complaint_date', '投诉日期', 'date', true, { aliases: ['登记日期'] }),
    f('complaint_category', '投诉问题类别', 'string', true, { aliases: ['投诉问题'], maxLength: 200 }),
    f('summary', '投诉内容摘要', 'text', false, { description: '不含投诉人个人信息。' }),
    f('outcome', '处理结果', 'code', true, { codeTable: 'complaint_outcome', aliases: ['投诉处理结果'] }),
    f('closing_date', '办结日期', 'date', true, { aliases: ['处理完成日期'] }),
    ...authorityFields('处理单位'),
    remarks(),
  ],
  documentNumberField: 'complaint_number',
  decisionDateField: 'closing_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  // No national period was found; one year after closing, configurable.
  disclosurePeriods: { none: { minMonths: 0, maxMonths: 12 } },
  repairable: false,
  subjectKinds: BUSINESSES,
  description: '消费投诉公示（国家企业信用信息公示系统同步公示），促进经营者落实消费维权主体责任。',
});

const lawCompliance = item({
  code: 'law_compliance',
  name: '遵守法律法规情况信息',
  categoryCode: '12',
  nature: 'neutral',
  legalBasis: [CATALOGUE_2024, dishonestyConstraints2020()],
  fields: [
    ...partyFields({ kinds: ALL_KINDS }),
    f('domain', '领域', 'string', true, { aliases: ['事项领域'], maxLength: 100, description: '如纳税、社会保险、住房公积金、安全生产、生态环境。' }),
    f('result', '遵守法律法规情况', 'code', true, { codeTable: 'compliance_result', aliases: ['情况'] }),
    f('details', '情况说明', 'text', false),
    f('period_from', '统计期间自', 'date', false),
    f('period_to', '统计期间至', 'date', false),
    f('certificate_number', '证明编号', 'string', true, { aliases: ['文书编号'], maxLength: 128 }),
    f('issue_date', '出具日期', 'date', true),
    ...authorityFields('出具单位'),
    remarks(),
  ],
  documentNumberField: 'certificate_number',
  decisionDateField: 'issue_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'shared',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '有无违法违规记录等遵守法律法规情况（2022 年版起新增类别；条目内容待核对 2024 年版目录）。',
});

const intellectualProperty = item({
  code: 'intellectual_property',
  name: '知识产权信息',
  categoryCode: '13',
  nature: 'neutral',
  legalBasis: [
    CATALOGUE_2024,
    { document: '《中华人民共和国专利法》', article: '第三十九条' },
    { document: '《中华人民共和国专利法》', article: '第四十条' },
    { document: '《中华人民共和国商标法》' },
  ],
  fields: [
    ...partyFields({ kinds: ALL_KINDS, nameLabel: '权利人名称', nameAliases: ['权利人', '专利权人', '商标注册人'] }),
    f('ip_type', '知识产权类型', 'code', true, { codeTable: 'ip_type' }),
    f('ip_name', '知识产权名称', 'string', true, { aliases: ['专利名称', '商标名称'], maxLength: 300 }),
    f('registration_number', '专利号/注册号/登记号', 'string', true, { aliases: ['专利号', '商标注册号', '登记号'], maxLength: 128 }),
    f('grant_date', '授权（注册）日期', 'date', true, { aliases: ['授权日期', '注册日期'] }),
    f('valid_until', '有效期至', 'date', false),
    f('ip_status', '法律状态', 'string', false, { maxLength: 50 }),
    ...authorityFields('授权机关'),
    remarks(),
  ],
  documentNumberField: 'registration_number',
  decisionDateField: 'grant_date',
  subjectNameField: 'subject_name',
  subjectIdentifierField: 'uscc',
  disclosureScope: 'public',
  defaultSeverity: 'none',
  disclosurePeriods: WHILE_VALID,
  repairable: false,
  subjectKinds: ALL_KINDS,
  description: '专利、商标、地理标志等权利信息；知识产权领域的处罚和严重失信名单按行政处罚、严重失信主体名单报送。',
});

export const BASE_ITEMS: CatalogItemDef[] = [
  registration,
  judicialJudgment,
  judicialEnforcement,
  licence,
  penalty,
  coercion,
  confirmation,
  levy,
  benefit,
  adjudication,
  compensation,
  reward,
  inspection,
  professionalQualification,
  abnormalOperation,
  seriousDishonestyList,
  watchList,
  contractPerformance,
  commitment,
  commitmentFulfilment,
  rating,
  honour,
  redList,
  selfDeclared,
  lawCompliance,
  consumerComplaint,
  intellectualProperty,
];

/** The ten kinds of administrative action whose information is disclosed (glossary names). */
export const ADMINISTRATIVE_ACTION_CODES = [
  'licence',
  'penalty',
  'coercion',
  'confirmation',
  'levy',
  'benefit',
  'adjudication',
  'compensation',
  'reward',
  'inspection',
] as const;
