/**
 * Xero's `where` filter: a small LINQ-like language. What people use: ==, !=, <, >, comparisons,
 * .Contains() / .StartsWith() / .EndsWith() / .ToLower() / .ToUpper(), &&, ||, !, AND, OR, NOT,
 * parentheses, and double-quoted strings with backslash escapes. A malformed clause is a
 * QueryParseException, as at Xero.
 */
export type FieldValue = string | number | boolean | null;
export type FieldReader = (field: string) => FieldValue;

export class WhereParseError extends Error {
  override name = 'WhereParseError';
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ident'; value: string }
  | { kind: 'op'; value: string };

const operators = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '(', ')', '.', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '"') {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= source.length) throw new WhereParseError('Unterminated string literal');
        const next = source.charAt(index);
        if (next === '\\') {
          const escaped = source.charAt(index + 1);
          if (escaped === '') throw new WhereParseError('Unterminated string literal');
          value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
          index += 2;
        } else if (next === '"') {
          index += 1;
          break;
        } else {
          value += next;
          index += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(source.charAt(index + 1)))) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(source.slice(index));
      tokens.push({ kind: 'number', value: Number(match?.[0]) });
      index += match?.[0].length ?? 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index));
      tokens.push({ kind: 'ident', value: match?.[0] ?? char });
      index += match?.[0].length ?? 1;
    } else {
      const op = operators.find((candidate) => source.startsWith(candidate, index));
      if (!op) throw new WhereParseError(`Unexpected character '${char}' at position ${index}`);
      tokens.push({ kind: 'op', value: op });
      index += op.length;
    }
  }
  return tokens;
}

type Node =
  | { type: 'literal'; value: FieldValue }
  | { type: 'field'; name: string }
  | { type: 'call'; target: Node; method: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

const methods: Record<string, number> = { ToLower: 0, ToUpper: 0, Trim: 0, Contains: 1, StartsWith: 1, EndsWith: 1 };

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fields: ReadonlySet<string>,
    private readonly typeName: string,
  ) {}

  parse(): Node {
    const node = this.or();
    const extra = this.tokens[this.position];
    if (extra) throw new WhereParseError(`Unexpected '${String(extra.value)}' at the end of the where clause`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'op' && token.value === value;
  }

  private isKeyword(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'ident' && token.value.toUpperCase() === value;
  }

  private expectOp(value: string): void {
    if (!this.isOp(value)) throw new WhereParseError(`Expected '${value}'`);
    this.position += 1;
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp('||') || this.isKeyword('OR')) {
      this.position += 1;
      left = { type: 'binary', op: '||', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.isOp('&&') || this.isKeyword('AND')) {
      this.position += 1;
      left = { type: 'binary', op: '&&', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('!') || this.isKeyword('NOT')) {
      this.position += 1;
      return { type: 'not', operand: this.unary() };
    }
    return this.comparison();
  }

  private comparison(): Node {
    const left = this.operand();
    const token = this.peek();
    if (token?.kind === 'op' && ['==', '!=', '>', '<', '>=', '<='].includes(token.value)) {
      this.position += 1;
      return { type: 'binary', op: token.value, left, right: this.operand() };
    }
    return left;
  }

  private operand(): Node {
    const token = this.peek();
    if (!token) throw new WhereParseError('The where clause ended too early');
    this.position += 1;
    let node: Node;
    if (token.kind === 'op' && token.value === '(') {
      node = this.or();
      this.expectOp(')');
    } else if (token.kind === 'string' || token.kind === 'number') {
      node = { type: 'literal', value: token.value };
    } else if (token.kind === 'ident') {
      const word = token.value;
      if (word === 'true' || word === 'false') node = { type: 'literal', value: word === 'true' };
      else if (word === 'null') node = { type: 'literal', value: null };
      else if (word === 'Guid' && this.isOp('(')) {
        this.expectOp('(');
        const inner = this.peek();
        if (inner?.kind !== 'string') throw new WhereParseError('Guid() takes a quoted value');
        this.position += 1;
        this.expectOp(')');
        node = { type: 'literal', value: inner.value.toLowerCase() };
      } else if (this.fields.has(word)) node = { type: 'field', name: word };
      else throw new WhereParseError(`No property or field '${word}' exists in type '${this.typeName}'`);
    } else {
      throw new WhereParseError(`Unexpected '${token.value}'`);
    }
    while (this.isOp('.')) {
      this.position += 1;
      const name = this.peek();
      if (name?.kind !== 'ident' || !(name.value in methods))
        throw new WhereParseError(`Unknown method '${String(name?.value ?? '')}'`);
      this.position += 1;
      this.expectOp('(');
      const args: Node[] = [];
      if (!this.isOp(')')) {
        args.push(this.or());
        while (this.isOp(',')) {
          this.position += 1;
          args.push(this.or());
        }
      }
      this.expectOp(')');
      if (args.length !== methods[name.value])
        throw new WhereParseError(`${name.value}() takes ${methods[name.value]} argument(s)`);
      node = { type: 'call', target: node, method: name.value, args };
    }
    return node;
  }
}

function evaluate(node: Node, read: FieldReader): FieldValue {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'field':
      return read(node.name);
    case 'not':
      return !truthy(evaluate(node.operand, read));
    case 'call': {
      const target = evaluate(node.target, read);
      const argument = node.args[0] ? evaluate(node.args[0], read) : null;
      if (typeof target !== 'string') return node.method.startsWith('To') || node.method === 'Trim' ? null : false;
      const needle = typeof argument === 'string' ? argument : String(argument ?? '');
      switch (node.method) {
        case 'ToLower':
          return target.toLowerCase();
        case 'ToUpper':
          return target.toUpperCase();
        case 'Trim':
          return target.trim();
        case 'Contains':
          return target.includes(needle);
        case 'StartsWith':
          return target.startsWith(needle);
        default:
          return target.endsWith(needle);
      }
    }
    case 'binary': {
      if (node.op === '&&') return truthy(evaluate(node.left, read)) && truthy(evaluate(node.right, read));
      if (node.op === '||') return truthy(evaluate(node.left, read)) || truthy(evaluate(node.right, read));
      // Strings compare exactly, as in LINQ; callers use ToLower() for case-insensitive matches.
      const left = evaluate(node.left, read);
      const right = evaluate(node.right, read);
      if (node.op === '==') return left === right;
      if (node.op === '!=') return left !== right;
      if (left === null || right === null) return false;
      if (node.op === '>') return left > right;
      if (node.op === '<') return left < right;
      if (node.op === '>=') return left >= right;
      return left <= right;
    }
  }
}

const truthy = (value: FieldValue) => value === true;

export type WherePredicate = (read: FieldReader) => boolean;

export function compileWhere(source: string, fields: ReadonlySet<string>, typeName: string): WherePredicate {
  const tree = new Parser(tokenize(source), fields, typeName).parse();
  return (read) => truthy(evaluate(tree, read));
}
