// Asking the GP surgery to hide an entry, end to end: from the entry page,
// a note with a live count and its limit, the error summary, and the same
// submission rules as turning off access.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { signIn, waitFor, postsTo, eventsOf } from "./support/flow.mjs";

const suite = useSuite();
const REDACTION = "/api/v1/record/redaction-requests";
const ENTRY = "/record/entries/t-eykh0c";

async function openAskPage(page) {
  await page.goto(ENTRY);
  await waitForHeading(page, "Before you continue");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await waitForHeading(page, "Asthma review");
  await page.getByRole("link", { name: "Ask your GP surgery to hide this entry" }).click();
  await waitForHeading(page, "Ask your GP surgery to hide this entry");
}

test("asking to hide an entry: note limit, error summary, reference on screen", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, REDACTION);
  await openAskPage(page);
  assert.equal(new URL(page.url()).pathname, `${ENTRY}/ask`);
  assert.equal(await page.title(), "Ask your GP surgery – GP health record – NHS", "neutral, and nothing from the entry");
  assert.equal(await page.getByText("Asthma review").count(), 1, "says which entry");
  const count = page.locator(".nhsuk-character-count__status");
  await count.filter({ hasText: "You have 1000 characters remaining" }).waitFor();
  await assertAccessible(assert, page, "ask to hide");

  const note = page.getByLabel("Anything you want your GP surgery to know (optional)");
  assert.equal(await note.getAttribute("autocomplete"), "off");
  await note.fill("x".repeat(1003));
  await count.filter({ hasText: "You have 3 characters too many" }).waitFor();
  const red = "rgb(213, 40, 27)";
  assert.equal(await count.evaluate((el) => getComputedStyle(el).color), red, "the count turns red");
  assert.equal(await note.evaluate((el) => getComputedStyle(el).borderTopColor), red, "so does the border");
  // Screen readers hear it once typing pauses.
  await page.locator("#note-info", { hasText: "You have 3 characters too many" }).waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Send request" }).click();
  await page.locator(".nhsuk-error-summary").waitFor();
  await waitFor(
    () => page.evaluate(() => document.activeElement?.classList.contains("nhsuk-error-summary")),
    "focus on the error summary",
  );
  await assertAccessible(assert, page, "ask to hide, note too long");
  assert.equal(sent.length, 0, "nothing sent");
  await page.getByRole("link", { name: "Your note must be 1,000 characters or fewer" }).click();
  await waitFor(() => page.evaluate(() => document.activeElement?.id === "note"), "focus on the note");

  const words = "Please hide this: my partner reads my phone. Ça va — 🙂";
  await note.fill(words);
  await count.filter({ hasText: `You have ${1000 - [...words].length} characters remaining` }).waitFor();
  await page.getByRole("button", { name: "Send request" }).click();
  await waitForHeading(page, "Request sent");
  const reference = (await page.getByTestId("reference").textContent()).trim();
  await assertAccessible(assert, page, "ask to hide, sent");

  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].body, { entry_id: "t-eykh0c", note: words });
  assert.deepEqual(
    (await eventsOf(preview, "redaction_request")).map((e) => [e.entry_id, e.reference]),
    [["t-eykh0c", reference]],
  );
  // The note went nowhere but the request.
  assert.doesNotMatch(page.url(), /partner/);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /partner/);
  assert.ok(!guard.console.some((line) => /partner/.test(line)), "not in the console");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("asking to hide an entry: a dropped answer, then try again with the same key", async () => {
  const preview = new Preview(suite.backend.url);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await signIn(page, preview);
  const sent = postsTo(page, REDACTION);
  await openAskPage(page);
  // Carried out, then the answer is cut off half way.
  await preview.fault("POST", REDACTION, { kind: "truncated" }, 1);
  await page.getByRole("button", { name: "Send request" }).dblclick();
  await page.getByRole("heading", { name: "We could not confirm that your request was sent" }).waitFor();
  await assertAccessible(assert, page, "ask to hide, could not confirm");
  const applied = await eventsOf(preview, "redaction_request");
  assert.equal(applied.length, 1);
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Request sent");
  assert.equal((await page.getByTestId("reference").textContent()).trim(), applied[0].reference);
  assert.equal(sent.length, 2, "the double click sent one, the retry one more");
  assert.equal(sent[1].key, sent[0].key);
  assert.equal((await eventsOf(preview, "redaction_request")).length, 1, "asked once");
  await assertGuards(assert, page, guard);
  await context.close();
});
