import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { malformed } from '../domain/errors.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * Validates request bodies against the schemas the OpenAPI document publishes (structure and JSON
 * types: 400 code 17). Value rules (ranges, patterns, JSON-text shapes: code 8) follow in the
 * domain layer, which applies the same Kind declarations for every protocol.
 */
export class BodyValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  constructor(components: Record<string, JsonSchema>) {
    this.ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
    // Formats, enums and ranges are value rules (400 code 8), checked by the domain with the
    // contract's messages; here only structure and JSON types count.
    for (const keyword of ['enum', 'const', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems']) this.ajv.removeKeyword(keyword);
    this.ajv.addSchema({ $id: 'api', components: { schemas: components } });
  }

  validate(schema: JsonSchema, body: Record<string, unknown>): void {
    let validate = this.compiled.get(schema);
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')) as JsonSchema;
      validate = this.ajv.compile(rewritten);
      this.compiled.set(schema, validate);
    }
    if (validate(body)) return;
    const error = validate.errors![0]!;
    const path = error.instancePath.split('/').filter(Boolean).map(decodeURIComponent);
    // rest-contract §7.2 rule 2: a required property given as null is as absent as a missing one.
    if (error.keyword === 'type' && valueAt(body, path) === null && this.isRequired(validate.schema as JsonSchema, path)) {
      throw malformed(`no value given for required property ${path.join('.')}`);
    }
    throw malformed(describe(error, path));
  }

  /** Whether the object schema holding the property at `path` lists it as required. */
  private isRequired(root: JsonSchema, path: string[]): boolean {
    let schema: JsonSchema | undefined = this.resolve(root);
    for (const segment of path.slice(0, -1)) {
      if (!schema) return false;
      const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
      schema = this.resolve(/^\d+$/.test(segment) && schema['items'] ? (schema['items'] as JsonSchema) : properties?.[segment]);
    }
    const required = schema?.['required'];
    return Array.isArray(required) && required.includes(path.at(-1));
  }

  private resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
    const ref = schema?.['$ref'];
    if (typeof ref !== 'string') return schema;
    return this.ajv.getSchema(ref)?.schema as JsonSchema | undefined;
  }
}

function valueAt(body: unknown, path: string[]): unknown {
  let value = body;
  for (const segment of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function describe(error: ErrorObject, path: string[]): string {
  const field = path[0];
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(error.params['additionalProperty'])}"`;
    case 'required':
      return `no value given for required property ${String(error.params['missingProperty'])}`;
    case 'type':
      return `${path.join('.') || 'body'} must be ${article(String(error.params['type']).replace(',null', ''))}`;
    default:
      return `${field ?? 'body'} ${error.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
