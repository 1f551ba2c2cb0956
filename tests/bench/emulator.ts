import autocannon from 'autocannon';
import { startEmulator } from '../../server/xero-emulator';
import { seedOrganisations } from '../../server/xero-emulator/seed/seed';
import { authorize, discoverClient, testRedirectUri } from '../support/emulator-oidc';

/** Figures for the emulator: seeding 100,000 contacts, and contacts pages (100 each) served per second. */
function measureSeed(count: number) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const organisations = seedOrganisations({
    seed: 1,
    contactsPerOrganisation: 0,
    contactsByOrganisation: { 0: count },
  });
  const elapsed = performance.now() - started;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `seed ${organisations[0]?.contacts.length} contacts: ${elapsed.toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1024 / 1024).toFixed(0)} MiB (${global.gc ? 'after gc' : 'run with --expose-gc for a settled figure'})`,
  );
}

async function measurePages(contacts: number, seconds: number) {
  const emulator = await startEmulator({
    seed: { contactsPerOrganisation: contacts },
    limits: { perMinute: 1e9, perDay: 1e9, appPerMinute: 1e9, concurrent: 1e6 },
    clients: [{ clientId: 'bench', clientSecret: 'bench', redirectUris: [testRedirectUri] }],
  });
  const tenantId = emulator.control.organisations()[0]?.tenantId ?? '';
  const tokens = await authorize(await discoverClient(emulator), { tenantIds: [tenantId] });
  const pageCount = Math.ceil(contacts / 100);
  let page = 0;
  const result = await autocannon({
    url: emulator.url,
    connections: 10,
    duration: seconds,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'xero-tenant-id': tenantId, accept: 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: `/api.xro/2.0/Contacts?page=${(page++ % pageCount) + 1}&pageSize=100`,
        }),
      },
    ],
  });
  console.log(
    `contacts pages of 100 from an organisation of ${contacts}: ${result.requests.average.toFixed(0)} pages/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx} (10 connections, ${seconds} s)`,
  );
  await emulator.close();
}

measureSeed(100_000);
await measurePages(5_000, 10);
await measurePages(100_000, 10);
