import { describe, expect, it } from 'vitest';
import { fromNow } from '../../web/src/lib/format';

const now = Date.parse('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(now + seconds * 1000);

describe('times relative to now', () => {
  it.each([
    [0, 'just now'],
    [-40, 'just now'],
    [25, 'in under a minute'],
    [-120, '2 minutes ago'],
    [30 * 60, 'in 30 minutes'],
    [-3 * 3600, '3 hours ago'],
    [-86_400, 'yesterday'],
    [5 * 86_400, 'in 5 days'],
  ])('%i s from now reads "%s"', (seconds, words) => {
    expect(fromNow(at(seconds), now)).toBe(words);
  });
});
