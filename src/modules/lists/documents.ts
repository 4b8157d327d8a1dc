import type { ListKindRow } from './repository';
import type { EvidenceItem, ListLegalBasis, StatementRecord } from './tables';

/** The documents of the procedure, generated in Chinese from the list kind's standard. */

export function basisText(basis: readonly ListLegalBasis[]): string {
  return basis.map((item) => `${item.document}${item.article ? item.article : ''}`).join('；');
}

export function evidenceText(evidence: readonly EvidenceItem[]): string {
  return evidence.length ? evidence.map((item) => `${item.documentNumber}`).join('、') : '（无）';
}

function measureLabel(kind: ListKindRow): string {
  return kind.kind === 'incentive' ? '激励措施提示' : kind.kind === 'watch' ? '监管措施提示' : '失信惩戒措施提示';
}

export interface NoticeFacts {
  subjectName: string;
  departmentName: string;
  kind: ListKindRow;
  reasons: string;
  evidence: readonly EvidenceItem[];
  legalBasis: readonly ListLegalBasis[];
  servedOn: string;
  deadline: string;
}

/** 告知书: 事由、依据、享有陈述申辩的权利、期限（以工作日计算的截止日期） */
export function noticeText(facts: NoticeFacts): string {
  return [
    `${facts.kind.name}认定事先告知书`,
    `${facts.subjectName}：`,
    `本机关拟将你（单位）列入${facts.kind.name}。根据有关规定，现将拟作出决定的事由、依据和你（单位）依法享有的权利告知如下：`,
    `一、事由：${facts.reasons}（相关生效文书：${evidenceText(facts.evidence)}）`,
    `二、依据：${basisText(facts.legalBasis)}。认定标准：${facts.kind.criteria}`,
    `三、权利：你（单位）依法享有陈述、申辩的权利。`,
    `四、期限：请于 ${facts.deadline} 前（自本告知书送达之日起 ${facts.kind.statementWorkingDays} 个工作日内）向本机关提出陈述、申辩意见；逾期未提出的，视为放弃陈述、申辩的权利。`,
    `${facts.departmentName}`,
    `${facts.servedOn}`,
  ].join('\n');
}

export interface DecisionFacts {
  documentNumber: string;
  subjectName: string;
  departmentName: string;
  kind: ListKindRow;
  reasons: string;
  evidence: readonly EvidenceItem[];
  legalBasis: readonly ListLegalBasis[];
  statement: StatementRecord | null;
  decidedOn: string;
  validUntil: string;
  measureHints: string;
  ban: { sector: string; until: string } | null;
}

/** 认定决定书: 事由、依据、惩戒措施提示、有效期、移出条件和程序、救济措施 */
export function decisionText(facts: DecisionFacts): string {
  const statement =
    facts.statement?.kind === 'received' ? `你（单位）于 ${facts.statement.closed_on} 提出陈述、申辩意见，本机关已予审查。` : '你（单位）在规定期限内未提出陈述、申辩意见。';
  return [
    `${facts.kind.name}认定决定书`,
    facts.documentNumber,
    `${facts.subjectName}：`,
    `一、事由：${facts.reasons}（相关生效文书：${evidenceText(facts.evidence)}）。${statement}`,
    `二、依据：${basisText(facts.legalBasis)}。`,
    `三、决定：本机关决定将你（单位）列入${facts.kind.name}，有效期至 ${facts.validUntil}。`,
    `四、${measureLabel(facts.kind)}：${facts.measureHints || '（依照措施清单实施）'}${facts.ban ? `在${facts.ban.sector}领域实施市场和行业禁入，期限至 ${facts.ban.until}。` : ''}`,
    `五、移出条件和程序：${facts.kind.removalConditions}${facts.kind.removalProcedure}`,
    `六、救济措施：${facts.kind.remedies}`,
    `${facts.departmentName}`,
    `${facts.decidedOn}`,
  ].join('\n');
}
