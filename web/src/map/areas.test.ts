import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { BodySummary, MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { danish } from "../i18n/bundles";
import { structureText } from "../structure/text";
import { mapAreas, type Transition } from "./areas";
import { tooltipHtml } from "./map-option";
import { noBodyColour, outsideColour } from "./palette";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const feature = (code: string, name: string) => ({
  type: "Feature" as const,
  properties: { lau_1: code, label_dk: name },
  geometry: square,
});
const geo: MunicipalityGeo = {
  type: "FeatureCollection",
  features: [feature("101", "København"), feature("153", "Brøndby"), feature("411", "Christiansø")],
};
const body = (
  id: string,
  name: string,
  verified: boolean,
  kind: BodySummary["kind"] = "sundhedsklynge",
): BodySummary => ({
  id,
  kind,
  name,
  regionCode: "1084",
  verified,
  verification: {},
  aliases: [],
  acuteHospitals: [],
  municipalityCodes: [],
  partialMunicipalityCodes: [],
  validFrom: "2022-07-01",
  validTo: null,
});
const bodies = [
  body("hovedstaden-byen", "Sundhedsklynge Byen", true),
  body("hovedstaden-syd", "Sundhedsklynge Syd", false),
];
const municipality = (code: string, name: string, bodyId: string, partial: string[]) =>
  ({
    code,
    name,
    regionCode: "1084",
    population: 1,
    bodyId,
    partialBodyIds: partial,
  }) satisfies MunicipalityListItem;
const municipalities = [
  municipality("101", "København", "hovedstaden-byen", ["hovedstaden-syd"]),
  municipality("153", "Brøndby", "hovedstaden-syd", []),
];

beforeAll(async () => {
  await i18next.init({ lng: "da", resources: { da: { translation: danish } } });
});

const t = () => structureText(i18next.t);

describe("the map's areas", () => {
  const areas = mapAreas({ geo, bodies, municipalities });
  const area = (code: string) => areas.find((a) => a.code === code)!;

  it("names the primary body and the partial one in the tooltip", () => {
    const html = tooltipHtml(area("101"), t());
    expect(html).toContain("Sundhedsklynge: Sundhedsklynge Byen");
    expect(html).toContain("delvis også: Sundhedsklynge Syd");
  });

  it("marks an unverified body in the tooltip", () => {
    expect(tooltipHtml(area("153"), t())).toContain("(Ikke verificeret)");
  });

  it("draws Christiansø grey, as belonging to no municipality", () => {
    expect(area("411").colour).toBe(noBodyColour);
    expect(tooltipHtml(area("411"), t())).toContain("ingen kommune");
  });

  it("gives neighbouring bodies different colours", () => {
    expect(area("101").colour).not.toBe(area("153").colour);
  });

  it("on a body's own map, hatches partial members and greys out the rest", () => {
    const focused = mapAreas({ geo, bodies, municipalities, focusBodyId: "hovedstaden-syd" });
    expect(focused.map((a) => a.style)).toEqual(["partial", "member", "outside"]);
    expect(focused[2]?.colour).toBe(outsideColour);
  });

  it("names a council's municipality as the council's", () => {
    const councils = [body("sundhedsraad-x", "Sundhedsråd X", true, "sundhedsraad")];
    const after = [municipality("153", "Brøndby", "sundhedsraad-x", [])];
    const [, brondby] = mapAreas({ geo, bodies: councils, municipalities: after });
    expect(tooltipHtml(brondby!, t())).toContain("Sundhedsråd: Sundhedsråd X");
  });

  it("around a change names both bodies, each with its days, and marks the unverified", () => {
    const councils = [body("sundhedsraad-x", "Sundhedsråd X", true, "sundhedsraad")];
    const transition: Transition = {
      lastDayBefore: "2026-12-31",
      changeDate: "2027-01-01",
      before: { bodies, municipalities },
      after: {
        bodies: councils,
        municipalities: [
          municipality("101", "København", "sundhedsraad-x", []),
          municipality("153", "Brøndby", "sundhedsraad-x", []),
        ],
      },
    };
    const around = mapAreas({ geo, bodies, municipalities, transition });
    const html = tooltipHtml(around[1]!, t());
    expect(html).toContain("Indtil 31.12.2026: Sundhedsklynge Syd (Ikke verificeret)");
    expect(html).toContain("Fra 1.1.2027: Sundhedsråd X");
    expect(html).not.toContain("Sundhedsklynge: ");
    // Christiansø belongs to no municipality on either side; it says so, not "until … none".
    expect(around[2]?.change).toBeNull();
  });

  it("escapes names in the tooltip", () => {
    const html = tooltipHtml({ ...area("153"), name: "<b>x</b>" }, t());
    expect(html).toContain("&#60;b&#62;x");
  });
});
