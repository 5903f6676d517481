// Fails (exit 1) when any page's Lighthouse category score in the summary is under the floor (default 95).
// Usage: node check.mjs [summary file, default scores.json] [floor]
import fs from "node:fs";

const file = process.argv[2] || "scores.json";
const floor = Number(process.argv[3] || 95);
const summary = JSON.parse(fs.readFileSync(file, "utf8"));
const low = [];
for (const [page, { scores }] of Object.entries(summary.pages)) {
  for (const [category, score] of Object.entries(scores)) {
    if (!(score >= floor)) {
      low.push(`${page} ${category} ${score}`);
    }
  }
}
if (Object.keys(summary.pages).length === 0) {
  low.push("no pages in " + file);
}
if (low.length) {
  console.error(`Lighthouse scores under ${floor}: ${low.join("; ")}`);
  process.exit(1);
}
console.log(`Lighthouse: every score of ${Object.keys(summary.pages).join(", ")} is at least ${floor}`);
