import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, getJson } from "../api/client";
import type { Problem } from "../api/types";

export type Membership = {
  membershipId: string;
  role: string;
  organisation: {
    id: string;
    name: string;
    kind: string;
    hospitalId: string | null;
    bodyId: string | null;
    regionCode: string | null;
  };
};

export type Me = {
  user: {
    id: string;
    username: string;
    displayName: string;
    kind: "staff" | "citizen" | "relative";
  };
  memberships: Membership[];
  activeMembershipId: string | null;
  csrfToken: string;
};

export type AuthConfig = { demo: boolean; oidc: boolean };
export type DemoUser = { username: string; displayName: string; kind: string };

let csrfToken: string | null = null;

/** Sends a state-changing request with the session's CSRF token; errors throw ApiError. */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(
    method,
    path,
    body === undefined ? undefined : { type: "application/json", text: JSON.stringify(body) },
  );
}

/** A file's text as the body (a CSV import), with the session's CSRF token; JSON back. */
export function sendText<T>(path: string, type: string, text: string): Promise<T> {
  return send<T>("POST", path, { type, text });
}

async function send<T>(
  method: string,
  path: string,
  body: { type: string; text: string } | undefined,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": body.type }),
      ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
    },
    body: body?.text,
  });
  if (!response.ok) {
    let problem: Problem = {
      type: "about:blank",
      title: response.statusText,
      status: response.status,
    };
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Who is logged in, or null. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async ({ signal }) => {
      try {
        const me = await getJson<Me>("/api/me", signal);
        csrfToken = me.csrfToken;
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          csrfToken = null;
          return null;
        }
        throw err;
      }
    },
    retry: false,
  });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: ["auth-config"],
    queryFn: ({ signal }) => getJson<AuthConfig>("/api/auth/config", signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDemoUsers(enabled: boolean) {
  return useQuery({
    queryKey: ["demo-users"],
    queryFn: ({ signal }) => getJson<DemoUser[]>("/api/auth/demo-users", signal),
    enabled,
  });
}

function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => {
    csrfToken = me?.csrfToken ?? null;
    client.setQueryData(["me"], me);
    // Everything else was fetched as someone else.
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "me" });
  };
}

export function useLogin() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      sendJson<Me>("POST", "/api/auth/login", input),
    onSuccess: setMe,
  });
}

export function useLogout() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: () => sendJson<void>("POST", "/api/auth/logout"),
    onSettled: () => setMe(null),
  });
}

export function useSwitchMembership() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (membershipId: string) =>
      sendJson<Me>("PUT", "/api/me/active-membership", { membershipId }),
    onSuccess: setMe,
  });
}

export function activeMembership(me: Me | null | undefined): Membership | undefined {
  return me?.memberships.find((m) => m.membershipId === me.activeMembershipId);
}
