// Quick exit and the help page, end to end. The neutral exit destination
// (a public weather page by default) is answered by the test itself, so
// nothing leaves this machine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor } from "./support/flow.mjs";

const EXIT_PAGE = "https://www.bbc.co.uk/weather";

const suite = useSuite({
  // Playwright turns the back/forward cache off by default; Back after an
  // exit must be tested with it on.
  browser: { ignoreDefaultArgs: ["--disable-back-forward-cache"] },
});

// A neutral stand-in for the exit destination, which records whether it
// was restored from the back/forward cache.
async function answerExitPages(context) {
  await context.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><title>Weather</title><h1>Weather</h1><a href="/weather/elsewhere">Elsewhere</a>
        <script>addEventListener("pageshow", (e) => { window.restored = e.persisted; });</script></html>`,
    }),
  );
}

async function exitEvents(preview) {
  return (await preview.events()).filter((e) => e.type === "session_end" && e.reason === "exit");
}

test("the help page is reachable signed out, with helplines to tap", async () => {
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/help");
  await waitForHeading(page, "Help and support");
  assert.equal(await page.title(), "Help – GP health record – NHS");
  const refuge = page.getByRole("link", { name: "0808 2000 247" });
  assert.equal(await refuge.getAttribute("href"), "tel:08082000247");
  for (const number of ["0808 801 0327", "0800 999 5428", "0808 802 4040", "0808 168 9111"]) {
    assert.equal(await page.getByRole("link", { name: number }).count(), 1, number);
  }
  assert.match(await page.locator("main").innerText(), /press 55/);
  assert.match(await page.locator("main").innerText(), /does not delete your browsing history/);
  await assertAccessible(assert, page, "help page");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("the exit button leaves at once and ends the session", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await answerExitPages(context);
  const patient = await signIn(page, preview);
  const exit = page.getByRole("button", { name: "Emergency Exit this page" });
  assert.equal(await exit.getAttribute("href"), "/api/v1/auth/exit", "works as a plain link too");
  await assertAccessible(assert, page, "home page with the exit button");
  await exit.click();
  await page.waitForURL(EXIT_PAGE);
  await waitForHeading(page, "Weather");
  // The beacon may land just after the page changed: wait for it.
  await waitFor(async () => (await exitEvents(preview)).length === 1, "the backend saw the exit");
  assert.equal((await page.request.get(`${suite.backend.url}/api/v1/session`)).status(), 401);
  assert.doesNotMatch(await page.locator("body").innerText(), new RegExp(patient.given_name));
  await context.close();
});

test("three lone Shift presses leave; two, or Shift with a letter, do not", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await answerExitPages(context);
  await signIn(page, preview);
  const status = page.locator(".app-exit-this-page [role=status]");

  await page.keyboard.press("Shift");
  await waitFor(async () => (await status.innerText()) === "Shift, press 2 more times to exit.", "first press announced");
  await page.keyboard.press("Shift");
  await waitFor(async () => (await status.innerText()) === "Shift, press 1 more time to exit.", "second press announced");
  // A capital letter (Shift held with another key) starts the count again.
  await page.keyboard.press("Shift+A");
  await waitFor(async () => (await status.innerText()) === "Exit this page expired.", "reset announced");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  assert.equal(page.url(), `${suite.backend.url}/`, "two presses after a reset do not leave");

  // The third lone press leaves.
  await page.keyboard.press("Shift");
  await page.waitForURL(EXIT_PAGE);
  await waitFor(async () => (await exitEvents(preview)).length === 1, "the backend saw the exit");
  await context.close();
});

test("the static exit link works when the app cannot load", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await answerExitPages(context);
  await signIn(page, preview);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.reload();
  const link = page.locator("#static-exit").getByRole("link", { name: "Exit this page" });
  await link.waitFor({ state: "visible" });
  await link.click();
  await page.waitForURL(EXIT_PAGE);
  const ends = (await preview.events()).filter((e) => e.type === "session_end" && e.source === "auth_exit");
  assert.equal(ends.length, 1, "the backend ended the session");
  assert.equal((await page.request.get(`${suite.backend.url}/api/v1/session`)).status(), 401);
  await context.close();
});

test("Back after an exit never shows the patient's details again", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await answerExitPages(context);

  // Positive control: this browser really does restore pages from the
  // back/forward cache (the stand-in exit page is cacheable).
  await page.goto(EXIT_PAGE);
  await page.getByRole("link", { name: "Elsewhere" }).click();
  await page.waitForURL(/elsewhere/);
  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL(EXIT_PAGE, { waitUntil: "commit" });
  await waitFor(() => page.evaluate(() => window.restored === true), "the cache restored the page");

  const patient = await signIn(page, preview);
  await page.getByRole("link", { name: /Get help/ }).click();
  await waitForHeading(page, "Help and support");
  assert.match(await page.locator("header").innerText(), new RegExp(patient.given_name));
  await page.getByRole("button", { name: "Emergency Exit this page" }).click();
  await page.waitForURL(EXIT_PAGE);

  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL((url) => url.origin === suite.backend.url, { waitUntil: "commit" });
  await page.locator("h1").first().waitFor();
  await waitFor(
    async () => /signed out|Your GP health record/.test(await page.locator("h1").first().innerText()),
    "the page came back signed out",
  );
  assert.doesNotMatch(await page.locator("body").innerText(), new RegExp(patient.given_name));
  assert.doesNotMatch(await page.content(), new RegExp(patient.family_name));
  await context.close();
});

test("Back after an exit from the record never shows record content", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await answerExitPages(context);
  await signIn(page, preview);
  await page.goto("/record");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await page.getByText(/^Showing \d+ entries$/).waitFor();
  const summaries = await page.locator(".nhsuk-card__description").allInnerTexts();
  assert.ok(summaries.length > 0);

  // Out by the keyboard shortcut, from the middle of the record.
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(EXIT_PAGE);
  await waitFor(async () => (await exitEvents(preview)).length === 1, "the backend saw the exit");

  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL((url) => url.origin === suite.backend.url, { waitUntil: "commit" });
  // The exit replaced the record's history entry, so Back goes to the page
  // before it; restored from the cache, it reloads signed out. Either way,
  // signed out and nothing of the record.
  await page
    .locator('h1:has-text("You have been signed out"), a:has-text("Continue to NHS login")')
    .first()
    .waitFor();
  const html = await page.content();
  for (const summary of summaries) assert.ok(!html.includes(summary), `"${summary}" came back`);
  assert.equal(await page.locator(".app-entry-card").count(), 0);
  await context.close();
});
