/**
 * The one check for "where to go afterwards" (`next`), used by the server and the SPA alike.
 * Only a relative path on this origin survives; anything else becomes the fallback, without an error,
 * because a hostile link should land the user somewhere harmless rather than on an error page.
 */
const maxLength = 2048;
const maxDecodeRounds = 4;
// Control characters and backslashes: browsers treat `/\evil.com` and `/\tevil.com` as other hosts.
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u001f\u007f\\]/;
const probeOrigin = 'http://return-path.invalid';

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function looksSafe(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !forbiddenCharacters.test(path);
}

export function safeReturnPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > maxLength) return fallback;
  // Every decoded layer must be safe too: `/%2F%2Fevil.com` and `%252F…` become other hosts somewhere.
  let layer = candidate;
  for (let round = 0; round <= maxDecodeRounds; round += 1) {
    if (!looksSafe(layer)) return fallback;
    const decoded = decodeOnce(layer);
    if (decoded === null) return fallback;
    if (decoded === layer) break;
    if (round === maxDecodeRounds) return fallback;
    layer = decoded;
  }
  const resolved = new URL(candidate, probeOrigin);
  if (resolved.origin !== probeOrigin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return looksSafe(path) ? path : fallback;
}
