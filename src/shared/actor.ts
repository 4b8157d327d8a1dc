import type { ROLES } from '../modules/auth/tables';

export type Role = (typeof ROLES)[number];

/** Who is acting: a logged-in user, a system's API key, the platform itself, or the anonymous public. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system' | 'anonymous';
  id: string | null;
  role: Role | 'public' | 'system';
  departmentId: string | null;
  departmentCode: string | null;
  regionCode: string | null;
  /** a human-readable name for logs and audit entries */
  label: string;
  /** for subject accounts */
  subjectId?: string | null;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: null,
  role: 'system',
  departmentId: null,
  departmentCode: null,
  regionCode: null,
  label: '系统',
};

export const ANONYMOUS_ACTOR: Actor = {
  kind: 'anonymous',
  id: null,
  role: 'public',
  departmentId: null,
  departmentCode: null,
  regionCode: null,
  label: '公众',
};

export const ROLE_LABELS: Record<Actor['role'], string> = {
  subject: '信用主体账户',
  dept_operator: '部门经办人',
  dept_reviewer: '部门审核人',
  office_admin: '信用办管理员',
  auditor: '审计员',
  agency: '信用服务机构',
  public: '公众',
  system: '系统',
};
