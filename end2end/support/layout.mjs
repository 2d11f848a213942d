// Layout checks that do not depend on the fonts a machine happens to have:
// a font of other metrics forced on the whole page, WCAG 1.4.12's text
// spacing, and measurements of what scrolls sideways, is cut off or
// overlaps. Styles are added through the DevTools protocol (an inspector
// style sheet), which the page's Content-Security-Policy does not govern,
// so the app's policy stays as it is.

// A font with wider letters and taller lines than Arial's (Liberation
// Sans'); scripts/setup installs it.
export const OTHER_FONT = "DejaVu Sans";

// WCAG 2.2, 1.4.12 Text Spacing: what a patient's own style sheet may set.
export const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

// Adds `css` to the page as it is now (until the next document loads).
export async function addStyle(page, css) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { frameTree } = await cdp.send("Page.getFrameTree");
  const { styleSheetId } = await cdp.send("CSS.createStyleSheet", { frameId: frameTree.frame.id });
  await cdp.send("CSS.setStyleSheetText", { styleSheetId, text: css });
  // Wait until the browser has laid the page out again.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return cdp;
}

export function forceFont(page, family = OTHER_FONT) {
  return addStyle(page, `* { font-family: "${family}" !important; }`);
}

// Whether the font that renders the page's body text is `family`: proves
// that forcing it worked (a missing font would fall back silently).
export function renders(page, family) {
  return page.evaluate((family) => document.fonts.check(`16px "${family}"`) && getComputedStyle(document.body).fontFamily.includes(family), family);
}

// Fails if the page scrolls sideways at its width (WCAG 1.4.10 Reflow).
export async function assertNoSidewaysScroll(assert, page, label) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scrollWidth <= width, `${label}: the page is ${scrollWidth} px wide in a ${width} px viewport`);
}

// Fails if any text is cut off by a box that hides its overflow, or if the
// lines of two different elements overlap. Visually hidden text (for
// screen readers only) is clipped on purpose and left out. As with axe,
// the page is measured from its top: text that scrolls under the sticky
// exit button stays readable by scrolling back, so where an action left
// the page scrolled to must not change the verdict.
export async function assertNothingCutOffOrOverlapping(assert, page, label) {
  const scrolled = await page.evaluate(() => {
    const at = [scrollX, scrollY];
    window.scrollTo(0, 0);
    return at;
  });
  const problems = await page.evaluate(() => {
    const found = [];
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")} "${(el.textContent || "").trim().slice(0, 40)}"`;
    // Hidden on purpose: not rendered (display, visibility, a closed
    // <details>), or clipped to nothing for screen readers only (the
    // visually hidden pattern, the skip link until it has focus).
    const clippedCache = new Map();
    const clippedAway = (el) => {
      if (!el) return false;
      if (clippedCache.has(el)) return clippedCache.get(el);
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const away =
        (style.position === "absolute" && style.clip !== "auto") ||
        style.clipPath !== "none" ||
        ((rect.width <= 1 || rect.height <= 1) && (style.overflowX !== "visible" || style.overflowY !== "visible")) ||
        clippedAway(el.parentElement);
      clippedCache.set(el, away);
      return away;
    };
    const shown = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && el.getClientRects().length > 0;
    const hidden = (el) => !shown(el) || clippedAway(el);
    // Cut off: a box that clips its overflow, with more content than room.
    for (const el of document.body.querySelectorAll("*")) {
      if (hidden(el) || !el.textContent.trim()) continue;
      const style = getComputedStyle(el);
      const clips = (v) => v === "hidden" || v === "clip";
      if ((clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        found.push(`cut off: ${describe(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    // Overlaps: every line box of every text node, grouped by element. With
    // a modal dialog open, only the dialog: the page behind it is inert
    // and covered on purpose.
    const lines = [];
    const root = document.querySelector("dialog[open]") ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || hidden(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) lines.push({ el, r });
      }
    }
    const overlap = (a, b) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (overlap(a.r, b.r)) found.push(`overlap: ${describe(a.el)} and ${describe(b.el)}`);
      }
    }
    return [...new Set(found)];
  });
  await page.evaluate(([x, y]) => window.scrollTo(x, y), scrolled);
  assert.deepEqual(problems, [], `${label}: text cut off or overlapping`);
}
