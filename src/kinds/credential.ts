import { defineKind } from './define.ts';
import { annotations, email, intRange, labels, line, oneOf, text } from './rules.ts';

export const CREDENTIAL_PROVIDERS = ['github', 'gitlab', 'google', 'jira', 'vertex', 'kubeconfig'] as const;
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number];
export const CREDENTIAL_AUTH_TYPES = ['pat', 'app', 'oauth', 'api_token', 'service_account', 'kubeconfig'] as const;

/** An https URL with a host and no user-info. */
function httpsUrl(name: string) {
  return text(2048)(name).refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, `${name} must be an https URL with a host and no user-info`);
}

export const Credential = defineKind({
  name: 'Credential',
  plural: 'credentials',
  scope: 'user',
  description: 'A user’s credential for an external integration. Secrets are write-only and encrypted at rest.',
  fields: {
    user_id: {
      wire: 'string',
      access: 'read-only',
      notNull: true,
      references: { kind: 'User', relation: 'user', inverse: 'credentials' },
      description: 'The owner.',
    },
    provider: {
      wire: 'string',
      required: true,
      access: 'immutable',
      enum: CREDENTIAL_PROVIDERS,
      rule: oneOf(CREDENTIAL_PROVIDERS),
      description: 'github, gitlab, google, jira, vertex (a service-account JSON key) or kubeconfig; one per user.',
    },
    auth_type: {
      wire: 'string',
      access: 'read-only',
      notNull: true,
      enum: CREDENTIAL_AUTH_TYPES,
      description: 'pat, app, oauth, api_token, service_account or kubeconfig; derived.',
    },
    name: { wire: 'string', notNull: true, rule: line(255), description: 'Name; defaults to the provider.' },
    description: { wire: 'string', rule: text(4096), description: 'Free text.' },
    url: { wire: 'string', rule: httpsUrl, description: 'Provider URL; defaults for github and gitlab, required for jira.' },
    email: { wire: 'string', rule: email(), description: 'Account email; required for jira.' },
    username: { wire: 'string', rule: line(255), description: 'Provider login.' },
    installation_id: { wire: 'integer', column: 'bigint', rule: intRange(1, Number.MAX_SAFE_INTEGER), description: 'GitHub App installation (github only).' },
    token: {
      wire: 'string',
      access: 'write-only',
      column: false,
      rule: text(65536),
      description: 'The secret; never returned here (GET …/token releases it to callers allowed to read it).',
    },
    has_token: { wire: 'boolean', access: 'read-only', column: false, queryable: false, description: 'Whether a token is stored.' },
    scopes: { wire: 'string-array', access: 'read-only', description: 'Granted OAuth scopes (google).' },
    expires_at: { wire: 'timestamp', access: 'read-only', description: 'Access-token expiry (google).' },
    last_used_at: { wire: 'timestamp', access: 'read-only', description: 'When a runner last fetched the credential.' },
    labels: { wire: 'json-text', shape: labels(), description: 'JSON object of labels.' },
    annotations: { wire: 'json-text', shape: annotations(), description: 'JSON object of annotations.' },
  },
  internal: {
    token_enc: { type: 'text', description: 'Encrypted token (AES-256-GCM).' },
    refresh_token_enc: { type: 'text', description: 'Encrypted OAuth refresh token (AES-256-GCM).' },
  },
  unique: [{ columns: ['user_id', 'provider'], reports: 'provider' }],
});
