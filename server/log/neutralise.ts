/**
 * C0 controls, DEL and the C1 block: written raw to a terminal they move the cursor, recolour or
 * rewrite what an operator sees (U+009B is a one-character escape sequence start on some terminals),
 * and in a plain-text log a newline forges a line. JSON escapes only some of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controls = /[\u0000-\u001F\u007F-\u009F]/g;

/** The text with every control character shown as a visible \u escape instead. */
export function neutraliseControls(text: string): string {
  return text.replace(controls, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The same for every string inside a log record: plain objects and arrays are walked (depth-bounded).
 * Other objects (a request, an error) are left whole for the logger's serializers, which neutralise
 * what they extract.
 */
export function neutraliseDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return neutraliseControls(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => neutraliseDeep(item, depth + 1));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, neutraliseDeep(item, depth + 1)]));
}
