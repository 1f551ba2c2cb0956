/** Drives the emulator's consent page as a person would, without a browser: read the form, submit it. */
export interface ConsentChoice {
  email?: string;
  givenName?: string;
  familyName?: string;
  tenantIds?: string[];
  decision?: 'allow' | 'cancel';
  /** Cookies for the consent page's origin are not needed: the page keeps its state server-side. */
}

function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`consent page has no ${name} field`);
  return match[1];
}

function checkboxValues(html: string): string[] {
  return [...html.matchAll(/type="checkbox" name="tenant" value="([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Opens the consent URL, answers the form, and returns where the emulator redirects the browser. */
export async function completeConsent(consentUrl: string, choice: ConsentChoice = {}): Promise<URL> {
  const page = await fetch(consentUrl, { redirect: 'manual' });
  if (page.status === 302) return new URL(page.headers.get('location') ?? '');
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 200)}`);
  const form = new URLSearchParams({
    request: hiddenValue(html, 'request'),
    email: choice.email ?? 'ada@example.com',
    given_name: choice.givenName ?? 'Ada',
    family_name: choice.familyName ?? 'Lovelace',
    decision: choice.decision ?? 'allow',
  });
  for (const tenantId of choice.tenantIds ?? checkboxValues(html).slice(0, 1)) form.append('tenant', tenantId);
  const action = new URL('/identity/connect/authorize/decision', consentUrl);
  const answer = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`consent decision answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  return new URL(location);
}
