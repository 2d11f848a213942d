// The set-up every end-to-end test file shares: one reference backend and
// one Chromium for the file, both stopped when it is done.
import { before, after } from "node:test";
import { startBackend } from "./backend.mjs";
import { launch } from "./browser.mjs";

export function useSuite({ backend: backendOptions, browser: browserOptions } = {}) {
  const suite = {};
  before(async () => {
    suite.backend = await startBackend(backendOptions);
    suite.browser = await launch(browserOptions);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.backend?.stop();
  });
  return suite;
}
