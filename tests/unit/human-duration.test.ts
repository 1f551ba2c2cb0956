import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../shared/human-duration';

describe('humanDuration', () => {
  it.each([
    [0, 'a few seconds'],
    [4_000, 'a few seconds'],
    [12_000, 'about 10 seconds'],
    [43_000, 'about 45 seconds'],
    [61_000, 'about a minute'],
    [150_000, 'about 3 minutes'],
    [50 * 60_000, 'about 50 minutes'],
    [58 * 60_000, 'about an hour'],
    [43_200_000, 'about 12 hours'],
    [3 * 86_400_000, 'about 3 days'],
  ])('%i ms reads "%s"', (milliseconds, expected) => {
    expect(humanDuration(milliseconds)).toBe(expected);
  });

  it('never shows raw seconds, whatever the wait', () => {
    for (let seconds = 0; seconds < 200_000; seconds += 997)
      expect(humanDuration(seconds * 1000)).toMatch(
        /^(a few seconds|about (a|an|\d{1,2}) (seconds?|minutes?|hours?|days?))$/,
      );
  });
});
