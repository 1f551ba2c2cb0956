import { z } from 'zod';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, like name@example.com').max(254));

const personName = (label: string) =>
  z.string().trim().min(1, `Enter your ${label}`).max(100, `Your ${label} can be at most 100 characters`);

/**
 * Length matters more than composition (NIST SP 800-63B); the upper bound keeps hashing cheap
 * against a denial of service with huge passwords.
 */
export const passwordRules = { min: 10, max: 128 } as const;

const newPassword = z
  .string()
  .min(passwordRules.min, `Use at least ${passwordRules.min} characters`)
  .max(passwordRules.max, `Use at most ${passwordRules.max} characters`)
  .refine((value) => new Set(value).size >= 4, 'Use a less repetitive password')
  .refine((value) => value.trim().length === value.length, 'Remove spaces at the start or end');

export const signUpInput = z.object({
  email,
  password: newPassword,
  firstName: personName('first name'),
  lastName: personName('last name'),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(passwordRules.max),
});
export type SignInInput = z.infer<typeof signInInput>;
