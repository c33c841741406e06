import { z } from 'zod';
import { defineKind } from './define.ts';
import { email, line } from './rules.ts';

export const User = defineKind({
  name: 'User',
  plural: 'users',
  scope: 'global',
  description: 'An identity, created automatically on first login.',
  fields: {
    username: {
      wire: 'string',
      required: true,
      access: 'immutable',
      rule: (name) => line(255)(name).refine((v) => !/\s/.test(v), `${name} must not contain whitespace`),
      description: 'Login identity; the subject name of user Permissions.',
      example: 'alice',
    },
    name: { wire: 'string', required: true, rule: line(255), description: 'Display name.' },
    email: { wire: 'string', rule: email(), description: 'Email address.' },
    groups: {
      wire: 'string-array',
      default: [],
      rule: (name) =>
        z
          .array(line(255)(`${name} entry`))
          .max(256, `${name} must have at most 256 entries`)
          .refine((v) => new Set(v).size === v.length, `${name} must not contain duplicates`),
      description: 'Groups for authorization, added to the groups of the caller’s token.',
    },
  },
  unique: [{ columns: ['username'], reports: 'username' }],
});
