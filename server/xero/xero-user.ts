/**
 * The signed-in person as the host app knows them: all the Xero module asks of the host's accounts.
 * `xeroEmail` is the address they use at Xero when it differs from their sign-in email (the host keeps it).
 */
export interface XeroUserProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  xeroEmail: string | null;
}
