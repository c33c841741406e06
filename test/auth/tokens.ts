import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/**
 * Test identity provider: RSA signing keys made here, a JWKS served over real HTTP (or written to
 * a file), and tokens minted with any header and claims — valid ones and every kind of bad one.
 */

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** A key pair for `alg` (RS256 by default); its public JWK declares `alg` unless `declareAlg` is false. */
export async function signingKey(kid: string, alg = 'RS256', { declareAlg = true } = {}): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, ...(declareAlg ? { alg } : {}), use: 'sig' } };
}

export const jwks = (...keys: SigningKey[]) => ({ keys: keys.map((k) => k.jwk) });

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface MintOptions {
  /** Header fields to add or override (`kid` defaults to the key's; `undefined` removes a field). */
  header?: Record<string, unknown>;
  /** Claims replacing the defaults (`undefined` removes a claim). */
  claims?: Record<string, unknown>;
}

const defined = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** A token for `username` signed with the key's algorithm, valid for an hour, unless options say otherwise. */
export async function mint(key: SigningKey, username: string, options: MintOptions = {}): Promise<string> {
  const now = nowSeconds();
  const claims = defined({ sub: `sub-${username}`, preferred_username: username, iat: now, exp: now + 3600, ...options.claims });
  const header = defined({ alg: key.alg, kid: key.kid, ...options.header });
  return new SignJWT(claims as JWTPayload).setProtectedHeader(header as { alg: string }).sign(key.privateKey);
}

/** A token with `alg: none` and no signature. */
export function unsigned(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'none' }): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part(header)}.${part(claims)}.`;
}

export interface JwksServer {
  url: string;
  /** How many times the JWKS was fetched. */
  fetches: number;
  /** What the server answers from now on: a document, or an HTTP status to fail with. */
  serve(document: unknown): void;
  fail(status: number): void;
  close(): Promise<void>;
}

export async function startJwksServer(document: unknown): Promise<JwksServer> {
  let body: unknown = document;
  let failure: number | undefined;
  const server = http.createServer((_req, res) => {
    state.fetches++;
    if (failure) {
      res.writeHead(failure).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: JwksServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: 0,
    serve(next) {
      body = next;
      failure = undefined;
    },
    fail(status) {
      failure = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return state;
}
