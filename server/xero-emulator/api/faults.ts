/**
 * What a fault does to the next matching call:
 * - 429 / 500 / 503: that status with Xero's body; 'hang': never answers; 'lose_response': does the
 *   work, then drops the connection, so the answer is lost on the way back;
 * - 'html': a 200 whose body is an HTML page (a proxy or maintenance page in front of Xero);
 * - 'cut_json': a 200 whose JSON stops half-way; 'bad_gzip': a 200 that says gzip but cannot be decoded;
 * - 'no_list': a 200 envelope without the list it should carry (Contacts, Users);
 * - 'no_pagination': the real answer without its `pagination` object;
 * - 'slow': the real answer after `delayMs`.
 */
export type FaultKind =
  429 | 500 | 503 | 'hang' | 'lose_response' | 'html' | 'cut_json' | 'bad_gzip' | 'no_list' | 'no_pagination' | 'slow';
export type FaultScope = 'api' | 'token';

export const faultKinds: readonly FaultKind[] = [
  429,
  500,
  503,
  'hang',
  'lose_response',
  'html',
  'cut_json',
  'bad_gzip',
  'no_list',
  'no_pagination',
  'slow',
];

export interface Fault {
  kind: FaultKind;
  remaining: number;
  scope: FaultScope;
  /** Only calls for this tenant, when set. */
  tenantId: string | null;
  retryAfterSeconds: number;
  /** For 'slow': how long the answer takes. */
  delayMs: number;
}

/** Injected failures: the next N matching calls answer with the fault instead of the real answer. */
export class FaultQueue {
  private faults: Fault[] = [];

  add(
    fault: Omit<Fault, 'remaining' | 'scope' | 'tenantId' | 'retryAfterSeconds' | 'delayMs'> &
      Partial<Fault> & { count: number },
  ): void {
    this.faults.push({
      kind: fault.kind,
      remaining: fault.count,
      scope: fault.scope ?? 'api',
      tenantId: fault.tenantId ?? null,
      retryAfterSeconds: fault.retryAfterSeconds ?? 1,
      delayMs: fault.delayMs ?? 1000,
    });
  }

  take(scope: FaultScope, tenantId: string | null): Fault | null {
    const fault = this.faults.find(
      (candidate) => candidate.scope === scope && (candidate.tenantId === null || candidate.tenantId === tenantId),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}
