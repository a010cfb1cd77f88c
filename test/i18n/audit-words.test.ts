import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CITIZEN_AUDIT_ACTIONS,
  CITIZEN_AUDIT_RESOURCES,
  CODED_PURPOSES,
} from "../../src/access/audit-vocabulary.ts";
import { ISSUE_TYPES } from "../../src/interop/medcom/bundle-reader.ts";
import { NOTIFICATION_BASE_TYPES } from "../../src/interop/medcom/hospital-notification.ts";
import { NOTIFICATION_KINDS } from "../../src/pathways/stay-model.ts";
import {
  ACTION_KEYS,
  EVENT_KEYS,
  ISSUE_KEYS,
  MESSAGE_TYPE_KEYS,
  PURPOSE_KEYS,
  RESOURCE_KEYS,
} from "../../web/src/i18n/code-words.ts";

/**
 * Words for people, not codes (issue 21 §7): every code the server can put in
 * front of a person — an audit action, resource or coded purpose in the
 * citizen's access log, a pathway event, a MedCom message type, a message's
 * problem type — has a key in the web's table for it, and that key has a
 * Danish and an English text. A new value on the server without words fails
 * here, not in front of a citizen.
 */

type Tree = { [key: string]: string | Tree };

const I18N = path.resolve(import.meta.dirname, "../../web/src/i18n");
const FILES = [
  "da",
  "access",
  "pathways",
  "operations",
  "handovers",
  "handover-rules",
  "contact",
  "notifications",
  "structure",
  "indicators",
  "problems",
  "words",
];

function bundle(language: "da" | "en"): Tree {
  return Object.assign(
    {},
    ...FILES.map((f) =>
      JSON.parse(
        readFileSync(
          path.join(I18N, f === "da" ? `${language}.json` : `${f}.${language}.json`),
          "utf8",
        ),
      ),
    ),
  );
}

const texts = { da: bundle("da"), en: bundle("en") };

function textOf(tree: Tree, key: string): string | undefined {
  const found = key
    .split(".")
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      tree,
    );
  return typeof found === "string" && found.trim() !== "" ? found : undefined;
}

/** The values whose key is missing from the table, or whose text is missing in a language. */
function unsaid(values: readonly string[], keyOf: (value: string) => string | undefined) {
  return values.flatMap((value) => {
    const key = keyOf(value);
    if (!key) return [`${value}: no key`];
    return (["da", "en"] as const)
      .filter((language) => !textOf(texts[language], key))
      .map((language) => `${value}: ${key} has no ${language} text`);
  });
}

const fromTable =
  (table: Record<string, string>) =>
  (value: string): string | undefined =>
    Object.hasOwn(table, value) ? table[value] : undefined;

describe("words for the server's codes", () => {
  it("says every audit action, resource and coded purpose in the citizen's log", () => {
    expect(unsaid(CITIZEN_AUDIT_ACTIONS, fromTable(ACTION_KEYS))).toEqual([]);
    expect(unsaid(CITIZEN_AUDIT_RESOURCES, fromTable(RESOURCE_KEYS))).toEqual([]);
    expect(unsaid(Object.values(CODED_PURPOSES), fromTable(PURPOSE_KEYS))).toEqual([]);
    // The words for a value this build does not know yet.
    expect(unsaid(["other"], (v) => `words.audit.actions.${v}`)).toEqual([]);
    expect(unsaid(["other"], (v) => `words.audit.resources.${v}`)).toEqual([]);
  });

  it("says every pathway event and MedCom message type", () => {
    const kinds = [...NOTIFICATION_KINDS.map((k) => `hospital.${k}`), "hospital.cancelled"];
    expect(unsaid(kinds, fromTable(EVENT_KEYS))).toEqual([]);
    expect(unsaid(NOTIFICATION_BASE_TYPES, fromTable(MESSAGE_TYPE_KEYS))).toEqual([]);
    expect(
      unsaid(["revision", "cancellation", "unknown"], (v) => `words.messageTypes.${v}`),
    ).toEqual([]);
  });

  it("says every kind of problem a received message can have", () => {
    expect(unsaid(ISSUE_TYPES, fromTable(ISSUE_KEYS))).toEqual([]);
    expect(unsaid(["other"], (v) => `words.messages.issues.${v}`)).toEqual([]);
  });

  it("has each action take what it was done to, in both languages", () => {
    for (const key of Object.values(ACTION_KEYS)) {
      expect(textOf(texts.da, key), key).toContain("{{what}}");
      expect(textOf(texts.en, key), key).toContain("{{what}}");
    }
  });

  it("fails for a value without words (the check can fail)", () => {
    expect(unsaid(["brand-new-action"], fromTable(ACTION_KEYS))).toEqual([
      "brand-new-action: no key",
    ]);
    expect(unsaid(["read"], () => "words.audit.actions.nonexistent")).toHaveLength(2);
  });
});
