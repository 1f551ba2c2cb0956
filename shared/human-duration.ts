/**
 * A wait as a person says it: "a few seconds", "about 40 seconds", "about 3 minutes", "about 12 hours".
 * Used in messages about Xero's limits and outages on both sides, so nobody reads "43200 s".
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 10) return 'a few seconds';
  if (seconds < 55) return `about ${Math.round(seconds / 5) * 5} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes <= 1) return 'about a minute';
  if (minutes < 55) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours <= 1) return 'about an hour';
  if (hours < 36) return `about ${hours} hours`;
  const days = Math.round(hours / 24);
  return `about ${days} days`;
}
