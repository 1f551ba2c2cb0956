import { errors } from 'openid-client';
import { describe, expect, it } from 'vitest';
import { classifyXeroError, toAppError, XeroFailure, XeroHttpError } from '../../server/xero/xero-failure';

/** xero-node's accounting calls reject with this JSON string. */
const accountingRejection = (statusCode: number, headers: Record<string, string> = {}, body: unknown = {}) =>
  JSON.stringify({ response: { statusCode, headers, body, request: { headers: { authorization: 'Bearer SECRET' } } } });

describe('classifyXeroError', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'bad_request'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ])('reads a %s from an accounting rejection as %s', (status, kind) => {
    expect(classifyXeroError(accountingRejection(status)).kind).toBe(kind);
  });

  it('keeps Retry-After from a 429 and turns it into XERO_RATE_LIMITED with retryAfter', () => {
    const failure = classifyXeroError(accountingRejection(429, { 'retry-after': '17' }));
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 17 });
    expect(toAppError(failure)).toMatchObject({ code: 'XERO_RATE_LIMITED', details: { retryAfter: 17 } });
  });

  it('reads openid-client errors: invalid_grant means reconnect; others mean Xero is unavailable', () => {
    expect(classifyXeroError(new errors.OPError({ error: 'invalid_grant' })).kind).toBe('invalid_grant');
    expect(toAppError(classifyXeroError(new errors.OPError({ error: 'invalid_grant' }))).code).toBe(
      'XERO_REAUTH_REQUIRED',
    );
    expect(classifyXeroError(new errors.OPError({ error: 'server_error' })).kind).toBe('unavailable');
    expect(classifyXeroError(new errors.RPError('id_token signature invalid')).kind).toBe('unavailable');
  });

  it('reads our own fetch errors, axios-shaped errors and network failures', () => {
    expect(classifyXeroError(new XeroHttpError(404, new Headers())).kind).toBe('not_found');
    expect(classifyXeroError({ isAxiosError: true, response: { status: 403, headers: {} } }).kind).toBe('forbidden');
    expect(classifyXeroError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind).toBe(
      'unavailable',
    );
    expect(classifyXeroError(accountingRejection(0)).kind).toBe('unavailable');
    expect(classifyXeroError(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } })).kind).toBe(
      'unavailable',
    );
  });

  it('treats an error that is not from HTTP as our own bug, never as Xero being down', () => {
    expect(classifyXeroError(new TypeError("Cannot read properties of undefined (reading 'x')")).kind).toBe('internal');
    expect(classifyXeroError(new Error('Required parameter contactID was null or undefined')).kind).toBe('internal');
    expect(classifyXeroError('not json at all').kind).toBe('internal');
    expect(toAppError(classifyXeroError(new TypeError('bad input'))).code).toBe('INTERNAL');
  });

  it('speaks of waits in human time, the daily limit included', () => {
    const day = classifyXeroError(accountingRejection(429, { 'retry-after': '43200', 'x-rate-limit-problem': 'day' }));
    const message = toAppError(day, 'Acme Widgets Ltd').message;
    expect(message).toBe("Xero's daily limit for Acme Widgets Ltd is used up; it resets in about 12 hours.");
    expect(toAppError(new XeroFailure('bad_response')).code).toBe('XERO_BAD_RESPONSE');
  });

  it('never passes Xero text or request details to the message people see', () => {
    const appError = toAppError(
      classifyXeroError(accountingRejection(400, {}, { Message: 'raw Xero validation text' })),
    );
    expect(appError.message).not.toContain('raw Xero');
    expect(appError.message).not.toContain('SECRET');
  });
});
