import type { SQL } from 'drizzle-orm';
import type { XeroDb } from '../xero-db';

/** Rows of a raw statement: postgres.js resolves `execute` to an array, PGlite to `{ rows }`. */
export async function queryRows<Row>(db: XeroDb, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
