import { describe, expect, it } from "vitest";
import { chainOf, isUnder, senderRefusal, type TreeNode } from "./sender-authority.ts";

/**
 * A small organisation tree: a region above a hospital, the hospital above a
 * department above a section; a municipality above its home nursing.
 */
const tree = new Map<string, TreeNode>([
  ["region", { parentId: null, sorCode: null }],
  ["slagelse", { parentId: "region", sorCode: "100000000001" }],
  ["medical", { parentId: "slagelse", sorCode: "100000000011" }],
  ["cardiology", { parentId: "medical", sorCode: "100000000111" }],
  ["naestved", { parentId: null, sorCode: null }],
  ["home-nursing", { parentId: "naestved", sorCode: "200000000022" }],
]);

describe("chainOf", () => {
  it("walks from a unit up to the root, nearest first", () => {
    expect(chainOf("cardiology", tree).map((c) => c.organisationId)).toEqual([
      "cardiology",
      "medical",
      "slagelse",
      "region",
    ]);
  });

  it("stops at a parent it does not know, and at a cycle", () => {
    expect(chainOf("orphan", new Map([["orphan", { parentId: "gone", sorCode: null }]]))).toEqual([
      { organisationId: "orphan", sorCode: null },
      { organisationId: "gone", sorCode: null },
    ]);
    const cycle = new Map<string, TreeNode>([
      ["a", { parentId: "b", sorCode: null }],
      ["b", { parentId: "a", sorCode: null }],
    ]);
    expect(chainOf("a", cycle).map((c) => c.organisationId)).toEqual(["a", "b"]);
  });
});

describe("isUnder", () => {
  it("holds for the organisation itself and every unit below it", () => {
    expect(isUnder(chainOf("slagelse", tree), "slagelse")).toBe(true);
    expect(isUnder(chainOf("medical", tree), "slagelse")).toBe(true);
    expect(isUnder(chainOf("cardiology", tree), "slagelse")).toBe(true);
    expect(isUnder(chainOf("cardiology", tree), "region")).toBe(true);
  });

  it("does not hold for another organisation's units, nor upwards", () => {
    expect(isUnder(chainOf("medical", tree), "naestved")).toBe(false);
    expect(isUnder(chainOf("home-nursing", tree), "slagelse")).toBe(false);
    expect(isUnder(chainOf("slagelse", tree), "medical")).toBe(false);
  });
});

describe("senderRefusal", () => {
  const sender = (id: string) => ({
    sor: tree.get(id)?.sorCode ?? "unregistered",
    chain: chainOf(id, tree),
  });

  it("lets an organisation's token send for its own units", () => {
    const slagelse = { kind: "organisation", organisationId: "slagelse" } as const;
    expect(senderRefusal(slagelse, sender("medical"))).toBeNull();
    expect(senderRefusal(slagelse, sender("slagelse"))).toBeNull();
  });

  it("refuses another organisation's unit, naming MessageHeader.sender", () => {
    const naestved = { kind: "organisation", organisationId: "naestved" } as const;
    const refusal = senderRefusal(naestved, sender("medical"));
    expect(refusal).toMatchObject({
      severity: "error",
      code: "forbidden",
      expression: "MessageHeader.sender",
    });
    expect(refusal?.rule).toContain("100000000011");
    expect(refusal?.rule).toContain("organisation that holds the token");
  });

  it("lets a broker forward for a listed sender and the units under it, and nothing else", () => {
    const broker = { kind: "broker", senders: ["100000000011"] } as const;
    expect(senderRefusal(broker, sender("medical"))).toBeNull();
    expect(senderRefusal(broker, sender("cardiology"))).toBeNull();
    expect(senderRefusal(broker, sender("slagelse"))?.expression).toBe("MessageHeader.sender");
    expect(senderRefusal(broker, sender("home-nursing"))?.rule).toContain("broker");
    expect(senderRefusal({ kind: "broker", senders: [] }, sender("medical"))).not.toBeNull();
  });

  it("leaves an unregistered sender to the dead letters, to be checked when re-applied", () => {
    const naestved = { kind: "organisation", organisationId: "naestved" } as const;
    expect(senderRefusal(naestved, { sor: "300000000033", chain: null })).toBeNull();
  });

  it("binds an imported message to no token, and refuses a message whose token is unknown", () => {
    expect(senderRefusal({ kind: "operator" }, sender("medical"))).toBeNull();
    expect(senderRefusal({ kind: "unknown" }, sender("medical"))?.expression).toBe(
      "MessageHeader.sender",
    );
  });
});
