// Runs Lighthouse (mobile, its default form factor and throttling) on the reader's pages of a running site, with
// Debian's chromium (CHROME_PATH, default /usr/bin/chromium), and writes a summary of the four category scores.
// Usage: node audit.mjs <site, e.g. http://localhost:8080> [summary file, default scores.json]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const site = (process.argv[2] || "http://localhost:8080").replace(/\/$/, "");
const out = process.argv[3] || "scores.json";
const pages = {
  home: "/",
  compare: "/compare/smolvlm-3b-vs-code-llama-4",
  tool: "/tools/smolvlm-3b",
  reviewer: "/reviewers/daniel-brooks",
};
const categories = ["performance", "accessibility", "best-practices", "seo"];

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-chromium-"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  userDataDir: profile,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
    "--no-first-run"],
});
const summary = { lighthouse: null, formFactor: "mobile", site, measuredAt: new Date().toISOString(), pages: {} };
try {
  for (const [name, pagePath] of Object.entries(pages)) {
    const result = await lighthouse(site + pagePath, { port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: categories });
    const lhr = result.lhr;
    summary.lighthouse = lhr.lighthouseVersion;
    summary.chromium = lhr.environment.hostUserAgent;
    const scores = {};
    for (const id of categories) {
      scores[id] = Math.round(lhr.categories[id].score * 100);
    }
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative"
        && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
      .map((a) => `${a.id} (${a.score})`);
    summary.pages[name] = { path: pagePath, scores, belowNinety: failing };
    console.log(name.padEnd(9), JSON.stringify(scores), failing.length ? "weak: " + failing.join(", ") : "");
  }
} finally {
  await chrome.kill();
  fs.rmSync(profile, { recursive: true, force: true });
}
fs.writeFileSync(out, JSON.stringify(summary, null, 2) + "\n");
console.log("summary written to", out);
