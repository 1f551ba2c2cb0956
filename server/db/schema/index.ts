export * from './auth';
export * from '../../xero/schema';
export * from '../../xero/mirror/schema';
