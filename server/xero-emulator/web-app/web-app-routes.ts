import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { emulatorPage, escapeHtml } from '../html-page';
import type { ContactRecord } from '../model';

const statusNames: Record<ContactRecord['status'], string> = {
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
  GDPRREQUEST: 'GDPR request',
};

function contactCard(organisationName: string, contact: ContactRecord): string {
  const phone = [contact.phoneCountryCode ? `+${contact.phoneCountryCode}` : null, contact.phoneAreaCode, contact.phone]
    .filter(Boolean)
    .join(' ');
  const rows: [string, string | null][] = [
    ['Status', statusNames[contact.status]],
    ['Email', contact.emailAddress],
    ['Phone', contact.phone ? phone : null],
    ['Website', contact.website],
    ['Contact number', contact.contactNumber],
  ];
  return `<div class="banner">Xero emulator: where "Open in Xero" leads. The real Xero shows this contact in its web app.</div>
<div class="card">
<p class="muted">${escapeHtml(organisationName)} · Contacts</p>
<h1>${escapeHtml(contact.name)}</h1>
<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value ?? '—')}</dd>`).join('')}</dl>
</div>`;
}

/**
 * The one page of Xero's web app that the app links to: a contact, at Xero's deep-link address
 * `/app/{short code}/contacts/contact/{id}`. Read-only and without sign-in: the emulator is local.
 */
export function registerWebAppRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get<{ Params: { shortCode: string; contactId: string } }>(
    '/app/:shortCode/contacts/contact/:contactId',
    (request, reply) => {
      const organisation = context.organisations.find((candidate) => candidate.shortCode === request.params.shortCode);
      const contact = organisation?.contactsById.get(request.params.contactId);
      reply.type('text/html; charset=utf-8');
      if (!organisation || !contact || contact.status === 'GDPRREQUEST') {
        return reply
          .code(404)
          .send(
            emulatorPage(
              'Xero Emulator: not found',
              `<div class="card"><h1>Not found</h1><p role="alert">This organisation has no such contact.</p></div>`,
            ),
          );
      }
      return reply.send(emulatorPage(`${contact.name} · Xero Emulator`, contactCard(organisation.name, contact)));
    },
  );
}
