// Every state of the designer preview still renders, passes axe and keeps
// to the page guards: the same list that the screenshot gallery uses. Each
// is scanned at 375, 320 and 1280 px wide, and at 320 px once more with a
// font of other metrics forced on the whole page; at 320 px nothing
// scrolls sideways (WCAG 1.4.10), and with that font and WCAG 1.4.12's text
// spacing nothing is cut off or overlaps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible } from "./support/browser.mjs";
import { STATES, openState } from "./support/states.mjs";
import {
  OTHER_FONT,
  TEXT_SPACING,
  addStyle,
  forceFont,
  renders,
  assertNoSidewaysScroll,
  assertNothingCutOffOrOverlapping,
} from "./support/layout.mjs";

const suite = useSuite();

// What each state is checked in, in order, on the same page. A state that
// does not last (the timeout warning signs out seconds later) is opened
// afresh for each.
const VARIANTS = [
  { label: "375 px", width: 375 },
  { label: "320 px", width: 320, reflow: true },
  { label: "1280 px", width: 1280 },
  { label: `320 px in ${OTHER_FONT}`, width: 320, font: OTHER_FONT, reflow: true, layout: true },
  { label: `320 px in ${OTHER_FONT} with text spacing`, width: 320, spacing: true, reflow: true, layout: true, axe: false },
];

for (const state of STATES) {
  test(`${state.flow}: ${state.state}`, async () => {
    const lasts = state.action !== "wait_for_timeout_warning";
    let opened = null;
    const open = async () => {
      const preview = new Preview(suite.backend.url);
      const { context, page, guard } = await openPage(suite.browser, suite.backend.url, { preview });
      await openState(page, preview, state);
      return { context, page, guard, font: null };
    };
    for (const variant of VARIANTS) {
      if (!opened || !lasts) {
        if (opened) await opened.context.close();
        opened = await open();
      }
      const { page } = opened;
      const label = `${state.id} at ${variant.label}`;
      await page.setViewportSize({ width: variant.width, height: 812 });
      const font = variant.font ?? (variant.spacing ? OTHER_FONT : null);
      if (font && opened.font !== font) {
        await forceFont(page, font);
        assert.ok(await renders(page, font), `${label}: ${font} is not what renders`);
        opened.font = font;
      }
      if (variant.spacing) await addStyle(page, TEXT_SPACING);
      if (variant.axe !== false) await assertAccessible(assert, page, label);
      if (variant.reflow) await assertNoSidewaysScroll(assert, page, label);
      if (variant.layout) await assertNothingCutOffOrOverlapping(assert, page, label);
    }
    await assertGuards(assert, opened.page, opened.guard);
    await opened.context.close();
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
