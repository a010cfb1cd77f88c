// `npm start` builds the web client once on a fresh clone; later starts reuse web/dist.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "web/dist/index.html");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(dist) || newestSource(path.join(root, "web/src")) > statSync(dist).mtimeMs;
if (stale) {
  console.log("Building the web client (first start)…");
  execSync("npx vite build --config web/vite.config.ts --logLevel warn", {
    cwd: root,
    stdio: "inherit",
  });
}
