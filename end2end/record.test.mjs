// The record timeline end to end, against the reference backend's
// fixtures: what is shown (and never shown), the patient's filters and the
// address, long records, and every way loading can fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { waitFor, signInPastWarning } from "./support/flow.mjs";

const suite = useSuite();
const ENTRIES = "/api/v1/record/entries";

// Signs in as the scenario's patient with the pressure warning already
// acknowledged (its own tests are in pressure-warning.test.mjs), and opens
// `path`.
async function openRecord(scenario, path = "/record", { faults = [] } = {}) {
  const preview = new Preview(suite.backend.url);
  await preview.scenario(scenario);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signInPastWarning(page);
  for (const f of faults) await preview.fault("GET", ENTRIES, f.fault, f.times ?? null);
  await page.goto(path);
  return { preview, context, page, guard };
}

// Nothing of the record may reach the console: no message may hold text
// from any card the page showed.
async function assertNothingLogged(page, guard) {
  const texts = await page.locator(".app-entry-card").allInnerTexts();
  const words = texts.flatMap((t) => t.split("\n")).filter((w) => w.length > 8);
  for (const message of guard.console) {
    for (const w of words) assert.ok(!message.includes(w), `the console holds "${w}"`);
  }
}

const count = (page) => page.locator(".app-result-count");
const cards = (page) => page.locator(".app-entry-card");

async function shown(page) {
  await page.getByText(/^Showing \d+ entr(y|ies)$|^No entries match/).waitFor({ timeout: 20000 });
  return Number((await count(page).innerText()).match(/\d+/)?.[0] ?? 0);
}

test("the typical record: newest first under year and month headings, with the start date", async () => {
  const { context, page, guard } = await openRecord("typical");
  await waitForHeading(page, "Your GP health record");
  // The count first: until the first page arrives there is no note about
  // loading more to wait for the end of.
  await shown(page);
  await waitFor(async () => !(await page.getByText("Loading more of your record").count()), "every page loaded");
  assert.ok((await shown(page)) > 250, "about 300 entries");
  assert.match(await page.locator(".nhsuk-inset-text").innerText(), /You can see information added from 1 November 2024/);
  assert.equal(await cards(page).count(), 25, "one page of cards");

  // Real headings: years (h2) then months (h3), newest first.
  const years = await page.locator("h2.app-timeline__year").allInnerTexts();
  assert.deepEqual(years, [...years].sort().reverse());
  const months = await page.locator("h3.app-timeline__month-heading").allInnerTexts();
  assert.ok(months.length >= 2 && months.every((m) => /^[A-Z][a-z]+ \d{4}$/.test(m)), months.join("|"));
  const dates = await page.locator(".app-entry-card__date").allInnerTexts();
  const asTime = (d) => Date.parse(d);
  for (let i = 1; i < dates.length; i++) {
    assert.ok(asTime(dates[i - 1]) >= asTime(dates[i]), `${dates[i - 1]} before ${dates[i]}`);
  }
  await assertAccessible(assert, page, "typical timeline");

  await assertNothingLogged(page, guard);

  // The next page of the timeline: its own address, focus on the heading.
  await page.getByRole("link", { name: "Next" }).click();
  await page.waitForURL(/\/record\?page=2$/);
  await waitFor(() => page.evaluate(() => document.activeElement?.tagName === "H1"), "focus on the heading");
  assert.equal(await cards(page).count(), 25);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("search, kind and date filters combine; only kind and dates go into the address", async () => {
  const { context, page, guard } = await openRecord("typical");
  await shown(page);
  await waitFor(async () => !(await page.getByText("Loading more of your record").count()), "every page loaded");
  const all = await shown(page);

  // Search: case- and accent-insensitive, announced, never in the address.
  await page.getByLabel("Search your record").fill("ASTHMA");
  await waitFor(async () => (await shown(page)) < all, "search narrows the list");
  const asthma = await shown(page);
  assert.ok(asthma > 0);
  assert.equal(await count(page).getAttribute("aria-live"), "polite");
  assert.doesNotMatch(page.url(), /asthma/i, "search text stays out of the address");
  for (const title of await page.locator(".app-entry-card").allInnerTexts()) {
    assert.match(title, /asthma/i);
  }

  // Kind: into the address, and combined with the search.
  await page.getByText("Filter by type and date").click();
  await page.getByLabel("Test result").check();
  await page.waitForURL(/\/record\?kind=test_result$/);
  await waitFor(async () => (await shown(page)) <= asthma, "kind narrows further");
  for (const kind of await page.locator(".app-entry-card__kind").allInnerTexts()) {
    assert.equal(kind, "Test result");
  }
  const history = await page.evaluate(() => history.length);

  // Dates: into the address as well, replacing the history entry.
  await page.getByLabel("From").fill("2025-06-01");
  await page.waitForURL(/kind=test_result&from=2025-06-01$/);
  assert.equal(await page.evaluate(() => history.length), history, "filter changes do not add history entries");

  // A reload keeps kind and dates, and forgets the search.
  await page.reload();
  await waitForHeading(page, "Your GP health record");
  await shown(page);
  assert.equal(await page.getByLabel("Search your record").inputValue(), "");
  await page.getByText("Filter by type and date").click();
  assert.equal(await page.getByLabel("Test result").isChecked(), true);
  assert.equal(await page.getByLabel("From").inputValue(), "2025-06-01");
  await assertAccessible(assert, page, "filtered timeline");

  // Clear filters: everything again, and a plain address.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForURL(/\/record$/);
  await waitFor(async () => (await shown(page)) === all, "every entry again");

  // Nothing of the search was written to browser storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.equal(stored, "{}{}");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("filters in the address that cannot be used are left out with a note", async () => {
  const { context, page, guard } = await openRecord("typical", "/record?kind=x-ray&from=2024-02-30&q=secret");
  await shown(page);
  await page.getByText("Some filters in the web address could not be used").waitFor();
  assert.equal(await page.getByLabel("Search your record").inputValue(), "", "a search in the address is ignored");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a backend that sends what it should not: none of it reaches the page", async () => {
  const { context, page, guard } = await openRecord("misbehaving");
  await shown(page);
  await waitFor(async () => !(await page.getByText("Loading more of your record").count()), "every page loaded");
  const n = await shown(page);
  assert.ok(n > 0, "the visible entries are shown");
  assert.doesNotMatch(await page.content(), /MUST NOT BE SHOWN/);
  // No trace of what was dropped: no counts, no gaps, no placeholders.
  assert.doesNotMatch(await page.locator("main").innerText(), /hidden|removed|withheld|redacted/i);
  assert.equal(await page.getByText("Flu vaccination").count(), 1, "a duplicate is shown once");
  await assertNothingLogged(page, guard);
  assert.ok(!guard.console.some((m) => m.includes("MUST NOT BE SHOWN")));

  // Nor by a deep link to a hidden entry: it reads like a missing one.
  await page.goto("/record/entries/mb-redacted");
  await waitForHeading(page, "This entry is not available");
  assert.doesNotMatch(await page.content(), /MUST NOT BE SHOWN/);
  await page.goto("/record/entries/no-such-entry");
  await waitForHeading(page, "This entry is not available");
  await assertAccessible(assert, page, "entry not available");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a deep link to an entry fetches just that entry", async () => {
  const { context, page, guard } = await openRecord("typical", "/record/entries/t-eykh0c");
  await waitForHeading(page, "Asthma review");
  assert.match(await page.locator("main").innerText(), /Recorded by\s+Nurse Claire Dobson/);
  await page.getByRole("link", { name: "Back to your record" }).click();
  await page.waitForURL(/\/record$/);
  await shown(page);
  await assertAccessible(assert, page, "entry page");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("10,000 entries load in the background; what is being read does not move", async () => {
  // Pages come in no promised order (this fixture sends them shuffled), so
  // newer entries keep arriving after the first page is shown. Each page is
  // slowed down, so that the patient is still reading when they arrive.
  const slow = { fault: { kind: "delay", ms: 250 } };
  const { context, page, guard } = await openRecord("long-record", "/record", { faults: [slow] });
  await waitForHeading(page, "Your GP health record");
  await shown(page);
  assert.ok(await page.getByText("Loading more of your record").count(), "still loading");

  // The patient scrolls down to a card and reads it.
  const { reading, before } = await page.evaluate(async () => {
    const scrolled = new Promise((resolve) => addEventListener("scroll", resolve, { once: true }));
    const card = document.querySelectorAll(".app-entry-card a")[10];
    card.scrollIntoView({ block: "start" });
    await scrolled;
    return { reading: card.getAttribute("href"), before: card.getBoundingClientRect().top };
  });
  const where = () =>
    page.evaluate((href) => document.querySelector(`.app-entry-card a[href="${href}"]`)?.getBoundingClientRect().top, reading);

  await waitFor(async () => (await shown(page)) === 10000, "every page arrived", 60000);
  await waitFor(async () => !(await page.getByText("Loading more of your record").count()), "loading finished");
  assert.equal(await where(), before, "the card being read stayed where it was");
  assert.ok((await cards(page).count()) <= 25, "only one page of cards in the DOM");
  assert.match(await page.getByRole("status").filter({ hasText: "More of your record has loaded" }).innerText(), /go back to the top/);

  // At the top of the page the list catches up: newest first.
  await page.evaluate(() => scrollTo(0, 0));
  await waitFor(async () => !(await page.getByText("More of your record has loaded").count()), "the list caught up");
  const dates = await page.locator(".app-entry-card__date").allInnerTexts();
  for (let i = 1; i < dates.length; i++) assert.ok(Date.parse(dates[i - 1]) >= Date.parse(dates[i]));
  assert.match(await page.locator(".nhsuk-pagination").innerText(), /Page 1 of 400/);
  await assertAccessible(assert, page, "long record");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a 500 gets the error page; try again loads the record and keeps the filters", async () => {
  const fault = { kind: "status", status: 500, code: "internal_error" };
  const { context, page, guard } = await openRecord("typical", "/record?kind=medicine", { faults: [{ fault, times: 1 }] });
  await waitForHeading(page, "Sorry, there is a problem with the service");
  await assertAccessible(assert, page, "record error");
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Your GP health record");
  await shown(page);
  assert.match(page.url(), /\/record\?kind=medicine$/);
  for (const kind of await page.locator(".app-entry-card__kind").allInnerTexts()) assert.equal(kind, "Medicine");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("an undecodable body gets the error page and never shows what was sent", async () => {
  const { context, page, guard } = await openRecord("typical", "/record", { faults: [{ fault: { kind: "undecodable" } }] });
  await waitForHeading(page, "Sorry, there is a problem with the service");
  assert.match(await page.locator("main").innerText(), /Something went wrong on our side/);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a 403 record_access_disabled explains that access is off and links to help", async () => {
  const fault = { kind: "status", status: 403, code: "record_access_disabled" };
  const { context, page, guard } = await openRecord("typical", "/record", { faults: [{ fault }] });
  await waitForHeading(page, "Access to your GP health record is turned off");
  await page.getByRole("link", { name: "Help" }).first().waitFor();
  assert.equal(await cards(page).count(), 0);
  await assertAccessible(assert, page, "access off");
  await assertGuards(assert, page, guard);
  await context.close();
});
