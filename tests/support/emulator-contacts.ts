import { openTokenSet } from '../../server/xero/stored-token-set';
import { xeroConnections } from '../../server/db/schema';
import type { RunningTestServer } from './test-app';

export interface EmulatorContactJson {
  ContactID: string;
  Name: string;
  ContactStatus: string;
  IsCustomer?: boolean;
  IsSupplier?: boolean;
  Website?: string;
  Phones?: { PhoneType: string; PhoneNumber?: string; PhoneAreaCode?: string; PhoneCountryCode?: string }[];
  ContactPersons?: { FirstName?: string; LastName?: string; EmailAddress?: string }[];
}

/** All of an organisation's contacts as the emulator's API answers them (every page), with a token of the app's own. */
export async function emulatorContacts(server: RunningTestServer, tenantId: string): Promise<EmulatorContactJson[]> {
  const [row] = await server.db.db.select().from(xeroConnections).limit(1);
  const token = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '').access_token;
  const contacts: EmulatorContactJson[] = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(
      `${server.emulator.url}/api.xro/2.0/Contacts?page=${page}&pageSize=1000&includeArchived=true`,
      { headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': tenantId, accept: 'application/json' } },
    );
    if (!response.ok) throw new Error(`emulator answered ${response.status}`);
    const batch = ((await response.json()) as { Contacts: EmulatorContactJson[] }).Contacts;
    contacts.push(...batch);
    if (batch.length < 1000) return contacts;
  }
}
