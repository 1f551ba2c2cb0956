/** 'lose_response' does the work, then drops the connection: the answer is lost on the way back. */
export type FaultKind = 429 | 500 | 503 | 'hang' | 'lose_response';
export type FaultScope = 'api' | 'token';

export interface Fault {
  kind: FaultKind;
  remaining: number;
  scope: FaultScope;
  /** Only calls for this tenant, when set. */
  tenantId: string | null;
  retryAfterSeconds: number;
}

/** Injected failures: the next N matching calls answer with the fault instead of the real answer. */
export class FaultQueue {
  private faults: Fault[] = [];

  add(
    fault: Omit<Fault, 'remaining' | 'scope' | 'tenantId' | 'retryAfterSeconds'> & Partial<Fault> & { count: number },
  ): void {
    this.faults.push({
      kind: fault.kind,
      remaining: fault.count,
      scope: fault.scope ?? 'api',
      tenantId: fault.tenantId ?? null,
      retryAfterSeconds: fault.retryAfterSeconds ?? 1,
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
