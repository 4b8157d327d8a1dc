import type { Treatment } from './tables';

/**
 * The treatment policy of credit checks, in one place (seed 001 §二(四)):
 * 1. red list or grade A and above → green channel (绿色通道、容缺受理);
 * 2. minor dishonesty records or grade B..BBB → caution (审慎办理, 加强审查);
 * 3. serious dishonesty list (own, or as legal representative/principal/controller) or grade CCC and
 *    below → sanction (依法依规实施惩戒).
 * When several apply the strictest wins (sanction > caution > green channel > normal): a red-listed
 * subject with a fresh penalty is handled with caution. Override with `setTreatmentPolicy` at start-up.
 */
export interface TreatmentPolicy {
  greenListKinds: string[];
  cautionListKinds: string[];
  sanctionListKinds: string[];
  greenGrades: string[];
  cautionGrades: string[];
  sanctionGrades: string[];
  /** severities of active, not paused negative records that call for caution */
  cautionSeverities: string[];
  /** records decided longer ago than this do not count (政府采购法 第二十二条: 前三年内) */
  recordLookbackYears: number;
  /** working days a department has to report back (feedback_due) */
  feedbackWorkingDays: number;
  /** grades eligible for bidding/procurement under seed 001 §三(二) (not below BBB) */
  biddingEligibleGrades: string[];
  biddingMinimumGrade: string;
  /** credit weight in the bidding evaluation, in percent (at least 8 %) */
  biddingCreditWeightPercent: number;
}

export const DEFAULT_TREATMENT_POLICY: TreatmentPolicy = {
  greenListKinds: ['red_list'],
  cautionListKinds: ['watch_list'],
  sanctionListKinds: ['serious_dishonesty', 'dishonest_judgment_debtor'],
  greenGrades: ['AAA', 'AA', 'A', 'excellent'],
  cautionGrades: ['BBB', 'BB', 'B', 'fair'],
  sanctionGrades: ['CCC', 'CC', 'C', 'D', 'poor'],
  cautionSeverities: ['minor', 'general', 'serious'],
  recordLookbackYears: 3,
  feedbackWorkingDays: 5,
  biddingEligibleGrades: ['AAA', 'AA', 'A', 'BBB', 'excellent', 'good'],
  biddingMinimumGrade: 'BBB',
  biddingCreditWeightPercent: 8,
};

let active: TreatmentPolicy = DEFAULT_TREATMENT_POLICY;

export function treatmentPolicy(): TreatmentPolicy {
  return active;
}

/** Overrides parts of the policy (configuration at start-up; tests restore with `setTreatmentPolicy({})`). */
export function setTreatmentPolicy(overrides: Partial<TreatmentPolicy>): TreatmentPolicy {
  active = { ...DEFAULT_TREATMENT_POLICY, ...overrides };
  return active;
}

export const TREATMENT_LABELS: Record<Treatment, string> = {
  green_channel: '绿色通道（守信激励）',
  normal: '正常办理',
  caution: '审慎办理',
  sanction: '依法依规实施失信惩戒',
};

export interface TreatmentFacts {
  /** list kinds of the subject's own published listings */
  ownListKinds: string[];
  /** list kinds of organisations where the person holds a responsible role */
  responsibleListKinds: string[];
  grade: string | null;
  /** severities of active, counted (not paused) negative records */
  severities: string[];
}

/** Applies the policy: the treatment and a Chinese reason naming every ground found. */
export function decideTreatment(facts: TreatmentFacts, policy: TreatmentPolicy = active): { treatment: Treatment; reason: string } {
  const grounds: Record<Treatment, string[]> = { sanction: [], caution: [], green_channel: [], normal: [] };
  const allKinds = [...facts.ownListKinds, ...facts.responsibleListKinds];
  for (const kind of facts.ownListKinds.filter((k) => policy.sanctionListKinds.includes(k))) grounds.sanction.push(`列入${kindLabel(kind)}`);
  for (const kind of facts.responsibleListKinds.filter((k) => policy.sanctionListKinds.includes(k))) grounds.sanction.push(`作为法定代表人、主要负责人或实际控制人的关联主体列入${kindLabel(kind)}（个人责任）`);
  if (facts.grade && policy.sanctionGrades.includes(facts.grade)) grounds.sanction.push(`信用等级为 ${facts.grade}（CCC 级及以下）`);
  for (const kind of allKinds.filter((k) => policy.cautionListKinds.includes(k))) grounds.caution.push(`列入${kindLabel(kind)}`);
  const minor = facts.severities.filter((s) => policy.cautionSeverities.includes(s));
  if (minor.length > 0) grounds.caution.push(`有 ${minor.length} 条有效失信记录`);
  if (facts.grade && policy.cautionGrades.includes(facts.grade)) grounds.caution.push(`信用等级为 ${facts.grade}（B 级至 BBB 级）`);
  for (const kind of facts.ownListKinds.filter((k) => policy.greenListKinds.includes(k))) grounds.green_channel.push(`列入${kindLabel(kind)}`);
  if (facts.grade && policy.greenGrades.includes(facts.grade)) grounds.green_channel.push(`信用等级为 ${facts.grade}（A 级及以上）`);
  for (const treatment of ['sanction', 'caution', 'green_channel'] as const) {
    if (grounds[treatment].length > 0) return { treatment, reason: `${TREATMENT_LABELS[treatment]}：${[...new Set(grounds[treatment])].join('；')}` };
  }
  return { treatment: 'normal', reason: `${TREATMENT_LABELS.normal}：未发现名单、失信记录或需区别对待的信用等级` };
}

const KIND_LABELS: Record<string, string> = {
  serious_dishonesty: '严重失信主体名单',
  red_list: '守信激励对象名单',
  watch_list: '重点关注名单',
  dishonest_judgment_debtor: '失信被执行人名单',
};

function kindLabel(kind: string): string {
  return `「${KIND_LABELS[kind] ?? kind}」`;
}
