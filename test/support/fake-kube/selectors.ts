import { badRequest } from './errors.ts';

/**
 * Label selectors (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`)
 * and field selectors (`metadata.name=x`, `!=`) with the grammar and matching rules of
 * k8s.io/apimachinery: `!=` and `notin` also match objects without the label.
 */

export type Labels = Record<string, string>;
export type LabelSelector = (labels: Labels) => boolean;

type Requirement =
  { op: 'exists' | '!'; key: string } | { op: 'in' | 'notin'; key: string; values: string[] } | { op: 'gt' | 'lt'; key: string; value: number };

const SPECIAL = new Set([',', '(', ')', '=', '!', '<', '>']);

/** Splits a selector into identifiers and operators; whitespace only separates. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const pair = text.slice(i, i + 2);
    if (/\s/.test(c)) i++;
    else if (pair === '==' || pair === '!=') {
      tokens.push(pair);
      i += 2;
    } else if (SPECIAL.has(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < text.length && !SPECIAL.has(text[j]!) && !/\s/.test(text[j]!)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

const isIdentifier = (token: string | undefined): token is string => token !== undefined && !SPECIAL.has(token) && token !== '==' && token !== '!=';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function parseLabelSelector(text: string | undefined): LabelSelector {
  const requirements: Requirement[] = [];
  const tokens = tokenize(text ?? '');
  let pos = 0;
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why}`);
  };
  const value = (): string => {
    const token = tokens[pos];
    if (isIdentifier(token) && token !== 'in' && token !== 'notin') {
      pos++;
      if (!LABEL_VALUE.test(token) || token.length > 63) fail(`invalid label value: "${token}"`);
      return token;
    }
    return ''; // `a=` selects the empty value
  };
  while (pos < tokens.length) {
    if (tokens[pos] === '!') {
      pos++;
      const key = tokens[pos++];
      if (!isIdentifier(key)) fail(`found '${key ?? ''}', expected: identifier after '!'`);
      requirements.push({ op: '!', key: key! });
    } else {
      const key = tokens[pos++];
      if (!isIdentifier(key)) fail(`found '${key ?? ''}', expected: identifier`);
      const op = tokens[pos];
      if (op === undefined || op === ',') requirements.push({ op: 'exists', key: key! });
      else if (op === '=' || op === '==' || op === '!=') {
        pos++;
        requirements.push({ op: op === '!=' ? 'notin' : 'in', key: key!, values: [value()] });
      } else if (op === 'in' || op === 'notin') {
        pos++;
        if (tokens[pos++] !== '(') fail(`found '${tokens[pos - 1] ?? ''}', expected: '('`);
        const values: string[] = [];
        while (tokens[pos] !== ')') {
          values.push(value());
          if (tokens[pos] === ',') pos++;
          else if (tokens[pos] !== ')') fail(`found '${tokens[pos] ?? ''}', expected: ',', ')'`);
        }
        pos++;
        requirements.push({ op, key: key!, values });
      } else if (op === '>' || op === '<') {
        pos++;
        const bound = Number(tokens[pos++]);
        if (!Number.isInteger(bound)) fail(`for '${op}' operator, the value must be an integer`);
        requirements.push({ op: op === '>' ? 'gt' : 'lt', key: key!, value: bound });
      } else fail(`found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    if (pos < tokens.length && tokens[pos++] !== ',') fail(`found '${tokens[pos - 1]}', expected: ',' or 'end of string'`);
  }
  return (labels) =>
    requirements.every((r) => {
      const present = Object.hasOwn(labels, r.key);
      const actual = labels[r.key] ?? '';
      switch (r.op) {
        case 'exists':
          return present;
        case '!':
          return !present;
        case 'in':
          return present && r.values.includes(actual);
        case 'notin':
          return !present || !r.values.includes(actual);
        case 'gt':
          return present && Number(actual) > r.value;
        case 'lt':
          return present && Number(actual) < r.value;
      }
    });
}

export type FieldSelector = (fieldValue: (field: string) => string | undefined) => boolean;

/**
 * Parses `field=value,field!=value`; only the fields in `supported` may be named (as the real
 * server, which answers 400 for any other).
 */
export function parseFieldSelector(text: string | undefined, supported: string[], unsupportedMessage: (field: string) => string): FieldSelector {
  const terms = (text ?? '')
    .split(',')
    .filter((term) => term.trim() !== '')
    .map((term) => {
      const match = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
      if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
      const [, field, op, value] = match as unknown as [string, string, string, string];
      if (!supported.includes(field)) throw badRequest(unsupportedMessage(field));
      return { field, negate: op === '!=', value };
    });
  return (fieldValue) => terms.every((t) => (fieldValue(t.field) === t.value) !== t.negate);
}
