import { createHash } from 'node:crypto';
import { type DocumentNode, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { LIMITS } from '../schema/builder.ts';
import { limitExceeded } from '../schema/errors.ts';
import { checkNodeIds, documentDepth, planCost, priceOperation, type CostPlan } from './cost.ts';
import { EXPENSIVE_COST, type ExpensiveOperations } from './expensive.ts';

/**
 * Documents are bounded and their analysis cached (issue 16 §4, issue 12 §4):
 *
 * - parsing stops at MAX_TOKENS tokens (graphql-js `maxTokens`), and the depth is checked right
 *   after parsing, before validation;
 * - validation stops after MAX_VALIDATION_ERRORS errors;
 * - parse, depth check, validation and the cost plan are done once per document: an LRU cache keyed
 *   by the document's sha256 holds them (bounded in entries and in the documents' total size);
 * - every operation is priced (src/graphql/cost.ts) with its variables before it runs, and expensive
 *   ones wait for one of their caller's slots (src/graphql/expensive.ts).
 *
 * Authentication comes before all of this: the handler refuses an unauthenticated request before
 * its body is read (src/graphql/handler.ts).
 */

/** Enough for 1,000 aliased pages (about 14,000); the frontend's largest document has about 400. */
export const MAX_TOKENS = 20_000;
export const MAX_VALIDATION_ERRORS = 10;
const CACHED_DOCUMENTS = 1_000;
/** Total characters of cached documents (their trees take some 20 times as much). */
const CACHED_CHARACTERS = 4 * 1024 * 1024;
/** Larger documents are not kept (bounded by MAX_TOKENS, re-parsing them costs milliseconds). */
const LARGEST_CACHED = 256 * 1024;

interface Entry {
  document?: DocumentNode;
  /** The parse or depth failure, as it is answered. */
  failure?: Error;
  validation?: readonly Error[];
  plan?: CostPlan;
}

export interface DocumentStats {
  parsed: number;
  validated: number;
  planned: number;
}

/** The caller an operation's context belongs to, for the per-caller slots of expensive operations. */
export type CallerOf = (context: unknown) => string;

export function documentLimits(options: { expensive: ExpensiveOperations; callerOf: CallerOf; stats?: DocumentStats }): Plugin {
  const bySource = new LRUCache<string, Entry>({ max: CACHED_DOCUMENTS, maxSize: CACHED_CHARACTERS, sizeCalculation: (_entry, key) => key.length });
  const byHash = new LRUCache<string, Entry>({ max: CACHED_DOCUMENTS });
  const byDocument = new WeakMap<DocumentNode, Entry>();
  const stats = options.stats;

  /** Short documents are looked up by their text (cheaper than hashing); the others by their hash. */
  const lookup = (source: string): { entry: Entry | undefined; store: (entry: Entry) => void } => {
    if (source.length <= 1024) return { entry: bySource.get(source), store: (entry) => void bySource.set(source, entry) };
    const hash = createHash('sha256').update(source).digest('base64');
    return { entry: byHash.get(hash), store: (entry) => source.length <= LARGEST_CACHED && void byHash.set(hash, entry) };
  };

  const parseBounded = (source: string): Entry => {
    if (stats) stats.parsed++;
    try {
      const document = parse(source, { maxTokens: MAX_TOKENS });
      const depth = documentDepth(document);
      if (depth > LIMITS.depth) return { failure: limitExceeded('Depth', { depth, maxDepth: LIMITS.depth }) };
      const entry: Entry = { document };
      byDocument.set(document, entry);
      return entry;
    } catch (error) {
      return { failure: error as Error };
    }
  };

  const planOf = (schema: GraphQLSchema, document: DocumentNode): CostPlan => {
    let entry = byDocument.get(document);
    if (!entry) byDocument.set(document, (entry = { document }));
    if (!entry.plan) {
      if (stats) stats.planned++;
      entry.plan = planCost(schema, document);
    }
    return entry.plan;
  };

  /** Prices the operation; throws what refuses it; returns whether it is expensive. */
  const price = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: unknown): boolean => {
    const operation = getOperationAST(document, operationName) ?? undefined;
    const values = (variables && typeof variables === 'object' ? variables : {}) as Record<string, unknown>;
    checkNodeIds(operation, values);
    const complexity = priceOperation(planOf(schema, document), operation, values);
    if (complexity > LIMITS.complexity) throw limitExceeded('Complexity', { complexity, maxComplexity: LIMITS.complexity });
    return complexity >= EXPENSIVE_COST;
  };

  const refusal = (error: unknown) => ({ errors: [createGraphQLError((error as Error).message, { originalError: error as Error })] });

  return {
    onParse({ params, setParsedDocument }) {
      const source = String(params.source);
      const { entry, store } = lookup(source);
      const found = entry ?? parseBounded(source);
      if (!entry) store(found);
      if (found.failure) throw found.failure;
      setParsedDocument(found.document);
    },
    onValidate({ params, setResult, setValidationFn }) {
      const entry = byDocument.get(params.documentAST);
      if (entry?.validation) return setResult(entry.validation);
      setValidationFn((schema, document, rules) => {
        if (stats) stats.validated++;
        return validate(schema, document, rules, { maxErrors: MAX_VALIDATION_ERRORS });
      });
      return ({ result }) => {
        if (entry) entry.validation = result;
      };
    },
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      let expensive: boolean;
      try {
        expensive = price(args.schema, args.document, args.operationName, args.variableValues);
      } catch (error) {
        return setResultAndStopExecution(refusal(error));
      }
      if (!expensive) return;
      let release: () => void;
      try {
        release = await options.expensive.acquire(options.callerOf(args.contextValue));
      } catch (error) {
        return setResultAndStopExecution(refusal(error));
      }
      setExecuteFn(async (executeArgs) => {
        try {
          return await executeFn(executeArgs);
        } finally {
          release();
        }
      });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      try {
        price(args.schema, args.document, args.operationName, args.variableValues);
      } catch (error) {
        setResultAndStopExecution(refusal(error));
      }
    },
  };
}
