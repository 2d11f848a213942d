// Conformance of the reference backend to docs/openapi.yaml.
//
// Starts the built backend (env BACKEND_BIN) with `--port 0 --control`,
// drives every endpoint of the contract through its successes and notable
// errors (switching scenarios through the control API), and checks each
// response against the document: the status must be documented for that
// path and method, the body must match its schema, and the documented
// headers must be there. It builds nothing itself:
//
//   cargo build -p reference-backend
//   BACKEND_BIN=target/debug/reference-backend node --test end2end/contract.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

const specPath = fileURLToPath(new URL('../docs/openapi.yaml', import.meta.url));
const spec = YAML.parse(readFileSync(specPath, 'utf8'));

// --------------------------------------------------------------- schemas

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
ajv.addFormat('uri-reference', /^\S*$/);
ajv.addSchema({ ...spec, $id: 'openapi' });

const escape = (s) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** Follows a `$ref` of a response object; returns [object, JSON pointer]. */
function deref(obj, pointer) {
  while (obj && obj.$ref) {
    assert.ok(obj.$ref.startsWith('#/'), `only local refs: ${obj.$ref}`);
    pointer = obj.$ref.slice(1);
    obj = pointer.split('/').slice(1).reduce((o, k) => o[k.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return [obj, pointer];
}

function validatorAt(pointer) {
  const v = ajv.getSchema(`openapi#${pointer}`);
  assert.ok(v, `no schema at ${pointer}`);
  return v;
}

/** Which (path template, method, status) the run has seen. */
const seen = new Set();

/** Checks one response against the document. */
function check(template, method, res) {
  const op = spec.paths[template]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${template} is not in openapi.yaml`);
  const opPointer = `/paths/${escape(template)}/${method.toLowerCase()}`;
  const status = String(res.status);
  const [response, pointer] = deref(op.responses?.[status], `${opPointer}/responses/${status}`);
  assert.ok(response, `${method} ${template} answered ${status}, which openapi.yaml does not document: ${res.text}`);
  seen.add(`${method} ${template} ${status}`);

  for (const [name, h] of Object.entries(response.headers ?? {})) {
    const [header, hPointer] = deref(h, `${pointer}/headers/${escape(name)}`);
    const value = name.toLowerCase() === 'set-cookie' ? res.setCookies[0] : res.headers.get(name);
    if (value == null) {
      assert.ok(!header.required, `${method} ${template} ${status}: header ${name} missing`);
      continue;
    }
    const v = validatorAt(`${hPointer}/schema`);
    assert.ok(v(value), `${method} ${template} ${status}: header ${name}=${value}: ${ajv.errorsText(v.errors)}`);
  }

  const content = response.content;
  if (!content) {
    assert.equal(res.text, '', `${method} ${template} ${status}: no body documented`);
    return;
  }
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  assert.ok(content[mediaType], `${method} ${template} ${status}: content type ${mediaType} not documented`);
  let body;
  try {
    body = JSON.parse(res.text);
  } catch (e) {
    assert.fail(`${method} ${template} ${status}: body is not JSON: ${res.text.slice(0, 200)}`);
  }
  const v = validatorAt(`${pointer}/content/${escape(mediaType)}/schema`);
  assert.ok(v(body), `${method} ${template} ${status}: ${ajv.errorsText(v.errors)}\n${res.text.slice(0, 500)}`);
}

/** An error outside every documented operation: still a problem. */
function checkProblem(res, status, code) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const v = validatorAt('/components/schemas/Problem');
  const body = JSON.parse(res.text);
  assert.ok(v(body), ajv.errorsText(v.errors));
  assert.equal(body.code, code);
}

// --------------------------------------------------------------- backend

let child;
let base;

before(async () => {
  const bin = process.env.BACKEND_BIN;
  assert.ok(bin, 'set BACKEND_BIN to the built reference-backend binary');
  child = spawn(bin, ['--port', '0', '--control'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the backend did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the backend exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /^reference backend listening on (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
});

after(() => {
  child?.kill();
});

/** A browser: a cookie jar and requests that do not follow redirects. */
class Browser {
  cookies = new Map();

  async call(method, path, { json, body, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookies.size) {
      h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const r = await fetch(base + path, { method, headers: h, body, redirect: 'manual' });
    const setCookies = r.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';').map((s) => s.trim());
      const [name, value] = pair.split('=');
      if (attrs.some((a) => a.toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const res = { status: r.status, headers: r.headers, setCookies, text: await r.text() };
    assert.equal(res.headers.get('cache-control'), 'no-store', `${method} ${path}`);
    return res;
  }

  /** Calls and checks against the operation `template`. */
  async op(method, template, path, options) {
    const res = await this.call(method, path, options);
    check(template, method, res);
    return res;
  }

  async choose(scenario) {
    const r = await this.call('POST', '/__control/scenario', { json: { scenario } });
    assert.equal(r.status, 204, r.text);
  }

  async signIn(returnTo = '/') {
    const r = await this.op('GET', '/api/v1/auth/login', `/api/v1/auth/login?return_to=${encodeURIComponent(returnTo)}`);
    assert.equal(r.status, 303);
    return r;
  }
}

const T = {
  session: '/api/v1/session',
  keepAlive: '/api/v1/session/keep-alive',
  end: '/api/v1/session/end',
  ack: '/api/v1/safeguarding/acknowledgements',
  entries: '/api/v1/record/entries',
  entry: '/api/v1/record/entries/{id}',
  redaction: '/api/v1/record/redaction-requests',
  disable: '/api/v1/access/disable',
  proxies: '/api/v1/access/proxies',
  removal: '/api/v1/access/proxies/{id}/removal-requests',
  signIns: '/api/v1/session/sign-ins',
  preferences: '/api/v1/preferences',
  opened: '/api/v1/record/entries/{id}/opened',
  endOthers: '/api/v1/session/end-others',
};

const removalPath = (id) => `/api/v1/access/proxies/${encodeURIComponent(id)}/removal-requests`;

const key = (k) => ({ 'idempotency-key': k });

// ----------------------------------------------------------------- tests

test('sign-in, session, keep-alive and the pressure warning', async () => {
  const b = new Browser();
  await b.choose('typical');
  assert.equal((await b.op('GET', T.session, T.session)).status, 401);
  assert.equal((await b.op('POST', T.keepAlive, T.keepAlive)).status, 401);
  assert.equal((await b.op('POST', T.ack, T.ack, { json: { choice: 'continue' } })).status, 401);

  const login = await b.signIn('/record?kind=medicine');
  assert.equal(login.headers.get('location'), '/record?kind=medicine');
  assert.equal((await b.signIn('//evil.example')).headers.get('location'), '/');

  const s = JSON.parse((await b.op('GET', T.session, T.session)).text);
  assert.equal(s.safeguarding.acknowledged, false);
  assert.equal((await b.op('POST', T.keepAlive, T.keepAlive)).status, 204);
  assert.equal((await b.op('POST', T.ack, T.ack, { json: { choice: 'get_help' } })).status, 204);
  assert.equal((await b.op('POST', T.ack, T.ack, { json: { choice: 'maybe' } })).status, 400);
  assert.equal((await b.op('POST', T.ack, T.ack, { json: { choice: 'continue', x: 1 } })).status, 400);
  assert.equal((await b.op('POST', T.ack, T.ack, { body: '{"choice":"continue"}', headers: { 'content-type': 'text/plain' } })).status, 400);
  assert.equal((await b.op('POST', T.ack, T.ack, { json: { choice: 'continue' } })).status, 204);
  assert.equal(JSON.parse((await b.op('GET', T.session, T.session)).text).safeguarding.acknowledged, true);
});

test('the record: pages, single entries and their errors', async () => {
  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  let page = JSON.parse((await b.op('GET', T.entries, `${T.entries}?limit=120`)).text);
  const ids = page.entries.map((e) => e.id);
  while (page.next_cursor) {
    page = JSON.parse((await b.op('GET', T.entries, `${T.entries}?limit=120&cursor=${encodeURIComponent(page.next_cursor)}`)).text);
    ids.push(...page.entries.map((e) => e.id));
  }
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.length >= 200);
  for (const q of ['limit=0', 'limit=501', 'limit=ten', 'cursor=not-a-cursor']) {
    assert.equal((await b.op('GET', T.entries, `${T.entries}?${q}`)).status, 400, q);
  }

  const one = await b.op('GET', T.entry, `${T.entries}/${encodeURIComponent(ids[0])}`);
  assert.equal(JSON.parse(one.text).id, ids[0]);
  const odd = await b.op('GET', T.entry, `${T.entries}/${encodeURIComponent('t/ollvlk #9')}`);
  assert.equal(JSON.parse(odd.text).id, 't/ollvlk #9');
  assert.equal((await b.op('GET', T.entry, `${T.entries}/t-51cea9`)).status, 404);
  assert.equal((await b.op('GET', T.entry, `${T.entries}/no-such-entry`)).status, 404);

  const out = new Browser();
  assert.equal((await out.op('GET', T.entries, T.entries)).status, 401);
  assert.equal((await out.op('GET', T.entry, `${T.entries}/x`)).status, 401);
});

test('every scenario that behaves answers within the schema', async () => {
  for (const scenario of ['new-access', 'redactions-and-results', 'short-timeout', 'long-record']) {
    const b = new Browser();
    await b.choose(scenario);
    await b.signIn();
    await b.op('GET', T.session, T.session);
    let page = JSON.parse((await b.op('GET', T.entries, `${T.entries}?limit=500`)).text);
    let count = page.entries.length;
    while (page.next_cursor) {
      page = JSON.parse((await b.op('GET', T.entries, `${T.entries}?limit=500&cursor=${encodeURIComponent(page.next_cursor)}`)).text);
      count += page.entries.length;
    }
    if (scenario === 'long-record') assert.equal(count, 10000);
    if (scenario === 'new-access') assert.equal(count, 0);
  }
});

test('redaction requests', async () => {
  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  const body = { entry_id: 't-mz73ml', note: 'Please hide this.' };
  const first = await b.op('POST', T.redaction, T.redaction, { json: body, headers: key('r-1') });
  assert.equal(first.status, 202);
  const again = await b.op('POST', T.redaction, T.redaction, { json: body, headers: key('r-1') });
  assert.deepEqual(JSON.parse(again.text), JSON.parse(first.text));
  assert.equal((await b.op('POST', T.redaction, T.redaction, { json: { entry_id: 't-902um8' }, headers: key('r-1') })).status, 409);
  assert.equal((await b.op('POST', T.redaction, T.redaction, { json: body })).status, 400);
  assert.equal((await b.op('POST', T.redaction, T.redaction, { json: { entry_id: 't-mz73ml', note: 'x'.repeat(1001) }, headers: key('r-2') })).status, 400);
  assert.equal((await b.op('POST', T.redaction, T.redaction, { json: { entry_id: 'nope' }, headers: key('r-3') })).status, 404);
  assert.equal((await new Browser().op('POST', T.redaction, T.redaction, { json: body, headers: key('r-4') })).status, 401);
});

test('turning off record access', async () => {
  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  const body = { scope: 'record_access', confirmed: true };
  assert.equal((await b.op('POST', T.disable, T.disable, { json: { ...body, confirmed: false }, headers: key('d-1') })).status, 422);
  assert.equal((await b.op('POST', T.disable, T.disable, { json: body })).status, 400);
  const first = await b.op('POST', T.disable, T.disable, { json: body, headers: key('d-1') });
  assert.equal(first.status, 200);
  const again = await b.op('POST', T.disable, T.disable, { json: body, headers: key('d-1') });
  assert.deepEqual(JSON.parse(again.text), JSON.parse(first.text));
  const reused = await b.op('POST', T.disable, T.disable, { json: { scope: 'nhs_login', confirmed: true }, headers: key('d-1') });
  assert.equal(JSON.parse(reused.text).code, 'key_reused');
  const already = await b.op('POST', T.disable, T.disable, { json: body, headers: key('d-2') });
  assert.equal(JSON.parse(already.text).reference, JSON.parse(first.text).reference);

  assert.equal(JSON.parse((await b.op('GET', T.session, T.session)).text).record_access.status, 'disabled');
  assert.equal((await b.op('GET', T.entries, T.entries)).status, 403);
  assert.equal((await b.op('GET', T.entry, `${T.entries}/t-mz73ml`)).status, 403);
  assert.equal((await b.op('POST', T.redaction, T.redaction, { json: { entry_id: 't-mz73ml' }, headers: key('r') })).status, 403);

  // The session ends (a beacon with text/plain); the key still proves the request.
  const end = await b.op('POST', T.end, T.end, { body: '{"reason":"exit"}', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
  assert.equal(end.status, 204);
  assert.equal((await b.op('GET', T.session, T.session)).status, 401);
  const replay = await b.op('POST', T.disable, T.disable, { json: body, headers: key('d-1') });
  assert.deepEqual(JSON.parse(replay.text), JSON.parse(first.text));
  assert.equal((await b.op('POST', T.disable, T.disable, { json: body, headers: key('d-3') })).status, 401);
  assert.equal((await b.op('POST', T.end, T.end)).status, 204);

  const events = JSON.parse((await b.call('GET', '/__control/events')).text).events;
  assert.ok(events.some((e) => e.type === 'session_end' && e.reason === 'exit'));
});

test('access already off, and disabling the NHS login', async () => {
  const off = new Browser();
  await off.choose('access-off');
  await off.signIn();
  assert.equal(JSON.parse((await off.op('GET', T.session, T.session)).text).record_access.status, 'disabled');
  const already = await off.op('POST', T.disable, T.disable, { json: { scope: 'record_access', confirmed: true }, headers: key('k') });
  assert.equal(already.status, 409);
  assert.equal(JSON.parse(already.text).reference, 'RA-7K4M2Q9D');

  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  const done = await b.op('POST', T.disable, T.disable, { json: { scope: 'nhs_login', confirmed: true }, headers: key('n') });
  assert.equal(JSON.parse(done.text).scope, 'nhs_login');
  assert.equal((await b.op('GET', T.session, T.session)).status, 401);
  assert.equal((await b.op('GET', T.entries, T.entries)).status, 401);
  assert.equal((await b.op('POST', T.keepAlive, T.keepAlive)).status, 401);
});

test('people with proxy access and removal requests', async () => {
  const out = new Browser();
  assert.equal((await out.op('GET', T.proxies, T.proxies)).status, 401);
  assert.equal((await out.op('POST', T.removal, removalPath('px-partner'), { json: {}, headers: key('p-0') })).status, 401);

  for (const scenario of ['typical', 'new-access', 'access-off', 'redactions-and-results', 'long-record']) {
    const b = new Browser();
    await b.choose(scenario);
    await b.signIn();
    await b.op('GET', T.proxies, T.proxies);
  }

  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  const first = await b.op('POST', T.removal, removalPath('px-partner'), { json: {}, headers: key('p-1') });
  assert.equal(first.status, 202);
  const again = await b.op('POST', T.removal, removalPath('px-partner'), { json: {}, headers: key('p-1') });
  assert.deepEqual(JSON.parse(again.text), JSON.parse(first.text));
  const listed = JSON.parse((await b.op('GET', T.proxies, T.proxies)).text).proxies;
  assert.equal(listed[0].removal_requested.reference, JSON.parse(first.text).reference);
  const already = await b.op('POST', T.removal, removalPath('px-partner'), { json: {}, headers: key('p-2') });
  assert.equal(already.status, 409);
  assert.equal(JSON.parse(already.text).reference, JSON.parse(first.text).reference);
  const reused = await b.op('POST', T.removal, removalPath('px-nobody'), { json: {}, headers: key('p-1') });
  assert.equal(JSON.parse(reused.text).code, 'key_reused');
  assert.equal((await b.op('POST', T.removal, removalPath('px-nobody'), { json: {}, headers: key('p-3') })).status, 404);
  assert.equal((await b.op('POST', T.removal, removalPath('px-partner'), { json: {} })).status, 400);
  assert.equal((await b.op('POST', T.removal, removalPath('px-partner'), { json: { why: 'x' }, headers: key('p-4') })).status, 400);
});

test('recent sign-ins and signing out everywhere else', async () => {
  const out = new Browser();
  assert.equal((await out.op('GET', T.signIns, T.signIns)).status, 401);
  assert.equal((await out.op('POST', T.endOthers, T.endOthers)).status, 401);

  for (const scenario of ['typical', 'new-access', 'access-off']) {
    const b = new Browser();
    await b.choose(scenario);
    await b.signIn();
    const list = JSON.parse((await b.op('GET', T.signIns, T.signIns)).text).sign_ins;
    assert.equal(list[0].current, true);
  }

  const laptop = new Browser();
  await laptop.choose('typical');
  await laptop.signIn();
  const phone = new Browser();
  phone.cookies.set('ra_preview', laptop.cookies.get('ra_preview'));
  await phone.signIn();
  assert.equal((await laptop.op('POST', T.endOthers, T.endOthers)).status, 204);
  assert.equal((await phone.op('GET', T.session, T.session)).status, 401);
  assert.equal((await laptop.op('GET', T.session, T.session)).status, 200);
  assert.equal((await laptop.op('POST', T.endOthers, T.endOthers)).status, 204);
  const list = JSON.parse((await laptop.op('GET', T.signIns, T.signIns)).text).sign_ins;
  assert.deepEqual(list.filter((s) => s.active).map((s) => s.current), [true]);
});

test('preferences, and results held until a conversation', async () => {
  const out = new Browser();
  assert.equal((await out.op('GET', T.preferences, T.preferences)).status, 401);
  assert.equal((await out.op('PUT', T.preferences, T.preferences, { json: { results_release: 'after_review' }, headers: key('x') })).status, 401);

  const b = new Browser();
  await b.choose('redactions-and-results');
  await b.signIn();
  assert.equal(JSON.parse((await b.op('GET', T.preferences, T.preferences)).text).results_release, 'after_conversation');
  assert.equal((await b.op('GET', T.entry, `${T.entries}/rr-028`)).status, 404);
  const body = { results_release: 'after_review' };
  const first = await b.op('PUT', T.preferences, T.preferences, { json: body, headers: key('q-1') });
  assert.deepEqual(JSON.parse(first.text), body);
  const again = await b.op('PUT', T.preferences, T.preferences, { json: body, headers: key('q-1') });
  assert.deepEqual(JSON.parse(again.text), body);
  assert.equal((await b.op('PUT', T.preferences, T.preferences, { json: { results_release: 'after_conversation' }, headers: key('q-1') })).status, 409);
  assert.equal((await b.op('PUT', T.preferences, T.preferences, { json: body })).status, 400);
  assert.equal((await b.op('PUT', T.preferences, T.preferences, { json: { results_release: 'sometimes' }, headers: key('q-2') })).status, 400);
  assert.equal((await b.op('PUT', T.preferences, T.preferences, { json: { ...body, x: 1 }, headers: key('q-3') })).status, 400);
  const released = await b.op('GET', T.entry, `${T.entries}/rr-028`);
  assert.equal(JSON.parse(released.text).id, 'rr-028');
});

test('opening a new result', async () => {
  const out = new Browser();
  assert.equal((await out.op('POST', T.opened, `${T.entries}/t-6dfge7/opened`)).status, 401);

  const b = new Browser();
  await b.choose('typical');
  await b.signIn();
  assert.equal(JSON.parse((await b.op('GET', T.entry, `${T.entries}/t-6dfge7`)).text).unopened, true);
  assert.equal((await b.op('POST', T.opened, `${T.entries}/t-6dfge7/opened`)).status, 204);
  assert.equal((await b.op('POST', T.opened, `${T.entries}/t-6dfge7/opened`)).status, 204);
  assert.equal(JSON.parse((await b.op('GET', T.entry, `${T.entries}/t-6dfge7`)).text).unopened, undefined);
  assert.equal((await b.op('POST', T.opened, `${T.entries}/no-such-entry/opened`)).status, 404);
  assert.equal((await b.op('POST', T.opened, `${T.entries}/t-51cea9/opened`)).status, 404);

  const off = new Browser();
  await off.choose('access-off');
  await off.signIn();
  assert.equal(JSON.parse((await off.op('GET', T.preferences, T.preferences)).text).results_release, 'after_review');
  assert.equal((await off.op('POST', T.opened, `${T.entries}/ao-001/opened`)).status, 403);
});

test('the exit link', async () => {
  const b = new Browser();
  await b.signIn();
  const r = await b.op('GET', '/api/v1/auth/exit', '/api/v1/auth/exit');
  assert.equal(r.headers.get('location'), 'https://www.bbc.co.uk/weather');
  assert.equal((await b.op('GET', T.session, T.session)).status, 401);
});

test('unknown paths and wrong methods are problems too', async () => {
  const b = new Browser();
  checkProblem(await b.call('GET', '/api/v1/nothing'), 404, 'not_found');
  checkProblem(await b.call('DELETE', '/api/v1/session'), 405, 'method_not_allowed');
  checkProblem(await b.call('GET', '/api/v1/access/disable'), 405, 'method_not_allowed');
});

test('every operation and every documented status was exercised', () => {
  const missing = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const status of Object.keys(op.responses)) {
        if (!seen.has(`${method.toUpperCase()} ${path} ${status}`)) missing.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
