/**
 * What GET /xero/callback reports back to the SPA (as `?xero_error=`), and the sentence people see.
 * One list, so the server cannot send a code the SPA cannot explain.
 */
export const xeroCallbackErrors = {
  access_denied: 'You cancelled on Xero, so nothing was connected.',
  state_unknown: 'That Xero sign-in link is not one we started. Please connect again.',
  state_used: 'That Xero sign-in was already used. Please connect again.',
  state_expired: 'The Xero sign-in took too long and expired. Please connect again.',
  wrong_user: 'That Xero sign-in was started by another account. Please connect again while signed in as yourself.',
  wrong_session: 'That Xero sign-in was started before you last signed in, so it was not used. Please connect again.',
  signed_out: 'You were signed out while connecting to Xero. Please sign in and connect again.',
  exchange_failed: 'Xero did not complete the sign-in. Please try connecting again.',
  no_organisation: 'No Xero organisation was chosen. Please connect again and pick an organisation.',
  xero_error: 'Xero reported a problem with the sign-in. Please try connecting again.',
  bad_callback: 'That Xero sign-in link is damaged or incomplete. Please connect again.',
} as const;

export type XeroCallbackError = keyof typeof xeroCallbackErrors;

export function xeroCallbackMessage(code: string | null): string | null {
  if (!code) return null;
  return code in xeroCallbackErrors ? xeroCallbackErrors[code as XeroCallbackError] : xeroCallbackErrors.xero_error;
}
