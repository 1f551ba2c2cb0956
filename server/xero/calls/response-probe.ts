import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { XeroFailure } from '../xero-failure';

/** Far above any page Xero sends (1,000 contacts); a runaway body is cut off instead of filling memory. */
const maxBodyBytes = 50 * 1024 * 1024;

type HeaderBag = { toJSON(): Record<string, unknown> } | Record<string, unknown> | undefined;

function plainHeaders(headers: HeaderBag): Record<string, string> {
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : ((headers ?? {}) as Record<string, unknown>);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(source))
    if (value !== undefined) result[name.toLowerCase()] = String(value);
  return result;
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      try {
        return inflateSync(body);
      } catch {
        return inflateRawSync(body);
      }
    case 'br':
      return brotliDecompressSync(body);
    default:
      throw new Error(`unknown content encoding ${encoding}`);
  }
}

/** What the first bytes look like, for the log: never the bytes themselves, which may hold data. */
function sniff(text: string): string {
  const start = text.trimStart().slice(0, 15).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (start.startsWith('<')) return 'xml-or-html';
  if (start.startsWith('{') || start.startsWith('[')) return 'json-like';
  return start === '' ? 'empty' : 'text';
}

/**
 * Watches one attempt's HTTP exchange through xero-node. xero-node passes every request's options to
 * its "default authentication", which is where this hooks in: it adds the attempt's abort signal and
 * reads the body itself (decompression, JSON) so that an HTML page, cut JSON or a broken gzip stream
 * in a 200 becomes a bad-response failure instead of an empty result. It also keeps Xero's rate-limit
 * headers for the governor.
 */
export class ResponseProbe {
  status: number | null = null;
  headers: Record<string, string> = {};
  badResponse: XeroFailure | null = null;

  constructor(private readonly signal: AbortSignal) {}

  applyToRequest(options: Record<string, unknown>): void {
    options.signal = this.signal;
    options.decompress = false;
    options.responseType = 'arraybuffer';
    options.maxContentLength = maxBodyBytes;
    options.transformResponse = [
      (data: unknown, headers: HeaderBag, status: number | undefined) => this.read(data, headers, status),
    ];
  }

  private read(data: unknown, headers: HeaderBag, status: number | undefined): unknown {
    this.status = status ?? null;
    this.headers = plainHeaders(headers);
    const ok = status !== undefined && status >= 200 && status < 300;
    const contentType = this.headers['content-type'] ?? null;
    const fail = (reason: string, sniffed?: string): never => {
      this.badResponse = new XeroFailure('bad_response', {
        status: status ?? null,
        reason: sniffed ? `${reason} (${sniffed})` : reason,
        contentType,
      });
      throw this.badResponse;
    };
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' ? data : '');
    let text: string;
    try {
      text = decode(raw, this.headers['content-encoding']).toString('utf8');
    } catch {
      if (!ok) return undefined;
      return fail('undecodable body');
    }
    if (!ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    if (status === 204) return undefined;
    if (!contentType?.toLowerCase().includes('json')) return fail('not JSON', sniff(text));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail('unparsable JSON', sniff(text));
    }
  }
}

/** Xero's bodies promise a list under this name; a body without it is not "no records". */
export function expectList<T>(list: T[] | undefined, name: string): T[] {
  if (!Array.isArray(list)) throw new XeroFailure('bad_response', { status: 200, reason: `no ${name} list` });
  return list;
}
