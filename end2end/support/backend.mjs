// Starts the reference backend as a real process on a free loopback port,
// serving the release build of the app, with its control API on.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";

export async function startBackend({ dist = process.env.APP_DIST, extraArgs = [] } = {}) {
  const bin = process.env.BACKEND_BIN;
  if (!bin) throw new Error("BACKEND_BIN must name the reference-backend binary (scripts/test sets it)");
  const args = ["--port", "0", "--control", ...(dist ? ["--dist", dist] : []), ...extraArgs];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = line.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`reference backend exited (${code}): ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

// One browser's bucket of the control API: its scenario, faults and audit
// events. The same id goes into that browser context's `ra_preview` cookie.
export class Preview {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.id = randomUUID();
  }

  cookie() {
    return { name: "ra_preview", value: this.id, url: this.baseUrl };
  }

  async call(method, path, body) {
    const res = await fetch(`${this.baseUrl}/__control/${path}`, {
      method,
      headers: { cookie: `ra_preview=${this.id}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  scenario(name) {
    return this.call("POST", "scenario", { scenario: name });
  }

  fault(method, path, fault, times = null) {
    return this.call("POST", "faults", { method, path, fault, times });
  }

  async events() {
    const body = await this.call("GET", "events");
    return Array.isArray(body) ? body : body.events;
  }
}
