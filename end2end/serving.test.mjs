// The release build served as production serves it: the header set on
// every kind of response, the precompressed copies, the caching of each
// kind of file, and a repeat visit that fetches no hashed file again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, waitForHeading } from "./support/browser.mjs";
import { assertProductionHeaders, hashedFiles, IMMUTABLE } from "./support/serving.mjs";

const suite = useSuite();

test("every kind of response carries the production headers; only files of the build are cached", async () => {
  const base = suite.backend.url;
  const html = await (await fetch(`${base}/`)).text();
  const files = hashedFiles(html);
  assert.ok(files.some((f) => f.endsWith(".wasm")) && files.some((f) => f.endsWith(".css")), files.join());
  const responses = [
    ["the page", `${base}/`, "no-store"],
    ["an app address", `${base}/record?kind=allergy`, "no-store"],
    ["an API answer", `${base}/api/v1/session`, "no-store"],
    ["a problem", `${base}/api/v1/nothing`, "no-store"],
    ["a redirect", `${base}/api/v1/auth/login?return_to=%2F`, "no-store"],
    ["a favicon", `${base}/favicon.ico`, "public, max-age=86400"],
    ["an image", `${base}/assets/images/nhsuk-icon-cross.svg`, "public, max-age=86400"],
    ...files.map((f) => [f, `${base}/${f}`, IMMUTABLE]),
  ];
  for (const [label, url, cache] of responses) {
    const res = await fetch(url, { redirect: "manual" });
    assertProductionHeaders(assert, res.headers, label, { hsts: false });
    assert.equal(res.headers.get("cache-control"), cache, label);
  }
});

test("hashed files are sent compressed as the browser accepts, each file counted once", async () => {
  const base = suite.backend.url;
  const files = hashedFiles(await (await fetch(`${base}/`)).text());
  for (const file of files) {
    const plain = await fetch(`${base}/${file}`, { headers: { "accept-encoding": "identity" } });
    const bytes = Buffer.from(await plain.arrayBuffer());
    assert.equal(plain.headers.get("content-encoding"), null, file);
    assert.equal(plain.headers.get("vary"), "Accept-Encoding", file);
    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ]) {
      // Node's fetch decodes what it is sent: the same bytes must come out.
      const res = await fetch(`${base}/${file}`, { headers: { "accept-encoding": accept } });
      assert.equal(res.headers.get("content-encoding"), encoding, `${file} for ${accept}`);
      assert.equal(res.headers.get("vary"), "Accept-Encoding");
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes), `${file} decodes to the file`);
    }
  }
});

test("a repeat visit in the same browser fetches no hashed file again", async () => {
  const preview = new Preview(suite.backend.url);
  await preview.scenario("typical");
  const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
  const delivered = () =>
    page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => ({
        name: new URL(e.name).pathname,
        cached: e.deliveryType === "cache" || e.transferSize === 0,
      })),
    );

  await page.goto("/");
  await waitForHeading(page, "Your GP health record");
  const first = await delivered();
  const files = hashedFiles(await page.content()).map((f) => `/${f}`);
  for (const file of files) {
    assert.ok(first.some((e) => e.name === file && !e.cached), `${file} downloaded on the first visit`);
  }

  await page.goto("/help");
  await waitForHeading(page, "Help and support");
  const second = await delivered();
  for (const file of files) {
    const entry = second.find((e) => e.name === file);
    assert.ok(entry, `${file} used on the repeat visit`);
    assert.ok(entry.cached, `${file} came from the browser's cache`);
  }
  const navigation = await page.evaluate(() => performance.getEntriesByType("navigation")[0].transferSize);
  assert.ok(navigation > 0, "the page itself is fetched afresh (no-store)");
  await assertGuards(assert, page, guard);
  await context.close();
});
