import { defineKind } from './define.ts';
import { line, text } from './rules.ts';
import { projectReference } from './shared.ts';

export const InboxMessage = defineKind({
  name: 'InboxMessage',
  plural: 'inbox_messages',
  scope: 'project',
  description: 'A message in an agent’s inbox (head-contract H4); the unread ones become part of its next start prompt.',
  fields: {
    project_id: projectReference('inboxMessages'),
    agent_id: {
      wire: 'string',
      required: true,
      access: 'immutable',
      references: { kind: 'Agent', sameProject: true, relation: 'agent', inverse: 'inbox' },
      description: 'The agent (same project) whose inbox holds the message.',
    },
    from_agent_id: {
      wire: 'string',
      access: 'immutable',
      references: { kind: 'Agent', sameProject: true, relation: 'fromAgent', inverse: 'sentMessages' },
      description: 'The sending agent of the same project, if an agent sent it.',
    },
    from_name: { wire: 'string', access: 'immutable', rule: line(255), description: 'Who sent it, as shown in the start prompt.' },
    body: { wire: 'string', required: true, access: 'immutable', rule: text(64 * 1024), description: 'The message.' },
    read: { wire: 'boolean', default: false, description: 'Read; a start marks the messages it used read.' },
  },
  indexes: [['agent_id', 'read', 'created_at']],
});
