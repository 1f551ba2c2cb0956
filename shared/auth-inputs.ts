import { z } from 'zod';
import { passwordRules } from './password-rules';
import { plainText } from './text-rules';

const email = plainText()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, like name@example.com').max(254));

const personName = (label: string) =>
  plainText().trim().min(1, `Enter your ${label}`).max(100, `Your ${label} can be at most 100 characters`);

const newPassword = plainText()
  .min(passwordRules.min, `Use at least ${passwordRules.min} characters`)
  .max(passwordRules.max, `Use at most ${passwordRules.max} characters`)
  // Only once it is long enough: "Use a less repetitive password" for an empty field would puzzle anyone.
  .refine((value) => value.length < passwordRules.min || new Set(value).size >= 4, 'Use a less repetitive password')
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
  password: plainText().min(1, 'Enter your password').max(passwordRules.max),
});
export type SignInInput = z.infer<typeof signInInput>;
