/**
 * The signed-in person making a request, as the host app knows them: all the Xero module asks of the
 * host's accounts. The host answers it from its own sign-in, whatever that is built on.
 */
export interface XeroViewer {
  userId: string;
  /**
   * The sign-in session the request belongs to. A "Connect Xero" flow is bound to it, so a flow started in
   * one session cannot be completed in another. A host without server sessions passes any id that changes
   * with each sign-in (for example a token's `jti`).
   */
  sessionId: string;
  email: string;
  firstName: string;
  lastName: string;
  /** The address this person uses at Xero when it differs from `email` (kept by the host's accounts). */
  xeroEmail: string | null;
  /** May change the Xero app credentials. */
  isAdmin: boolean;
}

/** How the module learns who is asking: the host's answer for one request, or null when nobody is signed in. */
export type ViewerOf<Request> = (request: Request) => Promise<XeroViewer | null>;
