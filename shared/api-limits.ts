/**
 * How many procedure calls one HTTP request may carry. The server refuses bigger batches (so one request
 * cannot carry a crowd of sign-in guesses); the SPA's batch link splits at the same size.
 */
export const maxBatchSize = 10;
