import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import type { ApiAnswer, ApiRequest } from "../api/types";
import { useApiDoor } from "./api-door";

export type InitiativeList = ApiAnswer<"/api/bodies/{bodyId}/initiatives">;
export type InitiativeView = ApiAnswer<"/api/initiatives/{id}">;
export type InitiativeStatus = InitiativeView["status"];
export type InitiativeEffect = ApiAnswer<"/api/initiatives/{id}/effect">;
export type InitiativeInput = ApiRequest<"/api/bodies/{bodyId}/initiatives", "post">;
export type Evaluation = NonNullable<InitiativeView["evaluation"]>;

export function useInitiatives(bodyId: string) {
  const { prefix, signedIn, ready } = useApiDoor();
  return useQuery({
    queryKey: ["initiatives", bodyId, signedIn],
    queryFn: ({ signal }) =>
      getJson<InitiativeList>(`${prefix}bodies/${encodeURIComponent(bodyId)}/initiatives`, signal),
    enabled: ready,
  });
}

export function useInitiative(id: string) {
  const { prefix, signedIn, ready } = useApiDoor();
  return useQuery({
    queryKey: ["initiative", id, signedIn],
    queryFn: ({ signal }) =>
      getJson<InitiativeView>(`${prefix}initiatives/${encodeURIComponent(id)}`, signal),
    enabled: ready && id !== "",
  });
}

export function useInitiativeEffect(id: string) {
  const { prefix, signedIn, ready } = useApiDoor();
  return useQuery({
    queryKey: ["initiative-effect", id, signedIn],
    queryFn: ({ signal }) =>
      getJson<InitiativeEffect>(`${prefix}initiatives/${encodeURIComponent(id)}/effect`, signal),
    enabled: ready && id !== "",
    staleTime: 60 * 1000,
  });
}

/** A change to an initiative; the answer is the initiative as it now is. */
export function useInitiativeChange<Input>(change: (input: Input) => Promise<InitiativeView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (view) => {
      client.setQueryData(["initiative", view.id, true], view);
      void client.invalidateQueries({ queryKey: ["initiatives"] });
      void client.invalidateQueries({ queryKey: ["initiative-effect", view.id] });
    },
  });
}

export const createInitiative = (bodyId: string, input: InitiativeInput) =>
  sendJson<InitiativeView>("POST", `/api/bodies/${encodeURIComponent(bodyId)}/initiatives`, input);

export const editInitiative = (id: string, input: InitiativeInput & { version: number }) =>
  sendJson<InitiativeView>("PUT", `/api/initiatives/${encodeURIComponent(id)}`, input);

export const stepInitiative = (
  id: string,
  version: number,
  to: InitiativeStatus,
  evaluation: Evaluation | null,
) =>
  sendJson<InitiativeView>("POST", `/api/initiatives/${encodeURIComponent(id)}/status`, {
    version,
    to,
    evaluation,
  });
