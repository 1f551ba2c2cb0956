/**
 * How the module seals secrets at rest (token sets, PKCE verifiers, the client secret). The host passes
 * its own implementation; `purpose` binds a sealed value to what it is, so one cannot be swapped for another.
 */
export interface SecretCipher {
  encrypt(plaintext: string, purpose: string): string;
  decrypt(sealed: string, purpose: string): string;
}
