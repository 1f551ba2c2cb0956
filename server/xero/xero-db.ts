import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database the Xero module works on: any Drizzle PostgreSQL database (postgres.js, PGlite, node-postgres)
 * whose migrations include the module's tables. The module uses the query builder only, never the host's
 * relational schema, so the host's schema type does not matter here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XeroDb = PgDatabase<PgQueryResultHKT, any>;
