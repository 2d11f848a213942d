// Every state of the designer preview still renders, passes axe and keeps
// to the page guards: the same list that the screenshot gallery uses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startBackend, Preview } from "./support/backend.mjs";
import { launch, openPage, assertGuards, assertAccessible } from "./support/browser.mjs";
import { STATES, openState } from "./support/states.mjs";

let backend;
let browser;

before(async () => {
  backend = await startBackend();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

for (const state of STATES) {
  test(`${state.flow}: ${state.state}`, async () => {
    const preview = new Preview(backend.url);
    const { context, page, guard } = await openPage(browser, backend.url, { preview });
    await openState(page, preview, state);
    await assertAccessible(assert, page, state.id);
    await assertGuards(assert, page, guard);
    await context.close();
  });
}

test("the release build carries no trace of the preview page or the control API", async () => {
  const res = await fetch(`${backend.url}/`);
  const html = await res.text();
  const assets = [...new Set([...html.matchAll(/\/([\w.-]+\.(?:js|wasm))\b/g)].map((m) => m[1]))];
  assert.ok(assets.some((a) => a.endsWith(".wasm")), "found the wasm");
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(`${backend.url}/${asset}`)).arrayBuffer()).toString("latin1");
    assert.ok(!body.includes("__control"), `${asset} mentions the control API`);
    assert.ok(!body.includes("states.json") && !body.includes("Designer preview"), `${asset} holds the preview`);
  }
});
