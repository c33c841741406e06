import fs from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { expect, test } from 'vitest';
import config from '../../codegen.ts';

/** The committed typed documents equal a fresh GraphQL Code Generator run (`npm run codegen`). */
test('src/generated/graphql is up to date with schema.graphql and graphql/*.graphql', async () => {
  const outputs = await generate({ ...config, silent: true, cwd: new URL('../..', import.meta.url).pathname }, false);
  expect(outputs.length).toBeGreaterThan(0);
  for (const output of outputs) {
    expect(await fs.readFile(new URL(`../../${output.filename}`, import.meta.url), 'utf8'), output.filename).toBe(output.content);
  }
});
