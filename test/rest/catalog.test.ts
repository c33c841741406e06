import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { useApi, V1 } from '../support/api.ts';

/**
 * The model and runner-type lists of the new-session form (legacy `GET /models`,
 * `GET /runner-types`), from configuration: the built-in lists, or files in the legacy backend's
 * formats (its models.json manifest and agent-registry.json), gated entries behind
 * ENABLED_FEATURE_GATES, and files re-read when they change.
 */

let dir: string;
let modelsFile: string;
let runnersFile: string;

const manifest = {
  version: 2,
  defaultModel: 'claude-sonnet-4-6',
  providerDefaults: { anthropic: 'claude-sonnet-4-6', google: 'gemini-2.5-flash' },
  models: [
    { id: 'claude-sonnet-4-6', label: 'Claude Sonnet 4.6', vertexId: 'claude-sonnet-4-6@default', provider: 'anthropic', available: true, featureGated: false },
    { id: 'claude-opus-4-6', label: 'Claude Opus 4.6', vertexId: 'claude-opus-4-6@default', provider: 'anthropic', available: true, featureGated: true },
    { id: 'claude-haiku-4-5', label: 'Claude Haiku 4.5', provider: 'anthropic', available: true, featureGated: false },
    { id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', provider: 'google', available: true, featureGated: false },
    { id: 'gemini-2.5-pro', label: 'Gemini 2.5 Pro', provider: 'google', available: true, featureGated: true },
    { id: 'gemini-old', label: 'Gemini Old', provider: 'google', available: false, featureGated: false },
  ],
};
const registry = [
  {
    id: 'claude-agent-sdk',
    displayName: 'Claude Code',
    description: 'Anthropic Claude with full coding capabilities',
    framework: 'claude-agent-sdk',
    provider: 'anthropic',
    container: { image: 'example/runner:latest', port: 8001, env: { RUNNER_TYPE: 'claude-agent-sdk' } },
    sandbox: { persistence: 's3', seed: { cloneRepos: true, hydrateState: true } },
    auth: { requiredSecretKeys: ['ANTHROPIC_API_KEY'], secretKeyLogic: 'any', vertexSupported: true },
    featureGate: '',
  },
  {
    id: 'gemini-cli',
    displayName: 'Gemini CLI',
    description: 'Google Gemini coding agent',
    framework: 'gemini-cli',
    provider: 'google',
    auth: { requiredSecretKeys: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], secretKeyLogic: 'any', vertexSupported: true },
    featureGate: 'runner.gemini-cli.enabled',
  },
  { id: 'secret-runner', displayName: 'Secret', featureGate: 'runner.secret.enabled' },
];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-catalog-'));
  modelsFile = path.join(dir, 'models.json');
  runnersFile = path.join(dir, 'agent-registry.json');
  await fs.writeFile(modelsFile, JSON.stringify(manifest));
  await fs.writeFile(runnersFile, JSON.stringify(registry));
});

const builtIn = useApi();
const configured = useApi(() => ({
  MODELS_FILE: modelsFile,
  RUNNER_TYPES_FILE: runnersFile,
  ENABLED_FEATURE_GATES: 'model.claude-opus-4-6.enabled, runner.gemini-cli.enabled',
}));

describe('built-in lists', () => {
  test('models and runner types without configuration', async () => {
    const models = await builtIn().request<{ models: Record<string, unknown>[]; default_model: string }>('GET', `${V1}/models`);
    expect(models.status).toBe(200);
    expect(models.body.default_model).toBe('claude-sonnet-4-5');
    expect(models.body.models.filter((m) => m['is_default'])).toEqual([
      { id: 'claude-sonnet-4-5', label: 'Claude Sonnet 4.5', provider: 'anthropic', is_default: true },
    ]);
    const runners = await builtIn().request('GET', `${V1}/runner-types`);
    expect(runners.body).toEqual({
      runner_types: [
        {
          id: 'claude-agent-sdk',
          display_name: 'Claude Code',
          description: 'Anthropic Claude with full coding capabilities',
          framework: 'claude-agent-sdk',
          provider: 'anthropic',
          auth: { required_secret_keys: ['ANTHROPIC_API_KEY'], secret_key_logic: 'any', vertex_supported: true },
        },
      ],
    });
  });
});

describe('legacy files', () => {
  test('models: available ones by label, gated ones only when enabled, the provider’s default with ?provider', async () => {
    const all = await configured().request<{ models: { id: string; is_default: boolean }[]; default_model: string }>('GET', `${V1}/models`);
    expect(all.body.models.map((m) => m.id)).toEqual(['claude-haiku-4-5', 'claude-opus-4-6', 'claude-sonnet-4-6', 'gemini-2.5-flash']);
    expect(all.body.default_model).toBe('claude-sonnet-4-6');
    const google = await configured().request<{ models: { id: string; is_default: boolean }[]; default_model: string }>('GET', `${V1}/models?provider=google`);
    expect(google.body).toEqual({
      models: [{ id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', provider: 'google', is_default: true }],
      default_model: 'gemini-2.5-flash',
    });
    const none = await configured().request('GET', `${V1}/models?provider=nobody`);
    expect(none.body).toEqual({ models: [], default_model: '' });
  });

  test('runner types: gated ones only when enabled; the container and sandbox stay private', async () => {
    const res = await configured().request<{ runner_types: Record<string, unknown>[] }>('GET', `${V1}/runner-types`);
    expect(res.body.runner_types.map((r) => r['id'])).toEqual(['claude-agent-sdk', 'gemini-cli']);
    expect(res.text).not.toContain('example/runner');
  });

  test('a changed file is picked up; one that does not parse keeps the last good list', async () => {
    await fs.writeFile(modelsFile, JSON.stringify({ ...manifest, defaultModel: 'claude-haiku-4-5', providerDefaults: {} }));
    const changed = await configured().request<{ default_model: string }>('GET', `${V1}/models`);
    expect(changed.body.default_model).toBe('claude-haiku-4-5');
    await fs.writeFile(modelsFile, '{"models": ');
    const kept = await configured().request<{ default_model: string }>('GET', `${V1}/models`);
    expect(kept.body.default_model).toBe('claude-haiku-4-5');
  });

  test('a file that is missing or not in the format is a configuration problem at start', () => {
    expect(() => loadConfig({ MODELS_FILE: path.join(dir, 'absent.json') })).toThrow(/MODELS_FILE must name a readable file/);
    expect(() => loadConfig({ RUNNER_TYPES_FILE: modelsFile })).toThrow(/RUNNER_TYPES_FILE/);
  });
});
