import { AppError } from "../platform/http/errors.ts";

/** What the CLI reads from the person or script running it; tests pass their own. */
export type CliIo = {
  /** A secret (a password) from standard input; never from the command line. */
  readSecret(prompt: string): Promise<string>;
};

/** Standard input, or anything shaped like it (tests pass a stream). */
export type SecretInput = AsyncIterable<string | Buffer> & {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: "data", listener: (chunk: string | Buffer) => void): unknown;
  off(event: "data", listener: (chunk: string | Buffer) => void): unknown;
};

/**
 * Piped input: the first line (so `printf '%s\n' "$PW" | …` and a file both work).
 * A terminal: typed without echo, ended by Enter.
 */
export async function readSecretFromStdin(
  prompt: string,
  input: SecretInput = process.stdin,
  output: Pick<NodeJS.WriteStream, "write"> = process.stderr,
): Promise<string> {
  const secret = input.isTTY ? await readHidden(prompt, input, output) : await readPiped(input);
  if (secret.length === 0) throw new AppError("TOV_ERR_VALIDATION", "No password was given");
  return secret;
}

async function readPiped(input: SecretInput): Promise<string> {
  let text = "";
  for await (const chunk of input) {
    text += typeof chunk === "string" ? chunk : chunk.toString("utf8");
  }
  return text.split(/\r?\n/)[0] ?? "";
}

function readHidden(
  prompt: string,
  input: SecretInput,
  output: Pick<NodeJS.WriteStream, "write">,
): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.setRawMode?.(false);
      input.pause();
      input.off("data", onData);
      output.write("\n");
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          finish();
          reject(new AppError("TOV_ERR_VALIDATION", "Cancelled"));
          return;
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    input.on("data", onData);
  });
}

export const defaultCliIo: CliIo = { readSecret: (prompt) => readSecretFromStdin(prompt) };
