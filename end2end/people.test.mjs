// People with proxy access, end to end, against the reference backend:
// asking the GP surgery to remove someone's access by keyboard alone, with
// neutral addresses and titles and one history entry for the steps; the
// same submission rules as turning off access (a double click, a timeout
// while the backend applied it, "no longer has access", "already asked");
// a backend that sends poor data; and a patient whose own access is off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor, tabTo, postsTo, eventsOf } from "./support/flow.mjs";
import { assertNoSidewaysScroll } from "./support/layout.mjs";

const suite = useSuite();
const LIST = "People who can see your record";
const ASK = "Ask your GP surgery to remove their access";
const PARTNER = "/api/v1/access/proxies/px-partner/removal-requests";
const CHECK_PARTNER = "/account/people/check?person=px-partner";
// The reference backend's fixed clock (backend/fixtures/README.md).
const TODAY = "2 November 2026";

const address = (page) => new URL(page.url()).pathname + new URL(page.url()).search;

test("asking to remove someone's access by keyboard alone: neutral titles, one history entry, axe on every step, and the session goes on", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, PARTNER);
  const titles = [];

  // From the home page's link.
  await tabTo(page, "Check who can see your record");
  await page.keyboard.press("Enter");
  await waitForHeading(page, LIST);
  await page.getByRole("heading", { name: "Mark Hartley" }).waitFor();
  assert.equal(address(page), "/account/people");
  titles.push(await page.title());
  await assertAccessible(assert, page, "people: list");
  const historyAtStart = await page.evaluate(() => history.length);

  // The link is described by the person's name, for a screen reader.
  await tabTo(page, ASK);
  assert.equal(
    await page.evaluate(() => document.getElementById(document.activeElement.getAttribute("aria-describedby"))?.textContent),
    "Mark Hartley",
  );
  await page.keyboard.press("Enter");
  await waitForHeading(page, ASK);
  await page.getByRole("button", { name: "Send request" }).waitFor();
  assert.equal(address(page), CHECK_PARTNER, "the person rides in the query as their opaque id");
  titles.push(await page.title());
  await assertAccessible(assert, page, "people: check");

  await tabTo(page, "Send request");
  await page.keyboard.press("Enter");
  await waitForHeading(page, "Request sent");
  const reference = (await page.getByTestId("reference").textContent()).trim();
  assert.match(reference, /^RA-[0-9A-Z]{8}$/);
  assert.equal(address(page), `/account/people/done?ref=${reference}`);
  titles.push(await page.title());
  await assertAccessible(assert, page, "people: done");

  // One request, one key, and the backend's reference on screen.
  assert.equal(sent.length, 1);
  assert.match(sent[0].key ?? "", /\S/, "an idempotency key");
  assert.deepEqual(sent[0].body, {});
  const events = await eventsOf(preview, "proxy_removal_request");
  assert.deepEqual(events.map((e) => [e.proxy_id, e.reference]), [["px-partner", reference]]);

  // The steps shared one history entry; titles are neutral and name
  // nobody.
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  assert.deepEqual(titles, [
    "Account settings: people – GP health record – NHS",
    "Account settings: people, check – GP health record – NHS",
    "Account settings: people, done – GP health record – NHS",
  ]);

  // Back to the list: the request is waiting, and there is nothing to ask
  // again.
  await tabTo(page, "Back to people who can see your record");
  await page.keyboard.press("Enter");
  await waitForHeading(page, LIST);
  await page.getByText(`You asked on ${TODAY}, reference ${reference}`).waitFor();
  assert.equal(await page.getByRole("link", { name: ASK }).count(), 0, "no second request offered");
  assert.equal(address(page), "/account/people");
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  await assertAccessible(assert, page, "people: list, asked");

  // Unlike turning off access, the session did not end.
  assert.equal((await page.request.get("/api/v1/session")).status(), 200);
  assert.equal(await page.getByTestId("account-name").count(), 1, "the name is still in the header");
  assert.deepEqual(await eventsOf(preview, "session_end"), []);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("from the account menu, a double click on Send request sends one request", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, PARTNER);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Who can see your record" }).click();
  await waitForHeading(page, LIST);
  await page.getByRole("link", { name: ASK }).click();
  await waitForHeading(page, ASK);
  // A slow answer keeps the first request open while the second click lands.
  await preview.fault("POST", PARTNER, { kind: "delay", ms: 1500 }, 1);
  await page.getByRole("button", { name: "Send request" }).dblclick();
  await page.getByRole("button", { name: "Sending, please wait" }).waitFor();
  await waitForHeading(page, "Request sent");
  assert.equal(sent.length, 1, "one request");
  assert.equal(new Set(sent.map((s) => s.key)).size, 1, "one key");
  const events = await eventsOf(preview, "proxy_removal_request");
  assert.equal(events.length, 1);
  assert.equal((await page.getByTestId("reference").textContent()).trim(), events[0].reference);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a timeout while the backend applied it: could not confirm, then try again shows the first attempt's reference", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, PARTNER);
  await page.goto(CHECK_PARTNER);
  await waitForHeading(page, ASK);
  // Applied at once, answered only after the app has given up (15 s).
  await preview.fault("POST", PARTNER, { kind: "late", ms: 60000 }, 1);
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByRole("heading", { name: "We could not confirm that your request was sent" }).waitFor({ timeout: 30000 });
  await assertAccessible(assert, page, "people: could not confirm");
  const applied = await eventsOf(preview, "proxy_removal_request");
  assert.equal(applied.length, 1, "the backend applied the first request");

  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Request sent");
  assert.equal((await page.getByTestId("reference").textContent()).trim(), applied[0].reference, "the first request's reference");
  assert.equal(sent.length, 2);
  assert.equal(sent[1].key, sent[0].key, "the retry replays the same key");
  assert.equal((await eventsOf(preview, "proxy_removal_request")).length, 1, "asked once");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("someone who no longer has access, and a request already made: said as the backend said them", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);

  // 404: the proxy is gone. Nothing more to send, and the way back.
  await page.goto(CHECK_PARTNER);
  await waitForHeading(page, ASK);
  await preview.fault("POST", PARTNER, { kind: "status", status: 404, code: "not_found" }, 1);
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByRole("heading", { name: "This person no longer has proxy access" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /Send request|Try again/ }).count(), 0, "nothing to send");
  // The button that had focus is gone: focus is on what happened.
  await waitFor(() => page.evaluate(() => document.activeElement?.id === "app-outcome"), "focus on the outcome");
  await page.getByRole("link", { name: "Back to people who can see your record" }).waitFor();
  await assertAccessible(assert, page, "people: no longer has access");

  // 409 already_requested while the list still offered to ask: the
  // earlier reference, not a new one.
  await page.goto(CHECK_PARTNER);
  await waitForHeading(page, ASK);
  await preview.fault("POST", PARTNER, { kind: "status", status: 409, code: "already_requested", reference: "RA-3F8QW2LT" }, 1);
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByRole("heading", { name: "You have already asked to remove their access" }).waitFor();
  await page.getByText("Your reference number: RA-3F8QW2LT.").waitFor();
  await waitFor(() => page.evaluate(() => document.activeElement?.id === "app-outcome"), "focus on the outcome");
  assert.equal(await page.getByTestId("reference").count(), 0, "no confirmation panel");
  await assertAccessible(assert, page, "people: already requested");
  assert.deepEqual(await eventsOf(preview, "proxy_removal_request"), [], "nothing was asked");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a request already waiting shows its date and reference, on the list and at the check step", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview, "redactions-and-results");
  const sent = postsTo(page, "/api/v1/access/proxies/px-brother/removal-requests");
  await page.goto("/account/people");
  await waitForHeading(page, LIST);
  await page.getByText(/^You asked on \d{1,2} \w+ \d{4}, reference RA-3F8QW2LT$/).waitFor();
  assert.equal(await page.getByRole("link", { name: ASK }).count(), 0);
  // An old link to the check step asks nothing again.
  await page.goto("/account/people/check?person=px-brother");
  await waitForHeading(page, "You have already asked to remove their access");
  assert.equal(await page.getByRole("button", { name: "Send request" }).count(), 0);
  assert.equal(sent.length, 0);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a list that fails to load is an error with try again, never nobody", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  await preview.fault("GET", "/api/v1/access/proxies", { kind: "status", status: 500, code: "internal_error" }, 1);
  await page.goto("/account/people");
  await page.getByRole("heading", { name: "We could not load this list" }).waitFor();
  assert.equal(await page.getByText("Nobody has proxy access").count(), 0);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { name: "Mark Hartley" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "We could not load this list" }).count(), 0);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a backend that sends poor data: every person shown, as text, and nothing scrolls sideways at 320 px", async () => {
  const fixture = JSON.parse(readFileSync(new URL("../backend/fixtures/misbehaving.json", import.meta.url)));
  const longName = fixture.proxies.find((p) => p.id === "px-long-name").name;
  assert.ok(longName.length >= 5000 && /<b>/.test(longName) && /<script>/.test(longName) && /onerror/.test(longName));
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview, viewport: { width: 320, height: 812 } });
  // A name's script would open a dialog.
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await signIn(page, preview, "misbehaving");
  await page.goto("/account/people");
  await waitForHeading(page, LIST);
  const people = page.getByTestId("people").locator(":scope > li");
  await waitFor(async () => (await people.count()) === fixture.proxies.length, "every person listed");
  const names = await page.locator(".app-person__name").allTextContents();
  assert.deepEqual(names, fixture.proxies.map((p) => p.name), "every name, as text, in order");
  // Unknown and empty services and a date that does not parse: said, not
  // hidden.
  await page.getByText("Your GP health record and other services").waitFor();
  await page.getByText("Nothing at the moment").waitFor();
  await page.getByText("Date not known").waitFor();
  await page.getByText("<i>Parent</i>").waitFor();
  assert.equal(await page.locator("main b, main i, main script, main img").count(), 0, "no markup from the data");
  await assertNoSidewaysScroll(assert, page, "people, misbehaving");
  await assertAccessible(assert, page, "people, misbehaving");

  // The check step shows the long name as text too.
  await page.goto("/account/people/check?person=px-long-name");
  await waitForHeading(page, ASK);
  assert.equal(await page.locator(".app-person__name").textContent(), longName);
  assert.equal(await page.locator("main b, main i, main script, main img").count(), 0);
  await assertNoSidewaysScroll(assert, page, "people check, misbehaving");
  assert.deepEqual(dialogs, [], "no script ran");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("with their own access turned off, a patient still sees and can act on their mother's access", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview, "access-off");
  assert.equal((await page.request.get("/api/v1/record/entries")).status(), 403, "the patient's own access is off");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Who can see your record" }).click();
  await waitForHeading(page, LIST);
  await page.getByRole("heading", { name: "Carys Pryce" }).waitFor();
  await page.getByText("Turning off your own access to your record does not change what they can see.").waitFor();
  // A screen reader hears whose access the link is about, as its
  // description.
  const ask = page.getByRole("link", { name: ASK, exact: true });
  assert.equal(
    await ask.evaluate((a) => document.getElementById(a.getAttribute("aria-describedby"))?.textContent),
    "Carys Pryce",
  );
  await ask.click();
  await waitForHeading(page, ASK);
  await page.getByRole("button", { name: "Send request" }).click();
  await waitForHeading(page, "Request sent");
  const reference = (await page.getByTestId("reference").textContent()).trim();
  const events = await eventsOf(preview, "proxy_removal_request");
  assert.deepEqual(events.map((e) => [e.proxy_id, e.reference]), [["px-mother", reference]]);
  await assertGuards(assert, page, guard);
  await context.close();
});
