import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database';
import type { Database } from '../../db/connection';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { verifyChain, withAudit } from './service';

describe('audit chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 1; i <= 5; i++) {
      await withAudit(database.db, SYSTEM_ACTOR, async (_tx, audit) => {
        audit.record({ action: 'test.change', entityType: 'thing', entityId: `t${i}`, before: null, after: { n: i, name: '测试', nested: { b: 1, a: [1, 2] } } });
      });
    }
  });
  afterAll(async () => database?.close());

  it('verifies an untouched chain', async () => {
    const result = await verifyChain(database.db);
    expect(result).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('refuses a change that writes no audit entry and leaves nothing behind', async () => {
    await expect(withAudit(database.db, SYSTEM_ACTOR, async () => 'nothing recorded')).rejects.toThrow(/审计/);
    expect((await verifyChain(database.db)).checked).toBe(5);
  });

  it('rolls back the audit entry with the failed change', async () => {
    await expect(
      withAudit(database.db, SYSTEM_ACTOR, async (_tx, audit) => {
        audit.record({ action: 'test.change', entityType: 'thing', entityId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyChain(database.db)).checked).toBe(5);
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withAudit(database.db, SYSTEM_ACTOR, async (_tx, audit) => audit.record({ action: 'test.concurrent', entityType: 'thing', entityId: `c${i}` })),
      ),
    );
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: 13 });
  });

  it('finds an entry altered directly in the database', async () => {
    await database.db.execute(sql`update audit_entries set after = '{"n": 99}'::jsonb where seq = 3`);
    const result = await verifyChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(3);
    expect(result.firstBroken?.reason).toContain('篡改');
  });

  it('finds an entry removed directly in the database', async () => {
    const fresh = await createTestDatabase();
    try {
      for (const id of ['a', 'b', 'c']) {
        await withAudit(fresh.db, SYSTEM_ACTOR, async (_tx, audit) => audit.record({ action: 'test', entityType: 'thing', entityId: id }));
      }
      await fresh.db.execute(sql`delete from audit_entries where seq = 2`);
      const result = await verifyChain(fresh.db);
      expect(result).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } });
    } finally {
      await fresh.close();
    }
  });
});
