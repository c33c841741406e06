import { describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/sql.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { queryableField } from '../../src/domain/service.ts';
import { Credential, Project, Session, User, type Kind } from '../../src/kinds/index.ts';
import { MAX_SEARCH_LENGTH, compileSearch, parse, parseOrderBy, tokenize } from '../../src/rest/search/index.ts';
import { MAX_ARITHMETIC_OPERATORS, MAX_NESTING } from '../../src/rest/search/parser.ts';

/**
 * TSL search and orderBy (rest-contract §6.2, §6.3). Pure unit tests: the compiled SQL is
 * inspected as text and parameters; nothing here needs a database.
 */

function q(search: string, kind: Kind = Session): { text: string; values: unknown[] } {
  const compiled = compileSearch(kind, search);
  if (!compiled) throw new Error(`no SQL for ${JSON.stringify(search)}`);
  return compiled.toQuery();
}

/** The condition's SQL text only. */
function t(search: string, kind: Kind = Session): string {
  return q(search, kind).text;
}

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a failure');
}

/** Asserts 400 code 21 with the exact prefix; returns the reason. */
function rejects(search: string, detail?: string | RegExp, kind: Kind = Session): string {
  const error = failure(() => compileSearch(kind, search));
  expect(error.code).toBe(21);
  expect(error.status).toBe(400);
  const prefix = `Failed to parse search query: ${search}`;
  expect(error.reason.startsWith(prefix)).toBe(true);
  const rest = error.reason.slice(prefix.length);
  expect(rest === '' || rest.startsWith(': ')).toBe(true);
  if (typeof detail === 'string') expect(rest).toContain(detail);
  else if (detail) expect(rest).toMatch(detail);
  return error.reason;
}

/**
 * Every piece of SQL text the compiler may produce. Anything else in the text (a quote, a
 * semicolon, a comment, a literal) would mean user text reached the SQL.
 */
const SAFE_SQL =
  /t\."[a-z_][a-z0-9_]*"|\$[1-9][0-9]*|::(?:text|integer|bigint|double precision|boolean|timestamptz|numeric)\b|\b(?:AND|OR|NOT|IN|BETWEEN|LIKE|ILIKE|IS|NULL|NULLIF)\b|<>|<=|>=|[=<>+\-*/%(),]|\b0\b|\s+/g;

function assertSafeSql(sql: Sql, kind: Kind): void {
  const { text, values } = sql.toQuery();
  expect(text.replace(SAFE_SQL, '')).toBe('');
  for (const [, name] of text.matchAll(/t\."([a-z_0-9]+)"/g)) expect(queryableField(kind, name!)).toBeDefined();
  const placeholders = [...text.matchAll(/\$([0-9]+)/g)].map((m) => Number(m[1]));
  expect(placeholders).toEqual(values.map((_, i) => i + 1));
}

describe('compileSearch: empty search', () => {
  it.each(['', ' ', '   \t\n ', '\u00a0'])('%j means no filter', (search) => {
    expect(compileSearch(Session, search)).toBeUndefined();
  });
});

describe('compileSearch: the contract examples', () => {
  it('compiles every example of §6.3', () => {
    expect(q("id in ('2ZtTa0Q9b8Yx4cPqk1m3RvW5sLh')")).toEqual({ text: '(t."id" IN ($1::text))', values: ['2ZtTa0Q9b8Yx4cPqk1m3RvW5sLh'] });
    expect(q("phase = 'Running' and llm_model ilike 'claude%'")).toEqual({
      text: '((t."phase" = $1::text) AND (t."llm_model" ILIKE $2::text))',
      values: ['Running', 'claude%'],
    });
    expect(q("username like 'my%'", User)).toEqual({ text: '(t."username" LIKE $1::text)', values: ['my%'] });
    expect(q('not (timeout between 60 and 600)')).toEqual({ text: '(NOT (t."timeout" BETWEEN $1::integer AND $2::integer))', values: [60, 600] });
    expect(q('completion_time is null')).toEqual({ text: '(t."completion_time" IS NULL)', values: [] });
    expect(q("created_at >= '2026-03-01T00:00:00Z'")).toEqual({
      text: '(t."created_at" >= $1::timestamptz)',
      values: [new Date('2026-03-01T00:00:00Z')],
    });
    expect(q("name = 'it''s'")).toEqual({ text: '(t."name" = $1::text)', values: ["it's"] });
  });
});

describe('compileSearch: operators', () => {
  it.each([
    ['=', '='],
    ['!=', '<>'],
    ['<>', '<>'],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
  ])('%s compiles to %s', (op, sqlOp) => {
    expect(q(`timeout ${op} 5`)).toEqual({ text: `(t."timeout" ${sqlOp} $1::integer)`, values: [5] });
    expect(q(`name${op}'x'`)).toEqual({ text: `(t."name" ${sqlOp} $1::text)`, values: ['x'] });
  });

  it('is <literal> and is not <literal> mean = and !=', () => {
    expect(q("phase is 'Running'")).toEqual({ text: '(t."phase" = $1::text)', values: ['Running'] });
    expect(q("phase is not 'Running'")).toEqual({ text: '(t."phase" <> $1::text)', values: ['Running'] });
    expect(q('timeout is 5')).toEqual({ text: '(t."timeout" = $1::integer)', values: [5] });
  });

  it('is null and is not null', () => {
    expect(t('phase is null')).toBe('(t."phase" IS NULL)');
    expect(t('phase is not null')).toBe('(t."phase" IS NOT NULL)');
    expect(t('timeout * 2 is null')).toBe('((t."timeout"::numeric * $1::numeric) IS NULL)');
  });

  it('like, ilike and their negations', () => {
    expect(q("name like 'a%'")).toEqual({ text: '(t."name" LIKE $1::text)', values: ['a%'] });
    expect(q("name ilike 'a_'")).toEqual({ text: '(t."name" ILIKE $1::text)', values: ['a_'] });
    expect(q("name not like 'a%'")).toEqual({ text: '(t."name" NOT LIKE $1::text)', values: ['a%'] });
    expect(q("name not ilike 'a%'")).toEqual({ text: '(t."name" NOT ILIKE $1::text)', values: ['a%'] });
    expect(q("name like '100\\%'").values).toEqual(['100\\%']);
    expect(q("name like '\\\\'").values).toEqual(['\\\\']);
    expect(q('name like 12').values).toEqual(['12']);
  });

  it('like and ilike only on text fields', () => {
    rejects("timeout like '1%'", "'like' is only allowed on text fields");
    rejects("interactive ilike 't%'", "'ilike' is only allowed on text fields");
    rejects("created_at not like '2026%'", 'only allowed on text fields');
    rejects("timeout + 1 like '1%'", 'only allowed on text fields');
  });

  it('rejects a like pattern ending in an unpaired escape character', () => {
    rejects("name like 'abc\\'", 'escape character');
    rejects("name ilike '\\\\\\'", 'escape character');
  });

  it('in and not in', () => {
    expect(q("phase in ('Running', 'Pending')")).toEqual({ text: '(t."phase" IN ($1::text, $2::text))', values: ['Running', 'Pending'] });
    expect(q('timeout not in (1,2,3)')).toEqual({ text: '(t."timeout" NOT IN ($1::integer, $2::integer, $3::integer))', values: [1, 2, 3] });
    expect(q("id in ('x')").values).toEqual(['x']);
  });

  it('in needs at least one literal and a well-formed list', () => {
    rejects('timeout in ()', "the list of 'in' must have at least one literal");
    rejects('timeout not in ( )', 'at least one literal');
    rejects('timeout in (1,)');
    rejects('timeout in (1 2)');
    rejects('timeout in 1');
    rejects('timeout in (1');
    rejects('timeout in (timeout)');
  });

  it('between and not between are inclusive ranges', () => {
    expect(q('timeout between 1 and 10')).toEqual({ text: '(t."timeout" BETWEEN $1::integer AND $2::integer)', values: [1, 10] });
    expect(q("created_at not between '2026-01-01T00:00:00Z' and '2026-02-01T00:00:00+01:00'")).toEqual({
      text: '(t."created_at" NOT BETWEEN $1::timestamptz AND $2::timestamptz)',
      values: [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T23:00:00Z')],
    });
    // The `and` of between binds first; the next `and` is logical.
    expect(t("timeout between 1 and 10 and phase = 'x'")).toBe('((t."timeout" BETWEEN $1::integer AND $2::integer) AND (t."phase" = $3::text))');
    rejects('timeout between 1', "expected 'and'");
    rejects('timeout between 1 or 2');
  });

  it('parses the regex operators and always rejects them', () => {
    rejects("name ~= 'a.*'", "regular expression operator '~=' is not supported");
    rejects("name ~! 'a.*'", "regular expression operator '~!' is not supported");
    rejects("phase = 'x' or name ~= 'a'", 'regular expression');
  });

  it('rejects operators that are not in the language', () => {
    for (const search of [
      "name == 'x'",
      "name === 'x'",
      "name ! 'x'",
      "name ~ 'x'",
      "name ^ 'x'",
      "name & 'x'",
      "name | 'x'",
      "name || 'x'",
      "name = 'x' && timeout = 1",
    ])
      rejects(search);
  });
});

describe('compileSearch: precedence', () => {
  it('and binds tighter than or', () => {
    expect(t("name = 'a' or name = 'b' and name = 'c'")).toBe('((t."name" = $1::text) OR ((t."name" = $2::text) AND (t."name" = $3::text)))');
    expect(t("name = 'a' and name = 'b' or name = 'c'")).toBe('(((t."name" = $1::text) AND (t."name" = $2::text)) OR (t."name" = $3::text))');
  });

  it('not binds tighter than and', () => {
    expect(t("not name = 'a' and name = 'b'")).toBe('((NOT (t."name" = $1::text)) AND (t."name" = $2::text))');
    expect(t("not name = 'a' or not name = 'b'")).toBe('((NOT (t."name" = $1::text)) OR (NOT (t."name" = $2::text)))');
    expect(t("not not name = 'a'")).toBe('(NOT (NOT (t."name" = $1::text)))');
  });

  it('parentheses override precedence', () => {
    expect(t("(name = 'a' or name = 'b') and name = 'c'")).toBe('(((t."name" = $1::text) OR (t."name" = $2::text)) AND (t."name" = $3::text))');
    expect(t("not (name = 'a' and name = 'b')")).toBe('(NOT ((t."name" = $1::text) AND (t."name" = $2::text)))');
    expect(t("((((name = 'a'))))")).toBe('(t."name" = $1::text)');
  });

  it('chains of the same operator stay flat', () => {
    expect(t('timeout = 1 or timeout = 2 or timeout = 3')).toBe('((t."timeout" = $1::integer) OR (t."timeout" = $2::integer) OR (t."timeout" = $3::integer))');
  });

  it('arithmetic: same level associates to the left', () => {
    expect(t('timeout - llm_max_tokens + sdk_restart_count > 0')).toBe(
      '(((t."timeout"::numeric - t."llm_max_tokens"::numeric) + t."sdk_restart_count"::numeric) > $1::numeric)',
    );
    expect(t('timeout - 1 + 2 > 0')).toBe('(((t."timeout"::numeric - $1::numeric) + $2::numeric) > $3::numeric)');
    expect(q('timeout - 1 + 2 > 0').values).toEqual([1, 2, 0]);
    expect(t('timeout / 2 * 3 > 0')).toBe('(((t."timeout"::numeric / $1::numeric) * $2::numeric) > $3::numeric)');
  });

  it('arithmetic: * / % bind tighter than + -', () => {
    expect(t('timeout + llm_max_tokens * 2 > 600')).toBe('((t."timeout"::numeric + (t."llm_max_tokens"::numeric * $1::numeric)) > $2::numeric)');
    expect(t('timeout * 2 + llm_max_tokens > 600')).toBe('(((t."timeout"::numeric * $1::numeric) + t."llm_max_tokens"::numeric) > $2::numeric)');
    expect(t('timeout - llm_max_tokens % 7 = 1')).toBe('((t."timeout"::numeric - (t."llm_max_tokens"::numeric % $1::numeric)) = $2::numeric)');
    expect(t('(timeout + llm_max_tokens) * 2 > 600')).toBe('(((t."timeout"::numeric + t."llm_max_tokens"::numeric) * $1::numeric) > $2::numeric)');
    expect(t('timeout * (llm_max_tokens + 1) > 600')).toBe('((t."timeout"::numeric * (t."llm_max_tokens"::numeric + $1::numeric)) > $2::numeric)');
  });

  it('a parenthesized value and a parenthesized condition are told apart', () => {
    expect(t('(timeout) > 5')).toBe('(t."timeout" > $1::integer)');
    expect(t('(timeout > 5)')).toBe('(t."timeout" > $1::integer)');
    expect(t('((timeout + 1) * 2 > 5 or (timeout) in (1))')).toBe(
      '((((t."timeout"::numeric + $1::numeric) * $2::numeric) > $3::numeric) OR (t."timeout" IN ($4::integer)))',
    );
  });
});

describe('compileSearch: arithmetic', () => {
  it('the example of §6.3 computes in numeric', () => {
    expect(q('timeout * 2 > 600')).toEqual({ text: '((t."timeout"::numeric * $1::numeric) > $2::numeric)', values: [2, 600] });
    expect(q('llm_temperature % 0.5 = 0.25').values).toEqual([0.5, 0.25]);
    expect(q("timeout * 2 > '600'").values).toEqual([2, 600]);
    expect(q('timeout * 2 between 1.5 and 2e3').values).toEqual([2, 1.5, 2000]);
  });

  it('a divisor read from a row may be zero without failing the query', () => {
    expect(t('timeout / sdk_restart_count > 1')).toBe('((t."timeout"::numeric / NULLIF(t."sdk_restart_count"::numeric, 0)) > $1::numeric)');
    expect(t('timeout % (sdk_restart_count + 1) > 1')).toBe(
      '((t."timeout"::numeric % NULLIF((t."sdk_restart_count"::numeric + $1::numeric), 0)) > $2::numeric)',
    );
  });

  it('rejects a division by a zero literal', () => {
    rejects('timeout / 0 > 1', 'division by zero');
    rejects('timeout % 0.0 > 1', 'division by zero');
    rejects('timeout / -0e5 > 1', 'division by zero');
  });

  it('rejects arithmetic on non-numeric fields and string operands', () => {
    rejects("name + 1 = '2'", "arithmetic is only allowed on numeric fields, not on field 'name'");
    rejects('timeout + interactive > 1', "not on field 'interactive'");
    rejects('created_at - 1 > 1', 'numeric fields');
    rejects("timeout + '1' > 1", 'arithmetic operands must be numbers');
    rejects('timeout + 1 > 1e400', 'not a valid number');
    rejects('timeout * 1e400 > 1', 'not a valid number');
  });

  it('only the leftmost operand of the whole expression must be a field', () => {
    rejects('2 * timeout > 1', 'expected a field');
    rejects('(2 + timeout) * 3 > 1', 'expected a field');
    rejects('((2)) + timeout > 1', 'expected a field');
    rejects("'a' = name", 'expected a field');
    rejects('5 = timeout', 'expected a field');
    expect(q('timeout + 100 * 2 = 500')).toEqual({ text: '((t."timeout"::numeric + ($1::numeric * $2::numeric)) = $3::numeric)', values: [100, 2, 500] });
    expect(t('timeout + 2 * llm_max_tokens > 1')).toBe('((t."timeout"::numeric + ($1::numeric * t."llm_max_tokens"::numeric)) > $2::numeric)');
    expect(t('timeout * (2 + llm_max_tokens) > 1')).toBe('((t."timeout"::numeric * ($1::numeric + t."llm_max_tokens"::numeric)) > $2::numeric)');
    expect(t('timeout - 1 * 2 * 3 > 1')).toBe('((t."timeout"::numeric - (($1::numeric * $2::numeric) * $3::numeric)) > $4::numeric)');
    expect(t('timeout + (-2) % 3 > 1')).toBe('((t."timeout"::numeric + ($1::numeric % $2::numeric)) > $3::numeric)');
    rejects('timeout + 2 / 0 > 1', 'division by zero');
    rejects("timeout + 'a' * 2 > 1", 'arithmetic operands must be numbers');
  });

  it('the right side of a comparison is a literal', () => {
    rejects('timeout = llm_max_tokens', 'expected a literal');
    rejects('timeout > timeout + 1', 'expected a literal');
    rejects('timeout between timeout and 2', 'expected a literal');
    rejects('name like name', 'expected a literal');
  });

  it(`accepts at most ${MAX_ARITHMETIC_OPERATORS} arithmetic operators in one value`, () => {
    const value = (n: number) => `timeout${' + 1'.repeat(n)} > 0`;
    expect(q(value(MAX_ARITHMETIC_OPERATORS)).values).toHaveLength(MAX_ARITHMETIC_OPERATORS + 1);
    rejects(value(MAX_ARITHMETIC_OPERATORS + 1), 'arithmetic operators');
  });
});

describe('compileSearch: literals and their conversion', () => {
  it('strings: quotes, the empty string, unicode, and no other delimiters', () => {
    expect(q("name = ''").values).toEqual(['']);
    expect(q("name = ''''").values).toEqual(["'"]);
    expect(q("name = 'a''''b'").values).toEqual(["a''b"]);
    expect(q('name = \'héllo 世界 🙂 "x" `y` [z]\'').values).toEqual(['héllo 世界 🙂 "x" `y` [z]']);
    expect(q("name = 'line\nbreak'").values).toEqual(['line\nbreak']);
    expect(q("name = 'and or not'").values).toEqual(['and or not']);
    rejects("name = 'abc", 'unterminated string');
    rejects("name = 'it's'");
    rejects('name = "abc"', `unexpected character '"'`);
    rejects('name = `abc`', "unexpected character '`'");
    rejects('name = [abc]', "unexpected character '['");
    rejects('"name" = \'abc\'', `unexpected character '"'`);
    rejects("name = 'nul\0'", 'U+0000');
    rejects('name = \u0000', 'U+0000');
  });

  it('numbers: sign, decimals and exponents', () => {
    expect(q('llm_temperature = 1.5').values).toEqual([1.5]);
    expect(q('llm_temperature = -1.5').values).toEqual([-1.5]);
    expect(q('llm_temperature = +1.5').values).toEqual([1.5]);
    expect(q('llm_temperature = .5').values).toEqual([0.5]);
    expect(q('llm_temperature = 5.').values).toEqual([5]);
    expect(q('llm_temperature = 1e-3').values).toEqual([0.001]);
    expect(q('llm_temperature = -2.5E+2').values).toEqual([-250]);
    expect(q('timeout between -5 and +5').values).toEqual([-5, 5]);
    expect(q('timeout in (-1, 1e2)').values).toEqual([-1, 100]);
    expect(q('timeout-5>1').values).toEqual([5, 1]);
    expect(q('timeout - -5 > 1').values).toEqual([-5, 1]);
    rejects('timeout = - 5', 'expected a literal');
    rejects('timeout = 1e', 'malformed number');
    rejects('timeout = 1.2.3', 'malformed number');
    rejects('timeout = 12abc', 'malformed number');
    rejects('timeout = 0x10', 'malformed number');
    rejects('timeout = --5');
  });

  it('text fields take strings, and numbers as written', () => {
    expect(q("name = 'abc'").values).toEqual(['abc']);
    expect(q('name = 123').values).toEqual(['123']);
    expect(q('name = -1.50e3').values).toEqual(['-1.50e3']);
    expect(q("name in (007, 'x')").values).toEqual(['007', 'x']);
  });

  it('integer fields take integer values only, within the column range', () => {
    expect(q('timeout = 300').values).toEqual([300]);
    expect(q("timeout = '300'").values).toEqual([300]);
    expect(q('timeout = 3e2').values).toEqual([300]);
    expect(q('timeout = 5.0').values).toEqual([5]);
    expect(q('timeout = -2147483648').values).toEqual([-2147483648]);
    rejects("timeout = 'abc'", "'abc' is not a valid integer for field 'timeout'");
    rejects('timeout = 5.5', 'not a valid integer');
    rejects("timeout = ' 5'", 'not a valid integer');
    rejects("timeout = ''", 'not a valid integer');
    rejects('timeout = 2147483648', 'not a valid integer');
    rejects('timeout in (1, 1e30)', 'not a valid integer');
  });

  it('bigint fields take safe integers', () => {
    expect(q('installation_id = 9007199254740991', Credential)).toEqual({ text: '(t."installation_id" = $1::bigint)', values: [9007199254740991] });
    rejects('installation_id = 9007199254740993', 'not a valid integer', Credential);
    rejects('installation_id = 1.5', 'not a valid integer', Credential);
  });

  it('double precision fields take finite numbers', () => {
    expect(q('llm_temperature >= 0.7')).toEqual({ text: '(t."llm_temperature" >= $1::double precision)', values: [0.7] });
    expect(q("llm_temperature = '0.5'").values).toEqual([0.5]);
    rejects('llm_temperature = 1e999', 'not a valid number');
    rejects("llm_temperature = 'NaN'", 'not a valid number');
    rejects("llm_temperature = 'Infinity'", 'not a valid number');
  });

  it("boolean fields take 'true' and 'false' in any case", () => {
    expect(q("interactive = 'true'")).toEqual({ text: '(t."interactive" = $1::boolean)', values: [true] });
    expect(q("interactive = 'FALSE'").values).toEqual([false]);
    expect(q("interactive is not 'True'").values).toEqual([true]);
    rejects('interactive = true', "expected a literal but found 'true'");
    rejects('interactive = 1', 'not a valid boolean');
    rejects("interactive = 'yes'", 'not a valid boolean');
    rejects("interactive = 't'", 'not a valid boolean');
  });

  it('timestamptz fields take RFC 3339 strings', () => {
    expect(q("updated_at < '2026-03-02T09:14:07.532+02:00'")).toEqual({
      text: '(t."updated_at" < $1::timestamptz)',
      values: [new Date('2026-03-02T07:14:07.532Z')],
    });
    expect(q("start_time > '2026-03-02 09:14:07z'").values).toEqual([new Date('2026-03-02T09:14:07Z')]);
    rejects("created_at > '2026-03-02'", 'not a valid RFC 3339 timestamp');
    rejects("created_at > 'yesterday'", 'not a valid RFC 3339 timestamp');
    rejects('created_at > 20260302', 'not a valid RFC 3339 timestamp');
  });

  it('null is not a literal', () => {
    rejects('phase = null', "use 'is null'");
    rejects('phase in (null)', "use 'is null'");
  });
});

describe('compileSearch: keywords and identifiers', () => {
  it('keywords are case-insensitive', () => {
    expect(t("NOT phase IS NULL AND name LIKE 'a' OR timeout BETWEEN 1 AND 2")).toBe(
      '(((NOT (t."phase" IS NULL)) AND (t."name" LIKE $1::text)) OR (t."timeout" BETWEEN $2::integer AND $3::integer))',
    );
    expect(t("Not phase Is Not Null anD name iLike 'a' oR timeout nOt In (1)")).toBe(
      '(((NOT (t."phase" IS NOT NULL)) AND (t."name" ILIKE $1::text)) OR (t."timeout" NOT IN ($2::integer)))',
    );
    expect(t("phase Is 'x'")).toBe('(t."phase" = $1::text)');
    expect(t('phase is NULL')).toBe('(t."phase" IS NULL)');
  });

  it('field names are case-sensitive', () => {
    rejects("PHASE = 'x'", "unknown field 'PHASE'");
    rejects("Sessions.phase = 'x'", "unknown table 'Sessions'");
  });

  it('whitespace between tokens is free, leading and trailing whitespace ignored', () => {
    expect(t("  \t(phase='x')and(timeout>=1)\n")).toBe('((t."phase" = $1::text) AND (t."timeout" >= $2::integer))');
    expect(t("phase\u00a0=\u3000'x'")).toBe('(t."phase" = $1::text)');
    expect(t("sessions . phase = 'x'")).toBe('(t."phase" = $1::text)');
  });

  it("accepts the Kind's own table as qualifier", () => {
    expect(t("sessions.phase = 'x'")).toBe('(t."phase" = $1::text)');
    expect(t('sessions.timeout * 2 > 1')).toBe('((t."timeout"::numeric * $1::numeric) > $2::numeric)');
    expect(t("users.username = 'alice'", User)).toBe('(t."username" = $1::text)');
    expect(t("projects.name = 'p' and projects.id = 'x'", Project)).toBe('((t."name" = $1::text) AND (t."id" = $2::text))');
  });

  it('rejects other qualifiers and more than one dot', () => {
    rejects("users.phase = 'x'", "unknown table 'users' (only 'sessions' may qualify a field)");
    rejects("sessions.username = 'x'", "unknown table 'sessions'", User);
    rejects("public.sessions.phase = 'x'", 'at most one qualifier');
    rejects("sessions.phase.x = 'x'", 'at most one qualifier');
    rejects("sessions. = 'x'", 'expected a field name after the table name');
    rejects(".phase = 'x'");
    rejects("sessions..phase = 'x'");
  });

  it('accepts id, created_at, updated_at and the queryable fields', () => {
    for (const field of ['id', 'created_at', 'updated_at']) expect(t(`${field} is null`)).toBe(`(t."${field}" IS NULL)`);
    for (const field of Session.fields.filter((f) => f.queryable)) expect(t(`${field.name} is not null`)).toBe(`(t."${field.name}" IS NOT NULL)`);
  });

  it('rejects unknown fields', () => {
    rejects("foo = 'x'", "unknown field 'foo'");
    rejects('deleted_at is null', "unknown field 'deleted_at'");
    rejects("kind = 'Session'", "unknown field 'kind'");
    rejects("href = 'x'", "unknown field 'href'");
    rejects("constructor = 'x'", "unknown field 'constructor'");
    rejects("__proto__ = 'x'", "unknown field '__proto__'");
    rejects("toString = 'x'", "unknown field 'toString'");
    rejects("secret_hash = 'x'", "unknown field 'secret_hash'");
  });

  it('rejects non-queryable fields: JSON text, arrays, write-only and computed', () => {
    for (const field of [
      'repos',
      'labels',
      'annotations',
      'conditions',
      'resource_overrides',
      'environment_variables',
      'reconciled_repos',
      'reconciled_workflow',
    ]) {
      rejects(`${field} = 'x'`, `field '${field}' cannot be used in a search`);
      rejects(`${field} is null`, 'cannot be used in a search');
    }
    rejects("groups = 'x'", "field 'groups' cannot be used in a search", User);
    rejects("token = 'x'", "field 'token' cannot be used in a search", Credential);
    rejects("has_token = 'true'", "field 'has_token' cannot be used in a search", Credential);
  });

  it('rejects keywords used as fields and other syntax errors', () => {
    for (const search of [
      'and',
      'or',
      'not',
      'null',
      'is null',
      "in ('x')",
      "phase = 'x' and",
      "phase = 'x' or",
      "phase = 'x' and or phase = 'y'",
      'phase',
      "phase 'x'",
      "phase = 'x' phase = 'y'",
      '()',
      '(',
      ')',
      "(phase = 'x'",
      "phase = 'x')",
      "phase = 'x' not",
      "phase not = 'x'",
      'phase is',
      'phase is not',
      "phase is not like 'x'",
      ',',
      "phase = 'x',",
    ]) {
      rejects(search);
    }
  });
});

describe('compileSearch: limits and errors', () => {
  it(`accepts ${MAX_SEARCH_LENGTH} characters and rejects more`, () => {
    const filler = (n: number) => `name = '${'x'.repeat(n - "name = ''".length)}'`;
    expect(filler(MAX_SEARCH_LENGTH)).toHaveLength(MAX_SEARCH_LENGTH);
    expect(q(filler(MAX_SEARCH_LENGTH)).values[0]).toHaveLength(MAX_SEARCH_LENGTH - 9);
    rejects(filler(MAX_SEARCH_LENGTH + 1), `longer than ${MAX_SEARCH_LENGTH} characters`);
    rejects(' '.repeat(MAX_SEARCH_LENGTH + 1), 'longer than');
    // Characters, not UTF-16 code units: 8192 emoji are 16384 code units.
    const emoji = `name = '${'🙂'.repeat(MAX_SEARCH_LENGTH - 9)}'`;
    expect(q(emoji).values[0]).toBe('🙂'.repeat(MAX_SEARCH_LENGTH - 9));
  });

  it('deep nesting is a 400, never a stack overflow', () => {
    const nested = (n: number) => `${'('.repeat(n)}phase = 'x'${')'.repeat(n)}`;
    expect(t(nested(MAX_NESTING))).toBe('(t."phase" = $1::text)');
    rejects(nested(MAX_NESTING + 1), 'nested more than');
    rejects('('.repeat(MAX_SEARCH_LENGTH), 'nested more than');
    rejects(`${'not '.repeat(MAX_SEARCH_LENGTH / 4 - 4)}x=1`, 'nested more than');
    rejects(`${'(timeout'.repeat(1000)}`);
    expect(q(`${'not '.repeat(MAX_NESTING)}phase is null`).text).toContain('NOT');
  });

  it('long flat chains compile', () => {
    const search = Array.from({ length: 400 }, (_, i) => `timeout = ${i}`).join(' or ');
    expect(search.length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    expect(q(search).values).toHaveLength(400);
    const inList = `name in (${Array.from({ length: 1000 }, (_, i) => `'${i}'`).join(',')})`;
    expect(inList.length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    expect(q(inList).values).toHaveLength(1000);
  });

  it('every failure is code 21 with the exact prefix and the original search', () => {
    const cases: [string, string][] = [
      ["name = 'abc", 'unterminated string'],
      ['name = $1', "unexpected character '$'"],
      ["name = 'a' ;", "unexpected character ';'"],
      ["name = 'a' -- comment", 'expected'],
      ["nope = 'a'", "unknown field 'nope'"],
      ["repos = '[]'", "field 'repos' cannot be used"],
      ["timeout = 'abc'", 'not a valid integer'],
      ["timeout like '1'", 'only allowed on text fields'],
      ["name * 2 = 'a'", 'only allowed on numeric fields'],
      ["name ~= 'a'", 'regular expression'],
      ['timeout in ()', 'at least one literal'],
      ["users.name = 'a'", "unknown table 'users'"],
      ["a.b.c = 'a'", 'at most one qualifier'],
    ];
    for (const [search, detail] of cases) {
      const reason = rejects(search, detail);
      expect(reason).toMatch(/^Failed to parse search query: /);
    }
    // The search is quoted as given, untrimmed.
    expect(rejects('  nope = 1  ').startsWith('Failed to parse search query:   nope = 1  : ')).toBe(true);
  });

  it('syntax errors name the position', () => {
    expect(rejects("phase = 'x' and and")).toMatch(/at position 17$/);
    expect(rejects('phase = "x"')).toMatch(/at position 9$/);
  });
});

describe('compileSearch: literals never reach the SQL text', () => {
  const injections = [
    "'; DROP TABLE sessions; --",
    "x' OR '1'='1",
    "x'); DELETE FROM users; --",
    '" OR ""="',
    '\\x27; SELECT pg_sleep(10); --',
    "1; UPDATE sessions SET phase='x'",
    '$1); DROP TABLE sessions; --',
    't."name" = t."name"',
    '/* comment */',
    "' UNION SELECT * FROM credentials --",
    "Robert'); DROP TABLE Students;--",
  ];

  it.each(injections)('%s', (payload) => {
    const quoted = `'${payload.replaceAll("'", "''")}'`;
    for (const search of [
      `name = ${quoted}`,
      `name like ${quoted} or phase in (${quoted}, 'x')`,
      `not (prompt between ${quoted} and ${quoted})`,
      `id is not ${quoted}`,
    ]) {
      const compiled = compileSearch(Session, search)!;
      assertSafeSql(compiled, Session);
      const { text, values } = compiled.toQuery();
      expect(text).not.toContain(payload);
      expect(values).toContain(payload);
    }
    // Unquoted, the same text is a 400, never SQL.
    const unquoted = `name = ${payload}`;
    const error = failure(() => compileSearch(Session, unquoted));
    expect(error.code).toBe(21);
  });

  it('the parameters are numbered $1..$n in order and match the values', () => {
    const compiled = compileSearch(
      Session,
      "(name = 'a' or timeout in (1, 2)) and not created_at between '2026-01-01T00:00:00Z' and '2027-01-01T00:00:00Z' and timeout * 3 + 1 > 2",
    )!;
    assertSafeSql(compiled, Session);
    expect(compiled.toQuery().values).toEqual(['a', 1, 2, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), 3, 1, 2]);
  });
});

describe('the parser and lexer on their own', () => {
  it('tokenizes keywords case-insensitively and keeps names as written', () => {
    const tokens = tokenize("Phase IS not NULL and x.y >= -1.5e3 'a''b'");
    expect(tokens.map((tok) => tok.type)).toEqual([
      'name',
      'keyword',
      'keyword',
      'keyword',
      'keyword',
      'name',
      'operator',
      'name',
      'operator',
      'operator',
      'number',
      'string',
      'end',
    ]);
    expect(tokens[0]).toMatchObject({ text: 'Phase' });
    expect(tokens[1]).toMatchObject({ keyword: 'is' });
    expect(tokens[11]).toMatchObject({ value: "a'b", text: "'a''b'" });
  });

  it('produces a tree with the contract precedence', () => {
    expect(parse('a = 1 or not b = 2 and c - d + e * 3 in (4)')).toEqual({
      type: 'or',
      operands: [
        {
          type: 'compare',
          operator: '=',
          left: { type: 'field', table: undefined, name: 'a', position: 0 },
          right: { type: 'number', text: '1', value: 1, position: 4 },
        },
        {
          type: 'and',
          operands: [
            {
              type: 'not',
              operand: {
                type: 'compare',
                operator: '=',
                left: { type: 'field', table: undefined, name: 'b', position: 13 },
                right: { type: 'number', text: '2', value: 2, position: 17 },
              },
            },
            {
              type: 'in',
              negated: false,
              left: {
                type: 'arithmetic',
                operator: '+',
                position: 29,
                left: {
                  type: 'arithmetic',
                  operator: '-',
                  position: 25,
                  left: { type: 'field', table: undefined, name: 'c', position: 23 },
                  right: { type: 'field', table: undefined, name: 'd', position: 27 },
                },
                right: {
                  type: 'arithmetic',
                  operator: '*',
                  position: 33,
                  left: { type: 'field', table: undefined, name: 'e', position: 31 },
                  right: { type: 'number', text: '3', value: 3, position: 35 },
                },
              },
              list: [{ type: 'number', text: '4', value: 4, position: 41 }],
            },
          ],
        },
      ],
    });
  });
});

describe('parseOrderBy', () => {
  it('parses fields with an optional, case-insensitive direction', () => {
    expect(parseOrderBy(Session, 'name')).toEqual([{ field: 'name', direction: 'asc' }]);
    expect(parseOrderBy(Session, 'name desc, created_at ASC ,  timeout   DeSc,id')).toEqual([
      { field: 'name', direction: 'desc' },
      { field: 'created_at', direction: 'asc' },
      { field: 'timeout', direction: 'desc' },
      { field: 'id', direction: 'asc' },
    ]);
    expect(parseOrderBy(Session, '\tupdated_at\tdesc ')).toEqual([{ field: 'updated_at', direction: 'desc' }]);
    expect(parseOrderBy(User, 'username')).toEqual([{ field: 'username', direction: 'asc' }]);
  });

  it('does not append id', () => {
    expect(parseOrderBy(Session, 'phase')).toEqual([{ field: 'phase', direction: 'asc' }]);
  });

  it('an empty orderBy means the default order', () => {
    expect(parseOrderBy(Session, '')).toEqual([]);
    expect(parseOrderBy(Session, '   ')).toEqual([]);
  });

  it.each([
    ['foo', 'foo'],
    ['name, foo desc', 'foo desc'],
    ['repos', 'repos'],
    ['labels desc', 'labels desc'],
    ['name up', 'name up'],
    ['name asc desc', 'name asc desc'],
    ['name,', ''],
    [',name', ''],
    ['name,,id', ''],
    ['sessions.name', 'sessions.name'],
    ['NAME', 'NAME'],
    ['name  ascending ', 'name  ascending'],
    ['constructor', 'constructor'],
    ['name constructor', 'name constructor'],
    ['name; DROP TABLE sessions', 'name; DROP TABLE sessions'],
    ['deleted_at', 'deleted_at'],
  ])('%j is rejected with bad order value %j', (orderBy, item) => {
    const error = failure(() => parseOrderBy(Session, orderBy));
    expect(error.code).toBe(21);
    expect(error.reason).toBe(`bad order value '${item}'`);
  });

  it('rejects non-queryable fields of other Kinds', () => {
    expect(failure(() => parseOrderBy(User, 'groups')).reason).toBe("bad order value 'groups'");
    expect(failure(() => parseOrderBy(Credential, 'token desc')).reason).toBe("bad order value 'token desc'");
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz and property tests (seeded, so a failure reproduces).

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Randomly upper-cases letters of a keyword. */
  mixCase(word: string): string {
    return [...word].map((c) => (this.chance(0.5) ? c.toUpperCase() : c)).join('');
  }
}

const SESSION_QUERYABLE = ['id', 'created_at', 'updated_at', ...Session.fields.filter((f) => f.queryable).map((f) => f.name)].map((name) =>
  queryableField(Session, name)!,
);

const INJECTIONS = ["'; DROP TABLE sessions; --", "x' OR '1'='1", '"; DELETE FROM users; --', '/* */', '$1', '\\', "\\'", ';', '--'];
const UNICODE = ['é', '世界', '🙂', '\u0000', '\u202e', '\ud800', '\u00a0', '\u2028', 'ß', 'İ', '\t', '\n', '\r'];

describe('fuzz: arbitrary input is SQL with parameters only, or a 400 code 21', () => {
  const fragments = [
    ...SESSION_QUERYABLE.map((f) => f.name),
    'repos',
    'labels',
    'foo',
    'sessions.',
    'users.',
    'sessions.phase',
    'a.b.c',
    ...['and', 'or', 'not', 'like', 'ilike', 'in', 'between', 'is', 'null', 'true', 'false'],
    ...[
      '=',
      '!=',
      '<>',
      '<',
      '<=',
      '>',
      '>=',
      '~=',
      '~!',
      '+',
      '-',
      '*',
      '/',
      '%',
      '(',
      ')',
      ',',
      '.',
      '!',
      '~',
      '==',
      '||',
      ';',
      '--',
      '/*',
      '*/',
      '"',
      '`',
      '[',
      ']',
      '{',
      '}',
      '$',
      '$1',
      '?',
      ':',
      '::',
      '@',
      '#',
      '&',
      '|',
      '^',
    ],
    ...["'", "''", "'''", "'x'", "'it''s'", "'2026-03-01T00:00:00Z'", "'true'", "'FALSE'", "'300'", "'abc%'", "'\\'"],
    ...['0', '1', '-1', '+1', '1.5', '.5', '5.', '1e3', '1e', '1e400', '2147483648', '9007199254740993', '-0', '00', '1.2.3', '0x1f'],
    ...UNICODE,
    ...INJECTIONS,
  ];

  function randomString(rng: Random): string {
    const parts: string[] = [];
    const n = 1 + rng.int(20);
    for (let i = 0; i < n; i++) {
      const roll = rng.next();
      if (roll < 0.7) parts.push(rng.mixCase(rng.pick(fragments)));
      else if (roll < 0.85) parts.push(`'${[...Array(rng.int(6))].map(() => rng.pick([...UNICODE, ...INJECTIONS, 'a', "''", '%'])).join('')}'`);
      else parts.push(String.fromCodePoint(rng.int(0x3000)));
      parts.push(rng.pick(['', ' ', ' ', '  ', '\t', '\n']));
    }
    return parts.join('');
  }

  function mutate(rng: Random, text: string): string {
    const chars = [...text];
    const edits = 1 + rng.int(4);
    for (let i = 0; i < edits; i++) {
      const at = rng.int(chars.length + 1);
      const roll = rng.next();
      if (roll < 0.33) chars.splice(at, 1);
      else if (roll < 0.66) chars.splice(at, 0, rng.pick(["'", '(', ')', ' ', '.', ',', '-', 'not ', ' and ', '~', '"', ...UNICODE]));
      else chars.splice(at, 1, rng.pick(["'", '(', ')', '=', '<', '*', '%', 'x', '0']));
    }
    return chars.join('');
  }

  function check(search: string): 'sql' | 'empty' | 'rejected' {
    let compiled: Sql | undefined;
    try {
      compiled = compileSearch(Session, search);
    } catch (error) {
      if (!(error instanceof DomainError)) throw new Error(`${JSON.stringify(search)} threw ${String(error)}`, { cause: error });
      expect(error.code).toBe(21);
      expect(error.reason.startsWith(`Failed to parse search query: ${search}`)).toBe(true);
      return 'rejected';
    }
    if (!compiled) {
      expect(search.trim()).toBe('');
      return 'empty';
    }
    assertSafeSql(compiled, Session);
    const { text, values } = compiled.toQuery();
    for (const payload of [...INJECTIONS.filter((s) => s !== '$1'), ...UNICODE.filter((u) => u.trim() !== '')]) expect(text).not.toContain(payload);
    for (const value of values) if (typeof value === 'string' && value.length > 0) expect(text).not.toContain(`'${value}`);
    return 'sql';
  }

  it('3000 random token soups', () => {
    const rng = new Random(20260302);
    const outcomes = { sql: 0, empty: 0, rejected: 0 };
    for (let i = 0; i < 3000; i++) outcomes[check(randomString(rng))]++;
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(outcomes.sql + outcomes.empty + outcomes.rejected).toBe(3000);
  });

  it('3000 random character strings', () => {
    const rng = new Random(7);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz_ABCXYZ0123456789 .,()\'=<>!~+-*/%"`;$\\\t\n';
    for (let i = 0; i < 3000; i++) {
      const length = rng.int(60);
      let search = '';
      for (let j = 0; j < length; j++) search += rng.chance(0.05) ? rng.pick(UNICODE) : alphabet[rng.int(alphabet.length)]!;
      check(search);
    }
  });

  it('3000 mutations of valid searches', () => {
    const rng = new Random(99);
    const outcomes = { sql: 0, empty: 0, rejected: 0 };
    for (let i = 0; i < 3000; i++) outcomes[check(mutate(rng, validSearch(rng)))]++;
    expect(outcomes.sql).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});

// A generator of valid searches over Session's queryable fields.

type FieldInfo = NonNullable<ReturnType<typeof queryableField>>;

const NUMERIC_FIELDS = SESSION_QUERYABLE.filter((f) => f.column === 'integer' || f.column === 'double precision');

function fieldRef(rng: Random, field: FieldInfo): string {
  return rng.chance(0.2) ? `sessions.${field.name}` : field.name;
}

function numberLiteral(rng: Random, integer: boolean, nonZero = false): string {
  if (integer) {
    const n = rng.int(2000) - 1000;
    if (nonZero && n === 0) return '7';
    return rng.pick([String(n), `${n >= 0 ? '+' : ''}${n}`, `${n}.0`, n === 0 ? '0e5' : `${n}e0`]);
  }
  const x = (rng.next() * 200 - 100).toFixed(rng.int(4));
  const literal = rng.pick([x, `${x}e0`, x.startsWith('-') ? x : `+${x}`, rng.pick(['.5', '5.', '1e-3', '-2.5E+2'])]);
  return nonZero && Number(literal) === 0 ? '3' : literal;
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function literalFor(rng: Random, field: FieldInfo | 'numeric'): string {
  if (field === 'numeric') return rng.chance(0.8) ? numberLiteral(rng, false) : quote(numberLiteral(rng, false));
  switch (field.column) {
    case 'integer':
      return rng.chance(0.8) ? numberLiteral(rng, true) : quote(String(rng.int(100000)));
    case 'double precision':
      return rng.chance(0.8) ? numberLiteral(rng, false) : quote(numberLiteral(rng, false));
    case 'boolean':
      return quote(rng.mixCase(rng.pick(['true', 'false'])));
    case 'timestamptz(3)': {
      const date = new Date(Date.UTC(2000 + rng.int(50), rng.int(12), 1 + rng.int(28), rng.int(24), rng.int(60), rng.int(60), rng.int(1000)));
      const iso = date.toISOString();
      return quote(rng.pick([iso, iso.replace('Z', '+05:30'), iso.replace('.', ',').replace(/,\d+/, ''), iso.replace('T', ' ').replace('Z', 'z')]));
    }
    default:
      return rng.chance(0.85)
        ? quote(rng.pick(['', 'Running', "it's", 'héllo 世界 🙂', ...INJECTIONS.filter((s) => !s.endsWith('\\')), 'a%b_c', '100\\%']))
        : numberLiteral(rng, rng.chance(0.5));
  }
}

/** A value: a field, or arithmetic over numeric fields in which every arithmetic expression starts with a field. */
function valueExpr(rng: Random, depth: number): { text: string; field: FieldInfo | 'numeric' } {
  if (rng.chance(0.75)) {
    const field = rng.pick(SESSION_QUERYABLE);
    return { text: rng.chance(0.1) ? `(${fieldRef(rng, field)})` : fieldRef(rng, field), field };
  }
  return { text: arithmetic(rng, Math.min(depth, 1)), field: 'numeric' };
}

function arithmetic(rng: Random, depth: number): string {
  const numericOperand = (): string => (depth > 0 && rng.chance(0.2) ? `(${arithmetic(rng, depth - 1)})` : fieldRef(rng, rng.pick(NUMERIC_FIELDS)));
  let text = numericOperand();
  let lastWasLiteral = false;
  const operators = 1 + rng.int(3); // at most 3 + 4 × 3 operators: within MAX_ARITHMETIC_OPERATORS
  for (let i = 0; i < operators; i++) {
    // After a literal only + and - may follow: a term must not start with a literal.
    const op = lastWasLiteral ? rng.pick(['+', '-']) : rng.pick(['+', '-', '*', '/', '%']);
    const literal = rng.chance(0.5);
    const operand = literal ? numberLiteral(rng, rng.chance(0.5), op === '/' || op === '%') : numericOperand();
    text += rng.pick([` ${op} `, op]) + operand;
    lastWasLiteral = literal;
  }
  return text;
}

function comparison(rng: Random): { text: string; literals: number } {
  const { text: left, field } = valueExpr(rng, 2);
  const kw = (word: string) => rng.mixCase(word);
  const isText = field !== 'numeric' && field.column === 'text';
  const roll = rng.int(isText ? 7 : 6);
  switch (roll) {
    case 0:
      return { text: `${left} ${rng.pick(['=', '!=', '<>', '<', '<=', '>', '>='])} ${literalFor(rng, field)}`, literals: 1 };
    case 1:
      return { text: `${left} ${kw('is')} ${rng.chance(0.5) ? `${kw('not')} ` : ''}${kw('null')}`, literals: 0 };
    case 2:
      return { text: `${left} ${kw('is')} ${rng.chance(0.5) ? `${kw('not')} ` : ''}${literalFor(rng, field)}`, literals: 1 };
    case 3: {
      const n = 1 + rng.int(4);
      return {
        text: `${left} ${rng.chance(0.5) ? `${kw('not')} ` : ''}${kw('in')} (${Array.from({ length: n }, () => literalFor(rng, field)).join(rng.pick([',', ', ', ' , ']))})`,
        literals: n,
      };
    }
    case 4:
      return {
        text: `${left} ${rng.chance(0.5) ? `${kw('not')} ` : ''}${kw('between')} ${literalFor(rng, field)} ${kw('and')} ${literalFor(rng, field)}`,
        literals: 2,
      };
    case 5:
      return { text: `${left} ${rng.pick(['=', '>'])} ${literalFor(rng, field)}`, literals: 1 };
    default:
      return { text: `${left} ${rng.chance(0.5) ? `${kw('not')} ` : ''}${kw(rng.pick(['like', 'ilike']))} ${literalFor(rng, field)}`, literals: 1 };
  }
}

function expression(rng: Random, depth: number): { text: string; literals: number } {
  const roll = rng.next();
  if (depth <= 0 || roll < 0.4) return comparison(rng);
  if (roll < 0.55) {
    const inner = expression(rng, depth - 1);
    return { text: `${rng.mixCase('not')} ${inner.text}`, literals: inner.literals };
  }
  if (roll < 0.7) {
    const inner = expression(rng, depth - 1);
    return { text: `(${inner.text})`, literals: inner.literals };
  }
  const left = expression(rng, depth - 1);
  const right = expression(rng, depth - 1);
  return { text: `(${left.text}) ${rng.mixCase(rng.pick(['and', 'or']))} ${right.text}`, literals: left.literals + right.literals };
}

function validSearch(rng: Random): string {
  return expression(rng, 4).text;
}

describe('property: generated valid searches always compile', () => {
  it('3000 random valid searches over Session', () => {
    const rng = new Random(424242);
    for (let i = 0; i < 3000; i++) {
      const { text: search, literals } = expression(rng, 4);
      let compiled: Sql | undefined;
      try {
        compiled = compileSearch(Session, search);
      } catch (error) {
        throw new Error(`valid search rejected: ${search}\n${error instanceof DomainError ? error.reason : String(error)}`, { cause: error });
      }
      expect(compiled).toBeDefined();
      assertSafeSql(compiled!, Session);
      // Arithmetic literals are parameters too, so there are at least as many values as comparison literals.
      expect(compiled!.toQuery().values.length).toBeGreaterThanOrEqual(literals);
    }
  });

  it('not wraps, and/or preserve the operands of generated searches', () => {
    const rng = new Random(1);
    for (let i = 0; i < 500; i++) {
      const a = comparison(rng).text;
      const b = comparison(rng).text;
      const ab = compileSearch(Session, `(${a}) and (${b})`)!.toQuery();
      expect(ab.text.startsWith('(')).toBe(true);
      expect(ab.text).toContain(' AND ');
      const notA = compileSearch(Session, `not (${a})`)!.toQuery();
      expect(notA.text.startsWith('(NOT ')).toBe(true);
    }
  });
});

describe('no database is needed', () => {
  it('compileSearch and parseOrderBy are pure: the same input gives the same SQL', () => {
    const search = "phase in ('Running', 'Pending') and timeout * 2 > 600 or not completion_time is null";
    expect(compileSearch(Session, search)!.toQuery()).toEqual(compileSearch(Session, search)!.toQuery());
    expect(parseOrderBy(Session, 'name desc')).toEqual(parseOrderBy(Session, 'name desc'));
  });
});
