import { describe, expect, it } from 'vitest';
import { describeError, maskCredentials } from '../../server/log/describe-error';

describe('describeError', () => {
  it('masks bearer tokens, token fields, client secrets, JWTs and query parameters', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const text = [
      'Authorization: Bearer abc.def-ghi',
      '{"access_token":"at-123","refresh_token":"rt-456"}',
      'client_secret=s3cret&code=the-code',
      jwt,
      'Failed query: select 1\nparams: someone@example.com,token-789',
    ].join('\n');
    const masked = maskCredentials(text);
    for (const secret of [
      'abc.def-ghi',
      'at-123',
      'rt-456',
      's3cret',
      'the-code',
      jwt,
      'token-789',
      'someone@example.com',
    ]) {
      expect(masked).not.toContain(secret);
    }
  });

  it('keeps the name and code of an error and never its raw object', () => {
    const error = Object.assign(new Error('boom with Bearer secret-token'), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: 'Bearer x' } },
    });
    const described = describeError(error);
    expect(described).toMatchObject({ name: 'Error', code: 'ECONNRESET' });
    expect(JSON.stringify(described)).not.toContain('secret-token');
    expect(described).not.toHaveProperty('config');
  });
});
