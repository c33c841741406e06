/**
 * Tokenizer of the Tree Search Language (rest-contract §6.3).
 *
 * The lexer knows nothing about Kinds; it only cuts the text into tokens. Keywords are recognised
 * case-insensitively and reported as `keyword` tokens with their lower-case spelling. Numbers are
 * unsigned here: a sign is a separate `+` / `-` operator token, and the parser joins a sign to the
 * number that immediately follows it (no whitespace) wherever a literal is expected, so that
 * `timeout-5` is a subtraction and `timeout > -5` compares with minus five.
 */

export const KEYWORDS = ['and', 'or', 'not', 'like', 'ilike', 'in', 'between', 'is', 'null'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Operator and punctuation tokens, longest spellings first (the lexer matches greedily). */
export const OPERATORS = ['<=', '>=', '<>', '!=', '~=', '~!', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Token =
  | { type: 'name'; text: string; start: number; end: number }
  | { type: 'keyword'; keyword: Keyword; text: string; start: number; end: number }
  /** `value` is the string's content with every `''` replaced by one `'`. */
  | { type: 'string'; value: string; text: string; start: number; end: number }
  /** An unsigned decimal number; `text` is its spelling as written. */
  | { type: 'number'; text: string; start: number; end: number }
  | { type: 'operator'; operator: Operator; text: string; start: number; end: number }
  | { type: 'end'; text: ''; start: number; end: number };

/**
 * Why a search was refused (lexing, parsing or checking against a Kind), optionally with the 0-based
 * offset in the search text it is about. `compileSearch` turns it into the contract's 400 code 21.
 */
export class SearchError extends Error {
  constructor(
    readonly detail: string,
    readonly position?: number,
  ) {
    super(position === undefined ? detail : `${detail} at position ${position + 1}`);
    this.name = 'SearchError';
  }
}

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (NAME_START.test(c)) {
      while (i < n && NAME_PART.test(text[i]!)) i++;
      const word = text.slice(start, i);
      const lower = word.toLowerCase();
      if (KEYWORD_SET.has(lower)) tokens.push({ type: 'keyword', keyword: lower as Keyword, text: word, start, end: i });
      else tokens.push({ type: 'name', text: word, start, end: i });
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw new SearchError('unterminated string', start);
        const d = text[i]!;
        if (d === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += d;
        i++;
      }
      tokens.push({ type: 'string', value, text: text.slice(start, i), start, end: i });
      continue;
    }
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      i = scanNumber(text, i);
      tokens.push({ type: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, i));
    if (operator) {
      i += operator.length;
      tokens.push({ type: 'operator', operator, text: operator, start, end: i });
      continue;
    }
    throw new SearchError(`unexpected character ${describeChar(text, i)}`, i);
  }
  tokens.push({ type: 'end', text: '', start: n, end: n });
  return tokens;
}

/** number := ( digit+ ['.' digit*] | '.' digit+ ) [ ('e' | 'E') ['+' | '-'] digit+ ]; returns the end offset. */
function scanNumber(text: string, start: number): number {
  let i = start;
  const n = text.length;
  while (i < n && DIGIT.test(text[i]!)) i++;
  if (text[i] === '.') {
    i++;
    while (i < n && DIGIT.test(text[i]!)) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (DIGIT.test(text[j] ?? '')) {
      while (j < n && DIGIT.test(text[j]!)) j++;
      i = j;
    }
  }
  // `12abc`, `1e`, `1.2.3`: a number must not run into a name or another number.
  if (i < n && (NAME_PART.test(text[i]!) || text[i] === '.')) throw new SearchError(`malformed number ${JSON.stringify(text.slice(start, i + 1))}`, start);
  return i;
}

function describeChar(text: string, i: number): string {
  const code = text.codePointAt(i)!;
  const char = String.fromCodePoint(code);
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
}
