// Fails (exit 1) when any page's Lighthouse category score in the summary is under the floor (default 95).
// Usage: node check.mjs [summary file, default scores.json] [floor] [categories to hold to it, default all]
// Every score is printed; only the categories named are held to the floor.
import fs from "node:fs";

const file = process.argv[2] || "scores.json";
const floor = Number(process.argv[3] || 95);
const held = process.argv[4] ? process.argv[4].split(",") : null;
const summary = JSON.parse(fs.readFileSync(file, "utf8"));
const low = [];
for (const [page, { scores }] of Object.entries(summary.pages)) {
  console.log(`${page}: ${Object.entries(scores).map(([c, s]) => `${c} ${s}`).join(", ")}`);
  for (const [category, score] of Object.entries(scores)) {
    if ((!held || held.includes(category)) && !(score >= floor)) {
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
console.log(`Lighthouse: ${held ? held.join(", ") : "every score"} of ${Object.keys(summary.pages).join(", ")} at least ${floor}`);
