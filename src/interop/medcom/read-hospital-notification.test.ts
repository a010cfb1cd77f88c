import { describe, expect, it } from "vitest";
import { flowFor } from "./fixtures.ts";
import { readHospitalNotification } from "./read-hospital-notification.ts";
import { writeHospitalNotification } from "./write-hospital-notification.ts";

type Resource = Record<string, unknown> & { resourceType: string };
type Bundle = { entry: { fullUrl: string; resource: Resource }[] } & Record<string, unknown>;

function bundleOf(useCase = "STIN", index = 0): Bundle {
  const message = flowFor(useCase).messages[index];
  if (!message) throw new Error("no message");
  return structuredClone(writeHospitalNotification(message)) as Bundle;
}

function resource(bundle: Bundle, type: string): Resource {
  const found = bundle.entry.find((e) => e.resource.resourceType === type)?.resource;
  if (!found) throw new Error(`no ${type}`);
  return found;
}

function issuesOf(bundle: unknown) {
  const result = readHospitalNotification(bundle);
  if (result.ok) throw new Error("expected the message to be refused");
  return result.issues.map((i) => `${i.expression} | ${i.rule}`);
}

describe("HospitalNotification validation", () => {
  it("accepts a well-formed message", () => {
    expect(readHospitalNotification(bundleOf()).ok).toBe(true);
  });

  const cases: [string, (b: Bundle) => void, RegExp][] = [
    ["a Bundle that is not a message", (b) => (b.type = "collection"), /Bundle\.type/],
    ["a missing MessageHeader first", (b) => b.entry.reverse(), /bdl-12/],
    [
      "two Patients",
      (b) =>
        b.entry.push({ fullUrl: "urn:uuid:x", resource: { ...resource(b, "Patient"), id: "p2" } }),
      /medcom-hospitalNotification-2/,
    ],
    [
      "a patient identifier that is not a CPR number",
      (b) =>
        ((resource(b, "Patient").identifier as { system: string }[])[0]!.system = "urn:oid:1.2.3"),
      /entry\[2\]\.resource\.identifier \| medcom-hospitalNotification-4/,
    ],
    [
      "a CPR number without a valid birth date",
      (b) => ((resource(b, "Patient").identifier as { value: string }[])[0]!.value = "3102010000"),
      /identifier\[0\]\.value \| cpr:/,
    ],
    [
      "a carbon-copy receiver instead of a primary one",
      (b) => {
        const dest = (
          resource(b, "MessageHeader").destination as {
            extension: { valueCoding: { code: string } }[];
          }[]
        )[0]!;
        dest.extension[0]!.valueCoding.code = "cc";
      },
      /destination\[0\]\.extension \| medcom-hospitalNotification-5/,
    ],
    [
      "an encounter status outside the value set",
      (b) => (resource(b, "Encounter").status = "planned"),
      /resource\.status \| must be one of/,
    ],
    [
      "an encounter class outside the value set",
      (b) => ((resource(b, "Encounter").class as { code: string }).code = "AMB"),
      /resource\.class \| must be .* IMP .* EMER/,
    ],
    [
      "on leave without a leave period",
      (b) => (resource(b, "Encounter").status = "onleave"),
      /medcom-hospitalNotification-6/,
    ],
    [
      "a missing period start",
      (b) => (resource(b, "Encounter").period = {}),
      /period\.start \| is required/,
    ],
    [
      "a time without a timezone",
      (b) => (resource(b, "Encounter").period = { start: "2026-03-02T09:10:00" }),
      /period\.start \| must be a dateTime with seconds and a timezone/,
    ],
    [
      "an activity outside the HospitalNotification value set",
      (b) =>
        ((resource(b, "Provenance").activity as { coding: { code: string }[] }).coding[0]!.code =
          "new-message"),
      /medcom-hospitalNotification-3/,
    ],
    [
      "a GLN with a wrong check digit",
      (b) =>
        ((resource(b, "Organization").identifier as { value: string }[])[1]!.value =
          "5799990000010"),
      /gln-modulus-10/,
    ],
    [
      "a reference to a resource that is not in the Bundle",
      (b) => (resource(b, "MessageHeader").sender = { reference: "Organization/missing" }),
      /sender\.reference \| must reference a Organization in the Bundle/,
    ],
    [
      "no Provenance",
      (b) => (b.entry = b.entry.filter((e) => e.resource.resourceType !== "Provenance")),
      /medcom-messaging-2/,
    ],
  ];

  for (const [name, mutate, expected] of cases) {
    it(`refuses ${name}, naming the element and the rule`, () => {
      const bundle = bundleOf();
      mutate(bundle);
      const issues = issuesOf(bundle);
      expect(issues.join("\n")).toMatch(expected);
    });
  }

  it("never quotes the CPR number or the name in its errors", () => {
    const bundle = bundleOf();
    const patient = resource(bundle, "Patient");
    (patient.identifier as { value: string }[])[0]!.value = "3102019999";
    patient.name = [{ use: "official", family: 42 }];
    const text = JSON.stringify(issuesOf(bundle));
    expect(text).not.toContain("3102019999");
    expect(text).not.toContain("Testperson");
  });

  it("reports every problem at once, not only the first", () => {
    const bundle = bundleOf();
    resource(bundle, "Encounter").status = "planned";
    (resource(bundle, "Encounter").class as { code: string }).code = "AMB";
    expect(issuesOf(bundle)).toHaveLength(2);
  });

  it("resolves references by type and id whatever the fullUrl form, and in any entry order", () => {
    const bundle = bundleOf("SLHJ", 3);
    for (const e of bundle.entry)
      e.fullUrl = `https://fhir.example.org/${e.resource.resourceType}/${e.resource.id}`;
    const [header, ...rest] = bundle.entry;
    bundle.entry = [header!, ...rest.reverse()];
    expect(readHospitalNotification(bundle).ok).toBe(true);
  });

  it("accepts MedCom's upper-case activity spelling (the code system is case-insensitive)", () => {
    const bundle = bundleOf();
    (resource(bundle, "Provenance").activity as { coding: { code: string }[] }).coding[0]!.code =
      "ADMIT-INPATIENT";
    expect(readHospitalNotification(bundle).ok).toBe(true);
  });

  it("says what it can about a body that is not a Bundle at all", () => {
    expect(issuesOf({ resourceType: "Patient" })).toEqual([
      "Bundle | the body must be a FHIR Bundle",
    ]);
    expect(issuesOf("nonsense")).toHaveLength(1);
  });
});
