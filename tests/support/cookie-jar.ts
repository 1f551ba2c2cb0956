/** A browser's cookie store, reduced to what tests need: keep Set-Cookie values, send them back. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  readonly received: string[] = [];

  /** The address this browser's requests come from, as the server sees it. */
  constructor(readonly clientAddress = '127.0.0.1') {}

  store(setCookies: string[]): void {
    for (const header of setCookies) {
      this.received.push(header);
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = /max-age=0/i.test(header) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers(extra);
    const cookie = this.header();
    if (cookie) headers.set('cookie', cookie);
    return headers;
  }
}
