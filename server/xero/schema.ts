import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// The Xero module's own tables. They hold the host's user ids as opaque text, with no foreign key into
// the host's schema, so the module drops into any app. A host that deletes a user disconnects them first
// (`disconnectXero`), which also revokes the grant at Xero.

/** One "Connect Xero" attempt: the OAuth state, bound to the user who started it, used once. */
export const xeroAuthFlows = pgTable(
  'xero_auth_flows',
  {
    id: uuid().primaryKey().defaultRandom(),
    state: text().notNull().unique(),
    /** The host app's user id (opaque to this module). */
    userId: text().notNull(),
    /**
     * SHA-256 of the sign-in session that started the flow: only that session may complete it. Flows from
     * before this column have '' and match no session.
     */
    sessionHash: text().notNull().default(''),
    /** PKCE verifier, encrypted. */
    codeVerifierEnc: text().notNull(),
    nonce: text().notNull(),
    nextPath: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index().on(table.expiresAt)],
);
export type XeroAuthFlow = typeof xeroAuthFlows.$inferSelect;

export const connectionStatuses = ['active', 'needs_reauth'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** A local user's link to Xero: who they are there (from the id_token) and the encrypted token set. */
export const xeroConnections = pgTable(
  'xero_connections',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The host app's user id (opaque to this module): one connection per user. */
    userId: text().notNull().unique(),
    xeroUserId: text().notNull(),
    email: text().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    /** JSON token set (access, refresh and id tokens), encrypted. */
    tokenSetEnc: text().notNull(),
    accessTokenExpiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Bumped on every refresh: a caller that saw version N forces a refresh only if it is still N. */
    tokenVersion: integer().notNull().default(1),
    scopes: text().array().notNull(),
    status: text({ enum: connectionStatuses }).notNull().default('active'),
    /** The organisation user the person confirmed as themselves (see xero.guessUser). */
    linkedXeroUserId: text(),
    authorisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastRefreshedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.lastRefreshedAt)],
);
export type XeroConnection = typeof xeroConnections.$inferSelect;

/** The organisations a connection reaches; exactly one is selected for API calls. */
export const xeroTenants = pgTable(
  'xero_tenants',
  {
    id: uuid().primaryKey().defaultRandom(),
    connectionId: uuid()
      .notNull()
      .references(() => xeroConnections.id, { onDelete: 'cascade' }),
    /** Xero's connection id: what DELETE /connections/{id} takes (not the tenant id). */
    xeroConnectionId: text().notNull(),
    tenantId: text().notNull(),
    tenantName: text().notNull(),
    tenantType: text().notNull(),
    authEventId: text().notNull(),
    selected: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.connectionId, table.tenantId)],
);
export type XeroTenant = typeof xeroTenants.$inferSelect;

/** Xero app credentials set by an admin in the SPA; the environment wins over these. One row. */
export const xeroSettings = pgTable('xero_settings', {
  id: integer().primaryKey().default(1),
  clientId: text().notNull(),
  clientSecretEnc: text().notNull(),
  /** The app's webhooks key from Xero's developer portal, encrypted; XERO_WEBHOOK_KEY wins over it. */
  webhookKeyEnc: text(),
  /** The host app's id of the admin who saved them. */
  updatedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
