import fs from 'node:fs';
import { z } from 'zod';

/**
 * The model and runner-type lists of the new-session form (legacy `GET /models`,
 * `GET /runner-types`), from configuration: `MODELS_FILE` and `RUNNER_TYPES_FILE` name JSON files
 * in the legacy backend's formats (its `models.json` manifest and `agent-registry.json`), so the
 * same ConfigMaps can be mounted. Without a file, the built-in lists below apply. A model or runner
 * behind a feature gate is listed only when its gate is named in `ENABLED_FEATURE_GATES`
 * (`model.<id>.enabled` for models, the runner's own `featureGate`). A file is re-read when it
 * changes on disk (a mounted ConfigMap is updated in place); a change that does not parse keeps the
 * last good list.
 */

const modelEntry = z.object({
  id: z.string().min(1).max(200),
  label: z.string().max(200),
  provider: z.string().max(100),
  available: z.boolean().default(true),
  featureGated: z.boolean().default(false),
  vertexId: z.string().optional(),
});

export const modelManifest = z.object({
  version: z.number().optional(),
  defaultModel: z.string().min(1),
  providerDefaults: z.record(z.string(), z.string()).default({}),
  models: z.array(modelEntry).max(1000),
});
export type ModelManifest = z.infer<typeof modelManifest>;

const runnerType = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string().max(200),
  description: z.string().max(2000).default(''),
  framework: z.string().max(200).default(''),
  provider: z.string().max(100).default(''),
  featureGate: z.string().max(200).default(''),
  auth: z
    .object({
      requiredSecretKeys: z.array(z.string()).default([]),
      secretKeyLogic: z.string().default('any'),
      vertexSupported: z.boolean().default(false),
    })
    .default({ requiredSecretKeys: [], secretKeyLogic: 'any', vertexSupported: false }),
});
export const runnerRegistry = z.array(runnerType).max(1000);
export type RunnerRegistry = z.infer<typeof runnerRegistry>;

export const BUILT_IN_MODELS: ModelManifest = {
  defaultModel: 'claude-sonnet-4-5',
  providerDefaults: { anthropic: 'claude-sonnet-4-5', google: 'gemini-2.5-flash' },
  models: [
    { id: 'claude-sonnet-4-5', label: 'Claude Sonnet 4.5', provider: 'anthropic', available: true, featureGated: false },
    { id: 'claude-opus-4-5', label: 'Claude Opus 4.5', provider: 'anthropic', available: true, featureGated: false },
    { id: 'claude-haiku-4-5', label: 'Claude Haiku 4.5', provider: 'anthropic', available: true, featureGated: false },
    { id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', provider: 'google', available: true, featureGated: false },
  ],
};

export const BUILT_IN_RUNNER_TYPES: RunnerRegistry = [
  {
    id: 'claude-agent-sdk',
    displayName: 'Claude Code',
    description: 'Anthropic Claude with full coding capabilities',
    framework: 'claude-agent-sdk',
    provider: 'anthropic',
    featureGate: '',
    auth: { requiredSecretKeys: ['ANTHROPIC_API_KEY'], secretKeyLogic: 'any', vertexSupported: true },
  },
];

export interface CatalogConfig {
  modelsFile: string | undefined;
  runnerTypesFile: string | undefined;
  enabledGates: string[];
}

/** A JSON file's parsed contents, for the start-time check in configuration. */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>): { value: T } | { problem: string } {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return { problem: 'must name a readable file' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'must hold JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return { problem: `does not match the expected format: ${parsed.error.issues[0]?.path.join('.') || '(root)'} ${parsed.error.issues[0]?.message}` };
  return { value: parsed.data };
}

/** A file's parsed value, re-read when its modification time or size changes. */
class Watched<T> {
  private stamp = '';
  private value: T;

  constructor(
    private readonly path: string | undefined,
    private readonly schema: z.ZodType<T>,
    fallback: T,
  ) {
    this.value = fallback;
  }

  get(): T {
    if (!this.path) return this.value;
    let stamp: string;
    try {
      const stat = fs.statSync(this.path);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return this.value; // gone for a moment (a ConfigMap swap): keep the last good list
    }
    if (stamp !== this.stamp) {
      const read = readJsonFile(this.path, this.schema);
      if ('value' in read) this.value = read.value;
      this.stamp = stamp;
    }
    return this.value;
  }
}

export interface ModelList {
  models: { id: string; label: string; provider: string; is_default: boolean }[];
  default_model: string;
}

export interface RunnerTypeView {
  id: string;
  display_name: string;
  description: string;
  framework: string;
  provider: string;
  auth: { required_secret_keys: string[]; secret_key_logic: string; vertex_supported: boolean };
}

export class Catalog {
  private readonly models: Watched<ModelManifest>;
  private readonly runners: Watched<RunnerRegistry>;
  private readonly gates: Set<string>;

  constructor(config: CatalogConfig) {
    this.models = new Watched(config.modelsFile, modelManifest, BUILT_IN_MODELS);
    this.runners = new Watched(config.runnerTypesFile, runnerRegistry, BUILT_IN_RUNNER_TYPES);
    this.gates = new Set(config.enabledGates);
  }

  /** Available models, by label; `provider` narrows them and picks that provider's default. */
  listModels(provider?: string): ModelList {
    const manifest = this.models.get();
    const defaultModel = (provider && manifest.providerDefaults[provider]) || manifest.defaultModel;
    const models = manifest.models
      .filter((m) => m.available && (!provider || m.provider === provider))
      .filter((m) => m.id === defaultModel || !m.featureGated || this.gates.has(`model.${m.id}.enabled`))
      .map((m) => ({ id: m.id, label: m.label, provider: m.provider, is_default: m.id === defaultModel }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return { models, default_model: models.some((m) => m.is_default) ? defaultModel : '' };
  }

  listRunnerTypes(): RunnerTypeView[] {
    return this.runners
      .get()
      .filter((r) => r.featureGate === '' || this.gates.has(r.featureGate))
      .map((r) => ({
        id: r.id,
        display_name: r.displayName,
        description: r.description,
        framework: r.framework,
        provider: r.provider,
        auth: { required_secret_keys: r.auth.requiredSecretKeys, secret_key_logic: r.auth.secretKeyLogic, vertex_supported: r.auth.vertexSupported },
      }));
  }
}
