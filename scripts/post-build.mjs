// Trunk post-build hook: minifies the JavaScript glue that wasm-bindgen
// writes, in release builds only, and updates its subresource integrity
// hash in index.html to match. Trunk 0.21's own minifier cannot parse
// that file (it warns and leaves it as it is), and every byte of it is
// downloaded by a patient's phone (about 1.7 KB of brotli). Property names are left alone: the glue and
// the wasm module find each other's functions by name.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
if (process.env.TRUNK_PROFILE === "release") {
  const htmlPath = join(dir, "index.html");
  let html = await readFile(htmlPath, "utf8");
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".js")) continue;
    const path = join(dir, name);
    const { code } = await minify(await readFile(path, "utf8"), {
      module: true,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    await writeFile(path, code);
    const digest = `sha384-${createHash("sha384").update(code).digest("base64")}`;
    const tag = new RegExp(`(<link[^>]*/${name.replace(/[.]/g, "\\.")}[^>]*integrity="?)sha384-[A-Za-z0-9+/=]+`, "g");
    const updated = html.replace(tag, `$1${digest}`);
    if (updated === html && html.includes(name) && html.includes("integrity")) {
      throw new Error(`could not update the integrity hash of ${name} in index.html`);
    }
    html = updated;
  }
  await writeFile(htmlPath, html);
}
