// Every state of the designer preview still renders, passes axe and keeps
// to the page guards: the same list that the screenshot gallery uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible } from "./support/browser.mjs";
import { STATES, openState } from "./support/states.mjs";

const suite = useSuite();

for (const state of STATES) {
  test(`${state.flow}: ${state.state}`, async () => {
    const preview = new Preview(suite.backend.url);
    const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
    await openState(page, preview, state);
    await assertAccessible(assert, page, state.id);
    await assertGuards(assert, page, guard);
    await context.close();
  });
}

test("the release build carries no trace of the preview page or the control API", async () => {
  const res = await fetch(`${suite.backend.url}/`);
  const html = await res.text();
  const assets = [...new Set([...html.matchAll(/\/([\w.-]+\.(?:js|wasm))\b/g)].map((m) => m[1]))];
  assert.ok(assets.some((a) => a.endsWith(".wasm")), "found the wasm");
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(`${suite.backend.url}/${asset}`)).arrayBuffer()).toString("latin1");
    assert.ok(!body.includes("__control"), `${asset} mentions the control API`);
    assert.ok(!body.includes("states.json") && !body.includes("Designer preview"), `${asset} holds the preview`);
  }
});
