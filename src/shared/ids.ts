import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs keep B-tree inserts local on large tables while staying unguessable enough for URLs. */
export function newId(): string {
  return uuidv7();
}
