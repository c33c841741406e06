import pg from 'pg';

/**
 * Parameterized SQL built by composition, never by string concatenation of values.
 *
 * `sql` is a tagged template: every interpolated value becomes a bind parameter; interpolated
 * `Sql` fragments are spliced in with their own parameters renumbered. Identifiers come only from
 * `ident()`, which accepts nothing but plain snake_case names, and callers pass only names taken
 * from the Kind declarations (allow-lists), never user input.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The query text with `$n` placeholders and its parameter values. */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0]!;
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (value instanceof Sql) text += value.render(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1]!;
    }
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A quoted identifier. Throws on anything but a plain snake_case name: identifiers are never user input. */
export function ident(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${JSON.stringify(name)}`);
  return new Sql([`"${name}"`], []);
}

/** Trusted SQL text (keywords, operators) chosen by the code, never by a caller. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export function join(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return raw('');
  const strings = ['', ...Array<string>(fragments.length - 1).fill(separator), ''];
  return new Sql(strings, fragments);
}

/** Anything that runs a query: a pool or a client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export async function run<R extends pg.QueryResultRow>(db: Queryable, query: Sql): Promise<R[]> {
  const { text, values } = query.toQuery();
  return (await db.query<R>(text, values)).rows;
}

/**
 * Drops the whitespace Postgres puts into json/jsonb output (`{"a": 1}` → `{"a":1}`), keeping
 * everything inside strings. The contract serves JSON-text fields compactly, with keys in the
 * order Postgres returns them, so we keep the text instead of re-serializing a parsed object.
 */
export function compactJson(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (match, string: string | undefined) => string ?? '');
}

/** Type parsers for our pools: json/jsonb stay compact text, bigint becomes a number. */
export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.JSONB || oid === pg.types.builtins.JSON) return compactJson;
    if (oid === pg.types.builtins.INT8) return Number;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
