import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/types';
import type { Actor, Role } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { withAudit } from '../audit';
import { getDepartment } from '../departments/service';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { requireRole } from './policy';
import * as repo from './repository';
import { cacheSession, cachedSession, forgetSession, forgetSessionsOfUser } from './session-cache';

export interface AuthSettings {
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof repo.findUserWithDepartment>>>;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function actorFromUser(user: SessionUser, ip?: string | null): Actor {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    departmentId: user.departmentId,
    departmentCode: user.departmentCode,
    regionCode: user.regionCode,
    label: `${user.displayName}（${user.username}）`,
    subjectId: user.subjectId,
    ip: ip ?? null,
  };
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** Password login with lockout: after N failures the account is locked for M minutes. */
export async function login(db: Db, settings: AuthSettings, input: { username: string; password: string; ip?: string | null }): Promise<LoginResult> {
  const user = await repo.findUserByUsername(db, input.username.trim());
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !user.active) throw new AppError('INVALID_CREDENTIALS');
  const now = new Date();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) throw new AppError('ACCOUNT_LOCKED', lockedMessage(user.lockedUntil));
  const actor = actorFromUser({ ...(await repo.findUserWithDepartment(db, user.id))! }, input.ip);
  if (!passwordOk) {
    const locked = await recordFailedLogin(db, settings, actor, user, now);
    throw locked ? new AppError('ACCOUNT_LOCKED', lockedMessage(locked)) : new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000).toISOString();
  await withAudit(db, actor, async (tx, audit) => {
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
    await repo.insertSession(tx, { tokenHash: sha256(token), userId: user.id, expiresAt, ip: input.ip ?? null });
    audit.record({ action: 'user.login', entityType: 'user', entityId: user.id });
  });
  return { token, expiresAt, user: (await repo.findUserWithDepartment(db, user.id))! };
}

async function recordFailedLogin(db: Db, settings: AuthSettings, actor: Actor, user: repo.UserRow, now: Date): Promise<string | null> {
  const failures = user.failedLogins + 1;
  const lockedUntil = failures >= settings.loginMaxFailures ? new Date(now.getTime() + settings.loginLockMinutes * 60_000).toISOString() : null;
  await withAudit(db, actor, async (tx, audit) => {
    await repo.updateUser(tx, user.id, lockedUntil ? { failedLogins: 0, lockedUntil } : { failedLogins: failures });
    audit.record({ action: lockedUntil ? 'user.lock' : 'user.login_failed', entityType: 'user', entityId: user.id, after: { failures, lockedUntil } });
  });
  return lockedUntil;
}

function lockedMessage(lockedUntil: string): string {
  const minutes = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - Date.now()) / 60_000));
  return `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`;
}

type LiveSession = NonNullable<Awaited<ReturnType<typeof repo.findLiveSessionUser>>>;

/** `cache`: keep sessions in memory between requests (embedded database only; see session-cache.ts). */
export async function resolveSession(db: Db, token: string, options: { cache?: boolean } = {}): Promise<LiveSession | null> {
  const tokenHash = sha256(token);
  const cached = options.cache ? cachedSession<LiveSession>(tokenHash) : null;
  if (cached) return cached;
  const session = await repo.findLiveSessionUser(db, tokenHash, new Date().toISOString());
  if (session && options.cache) cacheSession(tokenHash, session.id, session, session.expiresAt);
  return session;
}

export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await withAudit(db, actor, async (tx, audit) => {
    await repo.deleteSession(tx, sha256(token));
    audit.record({ action: 'user.logout', entityType: 'user', entityId: actor.id ?? 'unknown' });
  });
  forgetSession(sha256(token));
}

export async function resolveApiKey(db: Db, key: string, ip?: string | null): Promise<Actor | null> {
  const row = await repo.findLiveApiKey(db, sha256(key));
  if (!row) return null;
  return {
    kind: 'api_key',
    id: row.id,
    role: row.role,
    departmentId: row.departmentId,
    departmentCode: row.departmentCode,
    regionCode: row.regionCode,
    label: `接口密钥：${row.name}`,
    ip: ip ?? null,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null;
  subjectId?: string | null;
}

const DEPARTMENT_ROLES: readonly Role[] = ['dept_operator', 'dept_reviewer'];

export async function createUser(db: Db, actor: Actor, input: NewUser) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以新增用户');
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError('VALIDATION', problem, [{ field: 'password', message: problem }]);
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) throw new AppError('VALIDATION', '用户名须为 3–32 位字母、数字、下划线、点或连字符');
  if (DEPARTMENT_ROLES.includes(input.role) && !input.departmentId) throw new AppError('VALIDATION', '部门经办人和审核人必须属于一个部门');
  if (input.departmentId) await getDepartment(db, input.departmentId);
  if (await repo.findUserByUsername(db, input.username)) throw new AppError('CONFLICT', `用户名 ${input.username} 已被使用`);
  const passwordHash = await hashPassword(input.password);
  return withAudit(db, actor, async (tx, audit) => {
    const user = await repo.insertUser(tx, {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      departmentId: input.departmentId ?? null,
      subjectId: input.subjectId ?? null,
    });
    audit.record({ action: 'user.create', entityType: 'user', entityId: user.id, after: publicUserFields(user) });
    return (await repo.findUserWithDepartment(tx, user.id))!;
  });
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
  departmentId?: string | null;
}

export async function updateUser(db: Db, actor: Actor, id: string, changes: UserChanges) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以修改用户');
  const existing = await repo.findUserById(db, id);
  if (!existing) throw new AppError('NOT_FOUND', '未找到该用户');
  if (changes.password) {
    const problem = passwordProblem(changes.password);
    if (problem) throw new AppError('VALIDATION', problem, [{ field: 'password', message: problem }]);
  }
  if (changes.departmentId) await getDepartment(db, changes.departmentId);
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  return withAudit(db, actor, async (tx, audit) => {
    const updated = await repo.updateUser(tx, id, {
      displayName: changes.displayName,
      role: changes.role,
      active: changes.active,
      departmentId: changes.departmentId,
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
    });
    if (changes.active === false || passwordHash || changes.role || changes.departmentId !== undefined) {
      await repo.deleteSessionsOfUser(tx, id);
      forgetSessionsOfUser(id);
    }
    audit.record({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: publicUserFields(existing),
      after: { ...publicUserFields(updated), passwordChanged: Boolean(passwordHash) },
    });
    return (await repo.findUserWithDepartment(tx, id))!;
  });
}

function publicUserFields(user: repo.UserRow) {
  return { username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId, active: user.active };
}

export async function listUsers(db: Db, actor: Actor) {
  requireRole(actor, ['office_admin', 'auditor', 'system'], '只有信用办管理员和审计员可以查看用户');
  return repo.listUsers(db);
}

export async function createApiKey(db: Db, actor: Actor, input: { name: string; role: Role; departmentId?: string | null }) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以签发接口密钥');
  if (input.departmentId) await getDepartment(db, input.departmentId);
  const prefix = randomBytes(4).toString('hex');
  const key = `xy_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row = await withAudit(db, actor, async (tx, audit) => {
    const inserted = await repo.insertApiKey(tx, {
      id: newId(),
      name: input.name,
      prefix,
      keyHash: sha256(key),
      role: input.role,
      departmentId: input.departmentId ?? null,
      createdBy: actor.kind === 'user' ? actor.id : null,
    });
    audit.record({ action: 'api_key.create', entityType: 'api_key', entityId: inserted.id, after: { name: inserted.name, prefix, role: inserted.role, departmentId: inserted.departmentId } });
    return inserted;
  });
  return { id: row.id, name: row.name, prefix, role: row.role, departmentId: row.departmentId, key };
}

export async function listApiKeys(db: Db, actor: Actor) {
  requireRole(actor, ['office_admin', 'auditor', 'system']);
  return repo.listApiKeys(db);
}

export async function revokeApiKey(db: Db, actor: Actor, id: string) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以吊销接口密钥');
  const existing = await repo.findApiKey(db, id);
  if (!existing) throw new AppError('NOT_FOUND', '未找到该接口密钥');
  return withAudit(db, actor, async (tx, audit) => {
    const row = await repo.revokeApiKey(tx, id, new Date().toISOString());
    audit.record({ action: 'api_key.revoke', entityType: 'api_key', entityId: id });
    return row;
  });
}

export async function countUsers(db: Db) {
  return repo.countUsers(db);
}

export async function getSessionUser(db: Db, id: string) {
  return repo.findUserWithDepartment(db, id);
}
