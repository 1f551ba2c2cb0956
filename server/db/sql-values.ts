/**
 * Turns a query parameter into what both drivers accept, the way node-postgres would: undefined becomes
 * null and a plain object becomes JSON text (Drizzle sets postgres.js to pass JSON parameters through).
 */
export function toDriverValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
    return JSON.stringify(value);
  return value;
}
