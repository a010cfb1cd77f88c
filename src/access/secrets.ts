import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the user does not exist, so a wrong username costs as much as a wrong password.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$1bUfrQBpAj8Fv5G/5ZLITg$/Q7e3JMCbNZuhfWLDijve0hKprUFU5ZCeA3ALtf5y3k";

export async function verifyPassword(passwordHash: string | null, password: string) {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Integration tokens carry a recognisable prefix so leaked ones can be found by scanners. */
export const TOKEN_PREFIX = "tovh_";
