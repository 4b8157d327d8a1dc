import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs keep B-tree inserts local on large tables while staying unguessable enough for URLs. */
export function newId(): string {
  return uuidv7();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (checked before a look-up, so a malformed id is "not found", not a database error). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
