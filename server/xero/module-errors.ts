import { AppError } from '../../shared/errors';

/** The errors the module throws from more than one place, worded once. */
export const notConnected = () => new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');

export const reauthRequired = () =>
  new AppError('XERO_REAUTH_REQUIRED', 'Your Xero connection has expired. Please connect to Xero again.');
