/**
 * Length matters more than composition (NIST SP 800-63B); the upper bound keeps hashing cheap against
 * a denial of service with huge passwords. Kept free of zod so the SPA can show it without loading zod.
 */
export const passwordRules = { min: 10, max: 128 } as const;
