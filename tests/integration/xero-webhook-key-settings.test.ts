import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroSettings } from '../../server/db/schema';
import { receiveWebhook } from '../../server/xero/webhooks/receive-webhook';
import { CookieJar } from '../support/cookie-jar';
import { callerOn, depsWithoutXero, newUserInput } from '../support/test-app';
import { createTestDb, type TestDb } from '../support/test-db';

let db: TestDb;
const deps = () => depsWithoutXero(db.db, { publicUrl: 'https://app.example', isProduction: false });
const body = Buffer.from(JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'E' }));
const sign = (key: string) => createHmac('sha256', key).update(body).digest('base64');
const savedKey = 'saved-webhooks-key-from-the-developer-portal';

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

describe('the webhooks key on the settings page', () => {
  it('is write-only, stored encrypted, kept when left empty, and checks deliveries', async () => {
    const app = deps();
    const jar = new CookieJar();
    await callerOn(app, jar).auth.signUp(newUserInput({ email: 'admin@example.com' }));
    await db.db.execute(sql`update users set role = 'admin' where email = 'admin@example.com'`);
    const admin = callerOn(app, jar);
    expect(await receiveWebhook(app.xero, body, sign(savedKey))).toMatchObject({ status: 401, reason: 'no_key' });

    const view = await admin.xero.saveSettings({ clientId: 'ABC123', clientSecret: 'secret', webhookKey: savedKey });
    expect(view).toMatchObject({ hasWebhookKey: true, webhookKeyFromEnvironment: false });
    expect(view.webhookUrl).toBe('https://app.example/xero/webhooks');
    expect(JSON.stringify(view)).not.toContain(savedKey);
    const [row] = await db.db.select().from(xeroSettings);
    expect(JSON.stringify(row)).not.toContain(savedKey);

    expect(await receiveWebhook(app.xero, body, sign(savedKey))).toMatchObject({ status: 200 });
    expect(await receiveWebhook(app.xero, body, sign('another-key'))).toMatchObject({ status: 401 });

    // Saving again without a key keeps it (a fresh process reads it back from the database).
    await admin.xero.saveSettings({ clientId: 'ABC123', webhookKey: '' });
    expect(await receiveWebhook(deps().xero, body, sign(savedKey))).toMatchObject({ status: 200 });
  });
});
