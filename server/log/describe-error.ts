/**
 * What may be logged about an error: its name, a code and a trimmed message with anything that looks
 * like a credential masked. SDK errors carry request configs with bearer tokens and client secrets,
 * so raw error objects are never logged.
 */
export interface ErrorDescription {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

const credentialPatterns: RegExp[] = [
  /(bearer\s+)[\w\-.~+/]+=*/gi,
  /((?:access|refresh|id)_token["'=:\s]+)[\w\-.~+/]+=*/gi,
  /((?:client_secret|code_verifier|password|code)["'=:\s]+)[^\s&"',}]+/gi,
  /eyJ[\w-]+\.[\w-]+\.[\w-]+/g,
];

export function maskCredentials(text: string): string {
  // Database drivers append the bound parameters to a failed query's message; they may hold anything.
  const withoutParams = text.replace(/\nparams:[^\n]*/g, '\nparams: [redacted]');
  return credentialPatterns.reduce(
    (masked, pattern) =>
      masked.replace(pattern, (match, prefix?: string) => `${typeof prefix === 'string' ? prefix : ''}[redacted]`),
    withoutParams,
  );
}

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { name: typeof error, message: maskCredentials(String(error)).slice(0, 500) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: maskCredentials(error.message).slice(0, 500),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: maskCredentials(error.stack.split('\n').slice(0, 8).join('\n')) } : {}),
  };
}
