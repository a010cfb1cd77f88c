import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMINISTRATION_PROBLEMS } from "../../src/access/administration-model.ts";
import { ACCESS_PROBLEMS, BREAK_GLASS_PROBLEMS } from "../../src/access/model.ts";
import { ruleProblems } from "../../src/handovers/model.ts";
import { errorCatalogue, NOT_FOUND_SUBJECTS } from "../../src/platform/http/errors.ts";
import { zodIssueText } from "../../src/platform/http/issue-text.ts";

/**
 * The server sends each problem's texts also as keys (`i18n`), and the web
 * says them from its own translations. A key the web lacks shows the server's
 * English in the Danish UI, so every key the server can send must be there.
 */

type Tree = { [key: string]: string | Tree };

const bundle = (language: string): Tree =>
  JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, `../../web/src/i18n/problems.${language}.json`),
      "utf8",
    ),
  );
const danish = bundle("da");
const english = bundle("en");

function has(tree: Tree, key: string): boolean {
  const found = `problems.${key}`
    .split(".")
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      tree,
    );
  return typeof found === "string" && found.trim() !== "";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith(".ts") && !full.endsWith(".test.ts") ? [full] : [];
  });
}

const serverFiles = sourceFiles(path.resolve(import.meta.dirname, "../../src"));

/** Keys written out in the server's code (`key: "handovers.notFound"`). */
const literalKeys = serverFiles.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/\bkey: "([a-zA-Z]+\.[a-zA-Z.]+)"/g)].map(
    (m) => m[1] as string,
  ),
);

/** Keys the server builds: every rule problem, every Zod issue, both receivers. */
const builtKeys = [
  ...ruleProblems({
    deadlineMinutes: 0,
    hours: { weekday: { start: "9", end: "8" }, weekend: { start: "10:00", end: "09:00" } },
    ladder: [
      { afterMinutes: 5, target: "receiver" },
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: -1, target: "receiver" },
    ],
  }).map((p) => `handoverRules.${p.problem}`),
  ...ruleProblems({ deadlineMinutes: 60, hours: { weekday: null, weekend: null }, ladder: [] }).map(
    (p) => `handoverRules.${p.problem}`,
  ),
  ...["string", "array", "number", "date", "file"].flatMap((origin) =>
    ["too_small", "too_big"].map(
      (code) => zodIssueText(code, { origin, minimum: 2, maximum: 3 }).key,
    ),
  ),
  zodIssueText("too_small", { origin: "string", minimum: 1 }).key,
  ...["invalid_type", "invalid_format", "invalid_value", "unrecognized_keys", "custom"].map(
    (code) => zodIssueText(code, {}).key,
  ),
  zodIssueText("invalid_type", {}, "Invalid input: expected string, received undefined").key,
  ...["validation.phone", "validation.email", "validation.httpsUrl"],
  "handovers.receiverMustBe.municipality",
  "handovers.receiverMustBe.general_practice",
  ...Object.keys(NOT_FOUND_SUBJECTS).map((subject) => `notFound.${subject}`),
  ...ACCESS_PROBLEMS.map((problem) => `access.denied.${problem}`),
  ...BREAK_GLASS_PROBLEMS.map((problem) => `access.breakGlass.${problem}`),
  ...ADMINISTRATION_PROBLEMS.map((problem) => `admin.refused.${problem}`),
  ...["staff", "citizen", "relative", "token", "broker"].map((kind) => `access.route.kind.${kind}`),
];

/**
 * Where an English-only refusal is right: the terminal's commands, the demo's
 * loaders, the FHIR API (its OperationOutcome is for other systems) and the
 * structure file, which is loaded at start-up and from the command line.
 */
const ENGLISH_ONLY = [
  /\/src\/cli\//,
  /\/src\/synth\//,
  /fhir-routes\.ts$/,
  /\/structure\/load\.ts$/,
];

/** Each `new AppError(…)` call in a file, as written, up to its closing parenthesis. */
function appErrorCalls(text: string): string[] {
  const calls: string[] = [];
  for (let start = text.indexOf("new AppError("); start >= 0; ) {
    let depth = 0;
    let end = start + "new AppError".length;
    for (; end < text.length; end++) {
      if (text[end] === "(") depth++;
      else if (text[end] === ")" && --depth === 0) break;
    }
    calls.push(text.slice(start, end + 1));
    start = text.indexOf("new AppError(", end);
  }
  return calls;
}

describe("the problem texts the server sends", () => {
  it("finds the keys it checks", () => {
    expect(literalKeys).toContain("handovers.changed");
    expect(new Set(builtKeys.filter((k) => k.startsWith("handoverRules."))).size).toBe(8);
  });

  it("are all translated, in Danish and in English", () => {
    const keys = [...new Set([...literalKeys, ...builtKeys])];
    expect(keys.filter((k) => !has(danish, k))).toEqual([]);
    expect(keys.filter((k) => !has(english, k))).toEqual([]);
  });

  it("come with a key wherever a person in the web can meet them", () => {
    const untranslated = serverFiles
      .filter((file) => !ENGLISH_ONLY.some((pattern) => pattern.test(file)))
      .flatMap((file) =>
        appErrorCalls(readFileSync(file, "utf8"))
          // The fourth argument, the detail's key, is an object or a variable ending in i18n.
          .filter((call) => !/\{ key: |\bkey: "|i18n\b/.test(call.replace(/\s+/g, " ")))
          .map((call) => `${path.relative(process.cwd(), file)}: ${call.slice(0, 80)}`),
      );
    expect(untranslated).toEqual([]);
  });

  it("have a title in both languages for every error code", () => {
    const codes = Object.keys(errorCatalogue).map((code) => `codes.${code}`);
    expect(codes.filter((k) => !has(danish, k))).toEqual([]);
    expect(codes.filter((k) => !has(english, k))).toEqual([]);
  });

  it("takes a custom check's own key", () => {
    expect(zodIssueText("custom", { params: { key: "validation.phone" } })).toEqual({
      key: "validation.phone",
    });
  });

  it("names a missing field as missing, and a too-short text with its limit", () => {
    expect(
      zodIssueText("invalid_type", {}, "Invalid input: expected string, received undefined"),
    ).toEqual({ key: "validation.required" });
    expect(zodIssueText("too_small", { origin: "string", minimum: 1 })).toEqual({
      key: "validation.required",
    });
    expect(zodIssueText("too_big", { origin: "string", maximum: 2000 })).toEqual({
      key: "validation.tooLong",
      values: { limit: 2000 },
    });
    expect(zodIssueText("too_small", { origin: "number", minimum: 0n })).toEqual({
      key: "validation.tooLow",
      values: { limit: 0 },
    });
  });
});
