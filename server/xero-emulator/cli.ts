import { parseArgs } from 'node:util';
import { defaultClient } from './options';
import { startEmulator } from './emulator';

/**
 * `npm run emulator -- --port 4010`: a local Xero for demos and manual testing.
 * Prints what an app needs to use it: base URL, client id and secret, and the redirect URIs it accepts.
 */
const usage = `Usage: npm run emulator -- [--port 4010] [--host 127.0.0.1] [--client-id ID] [--client-secret SECRET]
  [--redirect-uri URI ...] [--public-url URL (the issuer)] [--contacts N] [--seed N] [--data-dir DIR] [--control]
  [--webhook-url URL --webhook-key KEY (signed contact events to your app, after Intent to Receive)]`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    'client-id': { type: 'string', default: defaultClient.clientId },
    'client-secret': { type: 'string', default: defaultClient.clientSecret },
    'redirect-uri': { type: 'string', multiple: true, default: defaultClient.redirectUris },
    contacts: { type: 'string', default: '300' },
    seed: { type: 'string' },
    'data-dir': { type: 'string', default: './.data' },
    control: { type: 'boolean', default: false },
    'webhook-url': { type: 'string' },
    'webhook-key': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
const contacts = Number(values.contacts);
if (Boolean(values['webhook-url']) !== Boolean(values['webhook-key'])) {
  console.error(`--webhook-url and --webhook-key go together.\n${usage}`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(contacts) || contacts < 0) {
  console.error(`Invalid --port or --contacts.\n${usage}`);
  process.exit(1);
}

const started = performance.now();
const emulator = await startEmulator({
  port,
  host: values.host,
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  dataDir: values['data-dir'],
  controlEnabled: values.control,
  clients: [
    {
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      redirectUris: values['redirect-uri'],
      ...(values['webhook-url'] && values['webhook-key']
        ? { webhook: { url: values['webhook-url'], key: values['webhook-key'] } }
        : {}),
    },
  ],
  seed: { contactsPerOrganisation: contacts, ...(values.seed ? { seed: Number(values.seed) } : {}) },
});
const client = emulator.clients[0] ?? defaultClient;
console.log(`Xero emulator listening on ${emulator.url} (ready in ${Math.round(performance.now() - started)} ms)

  XERO_IDENTITY_URL=${emulator.url}
  XERO_API_URL=${emulator.url}
  XERO_CLIENT_ID=${client.clientId}
  XERO_CLIENT_SECRET=${client.clientSecret}
  redirect URIs accepted: ${client.redirectUris.join(', ')}
  organisations: ${emulator.control
    .organisations()
    .map((org) => `${org.name} (${org.contactCount} contacts)`)
    .join('; ')}
  webhooks: ${values['webhook-url'] ? `to ${values['webhook-url']} (set XERO_WEBHOOK_KEY to the same key)` : 'off (use --webhook-url and --webhook-key)'}
  control surface: ${values.control ? `${emulator.url}/_emulator` : 'off (use --control)'}`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
