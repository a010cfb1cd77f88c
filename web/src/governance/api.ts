import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import type { ApiAnswer, ApiRequest } from "../api/types";
import { useApiDoor } from "./api-door";

export type AgreementList = ApiAnswer<"/api/bodies/{bodyId}/agreements">;
export type AgreementView = ApiAnswer<"/api/agreements/{id}">;
export type AgreementStatus = AgreementView["status"];
export type Commitment = AgreementView["commitments"][number];
export type ContentInput = ApiRequest<"/api/bodies/{bodyId}/agreements", "post">;
export type CommitmentInput = ContentInput["commitments"][number];
export type ResourceInput = CommitmentInput["resources"][number];
export type PartySector = CommitmentInput["responsible"]["sector"];

export function useAgreements(bodyId: string) {
  const { prefix, signedIn, ready } = useApiDoor();
  const path = `${prefix}bodies/${encodeURIComponent(bodyId)}/agreements`;
  return useQuery({
    queryKey: ["agreements", bodyId, signedIn],
    queryFn: ({ signal }) => getJson<AgreementList>(path, signal),
    enabled: ready,
  });
}

export function useAgreement(id: string) {
  const { prefix, signedIn, ready } = useApiDoor();
  const path = `${prefix}agreements/${encodeURIComponent(id)}`;
  return useQuery({
    queryKey: ["agreement", id, signedIn],
    queryFn: ({ signal }) => getJson<AgreementView>(path, signal),
    enabled: ready,
  });
}

/** A change to an agreement; the answer is the agreement as it now is. */
export function useAgreementChange<Input>(change: (input: Input) => Promise<AgreementView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (view) => {
      client.setQueryData(["agreement", view.id, true], view);
      void client.invalidateQueries({ queryKey: ["agreements"] });
      void client.invalidateQueries({ queryKey: ["handover-rules"] });
    },
  });
}

export const createAgreement = (bodyId: string, input: ContentInput) =>
  sendJson<AgreementView>("POST", `/api/bodies/${encodeURIComponent(bodyId)}/agreements`, input);

export const editAgreement = (id: string, input: ContentInput & { version: number }) =>
  sendJson<AgreementView>("PUT", `/api/agreements/${encodeURIComponent(id)}`, input);

export const stepAgreement = (id: string, version: number, to: AgreementStatus) =>
  sendJson<AgreementView>("POST", `/api/agreements/${encodeURIComponent(id)}/steps`, {
    version,
    to,
  });

export const commentOn = (id: string, version: number, text: string) =>
  sendJson<AgreementView>("POST", `/api/agreements/${encodeURIComponent(id)}/comments`, {
    version,
    text,
  });
