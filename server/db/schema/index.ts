export * from './auth';
export * from './xero';
export * from './job-leases';
