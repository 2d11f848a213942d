// The timeline benchmark: prints figures, asserts nothing.
//
// In headless Chromium with the CPU throttled 4× (the DevTools protocol's
// CPU throttling, as Lighthouse's mobile profile uses), on the release
// build served by the reference backend, for the 10,000- and 1,000-entry
// fixtures:
//   - painted: from the last page of entries arriving (its responseEnd) to
//     the timeline showing every entry, painted (median, fastest and
//     slowest of the runs);
//   - filter latency: from a keystroke in the search field to the updated
//     list painted, median and 95th percentile over 60 keystrokes a run;
//   - entry cards (and all elements) in the DOM;
//   - JS heap plus wasm memory after loading, after 100 filter changes and
//     after 100 more (garbage collected before each reading), and the part
//     that is wasm memory (which the browser never shrinks).
// And what a patient waits for on a slow phone: a cold first visit to the
// record (the typical patient, signed in, empty cache) and a repeat visit
// in the same browser, on Lighthouse's mobile profile (network 1.6 Mbit/s
// down, 750 kbit/s up, 150 ms round trip, CPU 4× slower, 412 × 823 px),
// from navigation to the pressure warning's "Continue" button painted with
// the app mounted, and from pressing it to the first entry painted.
//
// Usage: scripts/benchmark (builds first), or with BACKEND_BIN and APP_DIST
// set: node scripts/benchmark.mjs [timeline|load] (both when neither).
import { startBackend, Preview } from "../end2end/support/backend.mjs";
import { launch } from "../end2end/support/browser.mjs";

const RUNS = [
  { scenario: "long-record", entries: 10000 },
  { scenario: "medium-record", entries: 1000 },
];
const CPU_SLOWDOWN = 4;
// Each fixture is measured this many times, each in a fresh browser context.
const REPEAT = 5;
// 60 keystrokes: each word typed letter by letter, then deleted.
const WORDS = ["asthma", "blood", "review", "inhaler", "dr rao"];

// Lighthouse's mobile profile, through the DevTools protocol. Throughputs in
// bytes a second, as Lighthouse computes them (1 kbit = 1024 bits).
const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const PHONE = { width: 412, height: 823 };

const only = process.argv[2];
const backend = await startBackend();
const browser = await launch();
const results = [];
const loads = [];
try {
  if (only !== "load") {
    for (const run of RUNS) {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await measure(run));
      results.push(combine(runs));
    }
  }
  if (only !== "timeline") {
    for (let i = 0; i < REPEAT; i++) loads.push(await measureLoad());
  }
} finally {
  await browser.close();
  await backend.stop();
}

if (results.length) printTimeline();
if (loads.length) printLoads();

function printTimeline() {
  console.log(
    `\nTimeline benchmark: headless Chromium, CPU throttled ${CPU_SLOWDOWN}×, release build, ${REPEAT} runs each\n`,
  );
  const rows = [
    ["entries", (r) => r.entries],
    ["painted after the last page (ms, median)", (r) => r.paintedMs.toFixed(0)],
    ["  fastest and slowest run (ms)", (r) => `${r.paintedMin.toFixed(0)}–${r.paintedMax.toFixed(0)}`],
    ["filter latency median (ms)", (r) => r.filterMedian.toFixed(1)],
    ["filter latency p95 (ms)", (r) => r.filterP95.toFixed(1)],
    ["entry cards in the DOM", (r) => r.cards],
    ["elements in the DOM", (r) => r.elements],
    ["JS heap + wasm after loading (MB)", (r) => mb(r.memoryLoaded)],
    ["  of which wasm memory (MB)", (r) => mb(r.wasmLoaded)],
    ["JS heap + wasm after 100 filter changes (MB)", (r) => mb(r.memoryAfterFilters)],
    ["  of which wasm memory (MB)", (r) => mb(r.wasmAfterFilters)],
    ["JS heap + wasm after 200 filter changes (MB)", (r) => mb(r.memoryAfterMore)],
    ["  of which wasm memory (MB)", (r) => mb(r.wasmAfterMore)],
  ];
  for (const [label, value] of rows) {
    console.log(label.padEnd(46) + results.map((r) => String(value(r)).padStart(10)).join(""));
  }
}

function printLoads() {
  const spread = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const ms = (v) => v.toFixed(0);
    return `${ms(sorted[Math.floor(sorted.length / 2)])} (${ms(sorted[0])}–${ms(sorted[sorted.length - 1])})`;
  };
  console.log(
    `\nLoading on a slow phone: Lighthouse mobile profile (1.6 Mbit/s, 150 ms, CPU ${CPU_SLOWDOWN}×), ${REPEAT} runs, median (fastest–slowest)\n`,
  );
  console.log("".padEnd(56) + "cold first visit".padStart(20) + "repeat visit".padStart(20));
  const loadRows = [
    ["navigation → \"Continue\" painted, app mounted (ms)", (l) => l.continueAt],
    ["\"Continue\" pressed → first entry painted (ms)", (l) => l.firstEntryAt - l.pressedAt],
    // As if "Continue" were pressed the moment it was painted.
    ["navigation → first entry painted (ms)", (l) => l.continueAt + l.firstEntryAt - l.pressedAt],
    ["bytes downloaded before \"Continue\" (KB)", (l) => l.bytesBeforeContinue / 1000],
  ];
  for (const [label, value] of loadRows) {
    const column = (key) => spread(loads.map((l) => value(l[key]))).padStart(20);
    console.log(label.padEnd(56) + column("cold") + column("repeat"));
  }
}

// The median painted time, every keystroke of every run, and the largest
// DOM and memory figures.
function combine(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  const painted = runs.map((r) => r.paintedMs).sort((a, b) => a - b);
  const most = (key) => Math.max(...runs.map((r) => r[key]));
  return {
    entries: runs[0].entries,
    paintedMs: painted[Math.floor(painted.length / 2)],
    paintedMin: painted[0],
    paintedMax: painted[painted.length - 1],
    filterMedian: at(0.5),
    filterP95: at(0.95),
    cards: most("cards"),
    elements: most("elements"),
    memoryLoaded: most("memoryLoaded"),
    wasmLoaded: most("wasmLoaded"),
    memoryAfterFilters: most("memoryAfterFilters"),
    wasmAfterFilters: most("wasmAfterFilters"),
    memoryAfterMore: most("memoryAfterMore"),
    wasmAfterMore: most("wasmAfterMore"),
  };
}

function mb(bytes) {
  return (bytes / 1e6).toFixed(1);
}

async function measure({ scenario, entries }) {
  const preview = new Preview(backend.url);
  await preview.scenario(scenario);
  const context = await browser.newContext({ baseURL: backend.url, viewport: { width: 375, height: 812 } });
  await context.addCookies([preview.cookie()]);
  await context.addInitScript((expected) => {
    addEventListener("TrunkApplicationStarted", (e) => (window.__wasmMemory = e.detail.wasm.memory));
    // When the count first reads the full total, wait for the next paint.
    const done = `Showing ${expected} entries`;
    new MutationObserver((_, observer) => {
      const count = document.querySelector(".app-result-count");
      if (count?.textContent === done) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__paintedAt = performance.now())));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, entries);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);

  await page.goto("/api/v1/auth/login?return_to=%2F");
  await page.request.post("/api/v1/safeguarding/acknowledgements", { data: { choice: "continue" } });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto("/record");
  await page.waitForFunction(() => window.__paintedAt !== undefined, null, { timeout: 120000 });
  const paintedMs = await page.evaluate(() => {
    const pages = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.includes("/api/v1/record/entries"));
    return window.__paintedAt - Math.max(...pages.map((e) => e.responseEnd));
  });
  const memoryLoaded = await memory(page, cdp);
  const wasmLoaded = await wasmMemory(page);
  const cards = await page.locator(".app-entry-card").count();
  const elements = await page.evaluate(() => document.getElementsByTagName("*").length);

  const latencies = [];
  for (const word of WORDS) {
    const steps = [...word].map((_, i) => word.slice(0, i + 1));
    for (const value of [...steps, ...steps.slice(0, -1).reverse(), ""]) {
      latencies.push(await keystroke(page, value));
    }
  }
  // 100 filter changes in all (the keystrokes above included).
  for (let i = latencies.length; i < 100; i++) await keystroke(page, i % 2 ? "a" : "");
  const memoryAfterFilters = await memory(page, cdp);
  const wasmAfterFilters = await wasmMemory(page);
  for (let i = 0; i < 100; i++) await keystroke(page, WORDS[i % WORDS.length].slice(0, 1 + (i % 3)));
  await keystroke(page, "");
  const memoryAfterMore = await memory(page, cdp);
  const wasmAfterMore = await wasmMemory(page);
  await context.close();

  return {
    entries,
    paintedMs,
    latencies,
    cards,
    elements,
    memoryLoaded,
    wasmLoaded,
    memoryAfterFilters,
    wasmAfterFilters,
    memoryAfterMore,
    wasmAfterMore,
  };
}

// A cold first visit, then a repeat visit in the same browser (its cache
// holding the hashed files), each to a new session so that the pressure
// warning shows. Sign-in happens without loading a page, so that the first
// visit starts with an empty cache. The patient's time to read the warning
// is left out: "Continue" is pressed as soon as it is painted.
async function measureLoad() {
  const preview = new Preview(backend.url);
  await preview.scenario("typical");
  const context = await browser.newContext({ baseURL: backend.url, viewport: PHONE });
  await context.addCookies([preview.cookie()]);
  await context.addInitScript(() => {
    // The paint after an element first appears: two animation frames.
    const whenPainted = (found, key) =>
      new MutationObserver((_, observer) => {
        if (!found()) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => (window[key] = performance.now())));
      }).observe(document, { subtree: true, childList: true });
    // The app's own button: index.html has none, so it is there only once
    // the app has mounted, with its click handler.
    const continueButton = () =>
      [...document.querySelectorAll("main button")].some((b) => b.textContent.includes("Continue"));
    whenPainted(continueButton, "__continueAt");
    whenPainted(() => document.querySelector(".app-entry-card"), "__firstEntryAt");
    addEventListener("click", (e) => (window.__pressedAt ??= e.timeStamp), true);
  });
  const cold = await visit(context);
  const repeat = await visit(context);
  await context.close();
  return { cold, repeat };
}

async function visit(context) {
  await context.request.get("/api/v1/auth/login?return_to=%2F", { maxRedirects: 0 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto("/record", { waitUntil: "commit" });
  await page.waitForFunction(() => window.__continueAt !== undefined, null, { timeout: 120000 });
  const bytesBeforeContinue = await page.evaluate(() =>
    performance
      .getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"))
      .reduce((n, e) => n + e.transferSize, 0),
  );
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await page.waitForFunction(() => window.__firstEntryAt !== undefined, null, { timeout: 120000 });
  const times = await page.evaluate(() => ({
    continueAt: window.__continueAt,
    pressedAt: window.__pressedAt,
    firstEntryAt: window.__firstEntryAt,
  }));
  await page.close();
  return { ...times, bytesBeforeContinue };
}

// Types into the search field (as one input event) and resolves with the
// time until the updated list has been painted.
function keystroke(page, value) {
  return page.evaluate(async (value) => {
    const input = document.getElementById("record-search");
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - start;
  }, value);
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize + (await wasmMemory(page));
}

function wasmMemory(page) {
  return page.evaluate(() => window.__wasmMemory.buffer.byteLength);
}
