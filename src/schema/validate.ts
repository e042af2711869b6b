/**
 * Schema validation at the edge: every document is checked against
 * schemas/news-document.schema.json before it is written. The validators are
 * ajv standalone code generated at build time, so no schema is compiled at
 * start-up. One module per schema: a validator's module builds its schema
 * objects when it loads (the issue validator ~1.4 ms), and a one-page run needs
 * only the document's (issue: ./validate-issue.ts, article records:
 * ./validate-article-record.ts).
 */
import validateNewsDocumentFn from './generated/news-document.validate.js';

export interface SchemaProblem {
  path: string;
  message: string;
}

export type GeneratedValidator = typeof validateNewsDocumentFn;

type AjvError = NonNullable<GeneratedValidator['errors']>[number];

/** A JSON Pointer step (RFC 6901: `~` and `/` escaped). */
function pointerStep(key: string): string {
  return `/${key.replace(/~/gu, '~0').replace(/\//gu, '~1')}`;
}

/**
 * One ajv error in words that name what is wrong and where: an unknown or a
 * missing property is named and its path is the property's own (ajv puts both
 * at the object that holds it, as "must NOT have additional properties").
 */
function describe(e: AjvError): SchemaProblem {
  const at = e.instancePath;
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    return { path: at + pointerStep(params['additionalProperty']), message: `unknown property "${params['additionalProperty']}" (the schema allows no other properties here)` };
  }
  if (e.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    return { path: at + pointerStep(params['missingProperty']), message: `missing required property "${params['missingProperty']}"` };
  }
  if (e.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    return { path: at || '/', message: `must be one of ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (e.keyword === 'const') return { path: at || '/', message: `must be ${JSON.stringify(params['allowedValue'])}` };
  return { path: at || '/', message: e.message ?? 'invalid' };
}

/** The problems a generated validator reports for `data`, in the shape the CLI prints. */
export function schemaProblems(fn: GeneratedValidator, data: unknown): SchemaProblem[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map(describe);
}

/** Problems that make `data` not a NewsDocument; empty when it is one. */
export function newsDocumentProblems(data: unknown): SchemaProblem[] {
  return schemaProblems(validateNewsDocumentFn, data);
}
