// The example production configuration of docs/deploy.md, tested: nginx
// with deploy/nginx/ serves the release build and passes /api/ to the
// reference backend. Checks the header set, the compression and caching,
// and one signed-in record page in Chromium through it. Skips, saying so,
// only where nginx is not installed (scripts/setup installs it).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Preview } from "./support/backend.mjs";
import { useSuite } from "./support/suite.mjs";
import { openPage, assertGuards, assertAccessible, waitForHeading } from "./support/browser.mjs";
import { assertProductionHeaders, hashedFiles, IMMUTABLE } from "./support/serving.mjs";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const missing = !NGINX
  ? "nginx is not installed (scripts/setup installs it)"
  : !existsSync(BROTLI_MODULE)
    ? "nginx's brotli_static module is not installed (libnginx-mod-http-brotli-static)"
    : null;

const suite = useSuite();
const server = {};

// A free port on loopback.
async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

function listening(port, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const attempt = () => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        done();
      });
      socket.on("error", () => (Date.now() > until ? fail(new Error("nginx did not start")) : setTimeout(attempt, 50)));
    };
    attempt();
  });
}

// Starts nginx once, in front of the suite's backend (which the suite's
// own hook has started by the time a test runs).
let started = null;
function nginx() {
  started ??= start();
  return started;
}

async function start() {
  const dir = mkdtempSync(join(tmpdir(), "ra-nginx-"));
  cpSync(new URL("../deploy/nginx/", import.meta.url), join(dir, "record-access"), { recursive: true });
  const port = await freePort();
  const backend = new URL(suite.backend.url);
  // What docs/deploy.md puts around the shared files, on a test port over
  // plain HTTP instead of 443 with TLS.
  writeFileSync(
    join(dir, "nginx.conf"),
    `user root;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
load_module ${BROTLI_MODULE};
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream record_access_backend { server ${backend.host}; }
  server {
    listen 127.0.0.1:${port};
    root ${resolve(process.env.APP_DIST)};
    include record-access/record-access.conf;
  }
}
`,
  );
  mkdirSync(join(dir, "body"));
  server.dir = dir;
  server.url = `http://127.0.0.1:${port}`;
  server.process = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "inherit" });
  await listening(port);
  return server;
}

after(() => {
  server.process?.kill("SIGTERM");
  if (server.dir) {
    const log = existsSync(join(server.dir, "error.log")) ? readFileSync(join(server.dir, "error.log"), "utf8") : "";
    if (log.trim()) console.log(`nginx error log:\n${log}`);
    rmSync(server.dir, { recursive: true, force: true });
  }
});

test("nginx with the example configuration: headers, compression and caching", { skip: missing ?? false }, async () => {
  const base = (await nginx()).url;
  const html = await (await fetch(`${base}/`)).text();
  const files = hashedFiles(html);
  assert.ok(files.some((f) => f.endsWith(".wasm")), files.join());
  for (const [label, url, cache] of [
    ["the page", `${base}/`, "no-store"],
    ["an app address", `${base}/record/entries/abc`, "no-store"],
    ["an API answer", `${base}/api/v1/session`, "no-store"],
    ["a redirect", `${base}/api/v1/auth/login?return_to=%2F`, "no-store"],
    ["a favicon", `${base}/favicon.ico`, "public, max-age=86400"],
    ...files.map((f) => [f, `${base}/${f}`, IMMUTABLE]),
  ]) {
    const res = await fetch(url, { redirect: "manual" });
    assertProductionHeaders(assert, res.headers, `nginx, ${label}`, { hsts: true });
    assert.equal(res.headers.get("cache-control"), cache, label);
    for (const name of ["content-security-policy", "permissions-policy"]) {
      assert.ok(!res.headers.get(name).includes(", default-src"), `${label}: one ${name}`);
    }
  }
  for (const file of files) {
    const plain = Buffer.from(await (await fetch(`${base}/${file}`, { headers: { "accept-encoding": "identity" } })).arrayBuffer());
    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ]) {
      const res = await fetch(`${base}/${file}`, { headers: { "accept-encoding": accept } });
      assert.equal(res.headers.get("content-encoding"), encoding, `${file} for ${accept}`);
      assert.match(res.headers.get("vary") ?? "", /Accept-Encoding/i, `${file}: Vary`);
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(plain), `${file} decodes to the file`);
    }
  }
});

test("nginx with the example configuration: a signed-in record page", { skip: missing ?? false }, async () => {
  await nginx();
  const preview = new Preview(suite.backend.url);
  await preview.scenario("typical");
  // The preview cookie names the scenario for this browser; nginx passes
  // it on with every /api/ request.
  const { context, page, guard } = await openPage(suite.browser, server.url);
  await context.addCookies([{ ...preview.cookie(), url: server.url }]);
  await page.goto("/api/v1/auth/login?return_to=%2Frecord");
  await page.getByRole("button", { name: "Continue to your record" }).click();
  await page.locator(".app-entry-card").first().waitFor({ timeout: 20000 });
  await waitForHeading(page, "Your GP health record");
  await assertAccessible(assert, page, "the record through nginx");
  await assertGuards(assert, page, guard);
  await context.close();
});
