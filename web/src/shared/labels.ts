/** Chinese labels for the codes the API uses. Unknown codes fall back to the code itself. */
import type { Role } from './types';

export const ROLE_LABELS: Record<Role, string> = {
  office_admin: '信用办管理员',
  dept_operator: '部门经办人',
  dept_reviewer: '部门审核人',
  auditor: '审计员',
  agency: '信用服务机构',
  subject: '信用主体账户',
};

export const STAFF_ROLES: Role[] = ['office_admin', 'dept_operator', 'dept_reviewer', 'auditor'];

export const SCOPE_LABELS: Record<string, string> = {
  public: '社会公开',
  shared: '政务共享',
  authorised: '授权查询',
};

export const SCOPE_COLORS: Record<string, string> = {
  public: 'green',
  shared: 'blue',
  authorised: 'orange',
};

export const SUBJECT_KIND_LABELS: Record<string, string> = {
  legal_entity: '法人和非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

/** Registration status of a subject (GET /public/subjects/:id `status`). */
export const SUBJECT_STATUS_LABELS: Record<string, string> = {
  active: '存续',
  deregistered: '注销',
  revoked: '吊销',
  deceased: '已注销',
};

export const SUBJECT_STATUS_COLORS: Record<string, string> = {
  active: 'green',
  deregistered: 'default',
  revoked: 'red',
  deceased: 'default',
};

/** Statuses of subjects and of records (one table: the two sets do not overlap in meaning). */
export const STATUS_LABELS: Record<string, string> = {
  // subjects
  active: '正常',
  existing: '存续',
  cancelled: '注销',
  deregistered: '注销',
  revoked_licence: '吊销',
  merged: '已合并',
  inactive: '停用',
  // records
  revoked: '已撤销',
  corrected: '已更正',
  under_objection: '异议处理中',
  objection: '异议处理中',
  repaired: '已修复',
  disclosure_ended: '公示期满',
  expired: '已失效',
  pending: '待审核',
  rejected: '已驳回',
  draft: '草稿',
};

export const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  existing: 'green',
  cancelled: 'default',
  deregistered: 'default',
  revoked: 'red',
  revoked_licence: 'red',
  under_objection: 'orange',
  objection: 'orange',
  repaired: 'blue',
  disclosure_ended: 'default',
  expired: 'default',
  pending: 'gold',
  rejected: 'red',
};

export const RECORD_VERSION_KIND_LABELS: Record<string, string> = {
  create: '新增',
  created: '新增',
  initial: '新增',
  submit: '报送',
  correct: '更正',
  correction: '更正',
  update: '更新',
  revoke: '撤销',
  revocation: '撤销',
  repair: '信用修复',
  objection: '异议处理',
  restore: '恢复',
};

export const NATURE_LABELS: Record<string, string> = {
  negative: '失信信息',
  positive: '守信信息',
  neutral: '中性信息',
};

export const SEVERITY_LABELS: Record<string, string> = {
  none: '不适用',
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

export const FIELD_TYPE_LABELS: Record<string, string> = {
  string: '文本',
  text: '长文本',
  date: '日期',
  decimal: '数值（小数）',
  integer: '整数',
  boolean: '是/否',
  code: '代码（单选）',
  codes: '代码（多选）',
  uscc: '统一社会信用代码',
  citizen_id: '公民身份号码',
  identifier: '证件号码',
};

export const DEPARTMENT_KIND_LABELS: Record<string, string> = {
  credit_office: '信用办（牵头单位）',
  department: '数据提供部门',
};

export const RELATION_ROLE_LABELS: Record<string, string> = {
  legal_representative: '法定代表人',
  principal: '主要负责人',
  controller: '实际控制人',
  operator: '经营者',
  shareholder: '股东',
};

export const IDENTIFIER_TYPE_LABELS: Record<string, string> = {
  uscc: '统一社会信用代码',
  citizen_id: '公民身份号码',
  org_code: '组织机构代码',
  registration_number: '工商注册号',
  unknown: '无法识别',
};

export const PROBLEM_SEVERITY_LABELS: Record<string, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return map[code] ?? code;
}

export function roleLabel(role: string | null | undefined): string {
  return label(ROLE_LABELS, role);
}

export const BATCH_STATUS_LABELS: Record<string, string> = {
  queued: '排队中',
  processing: '处理中',
  completed: '已完成',
  rejected: '整批拒收',
  failed: '处理失败',
};

export const BATCH_STATUS_COLORS: Record<string, string> = {
  queued: 'default',
  processing: 'processing',
  completed: 'success',
  rejected: 'error',
  failed: 'error',
};

export const BATCH_MODE_LABELS: Record<string, string> = {
  lenient: '容错模式',
  atomic: '整批模式',
};

export const ISSUE_DECISION_LABELS: Record<string, string> = {
  same_subject: '同一主体（名称写法不同）',
  rename: '主体已更名（更新名称）',
  wrong_code: '错码（今后拒收该代码与名称的组合）',
};

// --- 信用名单 and 信用核查 ---

/** The national list kinds (src/modules/lists/list-kinds.ts NATIONAL_LIST_KINDS), in the order shown. */
export const NATIONAL_LIST_KINDS: { code: string; name: string }[] = [
  { code: 'serious_dishonesty', name: '严重失信主体名单' },
  { code: 'red_list', name: '守信激励对象名单' },
  { code: 'watch_list', name: '重点关注名单' },
];

/** Recommended treatment of a credit check (src/modules/checks/tables.ts TREATMENTS). */
export const TREATMENT_LABELS: Record<string, string> = {
  green_channel: '绿色通道',
  normal: '正常办理',
  caution: '审慎办理',
  sanction: '依法惩戒',
};

export const TREATMENT_COLORS: Record<string, string> = {
  green_channel: 'green',
  normal: 'blue',
  caution: 'orange',
  sanction: 'red',
};

export const FEEDBACK_HANDLING_LABELS: Record<string, string> = {
  applied: '已实施',
  not_applied: '未实施',
  not_applicable: '不适用',
};

/** Role a person holds in a listed organisation (a check's `asResponsiblePerson`). */
export const RESPONSIBLE_ROLE_LABELS: Record<string, string> = {
  legal_representative: '法定代表人',
  principal: '主要负责人',
  controller: '实际控制人',
};

export const MEASURE_KIND_LABELS: Record<string, string> = {
  sanction: '失信惩戒',
  incentive: '守信激励',
};

// --- 名单认定 (src/modules/lists/procedure.ts) and 措施清单 (src/modules/measures/tables.ts) ---

export const LIST_SCOPE_LABELS: Record<string, string> = {
  national: '全国统一',
  local: '仅本地实施',
};

export const LIST_KIND_KIND_LABELS: Record<string, string> = {
  sanction: '惩戒类',
  incentive: '激励类',
  watch: '重点关注',
};

export const LIST_KIND_KIND_COLORS: Record<string, string> = {
  sanction: 'red',
  incentive: 'green',
  watch: 'orange',
};

/** The states of a designation (STATE_LABELS of procedure.ts). */
export const ENTRY_STATE_LABELS: Record<string, string> = {
  proposed: '已提出认定申请',
  noticed: '已告知，陈述申辩期内',
  statement_received: '已收到陈述申辩',
  statement_expired: '陈述申辩期满',
  decided: '已作出认定决定',
  published: '已公示（名单有效）',
  removed: '已移出',
  withdrawn: '已撤回',
  rejected: '不予认定',
};

export const ENTRY_STATE_COLORS: Record<string, string> = {
  proposed: 'blue',
  noticed: 'processing',
  statement_received: 'cyan',
  statement_expired: 'cyan',
  decided: 'purple',
  published: 'red',
  removed: 'default',
  withdrawn: 'default',
  rejected: 'default',
};

/** The steps of the procedure (TRANSITIONS of procedure.ts), in the order the console offers them. */
export const ENTRY_ACTION_LABELS: Record<string, string> = {
  serve_notice: '送达告知书',
  record_statement: '登记陈述申辩',
  expire_statement: '登记期满未陈述申辩',
  decide: '作出认定决定',
  reject: '不予认定',
  publish: '公示',
  remove: '移出名单',
  withdraw: '撤回认定申请',
};

/** What each state's history entry says happened (the procedure's timeline). */
export const ENTRY_EVENT_LABELS: Record<string, string> = {
  proposed: '提出认定申请',
  noticed: '送达认定事先告知书',
  statement_received: '登记陈述申辩',
  statement_expired: '陈述申辩期满未提出',
  decided: '作出认定决定',
  published: '公示认定结果',
  removed: '移出名单',
  withdrawn: '撤回认定申请',
  rejected: '不予认定',
};

export const REMOVAL_REASON_LABELS: Record<string, string> = {
  expired: '有效期届满',
  repaired: '信用修复提前移出',
  revoked: '撤销认定',
  error: '认定错误',
};

/** Key sectors of a market or industry ban (BAN_SECTORS of src/modules/lists/decide.ts). */
export const BAN_SECTORS = ['食品药品', '生态环境', '工程质量', '安全生产', '养老托幼', '城市运行安全', '特种设备'];

export const MEASURE_CATEGORY_LABELS: Record<string, string> = {
  '1': '减损权益或增加义务',
  '2': '管理措施',
  '3': '其他组织自主实施',
};

export const MEASURE_SCOPE_LABELS: Record<string, string> = {
  base: '基础清单',
  supplement: '本地补充',
};
