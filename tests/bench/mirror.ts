import { startTestServer } from '../support/test-app';
import { apiCalls, syncState } from '../support/mirror-sync';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';
import { waitFor } from '../support/wait-for';

/**
 * Figures for the contacts mirror, on the database the environment selects (TEST_DATABASE_URL for
 * PostgreSQL, else in-memory PGlite), against the emulator under Xero's own rate limits:
 * - the first sync of an organisation of 100,000 contacts: wall time and Xero calls;
 * - search over those 100,000 through the whole stack (HTTP, tRPC, mirror), p50/p95 at concurrency 1 and 10;
 * - the customers or suppliers among them (an exact count on every page), alone and within a search;
 * - 20 signed-in users each viewing a contacts page every 2 s for 60 s: success, p95, rate-limit
 *   errors and the Xero calls the views caused;
 * - the process's RSS after the sync (app and emulator share this process).
 */
const contactCount = Number(process.env.BENCH_CONTACTS ?? 100_000);
const viewSeconds = Number(process.env.BENCH_VIEW_SECONDS ?? 60);

const server = await startTestServer({
  emulator: { seed: { contactsPerOrganisation: 50, contactsByOrganisation: { 0: contactCount } } },
  syncJobs: { intervalMs: 60 * 60_000, keepAliveDays: 7 },
});
const tenantId = server.emulator.control.organisations()[0]?.tenantId ?? '';
console.log(`database: ${server.db.driver}; organisation of ${contactCount.toLocaleString('en')} contacts`);

const owner = await signUpUser(server, { email: 'owner@example.com' });
await connectXero(server, owner, { tenantIds: [tenantId], email: 'owner@example.com' });
const callsBefore = apiCalls(server, tenantId);
const tokenCallsBefore = server.emulator.control.counters().tokenEndpointCalls;
const started = performance.now();
await server.callerFor(owner.jar).xero.syncStatus();
await waitFor(
  'the first sync',
  async () => ((await syncState(server, tenantId))?.initialDoneAt ? true : undefined),
  15 * 60_000,
);
const syncMs = performance.now() - started;
console.log(
  `initial sync of ${contactCount.toLocaleString('en')} contacts: ${(syncMs / 1000).toFixed(1)} s, ` +
    `${apiCalls(server, tenantId) - callsBefore} Xero API calls, ` +
    `${server.emulator.control.counters().tokenEndpointCalls - tokenCallsBefore} token calls`,
);
global.gc?.();
console.log(
  `RSS after the sync: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB (app and emulator in one process)`,
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const contactsUrl = (input: object) =>
  `${server.url}/trpc/xero.contacts?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function timedView(user: TestUser, input: object): Promise<{ ms: number; ok: boolean; rateLimited: boolean }> {
  const begin = performance.now();
  const response = await fetch(contactsUrl(input), { headers: { cookie: user.jar.header() } });
  const body = await response.text();
  return { ms: performance.now() - begin, ok: response.ok, rateLimited: body.includes('XERO_RATE_LIMITED') };
}

// Three characters or more: the trigram index needs three; the SPA waits for the typing to pause.
const terms = ['gstr', 'ångström', 'ltd', 'smith', 'C-0042', 'mail.example', 'kitchen', 'zzq', 'Holdings', 'ANDERS'];
/** `rounds` contacts pages through the whole stack, `concurrency` at a time; prints p50 and p95. */
async function timedRound(label: string, concurrency: number, rounds: number, inputFor: (index: number) => object) {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < rounds) {
      const index = next;
      next += 1;
      const result = await timedView(owner, inputFor(index));
      times.push(result.ms);
      if (!result.ok) failed += 1;
    }
  };
  for (let warm = 0; warm < 20; warm += 1) await timedView(owner, inputFor(warm));
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  console.log(
    `${label} at concurrency ${concurrency}: p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 0.95).toFixed(1)} ms (${rounds} pages, ${failed} failed)`,
  );
}
const searchInput = (index: number) => ({ search: terms[index % terms.length] ?? '', pageSize: 25 });
const of = contactCount.toLocaleString('en');
await timedRound(`search over ${of} (${terms.length} terms)`, 1, 300, searchInput);
await timedRound(`search over ${of} (${terms.length} terms)`, 10, 600, searchInput);
// Customers or suppliers, counted exactly on every page: the count is the part that grows with the organisation.
const roles = ['customers', 'suppliers'] as const;
const roleInput = (index: number) => ({ role: roles[index % 2], page: (index % 40) + 1, pageSize: 25 });
await timedRound(`customers or suppliers of ${of}, pages 1-40`, 1, 300, roleInput);
await timedRound(`customers or suppliers of ${of}, pages 1-40`, 10, 600, roleInput);
await timedRound(`customers or suppliers of ${of} within a search`, 1, 300, (index) => ({
  ...searchInput(index),
  role: roles[index % 2],
}));

const viewers: TestUser[] = [];
for (let index = 0; index < 20; index += 1) {
  const viewer = await signUpUser(server, { email: `viewer${index}@example.com` });
  await connectXero(server, viewer, { tenantIds: [tenantId], email: `viewer${index}@example.com` });
  viewers.push(viewer);
}
const viewCallsBefore = apiCalls(server, tenantId);
const views: { ms: number; ok: boolean; rateLimited: boolean }[] = [];
const until = Date.now() + viewSeconds * 1000;
await Promise.all(
  viewers.map(async (viewer, index) => {
    // Twenty people do not click in step: each starts at their own moment within the first 2 s.
    await new Promise((resolve) => setTimeout(resolve, index * 100));
    for (let round = 0; Date.now() < until; round += 1) {
      const tick = Date.now();
      views.push(await timedView(viewer, { page: ((index * 7 + round) % 40) + 1, pageSize: 25 }));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2000 - (Date.now() - tick))));
    }
  }),
);
const viewTimes = views.map((view) => view.ms).sort((a, b) => a - b);
console.log(
  `20 users viewing a contacts page every 2 s for ${viewSeconds} s: ${views.length} views, ` +
    `${((100 * views.filter((view) => view.ok).length) / views.length).toFixed(1)}% succeeded, ` +
    `p95 ${percentile(viewTimes, 0.95).toFixed(1)} ms, ${views.filter((view) => view.rateLimited).length} rate-limit errors, ` +
    `${apiCalls(server, tenantId) - viewCallsBefore} Xero calls caused by views`,
);
await server.stop();
process.exit(0);
