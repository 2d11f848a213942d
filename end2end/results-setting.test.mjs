// When new test results appear, end to end, against the reference
// backend: the setting changed by keyboard alone with a neutral address and
// title, focus on the outcome, and the backend really storing it; the
// warning before results held back are shown; the same submission rules as
// turning off access (a double click sends one request, a dropped answer
// then a retry on the same key); and the session goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, tabTo, eventsOf, waitFor } from "./support/flow.mjs";

const suite = useSuite();
const HEADING = "When to show new test results";
const PREFERENCES = "/api/v1/preferences";
const TITLE = "Account settings: results – GP health record – NHS";
const FIRST = "After my GP surgery has reviewed them";
const SECOND = "Only after someone at my GP surgery has talked to me about them";
const HELD = "every result being held back until someone talks to you about it will appear straight away";
const SAVED_SECOND = "Saved. New test results will now appear only after someone at your GP surgery has talked to you about them.";
const SAVED_FIRST_RELEASED =
  "Saved. New test results will now appear after your GP surgery has reviewed them. Any results that were held back are now shown.";

// Every PUT the page sends to the preferences from now on, with its key
// and body, in order.
function putsTo(page) {
  const seen = [];
  page.on("request", (r) => {
    if (r.method() === "PUT" && new URL(r.url()).pathname === PREFERENCES) {
      seen.push({ key: r.headers()["idempotency-key"], body: r.postDataJSON() });
    }
  });
  return seen;
}

async function stored(page) {
  const res = await page.request.get(PREFERENCES);
  assert.equal(res.status(), 200);
  return (await res.json()).results_release;
}

// Signed in on the setting page with the second choice marked, not saved
// yet; `sent` collects the PUTs from then on.
async function secondChosen() {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = putsTo(page);
  await page.goto("/account/results");
  await waitForHeading(page, HEADING);
  await page.getByRole("radio", { name: SECOND }).check();
  return { preview, context, page, guard, sent };
}

const checked = (page, label) => page.getByRole("radio", { name: label }).isChecked();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test("changing the setting by keyboard alone: neutral title, axe on each state, focus on the outcome, stored by the backend, and the session goes on", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = putsTo(page);
  assert.equal(await stored(page), "after_review");

  // From the home page's link.
  await tabTo(page, "Choose when to see new test results");
  await page.keyboard.press("Enter");
  await waitForHeading(page, HEADING);
  await page.getByRole("radio", { name: FIRST }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/account/results");
  assert.equal(await page.title(), TITLE);
  assert.ok(await checked(page, FIRST), "the stored choice is checked");
  assert.ok(!(await checked(page, SECOND)));
  assert.equal(await page.getByText(HELD).count(), 0, "nothing is held back yet");
  await assertAccessible(assert, page, "results: after review stored");

  // Tab to the checked choice, the arrow key to the second, Space (which
  // keeps it chosen), and Enter on Save.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedId(page)) === "results-after_review") break;
  }
  assert.equal(await focusedId(page), "results-after_review");
  await page.keyboard.press("ArrowDown");
  assert.ok(await checked(page, SECOND), "the arrow key chooses the second");
  await page.keyboard.press("Space");
  await tabTo(page, "Save");
  await page.keyboard.press("Enter");
  await page.getByText(SAVED_SECOND).waitFor();
  await waitFor(async () => (await focusedId(page)) === "app-outcome", "focus moves to the outcome");
  await assertAccessible(assert, page, "results: saved");

  assert.equal(sent.length, 1);
  assert.match(sent[0].key ?? "", /\S/, "an idempotency key");
  assert.deepEqual(sent[0].body, { results_release: "after_conversation" });
  assert.equal(await stored(page), "after_conversation", "the backend stored it");
  // The stored choice is updated on the page: the warning is shown now.
  await page.getByText(HELD).waitFor();

  // A reload shows the new choice checked.
  await page.reload();
  await waitForHeading(page, HEADING);
  await page.getByRole("radio", { name: SECOND }).waitFor();
  assert.ok(await checked(page, SECOND));
  await page.getByText(HELD).waitFor();
  await assertAccessible(assert, page, "results: after a conversation stored");

  // Back to the first choice: what changes is said in plain words.
  await page.getByRole("radio", { name: FIRST }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText(SAVED_FIRST_RELEASED).waitFor();
  assert.equal(await stored(page), "after_review");
  assert.equal(await page.getByText(HELD).count(), 0);

  // Unlike turning off access, the session did not end.
  assert.equal((await page.request.get("/api/v1/session")).status(), 200);
  assert.equal(await page.getByTestId("account-name").count(), 1);
  assert.deepEqual(await eventsOf(preview, "session_end"), []);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("results held back: the warning is there before saving, from the account menu", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview, "redactions-and-results");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "When to show test results" }).click();
  await waitForHeading(page, HEADING);
  await page.getByRole("radio", { name: SECOND }).waitFor();
  assert.ok(await checked(page, SECOND));
  await page.getByText(HELD).waitFor();
  // A screen reader hears the warning with the first choice.
  const describedBy = await page.getByRole("radio", { name: FIRST }).getAttribute("aria-describedby");
  assert.ok(describedBy.split(" ").includes("results-releases-held"));
  await assertAccessible(assert, page, "results: held back");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("nothing chosen: the error summary, and nothing sent", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = putsTo(page);
  // A stored value this app does not know marks neither choice.
  await preview.fault("GET", PREFERENCES, { kind: "json", body: { results_release: "something_new" } });
  await page.goto("/account/results");
  await waitForHeading(page, HEADING);
  await page.getByRole("radio", { name: FIRST }).waitFor();
  assert.ok(!(await checked(page, FIRST)) && !(await checked(page, SECOND)), "neither is checked");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await waitFor(async () => (await focusedId(page)) === "app-error-summary", "focus on the error summary");
  await page.getByText("Select when you want to see new test results").first().waitFor();
  await assertAccessible(assert, page, "results: nothing chosen");
  assert.equal(sent.length, 0);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a double click on Save sends one request", async () => {
  const { preview, context, page, guard, sent } = await secondChosen();
  // A slow answer keeps the first request open while the second click lands.
  await preview.fault("PUT", PREFERENCES, { kind: "delay", ms: 1500 }, 1);
  await page.getByRole("button", { name: "Save" }).dblclick();
  await page.getByRole("button", { name: "Sending, please wait" }).waitFor();
  await page.getByText(SAVED_SECOND).waitFor();
  assert.equal(sent.length, 1, "one request");
  assert.equal(await stored(page), "after_conversation");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a dropped answer: could not confirm, then try again on the same key saves it", async () => {
  const { preview, context, page, guard, sent } = await secondChosen();
  // Every try dropped, until the connection comes back: the browser itself
  // sends a PUT again when a connection closes without an answer.
  await preview.fault("PUT", PREFERENCES, { kind: "drop" });
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "We could not confirm that your setting was saved" }).waitFor({ timeout: 30000 });
  assert.equal(await page.getByText(SAVED_SECOND).count(), 0, "no success before the backend said so");
  await assertAccessible(assert, page, "results: could not confirm");
  assert.equal(await stored(page), "after_review", "nothing saved while the connection drops");

  await preview.call("DELETE", "faults");
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByText(SAVED_SECOND).waitFor();
  assert.equal(sent.length, 2);
  assert.equal(sent[1].key, sent[0].key, "the retry replays the same key");
  assert.equal(await stored(page), "after_conversation");
  await assertGuards(assert, page, guard);
  await context.close();
});
