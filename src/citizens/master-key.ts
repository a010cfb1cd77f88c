import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseMasterKey } from "./crypto.ts";

/**
 * The personal-data master key comes from TOVHOLDER_CPR_KEY. Outside
 * production, a missing key is created once in the data folder, so the
 * embedded demo works with no configuration and survives restarts.
 */
export function resolveMasterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseMasterKey(configured);
  const file = path.join(dataDir, "cpr.key");
  if (existsSync(file)) return parseMasterKey(readFileSync(file, "utf8"));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("hex"), { mode: 0o600 });
  return key;
}
