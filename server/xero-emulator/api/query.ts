import type { FieldReader, FieldValue } from './where';

export class QueryError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'validation',
  ) {
    super(message);
  }
}

/** `order=Name ASC, UpdatedDateUTC DESC`: a comparator over records read through `read`. */
export function compileOrder<T>(
  order: string,
  fields: ReadonlySet<string>,
  read: (record: T) => FieldReader,
): ((a: T, b: T) => number) | null {
  const clauses = order
    .split(',')
    .map((clause) => clause.trim())
    .filter(Boolean)
    .map((clause) => {
      const [field = '', direction = 'ASC', ...rest] = clause.split(/\s+/);
      const upper = direction.toUpperCase();
      if (!fields.has(field) || rest.length > 0 || (upper !== 'ASC' && upper !== 'DESC')) {
        throw new QueryError(`Invalid order clause '${clause}'`, 'parse');
      }
      return { field, sign: upper === 'DESC' ? -1 : 1 };
    });
  if (clauses.length === 0) return null;
  const compareValues = (a: FieldValue, b: FieldValue) => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
    return a < b ? -1 : 1;
  };
  return (a, b) => {
    for (const { field, sign } of clauses) {
      const result = compareValues(read(a)(field), read(b)(field));
      if (result !== 0) return result * sign;
    }
    return 0;
  };
}

export function parseBoolean(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** A positive integer query parameter, or a validation error naming it. */
export function parsePositiveInt(name: string, value: unknown, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max)
    throw new QueryError(`${name} must be a whole number between 1 and ${max}`, 'validation');
  return parsed;
}

/** If-Modified-Since as epoch ms; an unreadable date is ignored, as Xero does. */
export function parseIfModifiedSince(header: unknown): number | null {
  if (typeof header !== 'string') return null;
  const parsed = Date.parse(header);
  return Number.isNaN(parsed) ? null : parsed;
}

/** IDs come as `IDs=a,b`, or as axios sends arrays, `IDs[]=a&IDs[]=b`. */
export function parseIds(query: Record<string, unknown>): Set<string> | null {
  const raw = [query.IDs, query['IDs[]']].flat().filter((value): value is string => typeof value === 'string');
  if (raw.length === 0) return null;
  return new Set(
    raw
      .flatMap((value) => value.split(','))
      .map((id) => id.trim().toLowerCase())
      .filter(Boolean),
  );
}

export interface Page<T> {
  items: T[];
  pagination: { page: number; pageSize: number; pageCount: number; itemCount: number };
}

/** Without `page` Xero returns everything; with it, `pageSize` items (default 100) of that page. */
export function paginate<T>(items: T[], page: number | undefined, pageSize: number | undefined): Page<T> {
  if (page === undefined) {
    return {
      items,
      pagination: { page: 1, pageSize: items.length, pageCount: items.length > 0 ? 1 : 0, itemCount: items.length },
    };
  }
  const size = pageSize ?? 100;
  const start = (page - 1) * size;
  return {
    items: items.slice(start, start + size),
    pagination: { page, pageSize: size, pageCount: Math.ceil(items.length / size), itemCount: items.length },
  };
}

/**
 * Filters and pages in one pass without building the filtered list: with 100,000 contacts, copying the
 * matches on every request cost more than everything else together.
 */
export function filterPage<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  page: number | undefined,
  pageSize: number | undefined,
): Page<T> {
  if (page === undefined) return paginate(items.filter(keep), undefined, undefined);
  const size = pageSize ?? 100;
  const start = (page - 1) * size;
  const selected: T[] = [];
  let itemCount = 0;
  for (const item of items) {
    if (!keep(item)) continue;
    if (itemCount >= start && selected.length < size) selected.push(item);
    itemCount += 1;
  }
  return { items: selected, pagination: { page, pageSize: size, pageCount: Math.ceil(itemCount / size), itemCount } };
}
