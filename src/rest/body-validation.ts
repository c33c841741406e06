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
    if (!validate(body)) throw malformed(describe(validate.errors![0]!));
  }
}

function describe(error: ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean).map(decodeURIComponent);
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
