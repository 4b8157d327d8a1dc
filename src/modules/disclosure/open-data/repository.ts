import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/types';
import { disclosureState } from '../tables';

export type DisclosedStateRow = typeof disclosureState.$inferSelect;

/** Disclosed rows of the projection after a record id, in record id order (keyset pages over the primary key). */
export async function disclosedStatesAfter(db: Db, afterId: string | null, limit: number): Promise<DisclosedStateRow[]> {
  return db
    .select()
    .from(disclosureState)
    .where(and(eq(disclosureState.disclosed, true), afterId ? gt(disclosureState.recordId, afterId) : undefined))
    .orderBy(asc(disclosureState.recordId))
    .limit(limit);
}
