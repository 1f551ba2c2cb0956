import type { UserRole } from '../db/schema';

/** The signed-in user as the rest of the server sees it: explicit fields, never the raw auth record. */
export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: UserRole;
  xeroEmail: string | null;
}

interface AuthUserRecord {
  id: string;
  email: string;
  firstName?: unknown;
  lastName?: unknown;
  role?: unknown;
  xeroEmail?: unknown;
}

export function toSessionUser(user: AuthUserRecord): SessionUser {
  return {
    id: user.id,
    email: user.email,
    firstName: typeof user.firstName === 'string' ? user.firstName : '',
    lastName: typeof user.lastName === 'string' ? user.lastName : '',
    role: user.role === 'admin' ? 'admin' : 'user',
    xeroEmail: typeof user.xeroEmail === 'string' && user.xeroEmail !== '' ? user.xeroEmail : null,
  };
}
