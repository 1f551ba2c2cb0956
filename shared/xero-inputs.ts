import { z } from 'zod';

export const authUrlInput = z.object({ next: z.string().max(4096).optional() });
export type AuthUrlInput = z.infer<typeof authUrlInput>;

export const selectTenantInput = z.object({ tenantId: z.string().trim().min(1).max(64) });
export type SelectTenantInput = z.infer<typeof selectTenantInput>;

export const xeroSettingsInput = z.object({
  clientId: z.string().trim().min(1, 'Enter the client id').max(100).regex(/^[A-Za-z0-9_-]+$/, 'A Xero client id has only letters and digits'),
  /** Write-only: left empty to keep the stored secret. */
  clientSecret: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type XeroSettingsInput = z.infer<typeof xeroSettingsInput>;
