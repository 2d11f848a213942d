// The timeline benchmark: prints figures, asserts nothing.
//
// In headless Chromium with the CPU throttled 4× (the DevTools protocol's
// CPU throttling, as Lighthouse's mobile profile uses) at 412 × 823 px, on
// the release build served by the reference backend, for the 10,000- and
// 1,000-entry fixtures, each in fresh browser contexts:
//   - painted after the last page: from the last page of entries arriving
//     (its responseEnd) to the timeline showing every entry, painted;
//   - first contentful paint of the record page;
//   - typing in the search field as a patient does: real key presses (the
//     DevTools protocol's key events, as Playwright's keyboard.press sends
//     them), each timed from the keydown event's timeStamp to the paint
//     after the last DOM change that key caused (two animation frames), and
//     the Event Timing API's duration for the key (what INP reports: the
//     longest event of its interaction, 16 ms when none reached the
//     observer's 16 ms threshold). The next key is pressed once the DOM has
//     been quiet for 300 ms. Keys that change nothing in the DOM are
//     counted, not timed;
//   - entry cards and all elements in the DOM on the first page;
//   - JS heap used (Performance.getMetrics after two forced garbage
//     collections) plus the WebAssembly memory (which never shrinks, so it
//     is the peak), after loading, after 100 key presses and after 200.
// And what a patient waits for on a slow phone: a cold first visit to the
// record (the typical patient, signed in, empty cache) and a repeat visit
// in the same browser, on Lighthouse's mobile profile (network 1.6 Mbit/s
// down, 750 kbit/s up, 150 ms round trip, CPU 4× slower, 412 × 823 px),
// from navigation to the pressure warning's "Continue" button painted with
// the app mounted, and from pressing it to the first entry painted.
//
// And what the typing measure itself allows (`floor`, only when asked for):
// the same key presses, timed the same way, on a page of one field and one
// line of text that each key changes, in the key's own input event, in a
// task after the key's events (as the timeline's search does), or in the
// next animation frame; and then on the timeline's own page of 25 cards
// (1,000 entries), where a bare script in place of the app's changes every
// card's texts and link with each key, at the same three times: what the
// heaviest keys of the timeline would take with no work of the app's; and
// the same with the browser skipping the cards off screen.
//
// Usage: scripts/benchmark [timeline|load|floor] (builds first), or with
// BACKEND_BIN and APP_DIST set: node scripts/benchmark.mjs [timeline|load|floor]
// (timeline and load when none is named).
// BENCHMARK_RUNS sets the number of runs (5 unless set).
import { startBackend, Preview } from "../end2end/support/backend.mjs";
import { launch } from "../end2end/support/browser.mjs";

const RUNS = [
  { scenario: "long-record", entries: 10000 },
  { scenario: "medium-record", entries: 1000 },
];
const CPU_SLOWDOWN = 4;
// Each fixture is measured this many times, each in a fresh browser context.
const REPEAT = Number(process.env.BENCHMARK_RUNS || 5);
// 200 key presses a run: "blood" typed and deleted ten times, then other
// words the same way until 200.
const FIRST_WORD = "blood";
const MORE_WORDS = ["asthma", "review", "inhaler", "dr rao", "b", "xyz"];
const KEYS_PER_READING = 100;
// The DOM is taken to have settled after a key once it has been quiet this
// long (milliseconds).
const QUIET_MS = 300;

// Lighthouse's mobile profile, through the DevTools protocol. Throughputs in
// bytes a second, as Lighthouse computes them (1 kbit = 1024 bits).
const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const PHONE = { width: 412, height: 823 };

// Where the page changes after each key, for the `floor` figures.
const FLOOR_CHANGES = {
  "in the key's input event": "now",
  "in a task after the key's events": "task",
  "in the next animation frame": "frame",
};
// The timeline whose cards the `floor` figures change.
const CARDS_FLOOR_RUN = RUNS[1];

const only = process.argv[2];
const backend = await startBackend();
const browser = await launch();
const results = [];
const loads = [];
const floors = [];
try {
  if (only === "floor") {
    const skipped = () => cardsFloorPage({ offScreenSkipped: true });
    for (const floorPage of [lineFloorPage, cardsFloorPage, skipped]) {
      for (const when of Object.keys(FLOOR_CHANGES)) floors.push(await measureFloor(when, floorPage));
    }
  } else {
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
  }
} finally {
  await browser.close();
  await backend?.stop();
}

if (results.length) printTimeline();
if (loads.length) printLoads();
if (floors.length) printFloors();

function printTimeline() {
  console.log(
    `\nTimeline benchmark: headless Chromium, CPU throttled ${CPU_SLOWDOWN}×, ${PHONE.width} × ${PHONE.height} px, release build, ${REPEAT} runs each\n`,
  );
  const spread = (key) => (r) => `${ms(r[key].median)} (${ms(r[key].min)}–${ms(r[key].max)})`;
  const pct = (key) => (r) => percentileText(r[key]);
  const rows = [
    ["entries", (r) => r.entries],
    ["painted after the last page (ms), median (range)", spread("painted")],
    ["first contentful paint (ms), median (range)", spread("fcp")],
    ["key presses: timed / changed nothing", (r) => `${r.timed} / ${r.untimed}`],
    ["key → list painted, p50/p95/p99/max (ms)", pct("keyToPaint")],
    ["Event Timing duration, p50/p95/p99/max (ms)", pct("eventTiming")],
    ["entry cards in the DOM", (r) => r.cards],
    ["elements in the DOM, first page", (r) => r.elements],
    ["JS heap + wasm after loading (MB)", (r) => mb(r.memoryLoaded)],
    ["JS heap + wasm after 100 key presses (MB)", (r) => mb(r.memoryAfter100)],
    ["JS heap + wasm after 200 key presses (MB)", (r) => mb(r.memoryAfter200)],
    ["  of which wasm memory, at its peak (MB)", (r) => mb(r.wasmPeak)],
  ];
  for (const [label, value] of rows) {
    console.log(label.padEnd(52) + results.map((r) => String(value(r)).padStart(24)).join(""));
  }
}

function printFloors() {
  console.log(
    `\nWhat the typing measure allows, CPU throttled ${CPU_SLOWDOWN}×, ${PHONE.width} × ${PHONE.height} px, ${REPEAT} runs of ${keyPresses().length} key presses each`,
  );
  for (const kind of [...new Set(floors.map((f) => f.page))]) {
    console.log(`\n${kind}\n`);
    console.log("the page changes".padEnd(34) + "key → painted, p50/p95/p99/max".padStart(34) + "Event Timing, p50/p95/p99/max".padStart(34));
    for (const f of floors.filter((f) => f.page === kind)) {
      console.log(f.when.padEnd(34) + percentileText(f.keyToPaint).padStart(34) + percentileText(f.eventTiming).padStart(34));
    }
  }
}

function printLoads() {
  const spread = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
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

// Every key of every run pooled; the median and range of the per-run
// figures; the largest DOM and memory figures.
function combine(runs) {
  const spread = (key) => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
  };
  const keys = runs.flatMap((r) => r.keys);
  const timed = keys.filter((k) => k.keyToPaint !== null);
  const most = (key) => Math.max(...runs.map((r) => r[key]));
  return {
    entries: runs[0].entries,
    painted: spread("paintedMs"),
    fcp: spread("fcp"),
    timed: timed.length,
    untimed: keys.length - timed.length,
    keyToPaint: percentiles(timed.map((k) => k.keyToPaint)),
    eventTiming: percentiles(keys.map((k) => k.eventTiming)),
    cards: most("cards"),
    elements: most("elements"),
    memoryLoaded: most("memoryLoaded"),
    memoryAfter100: most("memoryAfter100"),
    memoryAfter200: most("memoryAfter200"),
    wasmPeak: most("wasmPeak"),
  };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

function ms(value) {
  return value.toFixed(0);
}

// p50 / p95 / p99 / max, in whole milliseconds.
function percentileText(p) {
  return `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} / ${ms(p.max)}`;
}

function mb(bytes) {
  return (bytes / 1e6).toFixed(1);
}

// The keys of one run: each word typed letter by letter, then deleted with
// Backspace.
function keyPresses() {
  const word = (w) => [...w].concat([...w].map(() => "Backspace"));
  const keys = [];
  for (let i = 0; i < 10; i++) keys.push(...word(FIRST_WORD));
  for (let i = 0; keys.length < 2 * KEYS_PER_READING; i++) keys.push(...word(MORE_WORDS[i % MORE_WORDS.length]));
  return keys.slice(0, 2 * KEYS_PER_READING - 1).concat(["Backspace"]);
}

// Watches the page from its first script: the wasm memory, the timeline
// complete and painted, DOM changes and the paint after the latest, the
// latest keydown, and Event Timing entries.
function watchPage(expected) {
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasmMemory = e.detail.wasm.memory));
  const bench = (window.__bench = { mutations: 0, lastMutation: 0, paintedAfter: 0, keydown: null, events: [] });
  const done = `Showing ${expected} entries`;
  new MutationObserver(() => {
    const id = ++bench.mutations;
    bench.lastMutation = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (bench.mutations === id) bench.paintedAfter = performance.now();
      }),
    );
    if (bench.completeAt === undefined && document.querySelector(".app-result-count")?.textContent === done) {
      bench.completeAt = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => (window.__paintedAt = performance.now())));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener(
    "keydown",
    (e) => (bench.keydown = { at: e.timeStamp, mutations: bench.mutations }),
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, interaction: e.interactionId });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
}

// Signs in to a new session with a record of `entries` entries, past the
// pressure warning, and opens the timeline with the CPU throttled; resolves
// once every page of the record is painted.
async function openTimeline({ scenario, entries }) {
  const preview = new Preview(backend.url);
  await preview.scenario(scenario);
  const context = await browser.newContext({ baseURL: backend.url, viewport: PHONE });
  await context.addCookies([preview.cookie()]);
  await context.addInitScript(watchPage, entries);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  await page.goto("/api/v1/auth/login?return_to=%2F");
  await page.request.post("/api/v1/safeguarding/acknowledgements", { data: { choice: "continue" } });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto("/record");
  await waitInPage(page, () => window.__paintedAt !== undefined);
  return { context, page, cdp };
}

// The field where a patient typing sees it: at the top of the screen
// (below the sticky exit button), the results under it, as a phone
// scrolls a field into view above its keyboard.
function focusSearch(page) {
  return page.evaluate(() => {
    const field = document.getElementById("record-search");
    field.scrollIntoView({ block: "start" });
    field.focus();
  });
}

async function measure(run) {
  const { entries } = run;
  const { context, page, cdp } = await openTimeline(run);
  const { paintedMs, fcp } = await page.evaluate(() => {
    const pages = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.includes("/api/v1/record/entries"));
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    return { paintedMs: window.__paintedAt - Math.max(...pages.map((e) => e.responseEnd)), fcp };
  });
  const memoryLoaded = await memory(page, cdp);
  // Through page.evaluate only: Playwright's locators inject a script of
  // their own into the page, whose heap would count as the app's.
  const { cards, elements } = await page.evaluate(() => ({
    cards: document.querySelectorAll(".app-entry-card").length,
    elements: document.getElementsByTagName("*").length,
  }));

  await focusSearch(page);
  const keys = [];
  const readings = [];
  for (const key of keyPresses()) {
    keys.push(await press(page, key));
    if (keys.length % KEYS_PER_READING === 0) readings.push(await memory(page, cdp));
  }
  await eventTimings(page, keys);
  const wasmPeak = await wasmMemory(page);
  await context.close();

  return {
    entries,
    paintedMs,
    fcp,
    keys,
    cards,
    elements,
    memoryLoaded,
    memoryAfter100: readings[0],
    memoryAfter200: readings[1],
    wasmPeak,
  };
}

// The key presses of the timeline's runs on a floor page (below), the
// page changed by its bare script at `when`.
async function measureFloor(when, floorPage) {
  const runs = [];
  for (let i = 0; i < REPEAT; i++) {
    const { context, page, label } = await floorPage();
    await page.evaluate(changeOnEachKey, FLOOR_CHANGES[when]);
    const keys = [];
    for (const key of keyPresses()) keys.push(await press(page, key));
    await eventTimings(page, keys);
    await context.close();
    runs.push({ label, keys });
  }
  const keys = runs.flatMap((r) => r.keys);
  return {
    page: runs[0].label,
    when,
    keyToPaint: percentiles(keys.filter((k) => k.keyToPaint !== null).map((k) => k.keyToPaint)),
    eventTiming: percentiles(keys.map((k) => k.eventTiming)),
  };
}

// In a floor page: calls its `show` after each input to its field, at the
// time named (a value of FLOOR_CHANGES).
function changeOnEachKey(at) {
  const { field, show } = window.__floor;
  const later = { now: (f) => f(), task: (f) => setTimeout(f, 0), frame: (f) => requestAnimationFrame(f) }[at];
  field.addEventListener("input", () => later(show));
}

// A page where each key changes one line of text: the least any list
// shown after the key can take.
async function lineFloorPage() {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.setContent(
    `<input id="field" aria-label="Search"><p id="line"></p><script>
      const field = document.getElementById("field");
      const show = () => (document.getElementById("line").textContent = "Results for " + field.value);
      window.__floor = { field, show };
      field.focus();
    </script>`,
  );
  await page.evaluate(watchPage, 0);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return { context, page, label: "one field and one line of text" };
}

// The timeline's own page, its search field swapped for a copy without the
// app's handlers (the app's key handlers on the window stay): each key moves
// every card's texts and link on by one card, so that every key changes all
// 25 cards, as the heaviest keys of the timeline do, and the browser's
// style, layout and paint of them is all the work there is. With
// `offScreenSkipped`, the cards also get `content-visibility: auto`, so
// that the browser lays out and paints only the few on screen.
async function cardsFloorPage({ offScreenSkipped = false } = {}) {
  const { context, page } = await openTimeline(CARDS_FLOOR_RUN);
  if (offScreenSkipped) {
    // A constructed stylesheet: the app's Content Security Policy allows
    // no inline style.
    const applied = await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(".app-entry-card { content-visibility: auto; contain-intrinsic-size: auto 150px; }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return getComputedStyle(document.querySelector(".app-entry-card")).contentVisibility;
    });
    if (applied !== "auto") throw new Error(`content-visibility not applied to the cards (${applied})`);
  }
  await focusSearch(page);
  const cards = await page.evaluate(() => {
    const typed = document.getElementById("record-search");
    const field = typed.cloneNode(true);
    typed.replaceWith(field);
    field.focus();
    const cards = [...document.querySelectorAll(".app-entry-card")];
    const textNodes = cards.map((card) => {
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      return nodes;
    });
    const texts = textNodes.map((nodes) => nodes.map((node) => node.data));
    const links = cards.map((card) => card.querySelector("a"));
    const hrefs = links.map((link) => link?.getAttribute("href"));
    let turn = 0;
    const show = () => {
      turn += 1;
      cards.forEach((_, i) => {
        const from = (i + turn) % cards.length;
        textNodes[i].forEach((node, j) => {
          if (texts[from][j] !== undefined) node.data = texts[from][j];
        });
        if (links[i] && hrefs[from]) links[i].setAttribute("href", hrefs[from]);
      });
    };
    window.__floor = { field, show };
    return cards.length;
  });
  const skipping = offScreenSkipped ? ", those off screen skipped (content-visibility: auto)" : "";
  return {
    context,
    page,
    label: `the timeline's page of ${cards} cards (${CARDS_FLOOR_RUN.entries} entries), every card changed${skipping}`,
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
  await waitInPage(page, () => window.__continueAt !== undefined);
  const bytesBeforeContinue = await page.evaluate(() =>
    performance
      .getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"))
      .reduce((n, e) => n + e.transferSize, 0),
  );
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await waitInPage(page, () => window.__firstEntryAt !== undefined);
  const times = await page.evaluate(() => ({
    continueAt: window.__continueAt,
    pressedAt: window.__pressedAt,
    firstEntryAt: window.__firstEntryAt,
  }));
  await page.close();
  return { ...times, bytesBeforeContinue };
}

// Presses one key in the focused search field and waits until the DOM has
// been quiet for QUIET_MS. Resolves with the keydown's time and the time
// from keydown to the paint after the last DOM change it caused (null when
// it changed nothing).
async function press(page, key) {
  await page.evaluate(() => {
    window.__bench.keydown = null;
  });
  await page.keyboard.press(key);
  await waitInPage(
    page,
    (quiet) => {
      const b = window.__bench;
      if (!b.keydown) return false;
      const now = performance.now();
      const settled = now - Math.max(b.keydown.at, b.lastMutation) >= quiet;
      return settled && (b.mutations === b.keydown.mutations || b.paintedAfter > b.lastMutation);
    },
    QUIET_MS,
  );
  return page.evaluate(() => {
    const b = window.__bench;
    const changed = b.mutations !== b.keydown.mutations;
    return { at: b.keydown.at, keyToPaint: changed ? b.paintedAfter - b.keydown.at : null };
  });
}

// Waits until `check(arg)` holds in the page, testing it every 50 ms, for
// two minutes at most. Through page.evaluate alone: Playwright's own
// waitForFunction, like its locators, puts a script of its own in the
// page (about 0.5 MB of heap) that would count as the app's.
async function waitInPage(page, check, arg = null) {
  // An expression, not a function: CDP evaluates it whatever the page's
  // Content Security Policy says about eval.
  const held = await page.evaluate(`new Promise((resolve) => {
    const check = ${check.toString()};
    const arg = ${JSON.stringify(arg)};
    const until = performance.now() + 120000;
    const test = () => {
      if (check(arg)) resolve(true);
      else if (performance.now() > until) resolve(false);
      else setTimeout(test, 50);
    };
    test();
  })`);
  if (!held) throw new Error(`timed out waiting for ${check}`);
}

// Gives each key the longest Event Timing duration of its interaction (its
// keydown, keypress and keyup), 16 ms when it has none. An entry is
// reported only once a frame is presented after the key, which can be long
// after the next key: so they are read once every key is done, after a
// frame that the page is made to paint.
async function eventTimings(page, keys) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.body.style.outline = "1px solid transparent";
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)));
      }),
  );
  const events = await page.evaluate(() => window.__bench.events);
  keys.forEach((key, i) => {
    const end = keys[i + 1]?.at ?? Infinity;
    const own = events.filter((e) => e.interaction > 0 && e.start >= key.at - 1 && e.start < end - 1);
    key.eventTiming = Math.max(16, ...own.map((e) => e.duration));
  });
}

// JS heap used after two garbage collections, plus the wasm memory.
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize").value;
  return heap + (await wasmMemory(page));
}

function wasmMemory(page) {
  return page.evaluate(() => window.__wasmMemory.buffer.byteLength);
}
