import { isPlatformWide } from '../../auth/actor.ts';
import { sql } from '../../db/sql.ts';
import { secretContext } from '../../auth/secret-box.ts';
import type { CredentialProvider } from '../../kinds/credential.ts';
import type { Behaviour, WriteContext } from '../behaviour.ts';
import { DomainError, forbidden, invalid } from '../errors.ts';
import type { Values } from '../input.ts';
import type { Row } from '../wire.ts';
import { parse as parseYaml } from 'yaml';

/**
 * Credentials (rest-contract §9.14, runtime.md §c.2–c.3): owned by one user, secrets write-only and
 * encrypted at rest with the row id and column as associated data.
 */

const DEFAULT_URL: Partial<Record<CredentialProvider, string>> = { github: 'https://github.com', gitlab: 'https://gitlab.com' };
const GITHUB_TOKEN = /^(ghp_|gho_|ghu_|ghs_|github_pat_)/;
const GITLAB_TOKEN = /^[A-Za-z0-9._-]{20,255}$/;
/** Keys a provider accepts besides name and description. */
const APPLIES: Record<CredentialProvider, readonly string[]> = {
  github: ['token', 'installation_id', 'username', 'url'],
  gitlab: ['token', 'url', 'username'],
  google: [],
  jira: ['url', 'email', 'token', 'username'],
  vertex: ['token'],
  kubeconfig: ['token'],
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A vertex token is a Google service-account JSON key, a kubeconfig token a kubeconfig (YAML or
 * JSON, or either base64-encoded). Only the shape is checked; reasons never quote the secret.
 */
function validateSecretDocument(provider: 'vertex' | 'kubeconfig', token: string): void {
  let doc: unknown;
  try {
    doc = provider === 'vertex' ? JSON.parse(token) : parseYaml(token, { maxAliasCount: 0 });
    // A kubeconfig may also come base64-encoded (upstream's credential sidecar decodes it).
    if (provider === 'kubeconfig' && typeof doc === 'string' && BASE64.test(token.trim())) {
      doc = parseYaml(Buffer.from(token.trim(), 'base64').toString('utf8'), { maxAliasCount: 0 });
    }
  } catch {
    throw invalid(provider === 'vertex' ? 'token must be a service-account JSON key' : 'token must be a kubeconfig (YAML or JSON)', 'token');
  }
  const object = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  if (provider === 'vertex') {
    const ok = object?.['type'] === 'service_account' && typeof object['client_email'] === 'string' && typeof object['private_key'] === 'string';
    if (!ok) throw invalid('token must be a service-account JSON key (type service_account, client_email, private_key)', 'token');
  } else {
    const clusters = object?.['clusters'];
    if (!Array.isArray(clusters) || clusters.length === 0) throw invalid('token must be a kubeconfig with at least one cluster', 'token');
  }
}

type Merged = Record<string, unknown>;

function validateProvider(provider: CredentialProvider, merged: Merged, changed: Values): void {
  for (const key of ['token', 'installation_id', 'url', 'email', 'username']) {
    if (changed[key] !== undefined && changed[key] !== null && !APPLIES[provider].includes(key)) {
      throw invalid(`${key} does not apply to ${provider} credentials`, key);
    }
  }
  const token = changed['token'] as string | undefined;
  if (token === '') throw invalid('token must not be empty', 'token');
  if (provider === 'vertex' || provider === 'kubeconfig') {
    if (!merged['has_token']) throw invalid(`${provider} credentials require token`);
    if (typeof token === 'string') validateSecretDocument(provider, token);
  }
  if (provider === 'github') {
    if (!merged['has_token'] && merged['installation_id'] == null) throw invalid('github credentials require token or installation_id');
    if (token !== undefined && token !== null && !GITHUB_TOKEN.test(token))
      throw invalid('token must be a GitHub token (ghp_, gho_, ghu_, ghs_ or github_pat_)', 'token');
  }
  if (provider === 'gitlab') {
    if (!merged['has_token']) throw invalid('gitlab credentials require token');
    if (token !== undefined && token !== null && !GITLAB_TOKEN.test(token)) throw invalid('token must be 20 to 255 characters of [A-Za-z0-9._-]', 'token');
  }
  if (provider === 'jira' && (!merged['url'] || !merged['email'] || !merged['has_token'])) throw invalid('jira credentials require url, email, token');
}

function authType(provider: CredentialProvider, merged: Merged, current?: Row): string {
  if (provider === 'jira') return 'api_token';
  if (provider === 'google') return 'oauth';
  if (provider === 'vertex') return 'service_account';
  if (provider === 'kubeconfig') return 'kubeconfig';
  if (current?.['auth_type'] === 'oauth' && !merged['token_replaced']) return 'oauth';
  if (provider === 'github' && !merged['has_token']) return 'app';
  return 'pat';
}

function seal(c: WriteContext, id: string, token: string): string {
  if (!c.secrets) throw new DomainError(31, 'credential encryption is not configured');
  return c.secrets.encrypt(token, secretContext('credentials', id, 'token_enc'));
}

export const credentialBehaviour: Behaviour = {
  computed: { has_token: sql`(t.token_enc IS NOT NULL)` },

  async authorize(c, operation, row) {
    const actor = c.actor;
    if (actor.type === 'key') throw forbidden('project keys cannot manage credentials');
    if (operation === 'create') {
      if (actor.type !== 'user' || !actor.userId) throw forbidden('credentials belong to a user');
      return;
    }
    // Platform admins see every credential's metadata and may delete one; only the owner changes it.
    const owner = actor.type === 'user' && row!['user_id'] === actor.userId;
    if (owner || (operation === 'delete' && isPlatformWide(actor))) return;
    throw forbidden();
  },

  async prepareCreate(c, values, id) {
    const provider = values['provider'] as CredentialProvider;
    if (provider === 'google') throw invalid('google credentials are created through the OAuth flow', 'provider');
    if (c.actor.type === 'user') values['user_id'] = c.actor.userId;
    values['url'] ??= DEFAULT_URL[provider] ?? null;
    values['name'] ??= provider;
    const token = values['token'] as string | undefined;
    validateProvider(provider, { ...values, has_token: token !== undefined }, values);
    values['auth_type'] = authType(provider, { ...values, has_token: token !== undefined });
    if (token !== undefined) values['token_enc'] = seal(c, id, token);
  },

  async prepareUpdate(c, current, changes) {
    const provider = current['provider'] as CredentialProvider;
    const token = changes['token'];
    if (token === null) changes['token_enc'] = null;
    else if (typeof token === 'string') changes['token_enc'] = seal(c, current.id, token);
    const merged: Merged = {
      ...current,
      ...changes,
      has_token: 'token' in changes ? token !== null : current['has_token'],
      token_replaced: typeof token === 'string',
    };
    validateProvider(provider, merged, changes);
    changes['auth_type'] = authType(provider, merged, current);
  },

  // Deleting purges the ciphertexts.
  deletedValues: { token_enc: null, refresh_token_enc: null },
};
