/**
 * SPA paths the server also needs to know. The Xero page cannot live at /xero: that prefix belongs to
 * the server (/xero/callback) and never falls back to the SPA.
 */
export const xeroPagePath = '/integrations/xero';
