/**
 * Code tables (代码表) used by the base catalog's 'code' and 'codes' fields.
 *
 * Codes are stable ASCII identifiers (or the numeric codes seen in real systems where those exist);
 * labels are the Chinese values departments actually write in their files, so the ingest accepts either
 * the code or the exact label. Sources: /work/shared/domain/REFERENCE.md §2.3, §6, §7, §10 and the
 * glossary. Values marked [U] there are kept here too, but may need correcting by the credit office.
 */
import type { CodeTables } from './types';

export const CODE_TABLES: CodeTables = {
  /** 行政相对人类别 (双公示 CF_XDR_LB / XK_XDR_LB); stored as text in observed national data. */
  subject_category: {
    name: '行政相对人类别',
    entries: [
      { code: 'legal_entity', label: '法人及非法人组织' },
      { code: 'natural_person', label: '自然人' },
      { code: 'individual_business', label: '个体工商户' },
    ],
  },

  /**
   * 处罚类别 (CF_CFLB). Ranks 1..13 follow the order of the 2021 行政处罚法 第九条 as used by the national
   * statistics form (light → heavy). When one decision combines several types, the heaviest one
   * decides. Severities are only suggestions: each sector authority publishes its own
   * light/general/serious classification (国办发〔2025〕22号), and rules may refine them per record.
   */
  penalty_type: {
    name: '处罚类别',
    entries: [
      { code: 'warning', label: '警告', rank: 1, severity: 'minor' },
      { code: 'circulated_criticism', label: '通报批评', rank: 2, severity: 'minor' },
      { code: 'fine', label: '罚款', rank: 3, severity: 'general' },
      { code: 'confiscate_illegal_gains', label: '没收违法所得', rank: 4, severity: 'general' },
      { code: 'confiscate_illegal_property', label: '没收非法财物', rank: 5, severity: 'general' },
      { code: 'suspend_licence', label: '暂扣许可证件', rank: 6, severity: 'general' },
      { code: 'lower_qualification', label: '降低资质等级', rank: 7, severity: 'general' },
      { code: 'revoke_licence', label: '吊销许可证件', rank: 8, severity: 'serious' },
      { code: 'restrict_business', label: '限制开展生产经营活动', rank: 9, severity: 'serious' },
      { code: 'suspend_production', label: '责令停产停业', rank: 10, severity: 'serious' },
      { code: 'order_closure', label: '责令关闭', rank: 11, severity: 'serious' },
      { code: 'restrict_employment', label: '限制从业', rank: 12, severity: 'serious' },
      { code: 'administrative_detention', label: '行政拘留', rank: 13, severity: 'serious' },
      { code: 'other', label: '其他', severity: 'general' },
      // Pre-2021 labels (1996/2017 行政处罚法 第八条). 警告, 罚款, 责令停产停业, 行政拘留 and 其他 kept
      // the same wording and map to the entries above. Ranks are those of the lightest modern type the
      // old label can mean, so that an ambiguous old label never makes a record heavier than it was
      // (过惩相当); rules may raise it from 处罚内容 (e.g. 吊销 → serious).
      { code: 'legacy_confiscation', label: '没收违法所得、没收非法财物', rank: 5, severity: 'general' },
      {
        code: 'legacy_suspend_or_revoke_licence',
        label: '暂扣或者吊销许可证、暂扣或者吊销执照',
        rank: 6,
        severity: 'general',
      },
    ],
  },

  /** 许可类别 (XK_XKLB): the six values of the 双公示 standard, after 行政许可法 第十二条. */
  licence_type: {
    name: '许可类别',
    entries: [
      { code: 'ordinary', label: '普通' },
      { code: 'franchise', label: '特许' },
      { code: 'recognition', label: '认可' },
      { code: 'approval', label: '核准' },
      { code: 'registration', label: '登记' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 当前状态 of a licence (XK_ZT) [U]. */
  licence_status: {
    name: '许可状态',
    entries: [
      { code: 'valid', label: '有效' },
      { code: 'invalid', label: '无效' },
    ],
  },

  /**
   * 证件类型. The official national list was not found (REFERENCE §2.3). Numeric codes 10..50 and 90 are
   * the ones seen in provincial systems (REFERENCE §10); 60 for the foreigner's permanent residence
   * ID card is our own choice [U] and should be checked before exchanging data with other platforms.
   */
  certificate_type: {
    name: '证件类型',
    entries: [
      { code: '10', label: '身份证' },
      { code: '20', label: '军人证件' },
      { code: '30', label: '港澳居民来往内地通行证' },
      { code: '40', label: '台湾居民来往大陆通行证' },
      { code: '50', label: '护照' },
      { code: '60', label: '外国人永久居留身份证' },
      { code: '90', label: '其他' },
    ],
  },

  /** Kinds of lists a subject can be on. */
  list_kind: {
    name: '名单类型',
    entries: [
      { code: 'serious_dishonesty', label: '严重失信主体名单', severity: 'serious' },
      { code: 'dishonest_judgment_debtor', label: '失信被执行人名单', severity: 'serious' },
      { code: 'abnormal_operation', label: '经营异常名录', severity: 'general' },
      { code: 'watch', label: '重点关注名单', severity: 'general' },
      { code: 'red', label: '守信激励对象名单', severity: 'none' },
    ],
  },

  /** Why a list entry ended (REFERENCE §6 data model). */
  list_removal_reason: {
    name: '移出原因',
    entries: [
      { code: 'expired', label: '期满移出' },
      { code: 'repaired', label: '信用修复' },
      { code: 'revoked', label: '撤销认定' },
      { code: 'fulfilled', label: '履行义务' },
      { code: 'other', label: '其他' },
    ],
  },

  /**
   * 信用等级. One table for the two scales in use: the four-grade scale A/B/C/D (公共信用综合评价,
   * 企业信用风险分类, sector ratings; 纳税信用 adds M) and the third-party 三等九级 scale AAA..C.
   * A, B and C occur in both; the rating item's `rating_scheme` field says which scale a grade is on.
   * 优/良/中/差 is the wording of the composite evaluation in the seed documents.
   */
  rating_grade: {
    name: '信用等级',
    entries: [
      { code: 'AAA', label: 'AAA级' },
      { code: 'AA', label: 'AA级' },
      { code: 'A', label: 'A级' },
      { code: 'BBB', label: 'BBB级' },
      { code: 'BB', label: 'BB级' },
      { code: 'B', label: 'B级' },
      { code: 'M', label: 'M级' },
      { code: 'CCC', label: 'CCC级' },
      { code: 'CC', label: 'CC级' },
      { code: 'C', label: 'C级' },
      { code: 'D', label: 'D级' },
      { code: 'excellent', label: '优' },
      { code: 'good', label: '良' },
      { code: 'fair', label: '中' },
      { code: 'poor', label: '差' },
    ],
  },

  /** Which rating scheme produced a grade. */
  rating_scheme: {
    name: '评价类型',
    entries: [
      { code: 'public_composite', label: '公共信用综合评价' },
      { code: 'risk_classification', label: '企业信用风险分类' },
      { code: 'tax', label: '纳税信用等级' },
      { code: 'sector', label: '行业信用评价' },
      { code: 'third_party', label: '第三方信用评级' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 荣誉级别 (also used for 行政奖励). */
  honour_level: {
    name: '荣誉级别',
    entries: [
      { code: 'national', label: '国家级' },
      { code: 'provincial', label: '省级' },
      { code: 'municipal', label: '市级' },
      { code: 'county', label: '县级' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 信用承诺类型 (glossary). */
  commitment_kind: {
    name: '信用承诺类型',
    entries: [
      { code: 'approval_substitute', label: '审批替代型' },
      { code: 'voluntary', label: '主动型' },
      { code: 'repair', label: '信用修复型' },
      { code: 'self_discipline', label: '行业自律型' },
    ],
  },

  /** 承诺履行情况. A breach is negative information; its severity may be refined per record. */
  commitment_outcome: {
    name: '承诺履行情况',
    entries: [
      { code: 'fulfilled', label: '履约', severity: 'none' },
      { code: 'breached', label: '违诺', severity: 'general' },
      { code: 'in_progress', label: '履行中', severity: 'none' },
    ],
  },

  /** 合同履行情况 (contracts whose performance the law requires to be recorded). */
  contract_outcome: {
    name: '合同履行情况',
    entries: [
      { code: 'performed', label: '履约' },
      { code: 'breached', label: '违约', severity: 'general' },
      { code: 'in_progress', label: '履行中' },
      { code: 'terminated', label: '解除' },
    ],
  },

  /** 消费投诉处理结果 (market-regulation complaint handling). */
  complaint_outcome: {
    name: '投诉处理结果',
    entries: [
      { code: 'mediated', label: '调解成功' },
      { code: 'mediation_failed', label: '调解不成功' },
      { code: 'terminated', label: '终止调解' },
      { code: 'withdrawn', label: '投诉人撤回' },
      { code: 'not_accepted', label: '不予受理' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 行政强制类别: coercive measures (行政强制法 第九条) and enforcement methods (第十二条). */
  coercion_type: {
    name: '行政强制类别',
    entries: [
      { code: 'restrict_personal_freedom', label: '限制公民人身自由' },
      { code: 'seal_up', label: '查封场所、设施或者财物' },
      { code: 'seize', label: '扣押财物' },
      { code: 'freeze', label: '冻结存款、汇款' },
      { code: 'other_measure', label: '其他行政强制措施' },
      { code: 'surcharge', label: '加处罚款或者滞纳金' },
      { code: 'transfer', label: '划拨存款、汇款' },
      { code: 'auction', label: '拍卖或者依法处理查封、扣押的场所、设施或者财物' },
      { code: 'restore', label: '排除妨碍、恢复原状' },
      { code: 'substitute_performance', label: '代履行' },
      { code: 'other_enforcement', label: '其他强制执行方式' },
    ],
  },

  /** 检查方式. Interviews (约谈) are recorded as supervision acts of the inspecting department. */
  inspection_type: {
    name: '检查方式',
    entries: [
      { code: 'random', label: '双随机抽查' },
      { code: 'special', label: '专项检查' },
      { code: 'routine', label: '日常检查' },
      { code: 'key', label: '重点检查' },
      { code: 'interview_reminder', label: '提示约谈' },
      { code: 'interview_warning', label: '警示约谈' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 检查结果 (wording of market-regulation random-inspection results). */
  inspection_result: {
    name: '检查结果',
    entries: [
      { code: 'no_problem', label: '未发现问题' },
      { code: 'not_operating', label: '未发现开展本次抽查涉及的经营活动' },
      { code: 'corrected', label: '发现问题已责令改正' },
      { code: 'case_filed', label: '发现问题已立案查处' },
      { code: 'pending', label: '发现问题待后续处理' },
      { code: 'not_reachable', label: '通过登记的住所（经营场所）无法联系' },
      { code: 'not_disclosed', label: '未按规定公示应当公示的信息' },
      { code: 'false_disclosure', label: '公示信息隐瞒真实情况、弄虚作假' },
      { code: 'not_cooperating', label: '不配合检查情节严重' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 登记状态 of a registered subject. */
  registration_status: {
    name: '登记状态',
    entries: [
      { code: 'active', label: '存续' },
      { code: 'in_business', label: '在业' },
      { code: 'suspended', label: '歇业' },
      { code: 'revoked', label: '吊销' },
      { code: 'cancelled', label: '注销' },
      { code: 'moved_out', label: '迁出' },
      { code: 'withdrawn', label: '撤销' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 资格类别 for 职称和职业信息. */
  qualification_kind: {
    name: '资格类别',
    entries: [
      { code: 'professional_title', label: '职称' },
      { code: 'licensing_qualification', label: '准入类职业资格' },
      { code: 'level_qualification', label: '水平评价类职业资格' },
      { code: 'skill_level', label: '职业技能等级' },
      { code: 'practice_registration', label: '执业注册' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 案件类型 of a court case. */
  case_type: {
    name: '案件类型',
    entries: [
      { code: 'civil', label: '民事' },
      { code: 'criminal', label: '刑事' },
      { code: 'administrative', label: '行政' },
      { code: 'enforcement', label: '执行' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 自愿注册信息类型 (the four kinds named by the seeds: 资质证照、市场经营、合同履约、社会公益). */
  declaration_type: {
    name: '自愿注册信息类型',
    entries: [
      { code: 'qualification', label: '资质证照' },
      { code: 'business', label: '市场经营' },
      { code: 'contract', label: '合同履约' },
      { code: 'public_welfare', label: '社会公益' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 核验状态 of self-declared information. */
  verification_status: {
    name: '核验状态',
    entries: [
      { code: 'pending', label: '待核验' },
      { code: 'verified', label: '核验通过' },
      { code: 'rejected', label: '核验不通过' },
    ],
  },

  /** 遵守法律法规情况 result. */
  compliance_result: {
    name: '遵守法律法规情况',
    entries: [
      { code: 'no_violation', label: '无违法违规记录' },
      { code: 'violation', label: '有违法违规记录' },
      { code: 'arrears', label: '存在欠缴' },
      { code: 'other', label: '其他' },
    ],
  },

  /** 知识产权类型. */
  ip_type: {
    name: '知识产权类型',
    entries: [
      { code: 'invention_patent', label: '发明专利' },
      { code: 'utility_model_patent', label: '实用新型专利' },
      { code: 'design_patent', label: '外观设计专利' },
      { code: 'trademark', label: '注册商标' },
      { code: 'geographical_indication', label: '地理标志' },
      { code: 'copyright', label: '著作权登记' },
      { code: 'layout_design', label: '集成电路布图设计' },
      { code: 'plant_variety', label: '植物新品种' },
      { code: 'other', label: '其他' },
    ],
  },
};
