// Signing out after inactivity, end to end, with the reference backend's
// short-timeout patient (30 seconds: the warning comes at 24).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";

const suite = useSuite();

test("the timeout warning keeps focus, survives Escape, extends, and then signs out", async () => {
  const preview = new Preview(suite.backend.url);
  await preview.scenario("short-timeout");
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await page.goto("/");
  await page.getByRole("button", { name: "Continue to NHS login" }).click();
  await page.locator("h1", { hasText: /^Hello, / }).waitFor();
  const patient = (await (await page.request.get("/api/v1/session")).json()).patient;

  const dialog = page.getByRole("dialog", { name: "You're about to be signed out" });
  await dialog.waitFor({ state: "visible", timeout: 40000 });
  assert.match(await dialog.innerText(), /You will be signed out in \d+ seconds?\./);
  assert.doesNotMatch(await dialog.innerText(), new RegExp(patient.given_name), "the dialog names nobody");
  await page.waitForFunction(() => document.activeElement?.textContent === "Stay signed in", null, { timeout: 2000 });
  await assertAccessible(assert, page, "timeout warning");

  // The page behind is inert, so the dialog has its own way out.
  assert.equal(await dialog.getByRole("link", { name: "Exit this page" }).getAttribute("href"), "/api/v1/auth/exit");

  // Escape neither closes the warning nor extends the session.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  assert.equal(await dialog.isVisible(), true);
  assert.equal((await preview.events()).filter((e) => e.type === "keep_alive").length, 0);

  // "Stay signed in", by keyboard: focus starts on it.
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });
  const keepAlives = (await preview.events()).filter((e) => e.type === "keep_alive");
  assert.equal(keepAlives.length, 1, "one keep-alive");
  assert.equal((await page.request.get("/api/v1/session")).status(), 200);

  // This time, let it run out.
  await dialog.waitFor({ state: "visible", timeout: 40000 });
  await waitForHeading(page, "You have been signed out", 20000);
  assert.match(await page.locator("main").innerText(), /had not done anything for a while/);
  assert.doesNotMatch(await page.locator("body").innerText(), new RegExp(patient.given_name));
  assert.equal((await page.request.get("/api/v1/session")).status(), 401);
  await assertAccessible(assert, page, "signed out after a timeout");
  await assertGuards(assert, page, guard);
  await context.close();
});
