import { describe, expect, it } from 'vitest';
import { rankCandidates, type LocalPerson, type OrgUser } from '../../server/xero/guess-user';

const ada: LocalPerson = { email: 'ada@example.com', xeroEmail: null, firstName: 'Ada', lastName: 'Lovelace' };
const user = (userId: string, email: string, firstName: string, lastName: string): OrgUser => ({
  userId,
  email,
  firstName,
  lastName,
  role: 'STANDARD',
});

describe('rankCandidates', () => {
  it.each<[string, LocalPerson, OrgUser, string[]]>([
    [
      'the same email in another case and with spaces',
      ada,
      user('u1', '  ADA@Example.COM ', 'Someone', 'Else'),
      ['email'],
    ],
    [
      'the Xero-email override',
      { ...ada, xeroEmail: 'ada.l@work.example' },
      user('u1', 'Ada.L@Work.example', 'X', 'Y'),
      ['xero_email'],
    ],
    [
      'the same names in another case with extra spaces',
      ada,
      user('u1', 'other@example.net', '  ADA ', 'lovelace  '),
      ['full_name'],
    ],
    [
      'the same names without accents',
      { ...ada, firstName: 'José', lastName: 'Álvarez' },
      user('u1', 'j@example.org', 'Jose', 'Alvarez'),
      ['full_name'],
    ],
    [
      'accents on the Xero side',
      { ...ada, firstName: 'Jose', lastName: 'Alvarez' },
      user('u1', 'j@example.org', 'José', 'Álvarez'),
      ['full_name'],
    ],
    ['swapped first and last names', ada, user('u1', 'x@example.org', 'Lovelace', 'Ada'), ['swapped_name']],
    [
      'a shortened given name',
      { ...ada, firstName: 'Katherine', lastName: 'Johnson' },
      user('u1', 'k@example.org', 'Kate', 'Johnson'),
      ['partial_name'],
    ],
    ['an initial', ada, user('u1', 'x@example.org', 'A.', 'Lovelace'), ['partial_name']],
  ])('matches %s', (_case, local, orgUser, reasons) => {
    const [candidate] = rankCandidates(local, null, [orgUser]);
    expect(candidate?.reasons).toEqual(reasons);
  });

  it('returns an empty list, not an error, when nothing matches', () => {
    expect(rankCandidates(ada, null, [user('u1', 'grace@example.com', 'Grace', 'Hopper')])).toEqual([]);
    expect(rankCandidates(ada, null, [])).toEqual([]);
  });

  it('does not match a shared first name alone, or a different family name', () => {
    expect(rankCandidates(ada, null, [user('u1', 'x@example.org', 'Ada', 'Byron')])).toEqual([]);
  });

  it('ranks several candidates: connected identity, then email, then names, then weaker matches', () => {
    const users = [
      user('swapped', 's@example.org', 'Lovelace', 'Ada'),
      user('names', 'n@example.org', 'Ada', 'Lovelace'),
      user('partial', 'p@example.org', 'A', 'Lovelace'),
      user('email', 'ADA@example.com', 'Augusta', 'King'),
      user('me', 'me@xero.example', 'Ada', 'King'),
      user('nobody', 'z@example.org', 'Zed', 'Zulu'),
    ];
    const ranked = rankCandidates(ada, { xeroUserId: 'me', email: 'me@xero.example' }, users);
    expect(ranked.map((candidate) => candidate.userId)).toEqual(['me', 'email', 'names', 'swapped', 'partial']);
    expect(ranked[0]).toMatchObject({ reasons: ['connected_identity'], confidence: 1 });
    expect(
      ranked.every((candidate, index) => index === 0 || candidate.confidence <= (ranked[index - 1]?.confidence ?? 1)),
    ).toBe(true);
  });

  it('adds certainty when reasons agree, and matches the connected login by its email too', () => {
    const [both] = rankCandidates(ada, null, [user('u1', 'ada@example.com', 'Ada', 'Lovelace')]);
    expect(both?.reasons).toEqual(['email', 'full_name']);
    expect(both?.confidence).toBeGreaterThan(0.95);
    const [viaIdentity] = rankCandidates(ada, { xeroUserId: 'other-id-space', email: 'Login@Xero.example' }, [
      user('u9', 'login@xero.example', 'Q', 'R'),
    ]);
    expect(viaIdentity?.reasons).toEqual(['identity_email']);
  });
});
