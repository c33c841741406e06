import { describe, expect, it } from 'vitest';
import { NO_GRANTS } from '../../src/auth/policy.ts';
import { allOf, fieldEquals, type Condition, type SqlType } from '../../src/conditions/condition.ts';
import { holds, wireSubject } from '../../src/conditions/evaluate.ts';
import { prismaWhere } from '../../src/conditions/prisma.ts';
import { conditionSql } from '../../src/conditions/sql.ts';
import { Session } from '../../src/kinds/index.ts';
import { searchCondition } from '../../src/rest/search/index.ts';

/**
 * The typed comparisons the REST search produces are data like every other condition, rendered
 * by src/conditions/sql.ts only. (test/rest/search.test.ts checks the SQL of every search form.)
 */

const sqlOf = (condition: Condition) => conditionSql(Session, condition).toQuery();

describe('REST search as a condition tree', () => {
  it('a search is a tree of typed comparisons, not SQL', () => {
    expect(searchCondition(Session, "phase = 'Running' and timeout * 2 > 600")).toEqual({
      all: [
        { typed: { left: { column: 'phase' }, type: 'text', operator: 'eq', values: ['Running'] } },
        { typed: { left: { arithmetic: '*', left: { column: 'timeout' }, right: { number: 2 } }, type: 'numeric', operator: 'gt', values: [600] } },
      ],
    });
  });

  it('combines with the other conditions in one statement', () => {
    const search = searchCondition(Session, "name like 'a%'");
    expect(sqlOf(allOf(fieldEquals('agent_id', 'a1'), search))).toEqual({
      text: '(t."agent_id" = $1 AND (t."name" LIKE $2::text))',
      values: ['a1', 'a%'],
    });
  });

  it('has no Prisma or in-memory form: those targets refuse it rather than guess', () => {
    const condition = searchCondition(Session, 'timeout > 5')!;
    expect(() => prismaWhere(Session, condition, NO_GRANTS)).toThrow(/no Prisma form/);
    expect(() => holds(condition, wireSubject({ id: 's', timeout: 10 }, 'p'), NO_GRANTS)).toThrow(/does not evaluate typed/);
  });
});

describe('the typed renderer guards what it is given', () => {
  it('guards every divisor but a non-zero number', () => {
    const divide = (right: { number: number } | { column: string }): Condition => ({
      typed: { left: { arithmetic: '/', left: { column: 'timeout' }, right }, type: 'numeric', operator: 'gt', values: [1] },
    });
    expect(sqlOf(divide({ number: 2 })).text).toBe('((t."timeout"::numeric / $1::numeric) > $2::numeric)');
    expect(sqlOf(divide({ number: 0 })).text).toBe('((t."timeout"::numeric / NULLIF($1::numeric, 0)) > $2::numeric)');
    expect(sqlOf(divide({ column: 'llm_max_tokens' })).text).toBe('((t."timeout"::numeric / NULLIF(t."llm_max_tokens"::numeric, 0)) > $1::numeric)');
  });

  it('refuses a wrong number of values, an unknown type and a column that is not an identifier', () => {
    expect(() => sqlOf({ typed: { left: { column: 'timeout' }, type: 'integer', operator: 'between', values: [1] } })).toThrow(/2 value/);
    expect(() => sqlOf({ typed: { left: { column: 'timeout' }, type: 'integer; drop' as SqlType, operator: 'eq', values: [1] } })).toThrow(
      /not a comparison type/,
    );
    expect(() => sqlOf({ typed: { left: { column: 'x"; --' }, type: 'text', operator: 'isNull', values: [] } })).toThrow(/not an identifier/);
  });

  it('an empty list selects nothing for in and everything for not in', () => {
    expect(sqlOf({ typed: { left: { column: 'timeout' }, type: 'integer', operator: 'in', values: [] } }).text).toBe('false');
    expect(sqlOf({ typed: { left: { column: 'timeout' }, type: 'integer', operator: 'notIn', values: [] } }).text).toBe('true');
  });
});
