// Debian's Chromium driven by playwright-core (no browser download), with
// guards that every end-to-end test gets: requests only to the app's own
// origin, no Content-Security-Policy violation, and an axe-core scan.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    ...options,
  });
}

// A new browser context and page for one test, watched by the guards.
// `userAgent` makes it another browser to the backend (a second device).
export async function openPage(browser, baseUrl, { preview, viewport = { width: 375, height: 812 }, userAgent } = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, ...(userAgent ? { userAgent } : {}) });
  if (preview) await context.addCookies([preview.cookie()]);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const guard = { foreignRequests: [], cspConsole: [], policyConsole: [], pageErrors: [], console: [] };
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) {
      guard.foreignRequests.push(url);
    }
  });
  page.on("console", (m) => {
    guard.console.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) guard.cspConsole.push(m.text());
    if (/Permissions.Policy/i.test(m.text())) guard.policyConsole.push(m.text());
  });
  page.on("pageerror", (e) => guard.pageErrors.push(String(e)));
  return { context, page, guard };
}

// Fails if anything went to another origin, broke the CSP or threw.
export async function assertGuards(assert, page, guard) {
  assert.deepEqual(guard.foreignRequests, [], "requests to another origin");
  assert.deepEqual(guard.cspConsole, [], "CSP violations reported in the console");
  assert.deepEqual(guard.policyConsole, [], "Permissions-Policy warnings in the console");
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(violations, [], "securitypolicyviolation events");
  assert.deepEqual(guard.pageErrors, [], "uncaught errors in the page");
}

// Runs axe-core on the page as it is now; fails on any violation. First,
// the element that has focus must not be under the sticky exit button
// (WCAG 2.4.11). axe then scans the page from its top: what scrolls under
// the sticky button stays reachable by scrolling back, so where the page
// happens to be scrolled to must not change the verdict on target sizes.
export async function assertAccessible(assert, page, label) {
  const obscured = await page.evaluate(() => {
    const focused = document.activeElement;
    const exit = document.querySelector(".app-exit-this-page__button");
    if (!focused || focused === document.body || !exit || exit.contains(focused)) return null;
    if (focused.closest("dialog[open]")) return null;
    const a = focused.getBoundingClientRect();
    const b = exit.getBoundingClientRect();
    const overlaps = Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
    return overlaps ? `${focused.tagName.toLowerCase()}#${focused.id} "${focused.textContent.trim().slice(0, 40)}"` : null;
  });
  assert.equal(obscured, null, `${label}: the focused element is under the exit button`);
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const [x, y] = [scrollX, scrollY];
    window.scrollTo(0, 0);
    try {
      return await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      });
    } finally {
      window.scrollTo(x, y);
    }
  });
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

// Waits until the page's h1 reads `text`.
export async function waitForHeading(page, text, timeout = 15000) {
  await page.locator("h1", { hasText: text }).first().waitFor({ state: "visible", timeout });
}
