import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  annotations,
  branch,
  email,
  envVars,
  gitUrl,
  intRange,
  labelKeyProblem,
  labels,
  line,
  numberRange,
  oneOf,
  parseTimestamp,
  projectName,
  repoPath,
  text,
  timestamp,
} from '../../src/kinds/rules.ts';
import { describeIssue } from '../../src/domain/input.ts';
import { SessionRepo } from '../../src/kinds/session.ts';

/** The shared validators of rest-contract §8, one by one. */

const problem = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]!.message;
};

describe('Line(n)', () => {
  const rule = line(5)('name');
  test.each([['a'], ['abcde'], ['héllo'], ['😀😀😀😀😀']])('accepts %j', (v) => expect(problem(rule, v)).toBeUndefined());
  test('counts code points, not UTF-16 units', () => expect(problem(rule, '😀😀😀😀😀😀')).toBe('name must be between 1 and 5 characters'));
  test('refuses empty', () => expect(problem(rule, '')).toBe('name must be between 1 and 5 characters'));
  test.each([['a\nb'], ['a\tb'], ['\u0000'], ['x\u007f']])('refuses control characters in %j', (v) =>
    expect(problem(rule, v)).toBe('name must not contain control characters'),
  );
});

describe('Text(n)', () => {
  const rule = text(4)('description');
  test('allows empty, newlines and tabs', () => {
    expect(problem(rule, '')).toBeUndefined();
    expect(problem(rule, 'a\n\tb')).toBeUndefined();
  });
  test('refuses other control characters and overlong text', () => {
    expect(problem(rule, 'a\u0001')).toMatch(/control characters/);
    expect(problem(rule, 'abcde')).toBe('description must be at most 4 characters');
  });
});

describe('GitURL', () => {
  const rule = gitUrl()('url');
  test.each([
    'https://github.com/acme/web.git',
    'http://gitlab.example.com/a/b',
    'ssh://git@github.com/acme/web.git',
    'git://example.com/repo',
    'git@github.com:acme/web.git',
  ])('accepts %s', (v) => expect(problem(rule, v)).toBeUndefined());
  test.each([
    'ftp://example.com/x',
    'https://',
    'not a url',
    'https://github.com/a b',
    'file:///etc/passwd',
    '/local/path',
    `https://x.com/${'a'.repeat(2048)}`,
  ])('refuses %s', (v) => expect(problem(rule, v)).toMatch(/^url must be a git URL/));
});

describe('Branch and RepoPath', () => {
  test('branch', () => {
    const rule = branch()('branch');
    expect(problem(rule, 'feature/x-1')).toBeUndefined();
    for (const bad of ['', '-x', 'a b', 'a\u0007', 'x'.repeat(256)]) expect(problem(rule, bad)).toMatch(/^branch must be/);
  });
  test('repo path', () => {
    const rule = repoPath()('path');
    for (const ok of ['', 'workflows/dev', 'a/b.md', 'a..b']) expect(problem(rule, ok)).toBeUndefined();
    for (const bad of ['/abs', '../up', 'a/../b', 'a\nb', 'x'.repeat(1025)]) expect(problem(rule, bad)).toMatch(/^path must be/);
  });
});

test('Email', () => {
  const rule = email()('email');
  expect(problem(rule, 'a@b.c')).toBeUndefined();
  for (const bad of ['a', 'a@', '@b', 'a@b@c', 'a b@c', `${'a'.repeat(320)}@b`]) expect(problem(rule, bad)).toBe('email must be an email address');
});

describe('ProjectName', () => {
  const rule = projectName()('name');
  test.each(['ab', 'my-project', 'a1', 'x'.repeat(63)])('accepts %s', (v) => expect(problem(rule, v)).toBeUndefined());
  test('length', () => {
    expect(problem(rule, 'a')).toBe('project name must be between 2 and 63 characters');
    expect(problem(rule, 'x'.repeat(64))).toBe('project name must be between 2 and 63 characters');
  });
  test.each(['Ab', '1ab', 'ab-', 'a_b', 'a.b'])('DNS-1123: %s', (v) =>
    expect(problem(rule, v)).toBe('project name must match DNS-1123 label format: ^[a-z][a-z0-9-]*[a-z0-9]$'),
  );
  test.each(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'openshift', 'openshift-infra', 'openshift-node'])('reserved: %s', (v) =>
    expect(problem(rule, v)).toBe(`project name '${v}' is reserved`),
  );
});

describe('numbers and enums', () => {
  test('intRange', () => {
    const rule = intRange(1)('timeout');
    expect(problem(rule, 1)).toBeUndefined();
    expect(problem(rule, 2147483647)).toBeUndefined();
    expect(problem(rule, 0)).toBe('timeout must be between 1 and 2147483647');
    expect(problem(rule, 2147483648)).toBe('timeout must be between 1 and 2147483647');
  });
  test('numberRange keeps 0', () => {
    const rule = numberRange(0, 2)('llm_temperature');
    expect(problem(rule, 0)).toBeUndefined();
    expect(problem(rule, 2.01)).toBe('llm_temperature must be between 0 and 2');
  });
  test('oneOf', () => expect(problem(oneOf(['a', 'b'])('role'), 'c')).toBe('role must be one of: a, b'));
});

describe('timestamps', () => {
  test('any RFC 3339 offset and precision, normalized to UTC', () => {
    expect(parseTimestamp('2026-03-02T10:14:07.532123+01:00')?.toISOString()).toBe('2026-03-02T09:14:07.532Z');
    expect(parseTimestamp('2026-03-02T09:14:07Z')?.toISOString()).toBe('2026-03-02T09:14:07.000Z');
  });
  test.each(['2026-03-02', '2026-03-02T09:14:07', 'yesterday', '2026-13-02T09:14:07Z'])('refuses %s', (v) => {
    expect(problem(timestamp()('expires_at'), v)).toBe('expires_at must be an RFC 3339 date-time');
  });
});

describe('LabelKey, Labels, Annotations, EnvVars', () => {
  test('label keys', () => {
    expect(labelKeyProblem('app')).toBeUndefined();
    expect(labelKeyProblem('example.com/app')).toBeUndefined();
    expect(labelKeyProblem('ambient-code.io/x')).toBe("key 'ambient-code.io/x' uses a reserved prefix");
    expect(labelKeyProblem('team.kubernetes.io/x')).toBe("key 'team.kubernetes.io/x' uses a reserved prefix");
    expect(labelKeyProblem('k8s.io/x')).toMatch(/reserved prefix/);
    expect(labelKeyProblem('-bad')).toMatch(/invalid name/);
    expect(labelKeyProblem('Bad_Prefix/x')).toMatch(/invalid prefix/);
    expect(labelKeyProblem('x'.repeat(64))).toMatch(/invalid name/);
  });
  test('labels', () => {
    expect(problem(labels(), { app: 'web', empty: '' })).toBeUndefined();
    expect(problem(labels(), { app: 'not valid!' })).toMatch(/value of 'app'/);
    expect(problem(labels(), Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])))).toBe('at most 64 entries');
  });
  test('annotations allow any string value up to 256 KiB in all', () => {
    expect(problem(annotations(), { note: 'any text at all!' })).toBeUndefined();
    expect(problem(annotations(), { note: 'x'.repeat(256 * 1024) })).toBe('must be at most 256 KiB when serialized');
  });
  test('environment variables', () => {
    expect(problem(envVars(), { PATH_X: '1', _y: '' })).toBeUndefined();
    expect(problem(envVars(), { '1BAD': 'x' })).toMatch(/^key '1BAD' must match/);
  });
});

describe('JSON-text shape messages', () => {
  const repos = z.array(SessionRepo);
  const reason = (value: unknown) => describeIssue(repos.safeParse(value).error!.issues[0]!);
  test('missing key', () => expect(reason([{ branch: 'x' }])).toBe('item 0: url is required'));
  test('unknown key', () => expect(reason([{ url: 'https://a.b/c', extra: 1 }])).toBe('item 0: unknown key "extra"'));
  test('wrong type', () => expect(reason([{ url: 'https://a.b/c', auto_push: 'yes' }])).toBe('item 0: auto_push must be a boolean'));
  test('rule inside an item', () => expect(reason([{ url: 'https://a.b/c' }, { url: 'nope' }])).toMatch(/^item 1: url must be a git URL/));
});
