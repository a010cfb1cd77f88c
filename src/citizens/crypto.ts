import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * CPR numbers and names are stored so that a database dump alone reveals
 * neither: AES-256-GCM for the value, and an HMAC-SHA256 "blind index" for
 * exact look-up. Both keys are derived from one master key held outside the
 * database (TOVHOLDER_CPR_KEY).
 */
export type PersonalDataCipher = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  lookupHash(value: string): string;
};

export function createCipher(masterKey: Buffer): PersonalDataCipher {
  if (masterKey.length < 32) throw new Error("the personal-data master key must be 32 bytes");
  const derive = (info: string) =>
    Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));
  const encryptionKey = derive("tovholder personal data encryption v1");
  const hashKey = derive("tovholder cpr lookup v1");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith("v1.")) throw new Error("unknown personal-data envelope");
      const raw = Buffer.from(sealed.slice(3), "base64");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    lookupHash(value) {
      return createHmac("sha256", hashKey).update(value).digest("hex");
    },
  };
}

/** Reads a master key given as 64 hex characters or as base64 of 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("TOVHOLDER_CPR_KEY must be 32 bytes (64 hex characters)");
  return key;
}
