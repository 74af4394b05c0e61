// Prints the headline figures of a Lighthouse JSON report (`make lighthouse`), and the audits
// that cost the most, so a low score says where to look.
const report = require(require("path").resolve(process.argv[2]));
const a = report.audits;
const shown = (id) => `${a[id].displayValue}`;
console.log(
  `performance ${Math.round(report.categories.performance.score * 100)}, ` +
    `FCP ${shown("first-contentful-paint")}, LCP ${shown("largest-contentful-paint")}, ` +
    `TBT ${shown("total-blocking-time")}, CLS ${shown("cumulative-layout-shift")}, ` +
    `SI ${shown("speed-index")}`,
);
const costly = Object.values(a)
  .filter((x) => x.score !== null && x.score < 0.9 && x.scoreDisplayMode !== "informative")
  .map((x) => `  ${x.id}: ${x.displayValue || x.title}`);
if (costly.length) console.log("audits below 0.9:\n" + costly.join("\n"));
