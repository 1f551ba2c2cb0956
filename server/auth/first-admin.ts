import { sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { users } from '../db/schema';

const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === uniqueViolation) return true;
  }
  return false;
}

/**
 * "The first account administers the app", decided by the database rather than by a count read before
 * an insert (two simultaneous sign-ups on an empty database both read zero). Every account is created
 * as a user; once it is stored, this one statement promotes it when it is the oldest account and no
 * admin exists. The unique partial index on role = 'admin' (server/db/schema/auth.ts) makes a second
 * admin impossible even when two such statements race; the loser's violation just means "not first".
 */
export async function promoteIfFirstAccount(db: Db, userId: string): Promise<void> {
  try {
    await db.execute(sql`
      update ${users} set role = 'admin'
      where ${users.id} = ${userId}
        and ${users.id} = (select oldest.id from ${users} oldest order by oldest.created_at, oldest.id limit 1)
        and not exists (select 1 from ${users} admin where admin.role = 'admin')`);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
