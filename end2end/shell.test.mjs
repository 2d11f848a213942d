// The app shell end to end: the release build served by the reference
// backend, in Chromium. Signing in and out, the header, error pages, the
// security headers, and an axe scan of every page visited.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";

const suite = useSuite();

async function session(page) {
  const res = await page.request.get("/api/v1/session");
  return { status: res.status(), body: res.ok() ? await res.json() : null };
}

test("a signed-out visitor gets the start page with a sign-in link", async () => {
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/");
  await waitForHeading(page, "Your GP health record");
  assert.equal(await page.title(), "Sign in – GP health record – NHS");
  const signIn = page.getByRole("button", { name: "Continue to NHS login" });
  assert.equal(await signIn.getAttribute("href"), "/api/v1/auth/login?return_to=%2F");
  // The static loading message and exit link of index.html have made way.
  assert.equal(await page.locator("#app-failed").count(), 0);
  await assertAccessible(assert, page, "start page");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("signing in names the patient in the header; signing out ends the session", async () => {
  const preview = new Preview(suite.backend.url);
  await preview.scenario("typical");
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await page.goto("/");
  await page.getByRole("button", { name: "Continue to NHS login" }).click();
  await page.locator("h1", { hasText: /^Hello, / }).waitFor();

  const signedIn = await session(page);
  assert.equal(signedIn.status, 200);
  const { given_name, family_name } = signedIn.body.patient;
  await waitForHeading(page, `Hello, ${given_name}`);
  assert.equal(await page.title(), "Home – GP health record – NHS");
  const menu = page.getByRole("navigation", { name: "Account" });
  assert.match(await menu.innerText(), new RegExp(`${given_name} ${family_name}`));
  await assertAccessible(assert, page, "home page");

  await menu.getByRole("button", { name: "Sign out" }).click();
  await waitForHeading(page, "You have been signed out");
  assert.equal(await page.title(), "Signed out – GP health record – NHS");
  assert.equal(await page.getByRole("navigation", { name: "Account" }).count(), 0);
  assert.doesNotMatch(await page.locator("body").innerText(), new RegExp(given_name));
  // Focus moved to the new page's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");
  await assertAccessible(assert, page, "signed-out page");

  assert.equal((await session(page)).status, 401, "the backend session has ended");
  const ends = (await preview.events()).filter((e) => JSON.stringify(e).includes("sign_out"));
  assert.equal(ends.length, 1, "the backend saw one sign-out");

  // A reload does not bring the patient back.
  await page.reload();
  await waitForHeading(page, "You have been signed out");
  assert.doesNotMatch(await page.locator("body").innerText(), new RegExp(given_name));
  await assertGuards(assert, page, guard);
  await context.close();
});

test("a failing backend gets the NHS error page; try again once recovers", async () => {
  const preview = new Preview(suite.backend.url);
  await preview.fault("GET", "/api/v1/session", { kind: "status", status: 500, code: "internal_error" }, 1);
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  await page.goto("/");
  await waitForHeading(page, "Sorry, there is a problem with the service");
  assert.equal(await page.title(), "Sorry, there is a problem – GP health record – NHS");
  assert.match(await page.locator("main").innerText(), /call 111/);
  await assertAccessible(assert, page, "service problem page");
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Your GP health record");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("after one failed retry only other ways to get help are offered", async () => {
  const preview = new Preview(suite.backend.url);
  await preview.fault("GET", "/api/v1/session", { kind: "status", status: 503, code: "internal_error" });
  const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
  await page.goto("/");
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForHeading(page, "Sorry, there is a problem with the service");
  await page.getByRole("button", { name: "Try again" }).waitFor({ state: "detached" });
  assert.match(await page.locator("main").innerText(), /call 111/);
  await context.close();
});

test("each kind of failure gets its own message, never the body", async () => {
  const cases = [
    [{ kind: "undecodable" }, /went wrong on our side/],
    [{ kind: "drop" }, /could not connect/],
  ];
  for (const [fault, message] of cases) {
    const preview = new Preview(suite.backend.url);
    await preview.fault("GET", "/api/v1/session", fault);
    const { context, page } = await openPage(suite.browser, suite.backend.url, { preview });
    await page.goto("/");
    await waitForHeading(page, "Sorry, there is a problem with the service");
    assert.match(await page.locator("main").innerText(), message, fault.kind);
    await context.close();
  }
});

test("an unknown address shows page not found", async () => {
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url);
  await page.goto("/no/such/page");
  await waitForHeading(page, "Page not found");
  assert.equal(await page.title(), "Page not found – GP health record – NHS");
  await assertAccessible(assert, page, "not found page");
  await assertGuards(assert, page, guard);
  await context.close();
});

test("the page is sent with a strict policy, no inline script and no caching", async () => {
  const res = await fetch(`${suite.backend.url}/`);
  const csp = res.headers.get("content-security-policy");
  assert.ok(csp, "a CSP header");
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'nonce-|'sha/);
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"]) {
    assert.ok(csp.includes(directive), directive);
  }
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1, "the loader");
  for (const [, attributes, body] of scripts) {
    assert.match(attributes, /\bsrc="\/loader-[0-9a-f]{16}\.js"/, "a loader file, named by its hash");
    assert.match(attributes, /\bintegrity="sha384-/, "with its integrity hash");
    assert.equal(body.trim(), "", "nothing inline");
  }
  assert.ok(!html.includes("NONCE"));
  assert.equal(res.headers.get("cache-control"), "no-store");
});

test("without the wasm, the static page says so and keeps its exit link", async () => {
  const { context, page } = await openPage(suite.browser, suite.backend.url);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/");
  await page.locator("#app-failed").getByRole("heading", { name: "Sorry, this page has not loaded" }).waitFor({ state: "visible", timeout: 20000 });
  const exit = page.getByRole("link", { name: "Exit this page" });
  assert.equal(await exit.getAttribute("href"), "/api/v1/auth/exit");
  await assertAccessible(assert, page, "could-not-load page");
  await context.close();
});
