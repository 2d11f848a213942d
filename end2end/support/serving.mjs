// What production serving looks like, for the reference backend and for
// the example web server configuration alike (docs/deploy.md).

export const IMMUTABLE = "public, max-age=31536000, immutable";

export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";

// Features the app never uses, each of which must be turned off.
const OFF = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture", "browsing-topics"];

// The files of the build that carry a content hash, as index.html names
// them (the loader, the JavaScript glue, the wasm, the styles).
export function hashedFiles(html) {
  const names = [...html.matchAll(/\/([\w.-]+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css))\b/g)].map((m) => m[1]);
  return [...new Set(names)];
}

// The header set of every response. `hsts`: whether HTTPS-only is expected
// (everywhere but a backend on a loopback address).
export function assertProductionHeaders(assert, headers, label, { hsts }) {
  assert.equal(headers.get("content-security-policy"), CSP, `${label}: CSP`);
  assert.equal(headers.get("cross-origin-opener-policy"), "same-origin", `${label}: COOP`);
  assert.equal(headers.get("cross-origin-resource-policy"), "same-origin", `${label}: CORP`);
  assert.equal(headers.get("referrer-policy"), "no-referrer", `${label}: Referrer-Policy`);
  assert.equal(headers.get("x-content-type-options"), "nosniff", `${label}: X-Content-Type-Options`);
  const permissions = headers.get("permissions-policy") ?? "";
  for (const feature of OFF) {
    assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), `${label}: ${feature} turned off`);
  }
  if (hsts) {
    assert.match(headers.get("strict-transport-security") ?? "", /^max-age=\d{8,}/, `${label}: HSTS`);
  } else {
    assert.equal(headers.get("strict-transport-security"), null, `${label}: no HSTS on loopback`);
  }
}
