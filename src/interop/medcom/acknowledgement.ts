import { randomUUID } from "node:crypto";
import type { MessageIssue } from "./bundle-reader.ts";
import { ACKNOWLEDGEMENT_EVENT, EXTENSION, PROFILE, SYSTEM } from "./codes.ts";
import type { MessagingOrganisation, ProvenanceEntry } from "./hospital-notification.ts";
import { messagingOrganisation } from "./write-hospital-notification.ts";

/**
 * MedCom Acknowledgement 2.0 (kvittering). Every received message gets one:
 * `ok`, `fatal-error` (the content is invalid: re-sending it is pointless) or
 * `transient-error` (our fault: the sender may re-send). The Ack goes back to
 * the message's sender: sender and receiver swap, as the element definitions
 * say (docs/medcom-hospitalnotification.md §6.2 records that MedCom's own
 * examples do not show the swap).
 */

export type ResponseCode = "ok" | "fatal-error" | "transient-error";

export type AcknowledgedMessage = {
  messageHeaderId: string;
  /** The hospital that sent the message; receives the Ack. Null when the message was unreadable. */
  sender: MessagingOrganisation | null;
  /** Us, as the message's receiver; sends the Ack. */
  receiver: MessagingOrganisation | null;
  sourceEndpoint: string | null;
  destinationEndpoint: string | null;
  currentProvenance: ProvenanceEntry | null;
};

const ISSUE_CODE: Record<MessageIssue["code"], string> = {
  structure: "structure",
  required: "required",
  value: "value",
  "code-invalid": "code-invalid",
  invariant: "invariant",
  invalid: "invalid",
  "not-found": "not-found",
  forbidden: "forbidden",
  duplicate: "duplicate",
};

export function operationOutcome(id: string, issues: MessageIssue[]) {
  return {
    resourceType: "OperationOutcome",
    id,
    meta: { profile: [PROFILE.acknowledgementOutcome] },
    issue: issues.map((i) => ({
      severity: i.severity,
      code: ISSUE_CODE[i.code],
      details: {
        ...(i.details ? { coding: [i.details] } : {}),
        text: `${i.expression}: ${i.rule}`,
      },
      expression: [i.expression],
    })),
  };
}

function provenance(p: ProvenanceEntry, agentRef: string | null) {
  return {
    resourceType: "Provenance",
    id: randomUUID(),
    meta: { profile: [PROFILE.provenance] },
    target: [{ reference: `MessageHeader/${p.messageHeaderId}` }],
    occurredDateTime: p.occurredAt,
    recorded: p.recordedAt,
    activity: { coding: [{ system: SYSTEM.activityCodes, code: p.activity }] },
    ...(agentRef ? { agent: [{ who: { reference: agentRef } }] } : {}),
    ...(p.entity
      ? {
          entity: [
            {
              role: p.entity.role,
              what: { reference: `MessageHeader/${p.entity.messageHeaderId}` },
            },
          ],
        }
      : {}),
  };
}

export function buildAcknowledgement(
  message: AcknowledgedMessage,
  response: ResponseCode,
  issues: MessageIssue[],
  now: Date = new Date(),
) {
  const headerId = randomUUID();
  const ackSender = message.receiver ? messagingOrganisation(message.receiver, randomUUID()) : null;
  const ackReceiver = message.sender ? messagingOrganisation(message.sender, randomUUID()) : null;
  const outcome =
    issues.length > 0 || response !== "ok" ? operationOutcome(randomUUID(), issues) : null;
  const at = now.toISOString();
  const own: ProvenanceEntry = {
    messageHeaderId: headerId,
    activity: "acknowledgement" as ProvenanceEntry["activity"],
    occurredAt: at,
    recordedAt: at,
    entity: { role: "revision", messageHeaderId: message.messageHeaderId },
  };
  const header = {
    resourceType: "MessageHeader",
    id: headerId,
    meta: { profile: [PROFILE.acknowledgementHeader] },
    text: {
      status: "generated",
      div: `<div xmlns="http://www.w3.org/1999/xhtml">Kvittering (${response}) for meddelelse ${message.messageHeaderId}.</div>`,
    },
    eventCoding: { system: SYSTEM.eventCodes, code: ACKNOWLEDGEMENT_EVENT },
    destination: [
      {
        extension: [
          {
            url: EXTENSION.destinationUse,
            valueCoding: { system: SYSTEM.destinationUse, code: "primary" },
          },
        ],
        endpoint: message.sourceEndpoint ?? "urn:unknown-sender",
        ...(ackReceiver ? { receiver: { reference: `Organization/${ackReceiver.id}` } } : {}),
      },
    ],
    ...(ackSender ? { sender: { reference: `Organization/${ackSender.id}` } } : {}),
    source: { endpoint: message.destinationEndpoint ?? "urn:tovholder" },
    response: {
      identifier: message.messageHeaderId,
      code: response,
      ...(outcome ? { details: { reference: `OperationOutcome/${outcome.id}` } } : {}),
    },
  };
  const resources: { resourceType: string; id: string }[] = [header];
  if (ackSender) resources.push(ackSender);
  if (ackReceiver) resources.push(ackReceiver);
  if (message.currentProvenance) {
    resources.push(
      provenance(message.currentProvenance, ackReceiver ? `Organization/${ackReceiver.id}` : null),
    );
  }
  resources.push(provenance(own, ackSender ? `Organization/${ackSender.id}` : null));
  if (outcome) resources.push(outcome);
  return {
    resourceType: "Bundle",
    id: randomUUID(),
    meta: { profile: [PROFILE.acknowledgement] },
    type: "message",
    timestamp: at,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

/** A stored Ack re-sent for a duplicate: same content, new Bundle id and timestamp (MedCom 043). */
export function resendAcknowledgement<T extends { id: string; timestamp: string }>(
  ack: T,
  now = new Date(),
): T {
  return { ...structuredClone(ack), id: randomUUID(), timestamp: now.toISOString() };
}
