import { describe, expect, it } from "vitest";
import { flowFor, USE_CASES } from "./fixtures.ts";
import { classify, episodeKeyOf } from "./hospital-notification.ts";
import { readHospitalNotification } from "./read-hospital-notification.ts";
import { writeHospitalNotification } from "./write-hospital-notification.ts";

const expectedLabel: Record<string, string> = {
  SLHJ_EMER: "SLHJ",
  MORS_ON_LEAVE: "MORS",
  MORS_ON_ARRIVAL: "MORS",
  RE_MORS: "MORS", // RE_MORS has no code of its own: the ingest recognises it by its predecessor
  STAA_THEN_STIN: "STIN",
};

describe("HospitalNotification write → read", () => {
  for (const useCase of Object.keys(USE_CASES)) {
    it(`${useCase}: every message reads back to what was written`, () => {
      for (const message of flowFor(useCase).messages) {
        const result = readHospitalNotification(writeHospitalNotification(message));
        if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
        expect(result.notification).toEqual(message);
        expect(result.warnings).toEqual([]);
      }
    });

    it(`${useCase}: the last message classifies as ${expectedLabel[useCase] ?? useCase}`, () => {
      const last = flowFor(useCase).messages.at(-1);
      if (!last) throw new Error("empty flow");
      expect(classify(last)?.label).toBe(expectedLabel[useCase] ?? useCase);
    });
  }

  it("writes the same bytes for the same flow (deterministic ids)", () => {
    const a = flowFor("SLHJ").messages.map(writeHospitalNotification);
    const b = flowFor("SLHJ").messages.map(writeHospitalNotification);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("carries the provenance history: message n has n Provenances", () => {
    const messages = flowFor("SLHJ").messages;
    messages.forEach((m, i) => {
      const bundle = writeHospitalNotification(m) as {
        entry: { resource: { resourceType: string } }[];
      };
      expect(bundle.entry.filter((e) => e.resource.resourceType === "Provenance")).toHaveLength(
        i + 1,
      );
    });
  });

  it("takes event times from the Encounter, not from when the message was sent", () => {
    const [admit, leave, back, discharge] = flowFor("SLHJ").messages.map((m) => classify(m));
    expect(admit?.eventAt).toBe("2026-03-02T09:10:00+01:00");
    expect(leave?.eventAt).toBe("2026-03-04T14:00:00+01:00");
    expect(back?.eventAt).toBe("2026-03-05T18:00:00+01:00");
    expect(discharge?.eventAt).toBe("2026-03-07T11:00:00+01:00");
  });

  it("links only corrections and cancellations to the message they change", () => {
    const [, leave] = flowFor("STOR").messages.map((m) => classify(m));
    expect(leave?.refersToMessageHeaderId).toBeNull();
    expect(leave?.previousMessageHeaderId).not.toBeNull();
    const cancel = classify(flowFor("AN_STIN").messages[1] ?? flowFor("STIN").messages[0]!);
    expect(cancel?.variant).toBe("cancellation");
    expect(cancel?.refersToMessageHeaderId).toBe(flowFor("AN_STIN").messages[0]?.messageHeaderId);
  });

  it("keys a stay on its episode-of-care identifier across the STAA → STIN change of class", () => {
    const [staa, stin] = flowFor("STAA_THEN_STIN").messages;
    expect(staa && episodeKeyOf(staa)).toBe(stin && episodeKeyOf(stin));
  });
});
