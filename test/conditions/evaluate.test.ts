import { describe, expect, it } from 'vitest';
import { ProjectGrants, readCondition } from '../../src/auth/policy.ts';
import type { Actor } from '../../src/auth/actor.ts';
import type { FieldCondition } from '../../src/conditions/condition.ts';
import { holds, wireSubject } from '../../src/conditions/evaluate.ts';
import { Credential, Project, ProjectKey, Session, User } from '../../src/kinds/index.ts';

const alice: Actor = { type: 'user', userId: 'u1', username: 'alice', groups: ['team'], platformAdmin: false };
const key: Actor = { type: 'key', keyId: 'k1', projectId: 'p1', role: 'view', creatorId: 'u1' };
const grants = new ProjectGrants(
  new Map([
    ['p1', 'view'],
    ['p2', 'edit'],
  ]),
);

describe('the read policy evaluated in memory', () => {
  it('lets a user read sessions in projects where it has a role, and nowhere else', () => {
    const condition = readCondition(alice, Session);
    expect(holds(condition, wireSubject({ id: 's1' }, 'p1'), grants)).toBe(true);
    expect(holds(condition, wireSubject({ id: 's2' }, 'p3'), grants)).toBe(false);
    expect(holds(condition, wireSubject({ id: 's3' }, null), grants)).toBe(false);
  });

  it('asks for the Kind’s read role: project keys need edit', () => {
    const condition = readCondition(alice, ProjectKey);
    expect(holds(condition, wireSubject({ id: 'k' }, 'p1'), grants)).toBe(false);
    expect(holds(condition, wireSubject({ id: 'k' }, 'p2'), grants)).toBe(true);
  });

  it('limits a project key to its own project and role', () => {
    expect(holds(readCondition(key, Project), wireSubject({ id: 'p1' }, 'p1'), grants)).toBe(true);
    expect(holds(readCondition(key, Project), wireSubject({ id: 'p2' }, 'p2'), grants)).toBe(false);
    expect(holds(readCondition(key, ProjectKey), wireSubject({ id: 'k' }, 'p1'), grants)).toBe(false);
  });

  it('shows credentials to their owner only, users to everyone', () => {
    expect(holds(readCondition(alice, Credential), wireSubject({ id: 'c', user_id: 'u1' }, null), grants)).toBe(true);
    expect(holds(readCondition(alice, Credential), wireSubject({ id: 'c', user_id: 'u2' }, null), grants)).toBe(false);
    expect(holds(readCondition(key, Credential), wireSubject({ id: 'c', user_id: 'u1' }, null), grants)).toBe(false);
    expect(holds(readCondition(key, User), wireSubject({ id: 'u2' }, null), grants)).toBe(true);
  });

  it('follows SQL null logic for field conditions and refuses collation-dependent operators', () => {
    const field = (operator: FieldCondition['operator'], value?: unknown): FieldCondition => ({
      column: 'name',
      prismaName: 'name',
      operator,
      value,
      caseInsensitive: false,
    });
    const nameless = wireSubject({ id: 'x', name: null }, null);
    expect(holds(field('ne', 'a'), nameless, grants)).toBe(false);
    expect(holds(field('notIn', ['a']), nameless, grants)).toBe(false);
    expect(holds(field('notIn', []), nameless, grants)).toBe(true);
    expect(holds(field('isNull'), nameless, grants)).toBe(true);
    expect(() => holds(field('gt', 'a'), wireSubject({ id: 'x', name: 'b' }, null), grants)).toThrow(/does not evaluate 'gt'/);
  });
});
