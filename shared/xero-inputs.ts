import { z } from 'zod';
import { plainText } from './text-rules';

export const authUrlInput = z.object({
  // Not refused but replaced: a hostile return path lands the user on / (shared/safe-return-path.ts).
  next: z.string().max(4096).optional(),
});
export type AuthUrlInput = z.infer<typeof authUrlInput>;

export const changesInput = z.object({ tenantId: z.uuid('That is not a Xero organisation id') });

export const selectTenantInput = z.object({ tenantId: plainText().trim().min(1).max(64) });
export type SelectTenantInput = z.infer<typeof selectTenantInput>;

export const xeroSettingsInput = z.object({
  clientId: plainText()
    .trim()
    .min(1, 'Enter the client id')
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'A Xero client id has only letters and digits'),
  /** Write-only: left empty to keep the stored secret. */
  clientSecret: plainText()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined)),
  /** Write-only too: Xero's webhooks key for this app; empty keeps the stored one. */
  webhookKey: plainText()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type XeroSettingsInput = z.infer<typeof xeroSettingsInput>;

export const contactOrders = ['name_asc', 'name_desc', 'updated_desc', 'updated_asc'] as const;
export type ContactOrder = (typeof contactOrders)[number];

/** Which contacts a list shows by their role: Xero marks a contact a customer or a supplier (or both). */
export const contactRoles = ['all', 'customers', 'suppliers'] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactsInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(1000).default(50),
  search: plainText().trim().max(200).default(''),
  includeArchived: z.boolean().default(false),
  order: z.enum(contactOrders).default('name_asc'),
  role: z.enum(contactRoles).default('all'),
});
export type ContactsInput = z.input<typeof contactsInput>;

export const contactInput = z.object({ id: z.uuid('That is not a Xero contact id') });

export const linkUserInput = z.object({ xeroUserId: z.uuid('That is not a Xero user id') });

export const xeroEmailInput = z.object({
  /** Empty clears the override. */
  xeroEmail: plainText()
    .trim()
    .toLowerCase()
    .max(254)
    .refine(
      (value) => value === '' || z.email().safeParse(value).success,
      'Enter a valid email address, or leave it empty',
    )
    .transform((value) => (value === '' ? null : value)),
});
