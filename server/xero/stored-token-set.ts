import type { TokenSet } from 'openid-client';
import type { SecretCipher } from './secret-cipher';
import { secretPurpose } from './config';

/** The token set as we keep it: plain fields, sealed as one encrypted JSON value. */
export interface StoredTokenSet {
  access_token: string;
  refresh_token: string | undefined;
  id_token: string | undefined;
  /** Epoch seconds. */
  expires_at: number;
  token_type: string;
  scope: string | undefined;
}

export function fromTokenSet(tokenSet: TokenSet, previous?: StoredTokenSet): StoredTokenSet {
  if (!tokenSet.access_token) throw new Error('Xero answered without an access token');
  return {
    access_token: tokenSet.access_token,
    // Xero always rotates, but a response without a refresh token must not erase the one we hold.
    refresh_token: tokenSet.refresh_token ?? previous?.refresh_token,
    id_token: tokenSet.id_token ?? previous?.id_token,
    expires_at: tokenSet.expires_at ?? Math.floor(Date.now() / 1000) + (tokenSet.expires_in ?? 1800),
    token_type: tokenSet.token_type ?? 'Bearer',
    scope: tokenSet.scope ?? previous?.scope,
  };
}

export const sealTokenSet = (cipher: SecretCipher, tokenSet: StoredTokenSet) =>
  cipher.encrypt(JSON.stringify(tokenSet), secretPurpose.tokenSet);

export const openTokenSet = (cipher: SecretCipher, sealed: string) =>
  JSON.parse(cipher.decrypt(sealed, secretPurpose.tokenSet)) as StoredTokenSet;
