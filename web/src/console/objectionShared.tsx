import { Tag } from 'antd';

export type ObjectionState = 'submitted' | 'verifying' | 'not_accepted' | 'upheld' | 'dismissed' | 'undetermined' | 'withdrawn';
export type ObjectionAction = 'accept' | 'not_accept' | 'extend' | 'conclude' | 'withdraw';

export interface ObjectionSummary {
  id: string;
  recordId: string;
  subjectId: string;
  subjectName: string;
  departmentId: string;
  recordVersion: number;
  state: ObjectionState;
  stateLabel: string;
  applicant: { kind: 'subject' | 'staff'; name: string; channel: string };
  reasons: string;
  evidence: string | null;
  submittedOn: string;
  acceptDue: string;
  acceptance: { accepted: boolean; on: string; by: string; reason?: string } | null;
  verifyDue: string | null;
  extension: { on: string; by: string; reason: string; workingDays: number; previousDue: string } | null;
  outcome: { result: string; on: string; by: string; explanation: string; action?: string; recordVersion?: number } | null;
  due: string | null;
  overdue: boolean;
  allowedActions: ObjectionAction[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ObjectionDetail extends ObjectionSummary {
  record: { itemCode: string; itemName: string; documentNumber: string; decisionDate: string; status: string; currentVersion: number; departmentName: string };
  events: { seq: number; fromState: string | null; toState: string; actor: string; at: string; payload: Record<string, unknown> | null }[];
}

export interface ObjectionPage {
  total: number;
  page: number;
  pageSize: number;
  items: ObjectionSummary[];
}

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  submitted: '待受理',
  verifying: '核查中',
  not_accepted: '不予受理',
  upheld: '异议成立',
  dismissed: '异议不成立',
  undetermined: '无法核实',
  withdrawn: '已撤回',
};

const STATE_COLORS: Record<ObjectionState, string> = {
  submitted: 'gold',
  verifying: 'orange',
  not_accepted: 'default',
  upheld: 'green',
  dismissed: 'blue',
  undetermined: 'purple',
  withdrawn: 'default',
};

export const CHANNEL_LABELS: Record<string, string> = { online: '网上提交', counter: '窗口受理', letter: '信函', phone: '电话', forwarded: '信用中国转办' };

export const OUTCOME_ACTION_LABELS: Record<string, string> = { corrected: '已更正记录', revoked: '已撤销记录' };

export function ObjectionStateTag({ state }: { state: ObjectionState }) {
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {OBJECTION_STATE_LABELS[state] ?? state}
    </Tag>
  );
}
