// Renders every state of preview/states.json at phone and desktop widths
// into screenshots/, with an index.html that shows them side by side.
// Usage (scripts/screenshots does the set-up and builds first):
//   BACKEND_BIN=... APP_DIST=... node scripts/screenshots.mjs [OUT_DIR]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startBackend, Preview } from "../end2end/support/backend.mjs";
import { launch, openPage } from "../end2end/support/browser.mjs";
import { STATES, openState } from "../end2end/support/states.mjs";

const WIDTHS = [
  { name: "phone", width: 375, height: 812 },
  { name: "desktop", width: 1280, height: 900 },
];
const out = process.argv[2] ?? "screenshots";
mkdirSync(out, { recursive: true });

const backend = await startBackend();
const browser = await launch();
const shots = [];
try {
  for (const state of STATES) {
    for (const size of WIDTHS) {
      const preview = new Preview(backend.url);
      const { context, page } = await openPage(browser, backend.url, {
        preview,
        viewport: { width: size.width, height: size.height },
      });
      await openState(page, preview, state);
      // The caret and the exit button's focus ring would differ run to run.
      await page.evaluate(() => document.activeElement?.blur?.());
      const file = `${state.id}-${size.width}.png`;
      await page.screenshot({ path: join(out, file), fullPage: true });
      shots.push({ state, size, file });
      await context.close();
      console.log(`${file}`);
    }
  }
} finally {
  await browser.close();
  await backend.stop();
}

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const rows = STATES.map((state) => {
  const cells = WIDTHS.map((size) => {
    const file = `${state.id}-${size.width}.png`;
    return `<figure><a href="${file}"><img src="${file}" width="${Math.min(size.width, 640) / 2}" alt="${esc(state.flow)}: ${esc(state.state)} at ${size.width} pixels"></a><figcaption>${size.width} px</figcaption></figure>`;
  }).join("");
  return `<section><h2>${esc(state.flow)}: ${esc(state.state)}</h2><p><code>${esc(state.id)}</code>, scenario <code>${esc(state.scenario)}</code>, <code>${esc(state.path)}</code></p><div class="row">${cells}</div></section>`;
});
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Screenshots – GP health record</title>
<style>body{font-family:arial,sans-serif;margin:24px}.row{display:flex;gap:24px;align-items:flex-start}figure{margin:0}img{border:1px solid #aeb7bd}</style>
<h1>Every flow and state (${shots.length} screenshots)</h1>${rows.join("\n")}</html>\n`,
);
console.log(`wrote ${shots.length} screenshots and ${join(out, "index.html")}`);
