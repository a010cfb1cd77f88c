import { lookup as systemLookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Reason } from "../platform/http/errors.ts";
import {
  hostKey,
  normaliseHost,
  UNRESOLVED,
  webhookAddressProblem,
  webhookUrlProblem,
} from "./model.ts";

/**
 * The only way out to a webhook. A URL is checked when it is saved and again
 * at every delivery; at delivery the connection is made only to an address
 * this check has just passed (the request's own DNS lookup is this one), so a
 * name that answers differently between the check and the connection (DNS
 * rebinding) cannot reach inside. Redirects are not followed.
 */

export type ResolvedAddress = { address: string; family: number };
/** Looks a host name up: every address it has. Tests inject their own. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = (hostname) => systemLookup(hostname, { all: true });

export type TargetPolicy = {
  /** Hosts the operator allows even on internal addresses (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  resolve?: Resolve;
};

/** Refused before any connection: the detail goes to the server log, never to the delivery log. */
export class RefusedTarget extends Error {
  override name = "RefusedTarget";
}

export function createTargetGuard(policy: TargetPolicy = {}) {
  const allowed = new Set(
    (policy.allowedHosts ?? []).flatMap((h) => {
      const key = normaliseHost(h);
      return key ? [key] : [];
    }),
  );
  const resolve = policy.resolve ?? systemResolve;

  /** Every address a host has now, and why it may not be reached (an allowed host: any address). */
  async function check(hostname: string): Promise<{ addresses: string[]; problem: Reason | null }> {
    let found: ResolvedAddress[];
    try {
      found = await resolve(hostname);
    } catch {
      return { addresses: [], problem: UNRESOLVED };
    }
    const addresses = found.map((a) => a.address);
    if (addresses.length === 0) return { addresses, problem: UNRESOLVED };
    if (allowed.has(hostKey(hostname))) return { addresses, problem: null };
    return { addresses, problem: webhookAddressProblem(addresses) };
  }

  /** For `http.request`: answers the host's addresses only after every one has passed `check`. */
  const lookup = ((hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    check(hostname).then(({ addresses, problem }) => {
      if (problem) return callback(refusal(hostname, problem, addresses), options.all ? [] : "", 0);
      const all = addresses.map((address) => ({ address, family: isIP(address) }));
      if (options.all) return callback(null, all);
      const [first] = all as [ResolvedAddress];
      callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;

  return {
    /** Why this URL may not be saved, or null: its form, then every address its host has now. */
    async problemOf(text: string): Promise<Reason | null> {
      const problem = webhookUrlProblem(text, allowed);
      if (problem) return problem;
      const host = hostKey(new URL(text).hostname);
      // An address written out was judged above; a name by what it resolves to now.
      return isIP(host) === 0 ? (await check(host)).problem : null;
    },

    /**
     * POSTs the body and answers the HTTP status; throws when there is no
     * HTTP answer (refused target, DNS, connection, TLS, time limit).
     */
    async post(
      text: string,
      headers: Record<string, string>,
      body: string,
      timeoutMs: number,
    ): Promise<number> {
      const problem = webhookUrlProblem(text, allowed);
      if (problem) throw new RefusedTarget(`webhook URL refused: it ${problem.reason}`);
      const url = new URL(text);
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      return new Promise<number>((resolvePost, reject) => {
        const request = send(url, {
          method: "POST",
          // A fresh connection each time: every one goes through `lookup`.
          agent: false,
          lookup,
          signal: AbortSignal.timeout(timeoutMs),
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        });
        request.on("response", (response) => {
          // The answer's body is the receiver's business, not ours to keep.
          response.destroy();
          resolvePost(response.statusCode ?? 0);
        });
        request.on("error", reject);
        request.end(body);
      });
    },
  };
}

export type TargetGuard = ReturnType<typeof createTargetGuard>;

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | ResolvedAddress[],
  family?: number,
) => void;

function refusal(host: string, reason: Reason, addresses: string[]): RefusedTarget {
  const where = addresses.length > 0 ? ` (${addresses.join(", ")})` : "";
  return new RefusedTarget(`webhook host ${host}${where} refused: it ${reason.reason}`);
}
