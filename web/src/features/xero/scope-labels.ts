/** Xero's scopes as people read them; an unknown scope is shown as it is rather than hidden. */
const scopeLabels: Record<string, string> = {
  openid: 'Confirm who you are at Xero',
  profile: 'Your name at Xero',
  email: 'Your email address at Xero',
  offline_access: 'Stay connected without asking you every 30 minutes',
  'accounting.contacts.read': 'Read your contacts',
  'accounting.contacts': 'Read and change your contacts',
  'accounting.settings.read': 'Read organisation settings and users',
  'accounting.settings': 'Read and change organisation settings',
};

export function scopeLabel(scope: string): string {
  return scopeLabels[scope] ?? scope;
}
