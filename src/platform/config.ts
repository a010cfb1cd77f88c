import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { danishLocalInstant } from "./clock.ts";

const HOST_NAME =
  /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/** A comma-separated list of host names or IP addresses (no ports, no wildcards). */
const hostList = z
  .string()
  .default("")
  .transform((text) =>
    text
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
  )
  .refine(
    (hosts) => hosts.every((h) => isIP(h.replace(/^\[(.*)\]$/, "$1")) !== 0 || HOST_NAME.test(h)),
    "must be a comma-separated list of host names or IP addresses, without ports",
  );

const LOCAL_TIME_PROBLEMS = {
  format:
    "must be a Danish local date and time without offset, YYYY-MM-DDTHH:MM (e.g. 2026-12-31T23:50)",
  "no-such-date": "names a date or time that does not exist (e.g. 2026-12-31T23:50)",
  skipped: "names a time the clocks skip when Danish summer time begins; choose another",
} as const;

/** A Danish local date and time, as the instant (ms) it names. */
const danishLocalDateTime = z.string().transform((text, ctx) => {
  const read = danishLocalInstant(text.trim());
  if (read.ok) return read.instant;
  ctx.addIssue({ code: "custom", message: LOCAL_TIME_PROBLEMS[read.problem] });
  return z.NEVER;
});

/** Every setting the server reads from the environment, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  TOVHOLDER_DATA_DIR: z.string().min(1).default("./.tovholder"),
  /** The structure files, oldest first, comma-separated: each is loaded at start (a no-op once loaded). */
  TOVHOLDER_STRUCTURE_FILES: z
    .string()
    .min(1)
    .default("data/denmark-health-structure.json,data/denmark-health-structure-2027.json"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, "must be true, false or the number of proxy hops")
    .default("false"),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  TOVHOLDER_DEMO: z.enum(["true", "false", "1", "0"]).optional(),
  HANDOVER_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  WEBHOOK_DELIVERY_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  INDICATOR_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  WEBHOOK_ALLOWED_HOSTS: hostList,
  TOVHOLDER_DEMO_SCALE: z.coerce.number().gt(0).max(1).default(0.25),
  TOVHOLDER_DEMO_SPEED: z.coerce.number().int().min(1).max(100_000).default(720),
  /** The demo's now at start, read as Danish local time: the demo runs on from it at the real pace. */
  TOVHOLDER_DEMO_DATE: danishLocalDateTime.optional(),
  TOVHOLDER_CPR_KEY: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  HOSPITAL_ACCESS_AFTER_DISCHARGE_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30 * 24),
  BREAK_GLASS_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(240),
  PUBLIC_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPE: z.string().default("openid profile email"),
  OIDC_USERNAME_CLAIM: z.string().default("email"),
  OIDC_COOKIE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** How long `serve` waits for an unreachable database at start before it gives up. */
  databaseWaitSeconds: number;
  dataDir: string;
  /** The structure files in the order they are loaded (oldest first). */
  structureFiles: string[];
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  shutdownGraceMs: number;
  /** Behind a load balancer, the client address comes from X-Forwarded-For (login throttling uses it). */
  trustProxy: boolean | number;
  /** Demo mode: synthetic data, and the login page lists the demo users. */
  demo: boolean;
  /**
   * The living demo: the share of Klyngen Næstved/Slagelse's people to
   * generate, and how much faster than real time new notifications arrive.
   */
  demoLife: { scale: number; speed: number };
  /**
   * TOVHOLDER_DEMO_DATE: the instant the demo's clock starts at (it then runs at the
   * real pace), such as 2026-12-31T23:50 to watch the change to the councils. Unset:
   * the demo runs at today's date and time.
   */
  demoDate: Date | undefined;
  /** How often this process sweeps for overdue handovers; 0: never (another process does). */
  handoverSweepSeconds: number;
  /** How often this process sends due webhook deliveries; 0: never (another process does). */
  webhookDeliverySeconds: number;
  /**
   * How often this process brings the quality indicators up to date with what
   * changed (new messages, confirmations); 0: never (another process does).
   */
  indicatorRefreshSeconds: number;
  /**
   * Webhook hosts allowed even on loopback, private, link-local or unique-local
   * addresses, and over plain http: receivers on a closed network. Empty: none.
   */
  webhookAllowedHosts: string[];
  /** The personal-data master key; absent means "use or create the key file in dataDir". */
  cprKey: string | undefined;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  access: { hospitalAfterDischargeHours: number; breakGlassMinutes: number };
  publicUrl: string | undefined;
  /** Seals the login transaction cookie; shared by all instances behind a load balancer. */
  oidcCookieSecret: string | undefined;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        scope: string;
        usernameClaim: string;
      }
    | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${reasons.join("; ")}`);
  }
  const c = parsed.data;
  const oidcParts = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_REDIRECT_URI];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI go together",
    );
  }
  if (c.NODE_ENV === "production" && c.OIDC_ISSUER && !c.OIDC_COOKIE_SECRET) {
    throw new ConfigError(
      "Invalid configuration: OIDC_COOKIE_SECRET is required with OIDC in production",
    );
  }
  if (c.NODE_ENV === "production" && !c.TOVHOLDER_CPR_KEY) {
    throw new ConfigError("Invalid configuration: TOVHOLDER_CPR_KEY is required in production");
  }
  const demoDefault = c.NODE_ENV !== "production" && !c.DATABASE_URL;
  const demo =
    c.TOVHOLDER_DEMO === undefined ? demoDefault : ["true", "1"].includes(c.TOVHOLDER_DEMO);
  if (c.TOVHOLDER_DEMO_DATE !== undefined && !demo) {
    // A server whose clock is not the real one would judge real deadlines wrong.
    throw new ConfigError(
      "Invalid configuration: TOVHOLDER_DEMO_DATE is for the demo only (TOVHOLDER_DEMO=true, synthetic data); unset it",
    );
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    databaseWaitSeconds: c.DATABASE_WAIT_SECONDS,
    dataDir: path.resolve(c.TOVHOLDER_DATA_DIR),
    structureFiles: c.TOVHOLDER_STRUCTURE_FILES.split(",")
      .map((f) => f.trim())
      .filter((f) => f.length > 0)
      .map((f) => path.resolve(f)),
    logLevel: c.LOG_LEVEL,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    trustProxy:
      c.TRUST_PROXY === "true" ? true : c.TRUST_PROXY === "false" ? false : Number(c.TRUST_PROXY),
    demo,
    demoLife: { scale: c.TOVHOLDER_DEMO_SCALE, speed: c.TOVHOLDER_DEMO_SPEED },
    demoDate: c.TOVHOLDER_DEMO_DATE === undefined ? undefined : new Date(c.TOVHOLDER_DEMO_DATE),
    // The demo's handover deadlines are minutes long, so its sweep comes round more often.
    handoverSweepSeconds: c.HANDOVER_SWEEP_SECONDS ?? (demo ? 10 : 30),
    webhookDeliverySeconds: c.WEBHOOK_DELIVERY_SECONDS,
    indicatorRefreshSeconds: c.INDICATOR_REFRESH_SECONDS,
    webhookAllowedHosts: c.WEBHOOK_ALLOWED_HOSTS,
    cprKey: c.TOVHOLDER_CPR_KEY,
    session: {
      idleMinutes: c.SESSION_IDLE_MINUTES,
      absoluteHours: c.SESSION_ABSOLUTE_HOURS,
      secureCookie: c.NODE_ENV === "production",
    },
    access: {
      hospitalAfterDischargeHours: c.HOSPITAL_ACCESS_AFTER_DISCHARGE_HOURS,
      breakGlassMinutes: c.BREAK_GLASS_MINUTES,
    },
    publicUrl: c.PUBLIC_URL,
    oidcCookieSecret: c.OIDC_COOKIE_SECRET,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_REDIRECT_URI
        ? {
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            redirectUri: c.OIDC_REDIRECT_URI,
            scope: c.OIDC_SCOPE,
            usernameClaim: c.OIDC_USERNAME_CLAIM,
          }
        : undefined,
  };
}
