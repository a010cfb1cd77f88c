import { createHash, randomBytes } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import * as oidc from "openid-client";
import { z } from "zod";
import type { Config } from "../platform/config.ts";

export type OidcSettings = NonNullable<Config["oidc"]>;

/** What must survive the round trip to the identity provider, sealed in a short-lived cookie. */
const transactionSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
});
export type OidcTransaction = z.infer<typeof transactionSchema>;

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
      // A confidential client authenticates with client_secret_basic; without a
      // secret it is a public client, and PKCE is what binds the code to it.
      const clientAuth = settings.clientSecret
        ? oidc.ClientSecretBasic(settings.clientSecret)
        : oidc.None();
      discovered = oidc
        .discovery(
          issuer,
          settings.clientId,
          undefined,
          clientAuth,
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

    /**
     * `query` is the callback's query string. The callback URL is rebuilt from the
     * configured redirect URI, not from the request, because openid-client sends it
     * as redirect_uri and behind a TLS-terminating proxy the request looks like http.
     */
    async finish(query: string, sealed: string): Promise<OidcIdentity> {
      const { payload } = await jwtDecrypt(sealed, key);
      const transaction = transactionSchema.parse(payload);
      const config = await configuration();
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = query;
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("the provider returned no ID token");
      const username = claims[settings.usernameClaim];
      // An address the provider itself says is unverified must not claim an account.
      const unverified = settings.usernameClaim === "email" && claims.email_verified === false;
      return {
        issuer: claims.iss,
        subject: claims.sub,
        username: typeof username === "string" && !unverified ? username.toLowerCase() : null,
      };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
