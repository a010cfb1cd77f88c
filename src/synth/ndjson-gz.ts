import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

/**
 * Writes NDJSON to a gzip file in chunks, waiting when the disk is slower
 * than the generator, so memory stays bounded whatever the volume.
 */
export class NdjsonGzWriter {
  private readonly gzip = createGzip({ level: 4 });
  private readonly done: Promise<void>;
  private pending: string[] = [];
  private pendingBytes = 0;
  lines = 0;

  constructor(file: string) {
    this.done = pipeline(this.gzip, createWriteStream(file));
  }

  /** Adds one line; resolves at once unless the buffer must be flushed to a busy disk. */
  async write(value: unknown): Promise<void> {
    const line = typeof value === "string" ? value : JSON.stringify(value);
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    this.lines++;
    if (this.pendingBytes >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join("\n")}\n`;
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.gzip.write(chunk)) await once(this.gzip, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await this.done;
  }
}

/** The lines of an NDJSON file, gzip-compressed or not, one at a time. */
export async function* readNdjsonLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const input = file.endsWith(".gz") ? source.pipe(createGunzip()) : source;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== "") yield line;
}
