import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: typed documents for the operation files in `graphql/`, checked against
 * the committed `schema.graphql`. The output (src/generated/graphql/) is committed and a test fails
 * when it drifts; `npm run generate` (or `npm run codegen` alone) rewrites it. It also holds `persisted-documents.json`, the
 * trusted-documents manifest of these operations (hash → document).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['graphql/**/*.graphql'],
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256', mode: 'embedHashInDocument' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', SafeInt: 'number', JSON: 'unknown' },
      },
    },
  },
};

export default config;
