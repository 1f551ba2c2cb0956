export * from './auth';
export * from '../../xero/schema';
export * from '../../xero/webhooks/schema';
export * from '../../xero/calls/schema';
export * from './rate-limits';
export * from '../../xero/organisation-schema';
export * from '../../xero/mirror/schema';
