import { eq } from 'drizzle-orm';
import { APIError } from 'better-auth/api';
import { AppError } from '../../shared/errors';
import type { SignInInput, SignUpInput } from '../../shared/auth-inputs';
import type { Db } from '../db/db';
import { users } from '../db/schema';
import type { Auth } from './auth';
import type { SignInLimiter } from './sign-in-limiter';
import { toSessionUser, type SessionUser } from './session-user';

/** The request facts the account service needs: the incoming headers, the client, a place to put cookies. */
export interface AuthRequest {
  headers: Headers;
  setCookies(cookies: string[]): void;
  /** The client's IP address (behind a proxy, as TRUST_PROXY allows): sign-in limits count per address. */
  clientAddress: string;
}

const duplicateEmailCodes = new Set(['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL']);

function errorCode(error: unknown): string | undefined {
  return error instanceof APIError ? (error.body as { code?: string } | undefined)?.code : undefined;
}

export async function signUp(auth: Auth, db: Db, input: SignUpInput, request: AuthRequest): Promise<SessionUser> {
  try {
    const { headers, response } = await auth.api.signUpEmail({
      body: {
        email: input.email,
        password: input.password,
        name: `${input.firstName} ${input.lastName}`,
        firstName: input.firstName,
        lastName: input.lastName,
      },
      headers: request.headers,
      returnHeaders: true,
    });
    request.setCookies(headers.getSetCookie());
    // The role is settled after the account is stored (server/auth/first-admin.ts): read what it became.
    const [stored] = await db.select({ role: users.role }).from(users).where(eq(users.id, response.user.id));
    return toSessionUser({ ...response.user, role: stored?.role });
  } catch (error) {
    if (duplicateEmailCodes.has(errorCode(error) ?? '')) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.', {
        fieldErrors: { email: ['An account with this email already exists. Sign in instead?'] },
      });
    }
    throw error;
  }
}

export async function signIn(
  auth: Auth,
  limiter: SignInLimiter,
  input: SignInInput,
  request: AuthRequest,
): Promise<SessionUser> {
  const reservation = await limiter.reserve(input.email, request.clientAddress);
  if (!reservation.ok) {
    const message =
      reservation.limitedBy === 'address'
        ? 'Too many wrong passwords from your network today. Please try again later.'
        : 'Too many wrong passwords for this email. Please wait a few minutes and try again.';
    throw new AppError('TOO_MANY_REQUESTS', message, { retryAfter: reservation.retryAfterSeconds });
  }
  try {
    const { headers, response } = await auth.api.signInEmail({
      body: { email: input.email, password: input.password, rememberMe: true },
      headers: request.headers,
      returnHeaders: true,
    });
    request.setCookies(headers.getSetCookie());
    await reservation.succeeded();
    return toSessionUser(response.user);
  } catch (error) {
    // One message for an unknown email and a wrong password, so sign-in does not reveal who has an account.
    if (error instanceof APIError && (error.status === 'UNAUTHORIZED' || error.statusCode === 401)) {
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    await reservation.abandoned();
    throw error;
  }
}

export async function signOut(auth: Auth, request: AuthRequest): Promise<void> {
  const { headers } = await auth.api.signOut({ headers: request.headers, returnHeaders: true });
  request.setCookies(headers.getSetCookie());
}

export interface CurrentSession {
  user: SessionUser;
  sessionId: string;
}

/** Who is signed in on these headers, and in which session (the Xero flow is bound to it). */
export async function currentSession(auth: Auth, headers: Headers): Promise<CurrentSession | null> {
  const result = await auth.api.getSession({ headers });
  return result ? { user: toSessionUser(result.user), sessionId: result.session.id } : null;
}

/** The profile's "Xero email": the address this person uses at Xero, when it differs from their sign-in email. */
export async function setXeroEmail(db: Db, userId: string, xeroEmail: string | null): Promise<void> {
  await db.update(users).set({ xeroEmail, updatedAt: new Date() }).where(eq(users.id, userId));
}
