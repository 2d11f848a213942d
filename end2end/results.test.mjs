// New test results that open only when the patient asks, end to end,
// against the reference backend: until opened, nothing of a result but its
// kind and date is anywhere (the DOM, the accessibility tree, the title,
// the address, storage, the console) and a search never finds it; opening
// it by keyboard shows it in place, moves focus to it and tells the
// backend once; the entry page and asking to hide it ask first; and a
// failed "opened" is sent again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { waitFor, tabTo, postsTo, signInPastWarning } from "./support/flow.mjs";

const suite = useSuite();
const NEW_RESULT = "New result: open it when you are ready";
const CANARIES = ["CANARY-TITLE-7Q2", "CANARY-SUMMARY-7Q2"];
// The typical patient's test results of December 2024, both new ones among
// them, on one page.
const TYPICAL_NEW_RESULTS = "/record?kind=test_result&from=2024-12-01&to=2024-12-31";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../backend/fixtures/${name}.json`, import.meta.url)));

// A UK date the way the app writes it: "3 February 2025".
function longDate(recordedOn) {
  const at = recordedOn.length === 10 ? `${recordedOn}T12:00:00Z` : recordedOn;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date(at));
}

// Signs in as the scenario's patient, the pressure warning acknowledged.
async function signedIn(scenario) {
  const preview = new Preview(suite.backend.url);
  await preview.scenario(scenario);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signInPastWarning(page);
  return { preview, context, page, guard };
}

// The record as the backend sends it now.
async function sentEntries(page) {
  const res = await page.request.get("/api/v1/record/entries?limit=500");
  assert.equal(res.status(), 200);
  return (await res.json()).entries;
}

async function loaded(page) {
  await waitForHeading(page, "Your GP health record");
  await page.getByText(/^Showing \d+ entr(y|ies)$/).waitFor({ timeout: 20000 });
  await waitFor(async () => !(await page.getByText("Loading more of your record").count()), "every page loaded");
}

// Everywhere a text could leak to: none may hold any of `secrets`.
async function assertNowhere(context, page, guard, secrets, label) {
  const cdp = await context.newCDPSession(page);
  const tree = JSON.stringify((await cdp.send("Accessibility.getFullAXTree")).nodes);
  await cdp.detach();
  const places = {
    DOM: await page.content(),
    "accessibility tree": tree,
    title: await page.title(),
    address: decodeURIComponent(page.url()),
    storage: await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie),
    console: guard.console.join("\n"),
  };
  for (const [place, text] of Object.entries(places)) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `${label}: "${secret}" is in the ${place}`);
  }
}

async function search(page, text) {
  await page.getByLabel("Search your record").fill(text);
}

test("an unopened result's text is nowhere until it is opened by keyboard, then it is shown, focused, searchable and told once", async () => {
  const { context, page, guard } = await signedIn("misbehaving");
  const canary = [...(fixture("misbehaving").entries ?? []), ...(fixture("misbehaving").raw_entries ?? [])].find(
    (e) => e && e.title === CANARIES[0],
  );
  assert.ok(canary, "the misbehaving fixture has the canary result");
  const opened = postsTo(page, `/api/v1/record/entries/${encodeURIComponent(canary.id)}/opened`);
  await page.goto("/record");
  await loaded(page);

  // "yes", null and true all read as unopened, and each entry is still
  // shown, as unopened.
  assert.equal(await page.getByText(NEW_RESULT).count(), 3);
  await assertNowhere(context, page, guard, CANARIES, "timeline");
  await assertAccessible(assert, page, "timeline with unopened results");

  // A search for its title finds nothing, and says why.
  await search(page, "canary-title");
  await page.getByText("No entries match your filters.").waitFor();
  await page.getByText("Results you have not opened are not searched.").waitFor();
  await assertNowhere(context, page, guard, CANARIES, "search");
  await assertAccessible(assert, page, "search with unopened results");
  await search(page, "");
  await page.getByText(/^Showing \d+ entries$/).waitFor();

  // Opened by keyboard alone.
  await page.locator("body").focus();
  await tabTo(page, `Open this result from ${longDate(canary.recorded_on)}`);
  await page.keyboard.press("Enter");
  const link = page.getByRole("link", { name: CANARIES[0] });
  await link.waitFor();
  await page.getByText(CANARIES[1]).waitFor();
  await waitFor(() => link.evaluate((a) => a === document.activeElement), "focus on the opened result");
  await waitFor(() => opened.length === 1, "opened sent");
  assert.equal(await page.getByText(NEW_RESULT).count(), 2, "the others stay unopened");
  await assertAccessible(assert, page, "timeline after opening");

  // Now a search finds it, and the backend no longer sends it as unopened.
  await search(page, "canary-title");
  await page.getByText("Showing 1 entry").waitFor();
  assert.equal(await page.getByRole("link", { name: CANARIES[0] }).count(), 1);
  const after = (await sentEntries(page)).find((e) => e.id === canary.id);
  assert.equal(after.unopened, undefined);
  assert.equal(opened.length, 1, "told once");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("the entry page and asking to hide a result ask first, in the same words, and opening there shows it", async () => {
  const { context, page, guard } = await signedIn("typical");
  const sent = await sentEntries(page);
  const unopened = sent.filter((e) => e.unopened === true);
  assert.equal(unopened.length, 2, "the typical patient has two unopened results");
  const [first] = unopened;
  const opened = postsTo(page, `/api/v1/record/entries/${encodeURIComponent(first.id)}/opened`);
  // Its texts that no other entry carries.
  const elsewhere = JSON.stringify(sent.filter((e) => e.id !== first.id));
  const secrets = [first.title, first.summary, first.clinician].filter((t) => t && t.length > 3 && !elsewhere.includes(JSON.stringify(t)));
  assert.ok(secrets.length > 0, "the result has a text of its own");

  await page.goto(TYPICAL_NEW_RESULTS);
  await loaded(page);
  assert.equal(await page.getByText(NEW_RESULT).count(), 2);

  // A deep link to the entry asks first.
  await page.goto(`/record/entries/${encodeURIComponent(first.id)}`);
  await waitForHeading(page, NEW_RESULT);
  await page.getByText(`Added on ${longDate(first.recorded_on)}`).waitFor();
  await assertNowhere(context, page, guard, secrets, "entry page");
  await assertAccessible(assert, page, "entry page asking first");

  // Asking to hide it does not open it.
  await page.getByRole("link", { name: "Ask your GP surgery to hide this entry" }).click();
  await waitForHeading(page, "Ask your GP surgery to hide this entry");
  await page.getByText(`A new test result from ${longDate(first.recorded_on)}`).waitFor();
  await assertNowhere(context, page, guard, secrets, "asking to hide");
  await assertAccessible(assert, page, "asking to hide an unopened result");
  assert.equal(opened.length, 0);

  // Back on the entry page, opened by keyboard.
  await page.goBack();
  await waitForHeading(page, NEW_RESULT);
  await tabTo(page, "Open this result");
  await page.keyboard.press("Enter");
  await waitForHeading(page, first.title);
  await waitFor(() => page.evaluate(() => document.activeElement?.tagName === "H1"), "focus on the heading");
  await waitFor(() => opened.length === 1, "opened sent");
  await assertAccessible(assert, page, "entry page after opening");

  // The timeline shows it opened, and a search finds it; the other result
  // is still unopened.
  await page.getByRole("link", { name: "Back to your record" }).click();
  await loaded(page);
  await search(page, first.title);
  await page.getByRole("link", { name: first.title }).first().waitFor();
  assert.equal((await sentEntries(page)).filter((e) => e.unopened === true).length, 1);
  assert.equal(opened.length, 1, "told once");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a failed opened still shows the result, and is sent again when the record is next shown", async () => {
  const { preview, context, page, guard } = await signedIn("typical");
  const [first] = (await sentEntries(page)).filter((e) => e.unopened === true);
  const path = `/api/v1/record/entries/${encodeURIComponent(first.id)}/opened`;
  await preview.fault("POST", "/api/v1/record/entries/*/opened", { kind: "status", status: 500, code: "internal_error" }, 1);
  const opened = postsTo(page, path);
  await page.goto(TYPICAL_NEW_RESULTS);
  await loaded(page);

  await page.getByRole("button", { name: `Open this result from ${longDate(first.recorded_on)}` }).click();
  const link = page.getByRole("link", { name: first.title }).first();
  await link.waitFor();
  await waitFor(() => opened.length === 1, "opened sent");
  await waitFor(async () => (await sentEntries(page)).find((e) => e.id === first.id)?.unopened === true, "the backend did not take it");

  // The patient chose: it stays open. The next time the record is shown,
  // the backend is told again.
  await link.click();
  await waitForHeading(page, first.title);
  await page.goBack();
  await loaded(page);
  await waitFor(() => opened.length === 2, "opened sent again");
  await waitFor(async () => (await sentEntries(page)).find((e) => e.id === first.id)?.unopened === undefined, "the backend took it");
  assert.equal(await page.getByRole("link", { name: first.title }).count() >= 1, true);
  await assertGuards(assert, page, guard);
  await context.close();
});
