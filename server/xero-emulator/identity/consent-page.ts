import type { OrganisationRecord } from '../model';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

const styles = `
body{font-family:system-ui,sans-serif;background:#f2f5f8;color:#1c2430;margin:0}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem}
main{max-width:30rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d7dde5;border-radius:8px;padding:1.25rem}
.banner{background:#fff4e5;border:1px solid #f5a300;border-radius:6px;padding:.5rem .75rem;font-size:.9rem;margin-bottom:1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=email]{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #9aa5b4;border-radius:6px}
fieldset{border:1px solid #d7dde5;border-radius:6px;margin:1rem 0;padding:.5rem .75rem}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.35rem 0}
.actions{display:flex;gap:.75rem;margin-top:1rem}
button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:6px;border:1px solid #9aa5b4;background:#fff;cursor:pointer}
button.allow{background:#0b6fa4;border-color:#0b6fa4;color:#fff}
:focus-visible{outline:3px solid #f5a300;outline-offset:2px}
.error{color:#b42318}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${styles}</style></head><body><main>${body}</main></body></html>`;
}

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
