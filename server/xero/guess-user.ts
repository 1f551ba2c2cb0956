/**
 * "Which Xero user am I?" — django-xero's guess_user(), without its bugs: it never builds a query from
 * names (it compares locally, after one GET /Users), it never raises for "no match", and it explains
 * every candidate. Pure, so the ranking is tested on its own.
 */
export type MatchReason =
  'connected_identity' | 'identity_email' | 'email' | 'xero_email' | 'full_name' | 'swapped_name' | 'partial_name';

export interface LocalPerson {
  email: string;
  /** The address this person uses at Xero, when it differs from their sign-in email. */
  xeroEmail: string | null;
  firstName: string;
  lastName: string;
}

export interface OrgUser {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
}

export interface ConnectedIdentity {
  xeroUserId: string;
  email: string;
}

export interface Candidate extends OrgUser {
  reasons: MatchReason[];
  /** 0–1: how sure the match is, from its strongest reason. */
  confidence: number;
}

const reasonWeight: Record<MatchReason, number> = {
  connected_identity: 1,
  identity_email: 0.9,
  email: 0.95,
  xero_email: 0.95,
  full_name: 0.7,
  swapped_name: 0.5,
  partial_name: 0.3,
};

/** Case, surrounding space and Unicode form do not make two addresses different. */
function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Case, accents, punctuation spacing and extra spaces do not make two names different. */
function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function shortenedForm(a: string, b: string): boolean {
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  let common = 0;
  while (common < Math.min(x.length, y.length) && x[common] === y[common]) common += 1;
  return common >= 3;
}

function nameReasons(local: LocalPerson, user: OrgUser): MatchReason[] {
  const first = normaliseName(local.firstName);
  const last = normaliseName(local.lastName);
  const userFirst = normaliseName(user.firstName);
  const userLast = normaliseName(user.lastName);
  if (!first || !last || !userFirst || !userLast) return [];
  if (first === userFirst && last === userLast) return ['full_name'];
  if (first === userLast && last === userFirst) return ['swapped_name'];
  // Same family name and a shortened or initial-only given name ("Kate" / "Katherine", "A." / "Ada").
  if (last === userLast && shortenedForm(first, userFirst)) return ['partial_name'];
  return [];
}

export function rankCandidates(local: LocalPerson, identity: ConnectedIdentity | null, users: OrgUser[]): Candidate[] {
  const email = normaliseEmail(local.email);
  const xeroEmail = local.xeroEmail ? normaliseEmail(local.xeroEmail) : null;
  const identityEmail = identity ? normaliseEmail(identity.email) : null;
  const candidates: Candidate[] = [];
  for (const user of users) {
    const userEmail = normaliseEmail(user.email);
    const reasons: MatchReason[] = [];
    if (identity && user.userId === identity.xeroUserId) reasons.push('connected_identity');
    else if (identityEmail && userEmail === identityEmail) reasons.push('identity_email');
    if (userEmail && userEmail === email) reasons.push('email');
    if (xeroEmail && userEmail === xeroEmail && xeroEmail !== email) reasons.push('xero_email');
    reasons.push(...nameReasons(local, user));
    if (reasons.length === 0) continue;
    const strongest = Math.max(...reasons.map((reason) => reasonWeight[reason]));
    // Each further agreeing reason adds a little certainty, never past 1.
    const confidence = Math.min(1, strongest + 0.02 * (reasons.length - 1));
    candidates.push({ ...user, reasons, confidence: Math.round(confidence * 100) / 100 });
  }
  return candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`) ||
      a.userId.localeCompare(b.userId),
  );
}
