import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * The GitHub App this server acts as (runtime.md §c.2): it authenticates to GitHub with a short JWT
 * signed by the App's private key — RS256, issuer the App id, valid for at most ten minutes
 * (GitHub's limit), backdated a minute for clock drift.
 */
export class GithubApp {
  constructor(
    readonly appId: string,
    private readonly privateKey: KeyObject,
  ) {}

  jwt(nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(this.appId)
      .setIssuedAt(nowSeconds - 60)
      .setExpirationTime(nowSeconds + 540)
      .sign(this.privateKey);
  }
}
