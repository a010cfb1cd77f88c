import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import type pg from "pg";

/**
 * `COPY (query) TO STDOUT` into a file, as an analyst's export would run it.
 * pg has no COPY OUT of its own (pg-copy-streams is not a dependency), but it
 * hands every protocol message of a custom query object to that object; this
 * one writes each CopyData chunk to the file and pauses the socket while the
 * file catches up.
 */

class CopyOut implements pg.Submittable {
  bytes = 0;
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (err: Error) => void;
  private failed = false;
  private paused = false;

  constructor(
    private readonly text: string,
    private readonly out: WriteStream,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection) {
    connection.query(this.text);
  }

  handleCopyData(msg: { chunk: Buffer }, connection: pg.Connection) {
    this.bytes += msg.chunk.length;
    // The chunk is a view into the parser's buffer, which the next packet overwrites.
    if (!this.out.write(Buffer.from(msg.chunk)) && !this.paused) {
      this.paused = true;
      connection.stream.pause();
      this.out.once("drain", () => this.resume(connection));
    }
  }

  handleCopyInResponse(connection: { sendCopyFail(reason: string): void }) {
    connection.sendCopyFail("this is a COPY TO STDOUT");
  }

  handleError(err: Error, connection: pg.Connection) {
    this.resume(connection);
    this.failed = true;
    this.reject(err);
  }

  /**
   * The last chunk may have paused the socket just before the end, and a file
   * that is ended emits no "drain": the socket must not stay paused, or the
   * client's next query never hears back.
   */
  handleReadyForQuery(connection: pg.Connection) {
    this.resume(connection);
    if (!this.failed) this.resolve();
  }

  private resume(connection: pg.Connection) {
    if (!this.paused) return;
    this.paused = false;
    connection.stream.resume();
  }

  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
}

/** Runs `COPY (select) TO STDOUT WITH (FORMAT csv, HEADER)` and writes the CSV to `file`; the bytes written. */
export async function copyToCsv(client: pg.Client, select: string, file: string): Promise<number> {
  const out = createWriteStream(file);
  const copy = new CopyOut(`copy (${select}) to stdout with (format csv, header)`, out);
  client.query(copy);
  try {
    await copy.done;
  } finally {
    out.end();
    await once(out, "close");
  }
  return copy.bytes;
}
