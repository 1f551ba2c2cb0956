import type { SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/db';

/**
 * Runs raw SQL and returns its rows. postgres.js resolves `execute` to an array of rows and PGlite to
 * `{ rows }`; this hides the difference so code works on both drivers.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
