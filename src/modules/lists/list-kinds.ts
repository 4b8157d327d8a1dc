import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { withAudit } from '../audit';
import { requireRole, requireStaff } from '../auth/policy';
import { assertValidDate } from '../calendar';
import { daysBetween } from './dates';
import * as repo from './repository';
import { LIST_KIND_KINDS, LIST_SCOPES, type ListLegalBasis, type LocalRegulation, type PublicComment } from './tables';

/** 公开征求意见期限不少于30日 (seed 004 (八), 国办发〔2020〕49号 (七)) */
export const MIN_PUBLIC_COMMENT_DAYS = 30;
const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export interface ListKindInput {
  code: string;
  name: string;
  scope: (typeof LIST_SCOPES)[number];
  kind: (typeof LIST_KIND_KINDS)[number];
  legalBasis: ListLegalBasis[];
  criteria: string;
  description?: string;
  validityMonths: number;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  statementWorkingDays?: number;
  decisionWorkingDays?: number;
  publicComment?: PublicComment | null;
  localRegulation?: LocalRegulation | null;
}

export type ListKindPatch = Partial<Omit<ListKindInput, 'code'>>;

const BASIS_49 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';
const BASIS_33 = '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';
const BASIS_35 = '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';

/** The three national kinds (validity and statement periods [U]: set by the credit office before use). */
export const NATIONAL_LIST_KINDS: readonly ListKindInput[] = [
  {
    code: 'serious_dishonesty',
    name: '严重失信主体名单',
    scope: 'national',
    kind: 'sanction',
    legalBasis: [
      { document: BASIS_49, article: '（六）（七）（八）' },
      { document: BASIS_33, article: '（十一）' },
    ],
    criteria: '严重危害人民群众身体健康和生命安全、严重破坏市场公平竞争秩序和社会正常秩序、拒不履行法定义务严重影响司法机关和行政机关公信力、拒不履行国防义务等严重失信行为，且有生效的行政决定或司法文书认定。',
    description: '依照全国失信惩戒措施基础清单及本地补充清单实施惩戒：限制申请财政性资金项目、限制参与评先评优、在行政管理中列为重点监管对象、依法实施市场和行业禁入等。',
    validityMonths: 36,
    removalConditions: '名单有效期届满自动移出；有效期内已履行相关义务、纠正失信行为并完成信用修复的，可申请提前移出；认定错误或认定依据被撤销的，应当撤销认定。',
    removalProcedure: '有效期届满由认定部门移出并公示；提前移出由当事人向认定部门提出申请，认定部门自受理之日起15个工作日内作出决定；撤销认定由认定部门作出决定并及时更正公示信息。',
    remedies: '对认定决定不服的，可以自收到决定书之日起六十日内依法申请行政复议，或者自收到决定书之日起六个月内依法提起行政诉讼；对公示信息有异议的，可以向认定部门或信用平台提出异议申请。',
  },
  {
    code: 'red_list',
    name: '守信激励对象名单',
    scope: 'national',
    kind: 'incentive',
    legalBasis: [{ document: BASIS_33, article: '（五）至（九）' }],
    criteria: '在行政管理中依法认定的诚信典型，连续三年无不良信用记录，信用评价等级为A级及以上。',
    description: '依照守信联合激励措施实施激励：行政审批“绿色通道”、容缺受理、优化检查频次、在评先评优中优先考虑等。',
    validityMonths: 24,
    removalConditions: '有效期届满自动移出；有效期内产生严重失信记录或不再符合认定标准的，应当移出。',
    removalProcedure: '由认定部门作出移出决定并更新公示信息。',
    remedies: '对认定或移出决定不服的，可以依法申请行政复议或者提起行政诉讼。',
  },
  {
    code: 'watch_list',
    name: '重点关注名单',
    scope: 'national',
    kind: 'watch',
    legalBasis: [{ document: BASIS_35, article: '（五）' }],
    criteria: '存在失信行为但尚未达到严重失信主体名单认定标准，需要加强监管的市场主体。',
    description: '作为重点监管对象，适当提高抽查比例和频次，督促限期整改。',
    validityMonths: 12,
    removalConditions: '有效期届满自动移出；有效期内完成整改并经认定部门核实的，可提前移出；认定错误的应当撤销。',
    removalProcedure: '由认定部门核实后作出移出决定并更新公示信息。',
    remedies: '对认定决定不服的，可以依法申请行政复议或者提起行政诉讼；对信息有异议的，可以提出异议申请。',
  },
];

export async function listListKinds(db: Db) {
  return repo.listKindRows(db);
}

export async function getListKind(db: Db, code: string) {
  const kind = await repo.findKind(db, code);
  if (!kind) throw new AppError('NOT_FOUND', `未找到名单类型：${code}`);
  return kind;
}

/** The credit office sets up a list kind with its designation standard. */
export async function createListKind(db: Db, actor: Actor, input: ListKindInput) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以设置名单类型');
  if (!CODE_PATTERN.test(input.code)) throw new AppError('VALIDATION', '名单类型代码应为小写字母开头的字母、数字、下划线（2–64 位）');
  const row = validateStandard(input);
  return withAudit(db, actor, async (tx, audit) => {
    if (await repo.findKind(tx, input.code)) throw new AppError('CONFLICT', `名单类型代码已存在：${input.code}`);
    const created = await repo.insertKind(tx, { code: input.code, ...row });
    audit.record({ action: 'list.kind.create', entityType: 'list_kind', entityId: created.code, after: created });
    return created;
  });
}

/** Changes a kind's standard; entries already decided keep the basis they were decided on. */
export async function updateListKind(db: Db, actor: Actor, code: string, patch: ListKindPatch) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以设置名单类型');
  return withAudit(db, actor, async (tx, audit) => {
    const before = await repo.findKind(tx, code);
    if (!before) throw new AppError('NOT_FOUND', `未找到名单类型：${code}`);
    const merged: ListKindInput = { ...toInput(before), ...stripUndefined(patch), code };
    const row = validateStandard(merged);
    const after = await repo.updateKind(tx, code, row);
    audit.record({ action: 'list.kind.update', entityType: 'list_kind', entityId: code, before, after });
    return after;
  });
}

/** Seeds the national kinds once (existing rows, possibly edited by the credit office, are kept). */
export async function seedNationalListKinds(db: Db): Promise<number> {
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    let created = 0;
    for (const input of NATIONAL_LIST_KINDS) {
      if (await repo.findKind(tx, input.code)) continue;
      const row = await repo.insertKind(tx, { code: input.code, ...validateStandard(input) });
      audit.record({ action: 'list.kind.create', entityType: 'list_kind', entityId: row.code, after: row });
      created += 1;
    }
    if (created === 0) audit.nothingChanged();
    return created;
  });
}

export function assertStaffReadsKinds(actor: Actor): void {
  requireStaff(actor);
}

function validateStandard(input: ListKindInput): Omit<repo.NewListKindRow, 'code'> {
  if (!LIST_SCOPES.includes(input.scope)) throw new AppError('VALIDATION', '名单适用范围应为 national（全国）或 local（仅本地）');
  if (!LIST_KIND_KINDS.includes(input.kind)) throw new AppError('VALIDATION', '名单性质应为 sanction（惩戒）、incentive（激励）或 watch（重点关注）');
  const legalBasis = (input.legalBasis ?? []).map((basis) => ({ document: basis.document?.trim() ?? '', ...(basis.article?.trim() ? { article: basis.article.trim() } : {}) }));
  if (legalBasis.length === 0 || legalBasis.some((basis) => basis.document.length < 2)) {
    throw new AppError('LEGAL_BASIS_MISSING', '名单认定标准必须载明法律、法规或政策文件依据（文件名称及条款）');
  }
  for (const [label, value] of [
    ['名称', input.name],
    ['认定标准', input.criteria],
    ['移出条件', input.removalConditions],
    ['移出程序', input.removalProcedure],
    ['救济措施', input.remedies],
  ] as const) {
    if (!value || value.trim().length < 2) throw new AppError('VALIDATION', `名单认定标准必须载明${label}`);
  }
  if (!Number.isInteger(input.validityMonths) || input.validityMonths < 1 || input.validityMonths > 120) throw new AppError('VALIDATION', '名单有效期应为 1–120 个月');
  const statementWorkingDays = input.statementWorkingDays ?? 5;
  const decisionWorkingDays = input.decisionWorkingDays ?? 15;
  if (!Number.isInteger(statementWorkingDays) || statementWorkingDays < 1 || statementWorkingDays > 60) throw new AppError('VALIDATION', '陈述申辩期限应为 1–60 个工作日');
  if (!Number.isInteger(decisionWorkingDays) || decisionWorkingDays < 1 || decisionWorkingDays > 120) throw new AppError('VALIDATION', '作出决定的期限应为 1–120 个工作日');
  let publicComment: PublicComment | null = input.publicComment ?? null;
  let localRegulation: LocalRegulation | null = input.localRegulation ?? null;
  if (input.scope === 'local') {
    if (!localRegulation || !localRegulation.document || localRegulation.document.trim().length < 2) {
      throw new AppError('LEGAL_BASIS_MISSING', '仅在本地实施的名单，其认定标准应当由地方性法规规定：请填写地方性法规名称及条款');
    }
    if (!publicComment) throw new AppError('PROCEDURE_STEP_MISSING', `仅在本地实施的名单，认定标准须经不少于${MIN_PUBLIC_COMMENT_DAYS}日的公开征求意见：请填写征求意见记录`);
    assertValidDate(publicComment.from, '征求意见起始日期');
    assertValidDate(publicComment.to, '征求意见截止日期');
    const days = daysBetween(publicComment.from, publicComment.to);
    if (days < MIN_PUBLIC_COMMENT_DAYS) {
      throw new AppError('PROCEDURE_STEP_MISSING', `公开征求意见期限不少于${MIN_PUBLIC_COMMENT_DAYS}日（${publicComment.from} 至 ${publicComment.to} 仅 ${Math.max(days, 0)} 日）`);
    }
    if (!publicComment.url || !/^https?:\/\//.test(publicComment.url)) throw new AppError('VALIDATION', '请填写征求意见公告的网址（http/https）');
    if (!publicComment.summary || publicComment.summary.trim().length < 2) throw new AppError('VALIDATION', '请填写征求意见情况说明');
    publicComment = { from: publicComment.from, to: publicComment.to, url: publicComment.url, summary: publicComment.summary.trim() };
    localRegulation = { document: localRegulation.document.trim(), ...(localRegulation.article?.trim() ? { article: localRegulation.article.trim() } : {}) };
  }
  return {
    name: input.name.trim(),
    scope: input.scope,
    kind: input.kind,
    legalBasis,
    criteria: input.criteria.trim(),
    description: (input.description ?? '').trim(),
    validityMonths: input.validityMonths,
    removalConditions: input.removalConditions.trim(),
    removalProcedure: input.removalProcedure.trim(),
    remedies: input.remedies.trim(),
    statementWorkingDays,
    decisionWorkingDays,
    publicComment,
    localRegulation,
  };
}

function toInput(row: repo.ListKindRow): ListKindInput {
  return {
    code: row.code,
    name: row.name,
    scope: row.scope,
    kind: row.kind,
    legalBasis: row.legalBasis,
    criteria: row.criteria,
    description: row.description,
    validityMonths: row.validityMonths,
    removalConditions: row.removalConditions,
    removalProcedure: row.removalProcedure,
    remedies: row.remedies,
    statementWorkingDays: row.statementWorkingDays,
    decisionWorkingDays: row.decisionWorkingDays,
    publicComment: row.publicComment,
    localRegulation: row.localRegulation,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
