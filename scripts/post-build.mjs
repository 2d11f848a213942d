// Trunk post-build hook: makes the build ready to be served by any static
// host or CDN, with a Content-Security-Policy that never changes.
//
// 1. Every build: each inline script Trunk writes into index.html (the
//    loader that starts the wasm, and in `trunk serve` the live-reload
//    client) moves into a file of its own, named by its content hash and
//    loaded with a subresource integrity hash. index.html is left with no
//    inline script, so the policy is `script-src 'self'` for every build
//    and every response: no nonce for a server to fill, no hash that
//    changes with each build. The build fails if an inline script or a
//    nonce placeholder is left.
// 2. Release builds: wasm-bindgen's JavaScript glue is minified (Trunk
//    0.21's own minifier cannot parse it and leaves it as it is: about
//    1.7 KB of brotli), and its integrity hash in index.html updated.
//    Property names are left alone: the glue and the wasm module find each
//    other's functions by name.
// 3. Release builds: a brotli (`.br`, quality 11) and a gzip (`.gz`, level
//    9) copy beside every hashed JavaScript, wasm and CSS file, for the
//    server to send to browsers that accept them.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
const release = process.env.TRUNK_PROFILE === "release";
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");

const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const escape = (name) => name.replace(/[.]/g, "\\.");

if (release) {
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
    const tag = new RegExp(`(<link[^>]*/${escape(name)}[^>]*integrity="?)sha384-[A-Za-z0-9+/=]+`, "g");
    const updated = html.replace(tag, `$1${integrity(code)}`);
    if (updated === html && html.includes(name) && html.includes("integrity")) {
      throw new Error(`could not update the integrity hash of ${name} in index.html`);
    }
    html = updated;
  }
}

// Inline scripts out of the page. Attributes other than Trunk's nonce are
// kept (`type=module` above all). `trunk serve` fills the live-reload
// client's address only in pages, so out of the page it reads it from
// where it is loaded.
const scripts = [];
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (whole, attributes, inline) => {
  if (/\bsrc\s*=/.test(attributes)) return whole;
  const body = inline
    .replaceAll("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
    .replaceAll("{{__TRUNK_WS_BASE__}}", "/");
  const kept = attributes.replace(/\s+nonce\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g, "");
  const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  scripts.push({ name, body });
  return `<script${kept} src="/${name}" integrity="${integrity(body)}"></script>`;
});
for (const { name, body } of scripts) await writeFile(join(dir, name), body);
if (/<script\b(?![^>]*\bsrc\s*=)[^>]*>/.test(html) || html.includes("NONCE")) {
  throw new Error("index.html still has an inline script or a nonce placeholder");
}
await writeFile(htmlPath, html);

if (release) {
  for (const name of await readdir(dir)) {
    if (!/-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(name)) continue;
    const bytes = await readFile(join(dir, name));
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    await writeFile(join(dir, `${name}.br`), brotli);
    await writeFile(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  }
}
