/**
 * Recently used sessions, kept while they stay in use (idle for 30 s they are looked up again). Only for
 * the embedded database, which has one process and one connection: while an import holds that
 * connection the console can still ask for the batch's live progress. Logout, deactivation, a password,
 * role or department change drop the entries at once (in this, the only, process).
 */
const IDLE_MS = 30_000;

interface Entry<T> {
  value: T;
  userId: string;
  until: number;
  expiresAt: number;
}

const entries = new Map<string, Entry<unknown>>();

export function cachedSession<T>(tokenHash: string): T | null {
  const entry = entries.get(tokenHash);
  if (!entry) return null;
  if (entry.until < Date.now() || entry.expiresAt < Date.now()) {
    entries.delete(tokenHash);
    return null;
  }
  entry.until = Date.now() + IDLE_MS;
  return entry.value as T;
}

export function cacheSession<T>(tokenHash: string, userId: string, value: T, sessionExpiresAt: string): void {
  entries.set(tokenHash, { value, userId, until: Date.now() + IDLE_MS, expiresAt: Date.parse(sessionExpiresAt) });
}

export function forgetSession(tokenHash: string): void {
  entries.delete(tokenHash);
}

export function forgetSessionsOfUser(userId: string): void {
  for (const [key, entry] of entries) if (entry.userId === userId) entries.delete(key);
}
