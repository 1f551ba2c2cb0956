import { randomUUID } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from './db';
import { jobLeases } from './schema';

const processId = randomUUID();

/**
 * Takes the named lease for `durationMs` if nobody holds it, in one statement. Works the same on
 * PostgreSQL and PGlite (a session advisory lock would need one pinned connection per process).
 */
export async function tryTakeLease(db: Db, name: string, durationMs: number, now: Date): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + durationMs);
  const taken = await db
    .insert(jobLeases)
    .values({ name, holder: processId, leaseUntil })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder: processId, leaseUntil },
      setWhere: lt(jobLeases.leaseUntil, now),
    })
    .returning({ holder: jobLeases.holder });
  return taken.length > 0;
}

export async function releaseLease(db: Db, name: string): Promise<void> {
  await db.delete(jobLeases).where(sql`${jobLeases.name} = ${name} and ${jobLeases.holder} = ${processId}`);
}
