import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import type { Delivery, Webhook, WebhookCreated } from "./types";

/** Deliveries keep moving (retries, new handovers): the admin pages follow. */
const REFRESH_MS = 10_000;

const base = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/webhooks`;
const one = (organisationId: string, webhookId: string) =>
  `${base(organisationId)}/${encodeURIComponent(webhookId)}`;
const webhooksKey = (organisationId: string) => ["webhooks", organisationId] as const;

export type WebhookInput = { url: string; description?: string; events?: string[] };
export type WebhookAction =
  | { kind: "toggle"; webhook: Webhook }
  | { kind: "delete"; webhook: Webhook }
  | { kind: "rotate"; webhook: Webhook }
  | { kind: "ping"; webhook: Webhook };

export function useWebhooks(organisationId: string) {
  return useQuery({
    queryKey: webhooksKey(organisationId),
    queryFn: ({ signal }) => getJson<Webhook[]>(base(organisationId), signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });
}

export function useCreateWebhook(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) =>
      sendJson<WebhookCreated>("POST", base(organisationId), input),
    onSettled: () => void client.invalidateQueries({ queryKey: webhooksKey(organisationId) }),
  });
}

/** Switch on or off, delete, a new secret (answered once), or a test delivery. */
export function useWebhookAction(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: WebhookAction): Promise<{ secret?: string }> => {
      const path = one(organisationId, action.webhook.id);
      switch (action.kind) {
        case "toggle":
          await sendJson("PATCH", path, { active: !action.webhook.active });
          return {};
        case "delete":
          await sendJson("DELETE", path);
          return {};
        case "rotate":
          return sendJson<{ secret: string }>("POST", `${path}/rotate-secret`);
        case "ping":
          await sendJson("POST", `${path}/ping`);
          return {};
      }
    },
    onSettled: () => void client.invalidateQueries({ queryKey: webhooksKey(organisationId) }),
  });
}

export function useDeliveries(organisationId: string, webhookId: string, status: string) {
  return useQuery({
    queryKey: [...webhooksKey(organisationId), webhookId, "deliveries", status],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: "100" });
      if (status) query.set("status", status);
      return getJson<Delivery[]>(`${one(organisationId, webhookId)}/deliveries?${query}`, signal);
    },
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });
}

export function useRetryDelivery(organisationId: string, webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      sendJson(
        "POST",
        `${one(organisationId, webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: webhooksKey(organisationId) }),
  });
}
