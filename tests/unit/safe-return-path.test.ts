import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../shared/safe-return-path';
import { acceptedReturnPaths, hostileReturnPaths } from '../fixtures/hostile-return-paths';

describe('safeReturnPath', () => {
  it('has a fixture of at least 40 hostile values', () => {
    expect(hostileReturnPaths.length).toBeGreaterThanOrEqual(40);
  });

  it.each(hostileReturnPaths.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'replaces %s with /',
    (_label, value) => {
      expect(safeReturnPath(value)).toBe('/');
    },
  );

  it.each(acceptedReturnPaths)('keeps %s as %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it('replaces values that are not strings and honours another fallback', () => {
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(['/x'])).toBe('/');
    expect(safeReturnPath('//evil.example', '/home')).toBe('/home');
  });
});
