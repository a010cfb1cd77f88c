import { EventEmitter } from "node:events";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readSecretFromStdin, type SecretInput } from "./read-secret.ts";

function sink() {
  const written: string[] = [];
  return { written, write: (s: string) => written.push(s) > 0 };
}

/** A terminal that types the given keys once the reader listens. */
function terminal(keys: string): SecretInput & { rawModes: boolean[] } {
  const events = new EventEmitter();
  const rawModes: boolean[] = [];
  return {
    isTTY: true,
    rawModes,
    setRawMode: (mode: boolean) => rawModes.push(mode),
    setEncoding: () => undefined,
    resume: () => setImmediate(() => events.emit("data", keys)),
    pause: () => undefined,
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    async *[Symbol.asyncIterator]() {},
  };
}

describe("reading a password from standard input", () => {
  it("takes the first line of piped input, without its line ending", async () => {
    const out = sink();
    expect(
      await readSecretFromStdin("Password: ", Readable.from(["pass word\r\n", "x"]), out),
    ).toBe("pass word");
    expect(await readSecretFromStdin("", Readable.from([Buffer.from("abc")]), out)).toBe("abc");
    expect(out.written).toEqual([]);
  });

  it("refuses empty input", async () => {
    await expect(readSecretFromStdin("", Readable.from(["\nsecond"]), sink())).rejects.toThrow(
      /No password/,
    );
  });

  it("reads a terminal without echo, honouring backspace, and restores the terminal", async () => {
    const tty = terminal("secrex\u007ft\rafter");
    const out = sink();
    expect(await readSecretFromStdin("Password: ", tty, out)).toBe("secret");
    expect(out.written.join("")).toBe("Password: \n");
    expect(tty.rawModes).toEqual([true, false]);
  });

  it("stops on Ctrl-C", async () => {
    await expect(readSecretFromStdin("", terminal("abc\u0003"), sink())).rejects.toThrow(
      /Cancelled/,
    );
  });
});
