// Load pages in Debian's Chromium (driven by playwright-core, never a downloaded browser), take
// screenshots and run axe-core. Used by tests/test_clients.py.
//
// Usage: node browser_check.mjs '{"modules": ".ci/node_modules", "chromium": "/usr/bin/chromium",
//   "urls": {"index": "http://127.0.0.1:8000/repo/"}, "widths": [1280, 390], "shots": "dir"}'
// Prints one JSON object: {"pages": [{"name", "width", "scheme", "url", "status", "console",
//   "failed", "violations", "overflow", "stylesheets", "screenshot"}]}; each page is loaded at
// every width in the light color scheme and at the narrowest in the dark one.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const args = JSON.parse(process.argv[2]);
const require = createRequire(path.resolve(args.modules, "noop.js"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// The flags of the issue: headless, no sandbox (CI runs as root), no GPU, no background
// traffic to Google's hosts (the network is closed), and a fresh profile every run.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

const profile = mkdtempSync(path.join(tmpdir(), "newsdigest-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: args.chromium, headless: true, args: FLAGS,
  viewport: { width: 1280, height: 800 },
});
const result = { pages: [] };
try {
  for (const [name, url] of Object.entries(args.urls)) {
    // Every width in the light theme, then the narrowest in the dark one.
    const views = [...args.widths.map((w) => [w, "light"]),
      [Math.min(...args.widths), "dark"]];
    for (const [width, scheme] of views) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const record = { name, width, scheme, url, status: 0, console: [], failed: [],
        violations: [] };
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning") {
          record.console.push(`${msg.type()}: ${msg.text()}`);
        }
      });
      page.on("pageerror", (err) => record.console.push(`pageerror: ${err.message}`));
      page.on("requestfailed", (req) =>
        record.failed.push(`${req.url()} (${req.failure()?.errorText})`));
      page.on("response", (res) => {
        if (res.status() >= 400) record.failed.push(`${res.url()} (HTTP ${res.status()})`);
      });
      const response = await page.goto(url, { waitUntil: "networkidle" });
      record.status = response ? response.status() : 0;
      record.overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      record.stylesheets = await page.evaluate(() => document.styleSheets.length);
      const suffix = scheme === "dark" ? "-dark" : "";
      record.screenshot = path.join(args.shots, `${name}-${width}${suffix}.png`);
      await page.screenshot({ path: record.screenshot, fullPage: true });
      await page.addScriptTag({ content: axeSource });
      const axe = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        await axe.run(document, { resultTypes: ["violations"] }));
      record.violations = axe.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
      }));
      result.pages.push(record);
      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(result));
