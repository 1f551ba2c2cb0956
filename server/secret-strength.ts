/**
 * Why a production secret is too weak to use, or null when it looks random enough. A secret that
 * someone typed ("changeme…", one character repeated, a phrase) can be guessed offline from a session
 * cookie or a stolen database, so production refuses it; `npm run keygen` (or `openssl rand -base64 32`)
 * makes good ones. The checks are loose enough that a random value fails them with negligible odds.
 */
export function secretWeakness(value: string): string | null {
  if (value.length < 32) return 'is too short (use 32+ random characters)';
  // Matched in lower or upper case only, not mixed: random base64 would contain a mixed-case word too often.
  const placeholder = placeholderWords.find((word) => value.includes(word) || value.includes(word.toUpperCase()));
  if (placeholder) return `looks like a placeholder (contains "${placeholder}")`;
  if (/(.)\1{9}/.test(value)) return 'repeats one character';
  if (hasRepeatingPattern(value)) return 'is a short pattern repeated';
  if (hasRun(value, 8)) return 'contains a run like "abcdefgh" or "12345678"';
  if (estimatedBits(value) < minimumBits) return 'has too little randomness (use `npm run keygen`)';
  return null;
}

// 32 random hex digits (128 bits) estimate above 90; low-variety strings fall far below.
const minimumBits = 80;

/** Five letters or more, so that a random value contains one by chance with negligible odds. */
const placeholderWords = [
  'secret',
  'password',
  'passw0rd',
  'changeme',
  'change-me',
  'change_me',
  'example',
  'placeholder',
  'replace',
  'default',
  'dummy',
  'sample',
  'qwerty',
  'letmein',
  'insecure',
];

function hasRepeatingPattern(value: string): boolean {
  for (let period = 1; period <= value.length / 2; period += 1) {
    if (value.length % period === 0 && value.slice(0, period).repeat(value.length / period) === value) return true;
  }
  return false;
}

/** Ascending or descending character codes, as in "abcdefgh", "98765432". */
function hasRun(value: string, length: number): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < value.length; index += 1) {
    const step = value.charCodeAt(index) - value.charCodeAt(index - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

/** Length times the value's own per-character Shannon entropy: a rough upper bound on its randomness. */
function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    perCharacter -= share * Math.log2(share);
  }
  return perCharacter * value.length;
}
