// Steps that many end-to-end tests take: signing in as a scenario's
// patient, and waiting for a condition without fixed sleeps.
import assert from "node:assert/strict";

// Signs in through the start page as the scenario's patient and returns
// the patient from `GET /session`.
export async function signIn(page, preview, scenario = "typical") {
  await preview.scenario(scenario);
  await page.goto("/");
  await page.getByRole("button", { name: "Continue to NHS login" }).click();
  await page.locator("h1", { hasText: /^Hello, / }).waitFor();
  const res = await page.request.get("/api/v1/session");
  return (await res.json()).patient;
}

// Polls a condition: resolves when it holds, fails after the timeout with
// the description.
export async function waitFor(check, description, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > timeout) assert.fail(`timed out waiting: ${description}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
