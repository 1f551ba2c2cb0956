import type { XeroViewer } from '../xero/viewer';
import type { CurrentSession } from './account-service';

/** Our signed-in user as the Xero module asks for them: the Xero email and the admin role are ours to tell. */
export function xeroViewerOf(session: CurrentSession | null): XeroViewer | null {
  if (!session) return null;
  const { user, sessionId } = session;
  return {
    userId: user.id,
    sessionId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    xeroEmail: user.xeroEmail,
    isAdmin: user.role === 'admin',
  };
}
