import { emulatorPage as page, escapeHtml } from '../html-page';
import type { OrganisationRecord } from '../model';

export interface ConsentPageInput {
  pendingId: string;
  clientName: string;
  scopes: string[];
  organisations: OrganisationRecord[];
  values: { email: string; givenName: string; familyName: string; tenantIds: string[] };
  errors: string[];
}

export function consentPage(input: ConsentPageInput): string {
  const { values } = input;
  const organisations = input.organisations
    .map(
      (org) =>
        `<label><input type="checkbox" name="tenant" value="${escapeHtml(org.tenantId)}"${values.tenantIds.includes(org.tenantId) ? ' checked' : ''}> ${escapeHtml(org.name)}</label>`,
    )
    .join('');
  const errors = input.errors.length
    ? `<div role="alert" class="error">${input.errors.map((error) => `<p>${escapeHtml(error)}</p>`).join('')}</div>`
    : '';
  return page(
    'Xero Emulator: allow access',
    `<div class="banner">Xero emulator: a local stand-in for Xero. Nothing here reaches the real Xero.</div>
<div class="card">
<h1>${escapeHtml(input.clientName)} wants to access your Xero organisation</h1>
<p>It asks for: ${input.scopes.map(escapeHtml).join(', ')}</p>
${errors}
<form method="post" action="/identity/connect/authorize/decision">
<input type="hidden" name="request" value="${escapeHtml(input.pendingId)}">
<h2>Sign in as a Xero user</h2>
<label for="email">Email</label><input id="email" type="email" name="email" value="${escapeHtml(values.email)}" autocomplete="email">
<label for="given_name">First name</label><input id="given_name" type="text" name="given_name" value="${escapeHtml(values.givenName)}">
<label for="family_name">Last name</label><input id="family_name" type="text" name="family_name" value="${escapeHtml(values.familyName)}">
<fieldset><legend>Organisations to connect</legend>${organisations}</fieldset>
<div class="actions"><button class="allow" type="submit" name="decision" value="allow">Allow access</button><button type="submit" name="decision" value="cancel">Cancel</button></div>
</form></div>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p></div>`);
}
