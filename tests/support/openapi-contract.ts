import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { parse } from 'yaml';
import { projectRoot } from '../../server/spa-build';

/** Xero's official specs live beside the project (../shared/xero-openapi), for CI and developers. */
export const specFolder = join(projectRoot, '..', 'shared', 'xero-openapi');

export function specsPresent(): boolean {
  return existsSync(join(specFolder, 'xero_accounting.yaml')) && existsSync(join(specFolder, 'xero-identity.yaml'));
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const documents = new Map<string, OpenApiDocument>();

function load(file: string): OpenApiDocument {
  let document = documents.get(file);
  if (!document) {
    document = parse(readFileSync(join(specFolder, file), 'utf8')) as OpenApiDocument;
    documents.set(file, document);
  }
  return document;
}

/**
 * Xero's schemas allow any extra property, so a misspelt field name would pass. The contract is made
 * strict for the schemas we emulate: a property the spec does not name is a violation.
 */
function closeSchemas(document: OpenApiDocument, names: string[]) {
  const schemas = structuredClone(document.components.schemas);
  for (const name of names) {
    const schema = schemas[name];
    if (schema) schema.additionalProperties = false;
  }
  return { schemas } as never;
}

export interface ContractCheck {
  /** Violations as readable lines; empty when the body honours the spec. */
  violations(status: number, body: unknown): string[];
}

type SpecFile = 'xero_accounting.yaml' | 'xero-identity.yaml';

/** The responses an operation declares, checked by status code. */
export function contractFor(file: SpecFile, path: string, method: string, closed: string[]): ContractCheck {
  const document = load(file);
  const operation = document.paths[path]?.[method];
  if (!operation) throw new Error(`${file} has no ${method.toUpperCase()} ${path}`);
  return checkWith(document, operation.responses, closed);
}

/** One component schema, for answers an operation does not declare (Xero's 400 Error body). */
export function contractForSchema(file: SpecFile, schemaName: string, closed: string[]): ContractCheck {
  return checkWith(
    load(file),
    { default: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } } } },
    closed,
  );
}

function checkWith(document: OpenApiDocument, responses: Record<string, unknown>, closed: string[]): ContractCheck {
  const validator = new OpenAPIResponseValidator({
    responses: responses as never,
    components: closeSchemas(document, closed),
  });
  return {
    violations(status, body) {
      const result = validator.validateResponse(String(status), body);
      return (result?.errors ?? []).map(
        (error: { path?: string; message: string }) => `${error.path ?? ''} ${error.message}`,
      );
    },
  };
}
