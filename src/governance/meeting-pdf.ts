import { access } from "node:fs/promises";
import { AppError } from "../platform/http/errors.ts";

/** Where the system's Chromium is; browsers are never downloaded. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const unavailable = (why: string) =>
  new AppError("TOV_ERR_UNAVAILABLE", `The PDF cannot be made: ${why}`, [], {
    key: "meetings.pdfUnavailable",
  });

/**
 * Prints an HTML page to PDF (A4) with headless Chromium through
 * playwright-core. 503 when Chromium (or playwright-core) is not on this machine.
 */
export async function printPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  try {
    await access(executablePath);
  } catch {
    throw unavailable(`Chromium is not installed at ${executablePath}`);
  }
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw unavailable("playwright-core is not installed");
  }
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Nothing from outside: the page is the pack and its style.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" },
      printBackground: true,
    });
  } finally {
    await browser.close();
  }
}
