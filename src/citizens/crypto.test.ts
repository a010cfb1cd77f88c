import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCipher, parseMasterKey } from "./crypto.ts";

const key = randomBytes(32);
const cipher = createCipher(key);

describe("sealing personal data", () => {
  it("round-trips, including Danish letters", () => {
    for (const plain of ["1203451962", "Søren Ærø Åberg", ""]) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it("gives a different ciphertext every time, without the plain text in it", () => {
    const a = cipher.encrypt("1203451962");
    const b = cipher.encrypt("1203451962");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain("1203451962");
    expect(Buffer.from(a.slice(3), "base64").toString("latin1")).not.toContain("1203451962");
  });

  it("refuses a tampered ciphertext, another key's ciphertext and unknown envelopes", () => {
    const sealed = cipher.encrypt("Karen Hansen");
    const raw = Buffer.from(sealed.slice(3), "base64");
    for (const index of [0, 12, 28, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => cipher.decrypt(`v1.${tampered.toString("base64")}`), `byte ${index}`).toThrow();
    }
    expect(() => createCipher(randomBytes(32)).decrypt(sealed)).toThrow();
    expect(() => cipher.decrypt(sealed.replace(/^v1\./, "v2."))).toThrow(/unknown/);
  });

  it("has a look-up hash that is deterministic, keyed and not the value", () => {
    const h = cipher.lookupHash("1203451962");
    expect(h).toBe(cipher.lookupHash("1203451962"));
    expect(h).toBe(createCipher(Buffer.from(key)).lookupHash("1203451962"));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(cipher.lookupHash("1203451963"));
    expect(h).not.toBe(createCipher(randomBytes(32)).lookupHash("1203451962"));
  });

  it("needs a 32-byte master key, given as hex or base64", () => {
    expect(() => createCipher(randomBytes(16))).toThrow(/32 bytes/);
    expect(parseMasterKey(key.toString("hex"))).toEqual(key);
    expect(parseMasterKey(`${key.toString("base64")}\n`)).toEqual(key);
    expect(() => parseMasterKey("abcd")).toThrow(/32 bytes/);
    expect(() => parseMasterKey(randomBytes(31).toString("hex"))).toThrow(/32 bytes/);
  });
});
