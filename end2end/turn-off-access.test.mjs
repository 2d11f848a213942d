// Turning off access end to end, against the reference backend: the steps
// and their addresses, the keyboard, the error summary, and submissions
// that never claim more than the backend said (a double click, a timeout
// while the backend applied it, a 500, a refusal).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor, tabTo, postsTo, eventsOf } from "./support/flow.mjs";

const suite = useSuite();
const DISABLE = "/api/v1/access/disable";

// Opens the flow from the account menu and goes to the check step with
// the choice made by pointer.
async function toCheckStep(page, option) {
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Turn off access" }).click();
  await waitForHeading(page, "Turn off access to your GP health record");
  await page.getByRole("link", { name: "Continue" }).click();
  await waitForHeading(page, "What do you want to turn off?");
  await page.getByLabel(option).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await waitForHeading(page, "Check your answer");
}

test("the whole flow by keyboard alone, with neutral addresses and titles, and axe on every step", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, DISABLE);
  const titles = [];

  // From the help page's link.
  await page.goto("/help");
  await waitForHeading(page, "Help and support");
  await tabTo(page, "Turn off access");
  // The account menu has a link of the same name first; go on to the help
  // page's own, in the main content.
  while (!(await page.evaluate(() => !!document.activeElement?.closest("main")))) {
    await tabTo(page, "Turn off access");
  }
  await page.keyboard.press("Enter");
  await waitForHeading(page, "Turn off access to your GP health record");
  assert.equal(new URL(page.url()).pathname, "/account");
  titles.push(await page.title());
  await assertAccessible(assert, page, "turn off access: about");
  const historyAtStart = await page.evaluate(() => history.length);

  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  await waitForHeading(page, "What do you want to turn off?");
  assert.equal(new URL(page.url()).pathname, "/account/choose");
  titles.push(await page.title());

  // Continue with nothing chosen: the error summary takes focus, and its
  // link takes focus to the first option.
  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  await page.locator(".nhsuk-error-summary").waitFor();
  await waitFor(
    () => page.evaluate(() => document.activeElement?.classList.contains("nhsuk-error-summary")),
    "focus on the error summary",
  );
  await assertAccessible(assert, page, "turn off access: choose, with an error");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await waitFor(() => page.evaluate(() => document.activeElement?.id === "option-app"), "focus on the first option");
  await page.keyboard.press("Space");
  await waitFor(() => page.evaluate(() => location.search === "?option=app"), "the choice in the address");
  await assertAccessible(assert, page, "turn off access: choose");

  // A reload keeps the step and the choice.
  await page.reload();
  await waitForHeading(page, "What do you want to turn off?");
  assert.equal(await page.getByLabel("Access to my GP health record in this app").isChecked(), true);

  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  await waitForHeading(page, "Check your answer");
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, "/account/check?option=app");
  titles.push(await page.title());
  await assertAccessible(assert, page, "turn off access: check");

  // Submit without the confirmation: error summary, nothing sent.
  await tabTo(page, "Turn off access");
  await page.keyboard.press("Enter");
  await page.locator(".nhsuk-error-summary").waitFor();
  await waitFor(
    () => page.evaluate(() => document.activeElement?.classList.contains("nhsuk-error-summary")),
    "focus on the error summary",
  );
  await assertAccessible(assert, page, "turn off access: check, with an error");
  assert.equal(sent.length, 0);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await waitFor(() => page.evaluate(() => document.activeElement?.id === "confirm"), "focus on the checkbox");
  await page.keyboard.press("Space");
  await tabTo(page, "Turn off access");
  await page.keyboard.press("Enter");

  await waitForHeading(page, "Access to your GP health record is turned off");
  const reference = (await page.getByTestId("reference").textContent()).trim();
  assert.match(reference, /\S/);
  titles.push(await page.title());
  await assertAccessible(assert, page, "turn off access: done");
  assert.equal(new URL(page.url()).pathname, "/account/done");

  // One request, one key, and the backend's reference on screen.
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].body, { scope: "record_access", confirmed: true });
  const events = await eventsOf(preview, "access_disabled");
  assert.deepEqual(events.map((e) => [e.scope, e.reference]), [["record_access", reference]]);

  // The steps shared one history entry; titles are neutral and unique.
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  assert.deepEqual(titles, [
    "Account settings – GP health record – NHS",
    "Account settings: choose – GP health record – NHS",
    "Account settings: check – GP health record – NHS",
    "Account settings: done – GP health record – NHS",
  ]);

  // The session was ended, and the record is closed at the backend.
  await waitFor(
    async () => (await preview.events()).some((e) => e.type === "session_end" && e.reason === "sign_out"),
    "the backend saw the session end",
  );
  assert.equal(await page.getByTestId("account-name").count(), 0, "no name in the header any more");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a double click sends one request", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, DISABLE);
  // Start from the record, so that Back after the flow returns to it.
  await page.goto("/record");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await page.getByText(/^Showing \d+ entries$/).waitFor();
  const firstCard = (await page.locator(".app-entry-card .nhsuk-card__link").first().textContent()).trim();
  assert.match(firstCard, /\S/);
  await toCheckStep(page, "Access to my GP health record in this app");
  // A slow answer keeps the first request open while the second click lands.
  await preview.fault("POST", DISABLE, { kind: "delay", ms: 1500 }, 1);
  await page.getByLabel(/I understand/).check();
  await page.getByRole("button", { name: "Turn off access" }).dblclick();
  await page.getByRole("button", { name: "Sending, please wait" }).waitFor();
  await waitForHeading(page, "Access to your GP health record is turned off");
  assert.equal(sent.length, 1, "one request");
  assert.equal((await eventsOf(preview, "access_disabled")).length, 1);

  // The record went with the session: Back shows none of it.
  await page.goBack();
  await waitFor(async () => new URL(page.url()).pathname === "/record", "back on the record's address");
  await waitForHeading(page, "Sign in to continue");
  assert.ok(!(await page.content()).includes(firstCard), "no card of the record");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a timeout while the backend applied it: could not confirm, then try again shows the same reference", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, DISABLE);
  await toCheckStep(page, "My NHS login");
  // Applied at once, answered only after the app has given up (15 s).
  await preview.fault("POST", DISABLE, { kind: "late", ms: 60000 }, 1);
  await page.getByLabel(/I understand/).check();
  await page.getByRole("button", { name: "Disable my NHS login" }).click();
  await page.getByRole("heading", { name: "We could not confirm that access was turned off" }).waitFor({ timeout: 30000 });
  await assertAccessible(assert, page, "turn off access: could not confirm");
  const applied = await eventsOf(preview, "access_disabled");
  assert.equal(applied.length, 1, "the backend applied the first request");

  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Your NHS login is disabled");
  assert.equal((await page.getByTestId("reference").textContent()).trim(), applied[0].reference, "the first request's reference");
  assert.equal(sent.length, 2);
  assert.equal(sent[1].key, sent[0].key, "the retry replays the same key");
  assert.equal((await eventsOf(preview, "access_disabled")).length, 1, "applied once");
  // After nhs_login every call answers 401.
  assert.equal((await page.request.get("/api/v1/session")).status(), 401);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a 500, then success on the second try; the record answers 403 afterwards", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, DISABLE);
  await toCheckStep(page, "Access to my GP health record in this app");
  await preview.fault("POST", DISABLE, { kind: "status", status: 500, code: "internal_error" }, 1);
  await page.getByLabel(/I understand/).check();
  await page.getByRole("button", { name: "Turn off access" }).click();
  await page.getByRole("heading", { name: "We could not confirm that access was turned off" }).waitFor();
  assert.equal((await eventsOf(preview, "access_disabled")).length, 0, "nothing applied yet");
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Access to your GP health record is turned off");
  assert.equal(sent.length, 2);
  assert.equal((await eventsOf(preview, "access_disabled")).length, 1);

  // Signing in again: the record is closed.
  await page.goto("/api/v1/auth/login?return_to=%2Frecord");
  await waitFor(
    async () => (await page.request.get("/api/v1/record/entries")).status() === 403,
    "the record answers 403",
  );
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await assertGuards(assert, page, guard);
  await context.close();
});

test("when access is already off, the flow says so instead of offering it again", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview, "access-off");
  for (const path of ["/account", "/account/choose", "/account/check?option=app"]) {
    await page.goto(path);
    await waitForHeading(page, "Access to your GP health record is turned off");
    assert.equal(await page.getByRole("button").filter({ hasText: /Turn off|Disable/ }).count(), 0, path);
  }
  await assertAccessible(assert, page, "turn off access: already off");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("signed out, the flow asks the patient to sign in and come back to the same step", async () => {
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/account/check?option=login");
  await waitForHeading(page, "Sign in to continue");
  const signIn = page.getByRole("button", { name: "Continue to NHS login" });
  assert.match(await signIn.getAttribute("href"), /return_to=%2Faccount%2Fcheck%3Foption%3Dlogin$/);
  await assertAccessible(assert, page, "turn off access: signed out");
  await assertGuards(assert, page, guard);
  await context.close();
});
