// The pressure warning end to end: it stands before every record page on
// the first record view of a session, whatever the address, with nothing
// of the record in the page (or even asked for) until the patient chooses
// to continue; the backend keeps the choice for the session.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor, tabTo } from "./support/flow.mjs";

const suite = useSuite();
const ENTRY = "/record/entries/t-eykh0c";

function recordRequests(page) {
  const seen = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/v1/record/")) seen.push(r.url());
  });
  return seen;
}

async function choices(preview) {
  return (await preview.events()).filter((e) => e.type === "acknowledgement").map((e) => e.choice);
}

test("a deep link to an entry shows the warning first, then that entry", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const requested = recordRequests(page);

  await page.goto(ENTRY);
  await waitForHeading(page, "Before you continue");
  assert.equal(await page.title(), "Before you continue – GP health record – NHS");
  const html = await page.content();
  assert.doesNotMatch(html, /Asthma review|Inhaler technique|Nurse Claire Dobson/, "no record content in the DOM");
  assert.deepEqual(requested, [], "nothing of the record is even asked for");
  await assertAccessible(assert, page, "pressure warning");

  await page.getByRole("button", { name: "Continue to your record" }).click();
  await waitForHeading(page, "Asthma review");
  assert.equal(page.url(), `${suite.backend.url}${ENTRY}`, "the address the patient asked for");
  assert.equal(await page.title(), "Record entry – GP health record – NHS", "no entry text in the title");
  await waitFor(async () => (await choices(preview)).includes("continue"), "the backend recorded the choice");

  // The backend keeps the acknowledgement for the session: a reload goes
  // straight to the entry.
  await page.reload();
  await waitForHeading(page, "Asthma review");
  assert.equal(await page.getByRole("button", { name: "Continue to your record" }).count(), 0);
  await assertGuards(assert, page, guard);
  await context.close();
});

test("every action of the warning works with the keyboard alone", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  await page.goto("/record");
  await waitForHeading(page, "Before you continue");

  // "Get help" by keyboard: to the help page, and not an acknowledgement.
  await tabTo(page, "Get help if someone is pressuring you");
  await page.keyboard.press("Enter");
  await waitForHeading(page, "Help and support");
  await waitFor(async () => (await choices(preview)).includes("get_help"), "the choice get_help was recorded");
  const session = await (await page.request.get("/api/v1/session")).json();
  assert.equal(session.safeguarding.acknowledged, false);

  // Back to the warning, and "Continue" by keyboard.
  await page.goBack();
  await waitForHeading(page, "Before you continue");
  await tabTo(page, "Continue to your record");
  await page.keyboard.press("Enter");
  await waitForHeading(page, "Your GP health record");
  await page.getByText(/^Showing \d+ entries$/).waitFor();
  // Focus moved to the new page's heading, as after any page change.
  await waitFor(
    () => page.evaluate(() => document.activeElement?.tagName === "H1"),
    "focus on the record's heading",
  );
  await context.close();
});

test("a failure to record the choice does not trap the patient", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  await preview.fault("POST", "/api/v1/safeguarding/acknowledgements", { kind: "status", status: 500, code: "internal_error" });
  await page.goto("/record");
  await waitForHeading(page, "Before you continue");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await waitForHeading(page, "Your GP health record");
  await page.getByText(/^Showing \d+ entries$/).waitFor();
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a new session asks again", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  await page.goto("/record");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await page.getByText(/^Showing \d+ entries$/).waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await waitForHeading(page, "You have been signed out");
  await signIn(page, preview);
  await page.goto("/record");
  await waitForHeading(page, "Before you continue");
  await context.close();
});

// Presses Tab until the element with this accessible text has focus.
