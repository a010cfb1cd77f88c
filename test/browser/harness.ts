import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import axe from "axe-core";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import { integrationToken } from "../support/messages.ts";
import { startTestServer, type TestServer, type TestServerOptions } from "../support/server.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const screenshotDir = path.join(projectRoot, "test-results");

export type Harness = { server: TestServer; browser: Browser; close(): Promise<void> };

/** The whole server in process (reference structure, built web client) and a headless Chromium. */
export async function startHarness(options: TestServerOptions = {}): Promise<Harness> {
  // Builds web/dist when it is missing or older than web/src, as `npm start` does.
  execFileSync(process.execPath, [path.join(projectRoot, "scripts/ensure-web-build.js")], {
    stdio: "inherit",
  });
  const server = await startTestServer(options);
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    return {
      server,
      browser,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/**
 * A page in a fresh browser context (a desktop screen unless `options` say
 * otherwise), whose script errors are printed; closed with the harness.
 */
export async function openPage(
  harness: Harness,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await harness.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error("page error:", err.message));
  return page;
}

/** Collects the page's Content-Security-Policy violations, as reported on the console. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Saves a full-page screenshot to test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/** Runs axe-core on the page for WCAG 2.1 A and AA; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Runs axe-core on the page for WCAG 2.1 A and AA; returns every violation, minor ones too. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The server's Content-Security-Policy forbids inline scripts, so page.addScriptTag cannot
  // inject axe; an evaluation through the DevTools protocol is not subject to the policy.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: typeof axe }).axe;
    const results = await runner.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return violations;
}

/** A readable summary of axe violations for a failing assertion or the log. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
    )
    .join("\n");
}

/** Fails the test on any serious or critical axe violation, printing what they are. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) console.error(`axe on ${name}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

/** Fails the test on any axe violation of WCAG 2.1 A or AA, whatever its impact. */
export async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.error(`axe on ${name}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

/** Logs in through the login page's one-click demo button for `displayName`. */
export async function logInAsDemo(harness: Harness, page: Page, displayName: string) {
  await page.goto(`${harness.server.url}/login`);
  await page.getByRole("button", { name: displayName }).click();
  // Attached, not visible: under 600 px the user menu is folded under the menu button.
  await page.locator(".user-menu .user-name").waitFor({ state: "attached" });
}

type HospitalNotification = Parameters<typeof writeHospitalNotification>[0];

/** Sends hospital notifications as a hospital's integration does, each answered 200. */
export async function sendHospitalNotifications(
  harness: Harness,
  messages: readonly HospitalNotification[],
): Promise<void> {
  const token = await integrationToken(harness.server.database.db);
  for (const m of messages) {
    const response = await fetch(`${harness.server.url}/fhir/$process-message`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" },
      body: JSON.stringify(writeHospitalNotification(m)),
    });
    expect(response.status).toBe(200);
  }
}
