import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";

/**
 * Data and dependencies flow one way: the CLI and the composition root
 * (src/app) on top, the capabilities in the middle, the platform at the
 * bottom. A layer may import from its own layer and those below it.
 */
const src = path.join(projectRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The top-level folder under src/ that each relative import of a file lands in. */
function importedFolders(file: string): { specifier: string; folder: string }[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/\bfrom\s+"(\.[^"]+)"|\bimport\(\s*"(\.[^"]+)"\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );
  return specifiers.flatMap((specifier) => {
    const target = path.resolve(path.dirname(file), specifier);
    const relative = path.relative(src, target);
    if (relative.startsWith("..")) return [{ specifier, folder: "(outside src)" }];
    return [{ specifier, folder: relative.split(path.sep)[0] ?? "" }];
  });
}

function violations(layer: string, allowed: (folder: string) => boolean): string[] {
  return sourceFiles(path.join(src, layer)).flatMap((file) =>
    importedFolders(file)
      .filter((i) => !allowed(i.folder))
      .map((i) => `${path.relative(projectRoot, file)} imports ${i.specifier}`),
  );
}

describe("the layers", () => {
  it("keep the platform free of everything above it", () => {
    expect(violations("platform", (folder) => folder === "platform")).toEqual([]);
  });

  it("keep the capabilities free of the composition root and the CLI", () => {
    const capabilities = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !["app", "cli", "platform"].includes(e.name))
      .map((e) => e.name);
    expect(capabilities.length).toBeGreaterThan(5);
    for (const capability of capabilities) {
      expect(violations(capability, (folder) => folder !== "app" && folder !== "cli")).toEqual([]);
    }
  });

  it("finds an import that breaks the rule (the check itself can fail)", () => {
    const server = path.join(src, "app", "server.ts");
    expect(importedFolders(server).map((i) => i.folder)).toContain("handovers");
  });
});
