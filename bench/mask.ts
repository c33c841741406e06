/**
 * What legitimately differs between two otherwise identical results — the ids a create generates
 * and the timestamps it takes — replaced by placeholders, so the rest can be compared exactly.
 */
export function maskVolatile(value: unknown, ids: readonly string[]): unknown {
  let text = JSON.stringify(value);
  for (const id of ids) text = text.replaceAll(id, '<id>').replaceAll(id.toLowerCase(), '<id>');
  text = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<timestamp>');
  return JSON.parse(text) as unknown;
}
