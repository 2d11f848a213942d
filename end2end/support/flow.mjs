// Steps that many end-to-end tests take: signing in as a scenario's
// patient, and waiting for a condition without fixed sleeps.
import assert from "node:assert/strict";

// Signs in through the start page as the scenario's patient and returns
// the patient from `GET /session`.
export async function signIn(page, preview, scenario = "typical") {
  await preview.scenario(scenario);
  await page.goto("/");
  await page.getByRole("button", { name: "Continue to NHS login" }).click();
  await page.locator("h1", { hasText: /^Hello, / }).waitFor();
  const res = await page.request.get("/api/v1/session");
  return (await res.json()).patient;
}

// Signs in through the backend's login with the pressure warning already
// acknowledged (its own tests are in pressure-warning.test.mjs), without
// opening a page of the app.
export async function signInPastWarning(page) {
  await page.goto(`/api/v1/auth/login?return_to=${encodeURIComponent("/")}`);
  const ack = await page.request.post("/api/v1/safeguarding/acknowledgements", { data: { choice: "continue" } });
  if (ack.status() !== 204) throw new Error(`acknowledgement answered ${ack.status()}`);
}

// Polls a condition: resolves when it holds, fails after the timeout with
// the description.
export async function waitFor(check, description, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > timeout) assert.fail(`timed out waiting: ${description}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Presses Tab until the focused element reads `text`; fails after 60.
export async function tabTo(page, text) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === text) return;
  }
  assert.fail(`could not reach "${text}" with Tab`);
}

// Every POST the page sends to `path` from now on, with its idempotency
// key and JSON body, in order.
export function postsTo(page, path) {
  const seen = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === path) {
      seen.push({ key: r.headers()["idempotency-key"], body: r.postDataJSON() });
    }
  });
  return seen;
}

// The backend's audit events of one type, for this preview browser.
export async function eventsOf(preview, type) {
  return (await preview.events()).filter((e) => e.type === type);
}
