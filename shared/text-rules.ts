import { z } from 'zod';

/**
 * C0 controls (NUL, escape, …) other than nothing at all: our text fields are single lines. DEL and the
 * C1 block (U+0080–U+009F, which some terminals read as escape sequences) too. PostgreSQL refuses NUL in
 * text outright, and the others have no business in a name, an email or an id.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
/** Half of a UTF-16 surrogate pair with no other half: not a character at all, and no encoding can carry it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const controlCharacterMessage = 'Remove the control characters (such as NUL or escape) from this text.';
export const brokenCharacterMessage = 'This text contains a broken character; please retype it.';

/** Why a text cannot be accepted as plain single-line text, or null when it can. */
export function plainTextProblem(value: string): string | null {
  if (controlCharacter.test(value)) return controlCharacterMessage;
  if (loneSurrogate.test(value)) return brokenCharacterMessage;
  return null;
}

/** For values read outside zod, such as a query parameter of an HTTP route (e.g. the OAuth `state`). */
export function isPlainText(value: string): boolean {
  return plainTextProblem(value) === null;
}

/** A string schema that refuses control characters and lone surrogates with a field message (a 400). */
export function plainText() {
  return z.string().superRefine((value, context) => {
    const problem = plainTextProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}
