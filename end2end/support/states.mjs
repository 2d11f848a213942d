// Opens one state of preview/states.json in a page: chooses its scenario
// and faults through the reference backend's control API, signs in when
// the state needs it, goes to its address and waits until it shows.
import { readFileSync } from "node:fs";

export const STATES = JSON.parse(readFileSync(new URL("../../preview/states.json", import.meta.url))).states;

export async function openState(page, preview, state) {
  await preview.call("POST", "reset");
  await preview.scenario(state.scenario);
  if (state.sign_in) {
    await page.goto(`/api/v1/auth/login?return_to=${encodeURIComponent(state.path)}`);
    if (state.acknowledged) {
      const res = await page.request.post("/api/v1/safeguarding/acknowledgements", { data: { choice: "continue" } });
      if (!res.ok()) throw new Error(`acknowledgement failed: ${res.status()}`);
    }
  }
  for (const f of state.faults ?? []) {
    await preview.fault(f.method, f.path, f.fault, f.times);
  }
  await page.goto(state.path);
  await page.locator("h1", { hasText: state.heading }).first().waitFor({ timeout: 15000 });
  await act(page, state.action);
  if (state.after) await page.locator("h1", { hasText: state.after }).first().waitFor({ timeout: 15000 });
  if (state.text) await page.getByText(state.text).first().waitFor({ timeout: 15000 });
}

// What a patient does on the page to reach the state.
async function act(page, action) {
  const submit = () => page.locator("main button[type=submit]").first().click();
  switch (action) {
    case undefined:
      return;
    case "wait_for_timeout_warning":
      return page.getByRole("dialog").waitFor({ state: "visible", timeout: 40000 });
    case "submit":
      return submit();
    case "confirm_and_submit":
      await page.locator("#confirm").check();
      return submit();
    // The last of a set of radios (a choice other than the one stored).
    case "choose_last_and_submit":
      await page.locator("main input[type=radio]").last().check();
      return submit();
    case "long_note_and_submit":
      await page.locator("#note").fill("a".repeat(1001));
      return submit();
    // A button of its own (type="button", not a form's submit).
    case "sign_out_elsewhere":
      return page.getByRole("button", { name: "Sign out everywhere else" }).click();
    case "search_record":
      return page.getByLabel("Search your record").fill("test");
    case "open_first_result":
      return page.getByRole("button", { name: /^Open this result/ }).first().click();
    default:
      throw new Error(`unknown action ${action}`);
  }
}
