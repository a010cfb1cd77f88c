import { createHash, randomBytes } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import * as oidc from "openid-client";
import type { Config } from "../platform/config.ts";

export type OidcSettings = NonNullable<Config["oidc"]>;

/** What must survive the round trip to the identity provider, sealed in a short-lived cookie. */
export type OidcTransaction = { state: string; nonce: string; codeVerifier: string };

export type OidcIdentity = { issuer: string; subject: string; username: string | null };

export const OIDC_COOKIE = "tovholder_oidc";
export const OIDC_COOKIE_SECONDS = 600;

/**
 * OpenID Connect login: authorization code with PKCE, state and nonce. The
 * provider is discovered once, lazily, so the server starts even while the
 * identity provider is down.
 */
export function createOidcClient(settings: OidcSettings, cookieSecret: string | undefined) {
  // Without a configured secret the key lives in this process only: fine for one
  // instance; several instances behind a load balancer need OIDC_COOKIE_SECRET.
  const key = cookieSecret ? createHash("sha256").update(cookieSecret).digest() : randomBytes(32);
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    if (!discovered) {
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === "http:" && process.env.NODE_ENV !== "production";
      discovered = oidc
        .discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          undefined,
          insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((err: unknown) => {
          discovered = undefined;
          throw err;
        });
    }
    return discovered;
  }

  return {
    async start(): Promise<{ url: string; sealed: string }> {
      const config = await configuration();
      const transaction: OidcTransaction = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: "S256",
        state: transaction.state,
        nonce: transaction.nonce,
      });
      const sealed = await new EncryptJWT({ ...transaction })
        .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
        .setIssuedAt()
        .setExpirationTime(`${OIDC_COOKIE_SECONDS}s`)
        .encrypt(key);
      return { url: url.href, sealed };
    },

    async finish(callbackUrl: URL, sealed: string): Promise<OidcIdentity> {
      const { payload } = await jwtDecrypt(sealed, key);
      const transaction = payload as unknown as OidcTransaction;
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("the provider returned no ID token");
      const username = claims[settings.usernameClaim];
      return {
        issuer: claims.iss,
        subject: claims.sub,
        username: typeof username === "string" ? username.toLowerCase() : null,
      };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
