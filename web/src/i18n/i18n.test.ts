import { describe, expect, it } from "vitest";
import { bundles, danish as da, english as en } from "./bundles";

type Tree = { [key: string]: string | Tree };

/** Every leaf key as a dotted path, e.g. "home.title". */
function leafKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function leafValues(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === "string" ? [value] : leafValues(value),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort();
}

describe("translations", () => {
  it("keeps each capability's strings under its own top-level keys", () => {
    const owners = new Map<string, string>();
    const overlap: string[] = [];
    for (const [name, pair] of Object.entries(bundles)) {
      for (const key of new Set([...Object.keys(pair.da), ...Object.keys(pair.en)])) {
        const owner = owners.get(key);
        if (owner) overlap.push(`${key} (${owner} and ${name})`);
        owners.set(key, name);
      }
    }
    expect(overlap).toEqual([]);
  });

  it("Danish and English have the same keys", () => {
    const danish = leafKeys(da).sort();
    const english = leafKeys(en).sort();
    expect(english.filter((key) => !danish.includes(key))).toEqual([]);
    expect(danish.filter((key) => !english.includes(key))).toEqual([]);
  });

  it("no translation is empty", () => {
    expect(leafValues(da).filter((text) => text.trim() === "")).toEqual([]);
    expect(leafValues(en).filter((text) => text.trim() === "")).toEqual([]);
  });

  it("both languages use the same placeholders", () => {
    const lookup = (tree: Tree, path: string): string => {
      const value = path.split(".").reduce<string | Tree | undefined>((node, part) => {
        return typeof node === "object" ? node[part] : undefined;
      }, tree);
      return typeof value === "string" ? value : "";
    };
    for (const key of leafKeys(da)) {
      expect({ key, vars: placeholders(lookup(en, key)) }).toEqual({
        key,
        vars: placeholders(lookup(da, key)),
      });
    }
  });
});
