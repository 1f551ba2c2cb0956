import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../web/src/features/match/role-labels';

describe('Xero user roles in words', () => {
  it.each([
    ['STANDARD', 'Standard'],
    ['FINANCIALADVISER', 'Adviser'],
    ['READONLY', 'Read only'],
    ['SOME_NEW_ROLE', 'Some new role'],
    ['', 'Unknown role'],
  ])('%j reads "%s"', (role, words) => {
    expect(roleLabel(role)).toBe(words);
  });
});
