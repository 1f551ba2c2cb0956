/** Xero's user roles (OrganisationRole in the Accounting API), as Xero's own settings pages name them. */
const roleLabels: Record<string, string> = {
  READONLY: 'Read only',
  INVOICEONLY: 'Invoice only',
  STANDARD: 'Standard',
  FINANCIALADVISER: 'Adviser',
  MANAGEDCLIENT: 'Managed client',
  CASHBOOKCLIENT: 'Cashbook client',
  REMOVED: 'Removed',
};

/** A role Xero adds later reads as itself, in sentence case, rather than as nothing. */
export function roleLabel(role: string): string {
  const known = roleLabels[role.toUpperCase()];
  if (known) return known;
  const lower = role.toLowerCase().replace(/_/g, ' ');
  return lower ? `${lower[0]?.toUpperCase()}${lower.slice(1)}` : 'Unknown role';
}
