// Prints raw, gzip and brotli sizes of every file in a release build and
// fails (exit 1) when a budget in size-budget.json is exceeded.
//
// Usage: node scripts/size-report.mjs dist-release
//
// The whole build directory is the first load: index.html, the CSS, the
// wasm, its JS glue and loader, the favicons. Nothing is loaded from any
// other origin (the end-to-end tests check that). Each file counts once,
// as the patient downloads it: the `.br` and `.gz` copies the build writes
// beside the hashed files are the same bytes compressed, not more of them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/size-report.mjs DIST_DIR");
  process.exit(2);
}
const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url)));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const precompressed = (path) => path.endsWith(".br") || path.endsWith(".gz");
const rows = files(dist).filter((path) => !precompressed(path)).map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
rows.sort((a, b) => b.brotli - a.brotli);

const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(48)} ${pad("raw", 9)} ${pad("gzip", 9)} ${pad("brotli", 9)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(48)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
}
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const code = rows.filter((r) => r.file.endsWith(".wasm") || r.file.endsWith(".js"));
const totals = [
  ["wasm + JS", code, budget.wasm_and_js_brotli_max],
  ["first load (all files)", rows, budget.first_load_brotli_max],
];
let failed = false;
console.log("");
for (const [label, list, max] of totals) {
  const brotli = sum(list, "brotli");
  const ok = brotli <= max;
  failed ||= !ok;
  console.log(
    `${label.padEnd(24)} raw ${sum(list, "raw")} B, gzip ${sum(list, "gzip")} B, brotli ${brotli} B ` +
      `(budget ${max} B: ${ok ? "within" : "EXCEEDED"})`,
  );
}
if (!code.some((r) => r.file.endsWith(".wasm"))) {
  console.error("no .wasm file found: is this a release build?");
  failed = true;
}
process.exit(failed ? 1 : 0);
