import type { IncomingMessage } from 'node:http';
import { BlockList, isIP, isIPv4 } from 'node:net';
import type { Identity } from './provisioning.ts';

/**
 * Identity asserted by an authenticating proxy in front of the server (oauth2-proxy, OpenShift's
 * oauth-proxy): `X-Forwarded-User`, `-Preferred-Username`, `-Email`, `-Groups`. Believed only when
 * `AUTH_TRUSTED_PROXIES` lists the address the connection comes from — the TCP peer, never a
 * `X-Forwarded-For` a client can write — and ignored otherwise: anyone can send these headers.
 *
 * The username is `X-Forwarded-Preferred-Username`, else `X-Forwarded-User`, else
 * `X-Forwarded-Email` (the order of the JWT claims, runtime.md §c.1, so a user is the same user
 * either way); groups are the comma-separated `X-Forwarded-Groups` (repeated headers too).
 *
 * Matching uses node's `net.BlockList` (no dependency; IPv4, IPv6, CIDR prefixes); an IPv4 peer
 * seen as `::ffff:a.b.c.d` on a dual-stack socket is matched as the IPv4 address.
 */

export interface ProxyRule {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.0/8`, `127.0.0.1`, `fd00::/8`, `::1` → a rule; a message when the entry is not one. */
export function parseProxyRule(entry: string): ProxyRule | string {
  const [address = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return `AUTH_TRUSTED_PROXIES: ${entry} is not an IP address or CIDR range`;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return `AUTH_TRUSTED_PROXIES: ${entry} has a prefix length outside 0–${max}`;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

const MAX_HEADER = 1024;
const MAX_GROUPS = 256;

export class TrustedProxies {
  private readonly list = new BlockList();

  constructor(rules: readonly ProxyRule[]) {
    for (const rule of rules) this.list.addSubnet(rule.address, rule.prefix, rule.family);
  }

  /** Whether the connection comes from a configured proxy. */
  trusts(req: IncomingMessage): boolean {
    const peer = req.socket.remoteAddress;
    if (!peer) return false;
    const mapped = MAPPED_IPV4.exec(peer)?.[1];
    if (mapped) return this.list.check(mapped, 'ipv4');
    return this.list.check(peer, isIPv4(peer) ? 'ipv4' : 'ipv6');
  }

  /** The identity the proxy asserts, when the request comes from one and carries a user; else undefined. */
  identity(req: IncomingMessage): Identity | undefined {
    if (!this.trusts(req)) return undefined;
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      const text = (Array.isArray(value) ? value[0] : value)?.trim();
      return text && text.length <= MAX_HEADER ? text : undefined;
    };
    const email = header('x-forwarded-email');
    const username = header('x-forwarded-preferred-username') ?? header('x-forwarded-user') ?? email;
    if (!username) return undefined;
    const raw = req.headers['x-forwarded-groups'];
    const groups = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
      .split(',')
      .map((group) => group.trim())
      .filter((group) => group !== '' && group.length <= 255)
      .slice(0, MAX_GROUPS);
    return { username, name: username, email, groups: [...new Set(groups)] };
  }
}
