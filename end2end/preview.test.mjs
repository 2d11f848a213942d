// The designer preview (development builds only): every state opens from
// it in the real app, and scenario and faults can be switched by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible } from "./support/browser.mjs";
import { STATES } from "./support/states.mjs";

const dist = process.env.PREVIEW_DIST;
assert.ok(dist, "PREVIEW_DIST must name a development build with the preview feature (scripts/test sets it)");
const suite = useSuite({ backend: { dist } });

test("every state opens from the preview page", async () => {
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/preview");
  await page.locator("h1", { hasText: "Designer preview" }).waitFor();
  assert.equal(await page.locator("[data-state]").count(), STATES.length);
  await assertAccessible(assert, page, "preview page");
  for (const state of STATES) {
    await page.goto("/preview");
    await page.locator(`[data-state="${state.id}"]`).click();
    await page.waitForURL((url) => url.pathname !== "/preview");
    await page.locator("h1", { hasText: state.heading }).first().waitFor({ timeout: 15000 });
  }
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a fault added on the preview page reaches the app, and clearing it restores it", async () => {
  const { context, page } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/preview");
  await page.getByLabel("Path (end with * for a prefix)").fill("/api/v1/session");
  await page.getByRole("button", { name: "Add fault" }).click();
  await page.getByRole("status").filter({ hasText: "Fault added." }).waitFor();
  await page.goto("/");
  await page.locator("h1", { hasText: "Sorry, there is a problem" }).waitFor();
  await page.goto("/preview");
  await page.getByRole("button", { name: "Clear faults" }).click();
  await page.getByRole("status").filter({ hasText: "Faults cleared." }).waitFor();
  await page.goto("/");
  await page.locator("h1", { hasText: "Your GP health record" }).waitFor();
  await context.close();
});
