import type pg from 'pg';
import type { Logger } from '../log.ts';
import { DevelopmentAuthenticator, type Authenticator } from './authenticate.ts';
import type { AuthConfig } from './config.ts';
import { jwksFromFile, jwksFromUrl, KeyStore } from './jwks.ts';
import { JwtAuthenticator } from './jwt.ts';
import { PlatformAdmins } from './platform-admins.ts';
import type { UserProvisioning } from './provisioning.ts';

/** The authenticator the configuration asks for: JWT verification with a key source, else development mode. */
export function createAuthenticator(config: AuthConfig, deps: { pool: pg.Pool; users: UserProvisioning; log: Logger }): Authenticator {
  if (!config.jwks) return new DevelopmentAuthenticator(deps.pool, deps.users);
  const origin = 'url' in config.jwks ? config.jwks.url : config.jwks.file;
  const source = 'url' in config.jwks ? jwksFromUrl(config.jwks.url) : jwksFromFile(config.jwks.file);
  return new JwtAuthenticator({
    pool: deps.pool,
    users: deps.users,
    keys: new KeyStore({ source, origin, log: deps.log, algorithms: config.jwtAlgorithms }),
    algorithms: config.jwtAlgorithms,
    issuer: config.issuer,
    audience: config.audience,
    platformAdmins: new PlatformAdmins(config.platformAdmins),
  });
}
