import { prismaSchema } from './db/prisma-schema.ts';
import { kindFiles } from './schema/emit.ts';
import { printedSchema } from './schema/index.ts';
import { openApiYaml } from './rest/openapi.ts';
import { API_ROUTES } from './rest/routes.ts';

/**
 * The committed files derived from the Kind declarations. `npm run generate` rewrites them (with the
 * Prisma client and the GraphQL codegen output, scripts/generate.ts); a test (and
 * `npm run generate -- --check`) fails when one differs from a fresh generation.
 */
export interface GeneratedFile {
  path: string;
  render(): string | Promise<string>;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'prisma/schema.prisma', render: prismaSchema },
  { path: 'openapi/openapi.yaml', render: () => openApiYaml(API_ROUTES) },
  ...kindFiles(),
  { path: 'schema.graphql', render: printedSchema },
];
