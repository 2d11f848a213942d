// Recent sign-ins, end to end, against the reference backend: signing out
// everywhere else really ends the patient's session on another device and
// keeps this one; a press that could not be confirmed is tried again; and
// a backend that sends poor data still has every sign-in shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor, tabTo, postsTo, eventsOf } from "./support/flow.mjs";
import { assertNoSidewaysScroll } from "./support/layout.mjs";

const suite = useSuite();
const SIGN_INS = "Recent sign-ins";
const END_OTHERS = "/api/v1/session/end-others";
// The second device: another browser to the backend, which names it from
// the User-Agent.
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

// One sign-in on the page, found by its device, as the patient reads it.
const row = (page, device) => page.locator(".app-sign-in").filter({ has: page.locator(".app-sign-in__device", { hasText: device }) });
const statusOf = async (page, device) => (await row(page, device).locator("p").last().textContent()).trim();

// Signs in as the scenario's patient again, in another browser context of
// the same preview browser. Choosing the scenario again would end every
// session of that browser, so this does not.
async function signInOnAnotherDevice(page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Continue to NHS login" }).click();
  await page.locator("h1", { hasText: /^Hello, / }).waitFor();
}

test("signing out everywhere else ends the session on the other device, and keeps this one", async () => {
  const preview = new Preview(suite.backend.url);
  const laptop = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(laptop.page, preview);
  // The same patient on another device: the same preview browser (its
  // cookie), signed in separately.
  const other = await openPage(suite.browser, suite.backend.url, { preview, userAgent: FIREFOX_ON_WINDOWS });
  await signInOnAnotherDevice(other.page);
  const page = laptop.page;
  const sent = postsTo(page, END_OTHERS);

  // From the home page's link, by keyboard.
  await page.goto("/");
  await waitForHeading(page, "Hello, ");
  await tabTo(page, "Check recent sign-ins");
  await page.keyboard.press("Enter");
  await waitForHeading(page, SIGN_INS);
  assert.equal(new URL(page.url()).pathname, "/account/sign-ins");
  assert.equal(await page.title(), "Account settings: sign-ins – GP health record – NHS");
  await page.getByText("If you do not recognise a sign-in, someone else may know your NHS login details.").waitFor();
  await row(page, "Firefox on Windows").waitFor();
  assert.equal(await statusOf(page, "Firefox on Windows"), "Still signed in");
  assert.equal(await statusOf(page, "Chrome on Android"), "Still signed in", "the typical patient's unfamiliar phone");
  const mine = page.locator(".app-sign-in").filter({ hasText: "This device" });
  assert.equal(await mine.count(), 1, "this device is marked once");
  assert.equal((await mine.locator("p").last().textContent()).trim(), "Still signed in");
  await assertAccessible(assert, page, "sign-ins");

  // It says that the other person may notice.
  await page.getByText("If someone else is signed in as you, they may notice that they have been signed out.").waitFor();
  await tabTo(page, "Sign out everywhere else");
  await page.keyboard.press("Enter");
  await page.getByText("You are signed out on every other device").waitFor();
  // The button that had focus is gone: focus is on what happened.
  await waitFor(
    () => page.evaluate(() => document.activeElement?.id === "app-signed-out-elsewhere"),
    "focus on the outcome",
  );
  await assertAccessible(assert, page, "sign-ins, signed out everywhere else");
  assert.equal(sent.length, 1);
  const ended = await eventsOf(preview, "other_sessions_ended");
  assert.deepEqual(ended.map((e) => e.sessions_ended), [1], "the other device's session ended");

  // The list, loaded again, shows the other device signed out and this one
  // still signed in.
  await waitFor(async () => (await statusOf(page, "Firefox on Windows")) === "Signed out", "the other device shown signed out");
  assert.equal(await statusOf(page, "Chrome on Android"), "Signed out");
  assert.equal((await mine.locator("p").last().textContent()).trim(), "Still signed in");
  assert.equal((await page.request.get("/api/v1/session")).status(), 200, "this session goes on");
  assert.equal(await page.getByTestId("account-name").count(), 1);

  // The other device learns it on its next request: it is signed out, and
  // sees nothing of the page it asked for.
  await other.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Who can see your record" }).click();
  await waitForHeading(other.page, "You have been signed out");
  assert.equal(await other.page.getByText("Mark Hartley").count(), 0);
  assert.equal(await other.page.getByTestId("account-name").count(), 0, "no name in its header any more");
  assert.equal((await other.page.request.get("/api/v1/session")).status(), 401);

  // And this one is still signed in after that.
  await page.reload();
  await waitForHeading(page, SIGN_INS);
  assert.equal((await page.request.get("/api/v1/session")).status(), 200);
  await assertGuards(assert, page, laptop.guard);
  await assertGuards(assert, other.page, other.guard);
  await other.context.close();
  await laptop.context.close();
});

test("signing out everywhere else: a dropped answer is tried again, and a double press sends once", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, END_OTHERS);
  await page.goto("/account/sign-ins");
  await waitForHeading(page, SIGN_INS);
  await page.locator(".app-sign-in").first().waitFor();

  // The connection drops before the backend did anything. Every time:
  // Chromium sends a request again by itself once when a kept-alive
  // connection closes without an answer.
  await preview.fault("POST", END_OTHERS, { kind: "drop" });
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await page.getByRole("heading", { name: "We could not confirm that you were signed out on other devices" }).waitFor();
  assert.equal(sent.length, 1);
  assert.deepEqual(await eventsOf(preview, "other_sessions_ended"), [], "nothing ended yet");
  await assertAccessible(assert, page, "sign-ins, could not confirm");

  // The connection is back; a slow answer keeps the retry open while a
  // second press lands.
  await preview.call("DELETE", "faults");
  await preview.fault("POST", END_OTHERS, { kind: "delay", ms: 1500 }, 1);
  await page.getByRole("button", { name: "Try again" }).dblclick();
  await page.getByRole("button", { name: "Sending, please wait" }).waitFor();
  await page.getByText("You are signed out on every other device").waitFor();
  assert.equal(sent.length, 2, "the double press sent one request more");
  assert.equal((await eventsOf(preview, "other_sessions_ended")).length, 1);
  await waitFor(async () => (await statusOf(page, "Chrome on Android")) === "Signed out", "the list loaded again");
  assert.equal((await page.request.get("/api/v1/session")).status(), 200);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a backend that sends poor data: every sign-in shown, a bad date as not known, nothing sideways at 320 px", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview, viewport: { width: 320, height: 812 } });
  await signIn(page, preview, "misbehaving");
  const { sign_ins: sent } = await (await page.request.get("/api/v1/session/sign-ins")).json();
  assert.ok(sent.some((s) => s.at === "yesterday evening"), "the fixture's bad date is sent");
  await page.goto("/account/sign-ins");
  await waitForHeading(page, SIGN_INS);
  const rows = page.locator(".app-sign-in");
  await waitFor(async () => (await rows.count()) === sent.length, "every sign-in listed");
  assert.deepEqual(
    (await page.locator(".app-sign-in__device").allTextContents()).map((d) => d.trim()),
    sent.map((s) => s.device),
    "in the backend's order",
  );
  assert.equal((await row(page, "Unknown browser").locator("p").first().textContent()).trim(), "Date not known");
  await assertNoSidewaysScroll(assert, page, "sign-ins, misbehaving");
  await assertAccessible(assert, page, "sign-ins, misbehaving");
  await assertGuards(assert, page, guard);
  await context.close();
});
