import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { departments } from '../departments/tables';
import { apiKeys, sessions, users } from './tables';

export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted;
}

export async function updateUser(db: Db, id: string, changes: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [updated] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return updated;
}

const userWithDepartment = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  subjectId: users.subjectId,
  departmentId: departments.id,
  departmentCode: departments.code,
  departmentName: departments.name,
  regionCode: departments.regionCode,
};

export async function listUsers(db: Db, departmentId?: string) {
  return db
    .select(userWithDepartment)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(departmentId ? eq(users.departmentId, departmentId) : undefined)
    .orderBy(asc(users.username));
}

export async function findUserWithDepartment(db: Db, id: string) {
  const rows = await db.select(userWithDepartment).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSessionUser(db: Db, tokenHash: string, now: string) {
  const rows = await db
    .select({ ...userWithDepartment, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [inserted] = await db.insert(apiKeys).values(row).returning();
  return inserted;
}

export async function findLiveApiKey(db: Db, keyHash: string) {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      departmentId: apiKeys.departmentId,
      departmentCode: departments.code,
      regionCode: departments.regionCode,
    })
    .from(apiKeys)
    .leftJoin(departments, eq(departments.id, apiKeys.departmentId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listApiKeys(db: Db, departmentId?: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, role: apiKeys.role, departmentId: apiKeys.departmentId, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(departmentId ? eq(apiKeys.departmentId, departmentId) : undefined)
    .orderBy(asc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, id: string, at: string) {
  const [row] = await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).returning();
  return row ?? null;
}

export async function findApiKey(db: Db, id: string) {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row.n);
}
