/** Xero's Accounting API dates: Microsoft JSON dates, `/Date(1573755038314+0000)/`. */
export function msDate(epochMs: number): string {
  return `/Date(${Math.floor(epochMs)}+0000)/`;
}
