import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
} from 'graphql';
import { invalid } from '../domain/errors.ts';
import { KINDS } from '../kinds/index.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';

/**
 * What an operation costs, priced from its document before anything runs (issue 12 §5, issue 16).
 *
 * Work in the server: every field costs 1, and what is selected under a connection counts once per
 * requested item (`first`/`last`, else the default page size), under other lists of rows ten
 * times, under `nodes(ids:)` once per id. Work in the database: every statement the field sends
 * costs STATEMENT_COST — a connection's page, its `totalCount`, a related row (batched: one
 * statement for all parents, as test/graphql/n-plus-one proves), `node`, `nodes` and each mutation.
 * So 5,000 aliased `sessions { totalCount }` — 5,000 count queries — cost 1,105,000 and are
 * refused, where field counting alone priced them at 14,000.
 *
 * A document's plan is built once (the document cache keeps it) and priced per request with its
 * variables, since page sizes may be variables. Fragments are planned once each and priced once per
 * request each, so a document that spreads fragments exponentially costs linear time to price.
 */

/** One statement's price, in field units: a page of 100 sessions with every field and its project costs 7,301 in all, its statements included. */
export const STATEMENT_COST = 100;

/** `nodes(ids:)` takes at most this many ids (refused beyond, code 8). */
export const MAX_NODE_IDS = 100;

const KIND_NAMES: ReadonlySet<string> = new Set(KINDS.map((kind) => kind.name));

/** A count that is a literal, a variable, or a default. */
type Count = { literal: number } | { variable: string; otherwise: number };

interface FieldPlan {
  /** The statements the field sends (once, however many parents it has). */
  statements: number;
  /** How many times what is selected under it counts. */
  multiplier: Count | null;
  /** Page sizes over the maximum count as the maximum (their own validation refuses them, more clearly). */
  clamp: boolean;
  children: SelectionPlan | null;
}

/** The fields of a selection set, and the fragments it spreads (priced once per request each). */
interface SelectionPlan {
  fields: FieldPlan[];
  fragments: string[];
}

export interface CostPlan {
  /** Per operation name ('' for the document's only anonymous operation). */
  operations: Map<string, SelectionPlan>;
  fragments: Map<string, SelectionPlan>;
}

function countOf(value: ValueNode | undefined, otherwise: number): Count {
  if (!value) return { literal: otherwise };
  if (value.kind === Kind.INT) return { literal: Number(value.value) };
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value, otherwise };
  if (value.kind === Kind.LIST) return { literal: value.values.length };
  return { literal: otherwise };
}

function argument(node: FieldNode, name: string): ValueNode | undefined {
  return node.arguments?.find((a) => a.name.value === name)?.value;
}

/** Whether a field's type is a list of the Kinds' rows (not a connection, not JSON objects). */
function listOfRows(field: GraphQLField<unknown, unknown>): boolean {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type) && KIND_NAMES.has(getNamedType(type).name);
}

/** Plans the cost of every operation of a valid document. */
export function planCost(schema: GraphQLSchema, document: DocumentNode): CostPlan {
  const fragmentNodes = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragmentNodes.set(definition.name.value, definition);
  const plan: CostPlan = { operations: new Map(), fragments: new Map() };

  const planFragment = (name: string): void => {
    if (plan.fragments.has(name)) return;
    const fragment = fragmentNodes.get(name);
    if (!fragment) return;
    plan.fragments.set(name, { fields: [], fragments: [] }); // validation rejected cycles; this guards anyway
    plan.fragments.set(name, planSelections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? null, false));
  };

  const planSelections = (set: SelectionSetNode, type: GraphQLNamedType | null, root: boolean, mutation = false): SelectionPlan => {
    const result: SelectionPlan = { fields: [], fragments: [] };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        planFragment(selection.name.value);
        result.fragments.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = planSelections(
          selection.selectionSet,
          selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? null) : type,
          root,
          mutation,
        );
        result.fields.push(...inner.fields);
        result.fragments.push(...inner.fragments);
      } else {
        result.fields.push(planField(selection, type, root, mutation));
      }
    }
    return result;
  };

  const planField = (node: FieldNode, parent: GraphQLNamedType | null, root: boolean, mutation: boolean): FieldPlan => {
    const name = node.name.value;
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!field) return { statements: 0, multiplier: null, clamp: false, children: null }; // __typename and other meta fields
    const named = getNamedType(field.type);
    const children = node.selectionSet
      ? planSelections(node.selectionSet, isUnionType(named) || isObjectType(named) || isInterfaceType(named) ? named : null, false)
      : null;
    const isConnection = field.args.some((a) => a.name === 'first') && field.args.some((a) => a.name === 'last');
    let statements = 0;
    let multiplier: Count | null = null;
    if (isConnection) {
      statements = 1;
      multiplier = argument(node, 'first') ? countOf(argument(node, 'first'), DEFAULT_PAGE_SIZE) : countOf(argument(node, 'last'), DEFAULT_PAGE_SIZE);
    } else if (root && name === 'nodes') {
      statements = 1;
      multiplier = countOf(argument(node, 'ids'), 1);
    } else if (parent && (parent.name.endsWith('Connection') || parent.name.endsWith('Edge')) && name !== 'totalCount') {
      // A connection's `nodes`, `edges` and `node` are its page: counted by the connection's multiplier and statement.
    } else if (name === 'totalCount' || mutation) {
      statements = mutation ? 2 : 1;
    } else if (listOfRows(field)) {
      statements = 1;
      multiplier = { literal: 10 };
    } else if (KIND_NAMES.has(named.name) || (isInterfaceType(named) && named.name === 'Node')) {
      statements = 1;
    }
    return { statements, multiplier, clamp: isConnection, children };
  };

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const rootType = schema.getRootType(definition.operation) ?? null;
    plan.operations.set(definition.name?.value ?? '', planSelections(definition.selectionSet, rootType, true, definition.operation === 'mutation'));
  }
  return plan;
}

function resolveCount(count: Count, variables: Record<string, unknown>): number {
  if ('literal' in count) return count.literal;
  const value = variables[count.variable];
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  return count.otherwise;
}

/**
 * The cost of one operation with its variables. Page sizes over MAX_PAGE_SIZE count as the maximum
 * (the page size's own validation refuses them with its clearer message); `nodes(ids:)` over
 * MAX_NODE_IDS is refused here.
 */
export function priceOperation(plan: CostPlan, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>): number {
  const root = plan.operations.get(operation?.name?.value ?? '');
  if (!root) return 0;
  // [work, statements]: work under a list counts once per item; statements once (no N+1).
  const fragmentCosts = new Map<string, [number, number]>();
  const price = (set: SelectionPlan): [number, number] => {
    let work = 0;
    let statements = 0;
    for (const field of set.fields) {
      let multiplier = 1;
      if (field.multiplier) {
        multiplier = Math.max(0, resolveCount(field.multiplier, variables));
        if (field.clamp) multiplier = Math.min(multiplier, MAX_PAGE_SIZE);
      }
      work += 1;
      statements += field.statements;
      if (field.children) {
        const [childWork, childStatements] = price(field.children);
        work += multiplier * childWork;
        statements += childStatements;
      }
    }
    for (const name of set.fragments) {
      let cost = fragmentCosts.get(name);
      if (cost === undefined) {
        fragmentCosts.set(name, [0, 0]); // a cycle (refused by validation) adds nothing
        const fragment = plan.fragments.get(name);
        cost = fragment ? price(fragment) : [0, 0];
        fragmentCosts.set(name, cost);
      }
      work += cost[0];
      statements += cost[1];
    }
    return [work, statements];
  };
  const [work, statements] = price(root);
  return work + statements * STATEMENT_COST;
}

/** `nodes(ids:)` with more ids than MAX_NODE_IDS, in the document or its variables. */
export function checkNodeIds(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>): void {
  if (!operation || operation.operation !== 'query') return;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'nodes') continue;
    const ids = argument(selection, 'ids');
    const count = ids ? resolveCount(countOf(ids, 0), variables) : 0;
    if (count > MAX_NODE_IDS) throw invalid(`ids must hold at most ${MAX_NODE_IDS} ids`, 'ids');
  }
}

/** The depth of a document's deepest operation (root fields are depth 1), fragments followed once each. */
export function documentDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const depths = new Map<string, number>();
  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0));
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet));
      else {
        const name = selection.name.value;
        let depth = depths.get(name);
        if (depth === undefined) {
          depths.set(name, 0); // cycles are validation's to report
          const fragment = fragments.get(name);
          depth = fragment ? depthOf(fragment.selectionSet) : 0;
          depths.set(name, depth);
        }
        deepest = Math.max(deepest, depth);
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) deepest = Math.max(deepest, depthOf(definition.selectionSet));
  return deepest;
}
