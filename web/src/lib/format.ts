const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "in 28 minutes", "3 days ago": for expiries and update times. Under a minute it says "just now" or
 * "in under a minute": the page is not redrawn every second, so a count of seconds would soon be wrong.
 */
export function fromNow(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return seconds > 0 ? 'in under a minute' : 'just now';
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}
