import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../app/server.ts";
import type { SynthStay } from "./activity.ts";
import { type Geography, hospitalPlaceOf, loadGeography, placeOf } from "./geography.ts";
import { countStays, emptyStats } from "./stats.ts";

/**
 * Issue 19, point 3 in the generator: each stay is placed and counted by the
 * structure of its own time. Danish midnight on 1 January 2027 is 23:00 UTC on
 * 31 December.
 */

const LAST_CLUSTER_MINUTE = Date.parse("2026-12-31T22:59:59Z");
const FIRST_COUNCIL_MINUTE = Date.parse("2026-12-31T23:00:00Z");
let geography: Geography;

beforeAll(async () => {
  geography = await loadGeography(path.join(projectRoot, "data"));
});

const municipality = (code: string) => {
  const m = geography.municipalities.find((x) => x.code === code);
  if (!m) throw new Error(`no ${code}`);
  return m;
};
const hospital = (id: string) => {
  const h = geography.hospitals.find((x) => x.id === id);
  if (!h) throw new Error(`no ${id}`);
  return h;
};

describe("the generator's dated structure", () => {
  it("places Næstved in its cluster until Danish midnight and in its council after", () => {
    const naestved = municipality("370");
    expect(placeOf(naestved, LAST_CLUSTER_MINUTE)).toMatchObject({
      bodyId: "naestved-slagelse",
      regionCode: "1085",
    });
    expect(placeOf(naestved, FIRST_COUNCIL_MINUTE)).toMatchObject({
      bodyId: "sundhedsraad-midt-og-vestsjaelland",
      regionCode: "oestdanmark",
    });
    // Before the first structure: the first, as the generator always did.
    expect(placeOf(naestved, Date.parse("2020-01-01T00:00:00Z")).bodyId).toBe("naestved-slagelse");
  });

  it("places a hospital with the bodies it serves at the time", () => {
    const holbaek = hospital("holbaek-sygehus");
    expect(hospitalPlaceOf(holbaek, LAST_CLUSTER_MINUTE).bodyIds).toEqual(["holbaek"]);
    expect(hospitalPlaceOf(holbaek, FIRST_COUNCIL_MINUTE).bodyIds).toEqual([
      "sundhedsraad-midt-og-vestsjaelland",
    ]);
  });

  it("counts a stay in another body by the bodies of the stay's own time", () => {
    const stayAt = (iso: string): SynthStay => {
      const at = Date.parse(iso);
      return {
        n: 0,
        hospital: hospital("holbaek-sygehus"),
        department: 0,
        admission: "acute",
        ambulant: "none",
        arrivedAt: at,
        admittedAt: at,
        endedAt: at + 86_400_000,
        died: false,
        leave: null,
        diagnosis: "J18.9",
        preventableGroup: null,
        medicallyReadyAt: null,
        readmission: false,
        revisedDischarge: false,
      };
    };
    // A Næstved citizen at Holbæk Sygehus: another cluster in December, the same council in January.
    const december = emptyStats();
    countStays(december, [stayAt("2026-12-20T10:00:00Z")], "old", municipality("370"));
    expect(december.treatedInOtherBody).toBe(1);
    const january = emptyStats();
    countStays(january, [stayAt("2027-01-05T10:00:00Z")], "old", municipality("370"));
    expect(january.treatedInOtherBody).toBe(0);
  });

  it("lets a scope name a council as well as a cluster", () => {
    expect(geography.bodies.map((b) => b.id)).toEqual(
      expect.arrayContaining(["naestved-slagelse", "sundhedsraad-midt-og-vestsjaelland"]),
    );
  });
});
