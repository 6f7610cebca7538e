#!/usr/bin/env node
// A caller of POST /v3/payscore/acquiringbank/serviceorder written to facts §10 only: plain Node.js, nothing
// from this repository. One process creates one order (the audit-client driver contract):
//   PAYSCORE_PROFILE  the profile JSON (mchid, merchant key and serial, platform key and serial; paths
//                     relative to its folder)
//   PAYSCORE_BASE_URL the base URL to call
//   PAYSCORE_ORDER    a JSON file with the create-order body to send, exactly
// and prints one JSON line: {"outcome":"created","order_id",…,"state",…,"package",…} or
// {"outcome":"failed","code":…}, exiting 0 either way.
// `--defect NAME` switches on one defect of defects.js (the faulty drivers of the self-test); `--variant NAME`
// (repeatable) one fair variation. Each `has(…)`/`as(…)` below is the one place its switch acts.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { DEFECTS, VARIANTS } = require('./defects');
const { send, closeWire } = require('./referenceWire');

const flags = (name) => process.argv.flatMap((a, i) => (process.argv[i - 1] === name ? [a] : []));
const [defect] = flags('--defect');
const variants = flags('--variant');
for (const v of variants) if (!(v in VARIANTS)) throw new Error(`unknown variant ${v}`);
if (defect !== undefined && !(defect in DEFECTS)) throw new Error(`unknown defect ${defect}`);
const has = (name) => defect === name;
const as = (name) => variants.includes(name);

const ENDPOINT = has('wrong-path') ? '/v3/payscore/serviceorder' : '/v3/payscore/acquiringbank/serviceorder';
const LOOPS = has('tight-429') || has('fixed-10ms-429');
const ATTEMPTS =
  as('zero-retries') || has('lost-is-created')
    ? 1
    : LOOPS
      ? 10
      : as('one-retry')
        ? 2
        : as('five-attempts') || as('full-jitter') || as('equal-jitter')
          ? 5
          : 3;
const SKEW_S = as('strict-answer-window') ? 60 : has('window-one-hour') ? 3600 : 300; // 5 minutes: every SDK's
const CLOCK_S = (has('clock-10-min-ahead') ? 600 : 0) + (as('clock-ahead') ? 120 : 0) - (as('clock-behind') ? 120 : 0);

/** How long to wait before attempt `attempt + 1`, after a 429 or after a 5xx / lost connection. */
function backoff(attempt, after429) {
  const base = after429 ? 1000 : 300;
  if (has('tight-429') && after429) return 0;
  if (has('fixed-10ms-429') && after429) return 10;
  if (as('slow-backoff')) return after429 ? 2500 : 1500;
  if (as('full-jitter')) return Math.random() * 200 * 2 ** (attempt - 1); // AWS "full jitter": 0..base·2^n
  if (as('equal-jitter')) return 100 * 2 ** (attempt - 1) * (1 + Math.random());
  return base;
}

function loadProfile() {
  const file = process.env.PAYSCORE_PROFILE;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const at = (p) => fs.readFileSync(path.resolve(path.dirname(file), p), 'utf8');
  const platform = profile.platform;
  const platformKey = platform.publicKeyPath
    ? crypto.createPublicKey(at(platform.publicKeyPath))
    : new crypto.X509Certificate(at(platform.certificatePath)).publicKey;
  return {
    mchid: has('other-mchid') ? '1900000109' : profile.mchid,
    serialNo: has('platform-serial-in-auth') ? platform.serial : profile.merchant.serialNo,
    privateKey: crypto.createPrivateKey(at(profile.merchant.privateKeyPath)),
    platformSerial: platform.serial,
    platformKey,
  };
}

const nonce = () => (has('reused-nonce') ? 'FIXED0NONCE0FOR0EVERY0REQUEST000' : crypto.randomBytes(16).toString('hex'));
const timestamp = () => String(has('ms-timestamp') ? Date.now() : Math.floor(Date.now() / 1000) + CLOCK_S);

function authorization(p, method, pathWithQuery, body) {
  const ts = timestamp();
  const n = nonce();
  const signedMethod = has('sign-get') ? 'GET' : method;
  const signedBody = has('sign-without-body') ? '' : body;
  const message = `${signedMethod}\n${pathWithQuery}\n${ts}\n${n}\n${signedBody}${has('sign-no-final-newline') ? '' : '\n'}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(message), p.privateKey);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${p.mchid}",nonce_str="${n}",timestamp="${ts}",serial_no="${p.serialNo}",signature="${signature.toString('base64')}"`;
}

/** The header named `name` as this caller reads it: any case (node lower-cases), or exactly (two defects). */
function header(answer, name) {
  if (!has('case-sensitive-headers') && !has('exact-header-case')) return answer.headers[name.toLowerCase()];
  const raw = answer.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i] === name) return raw[i + 1];
  return undefined;
}

/** Facts §10: an answer is trusted only when its signature verifies, its serial is known and it is fresh. */
function verified(p, answer) {
  if (has('no-verify')) return true;
  const signature = String(header(answer, 'Wechatpay-Signature') ?? '');
  if ((has('verify-if-signed') || has('case-sensitive-headers')) && signature === '') return true;
  if (has('trust-signtest') && signature.startsWith('WECHATPAY/SIGNTEST/')) return true;
  if (header(answer, 'Wechatpay-Serial') !== p.platformSerial) return has('skip-unknown-serial');
  const stamp = header(answer, 'Wechatpay-Timestamp');
  const offset = (has('rejects-ms-clock') ? Date.now() : Date.now() / 1000) - Number(stamp);
  if (
    has('past-only-timestamp')
      ? offset > SKEW_S
      : has('nan-timestamp')
        ? Math.abs(offset) > SKEW_S
        : !has('ignore-timestamp') && !(Math.abs(offset) <= SKEW_S)
  )
    return false;
  const body = has('verify-reserialized') ? JSON.stringify(JSON.parse(answer.body)) : answer.body;
  const message = Buffer.from(`${stamp}\n${header(answer, 'Wechatpay-Nonce')}\n${body}\n`);
  return crypto.verify('RSA-SHA256', message, p.platformKey, Buffer.from(signature, 'base64'));
}

const parse = (text) => {
  try {
    const value = JSON.parse(text);
    if (has('null-field-crash')) for (const v of Object.values(value)) String(v.valueOf());
    if (has('regex-json'))
      return {
        state: /"state":"(\w+)"/.exec(text)?.[1],
        order_id: /"order_id":"(\w+)"/.exec(text)?.[1],
        package: value.package,
      };
    return value !== null && typeof value === 'object' ? value : {};
  } catch (error) {
    if (has('null-field-crash')) throw error;
    return {};
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The body on the wire: the order given, or one of the defects' and variants' other forms. */
function wireOrder(given) {
  if (has('fixed-oon')) return { ...given, out_order_no: 'REFERENCE0FIXED0OUT0ORDER0NO' };
  if (has('amount-as-string'))
    return { ...given, risk_fund: { ...given.risk_fund, amount: String(given.risk_fund.amount) } };
  if (has('refused-body')) return { ...given, service_introduction: undefined, risk_fund: undefined };
  return given;
}

async function createOrder() {
  if (has('sends-nothing')) return { outcome: 'failed', code: null };
  const p = loadProfile();
  const url = new URL(ENDPOINT, process.env.PAYSCORE_BASE_URL);
  const given = JSON.parse(fs.readFileSync(process.env.PAYSCORE_ORDER, 'utf8'));
  let order = wireOrder(given);
  let last = { outcome: 'failed', code: null };
  let fixedAuthorization;
  const sign = (bytes) => {
    const made = fixedAuthorization ?? authorization(p, 'POST', url.pathname + url.search, bytes);
    if (has('nonce-reused-on-retry')) fixedAuthorization = made;
    return made;
  };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const answer = await send({ p, url, order, sign, has, as });
    const retry = (waitMs) =>
      sleep(waitMs).then(() => {
        if (has('retry-new-oon') || has('second-order-after-drop'))
          order = { ...given, out_order_no: `${given.out_order_no.slice(0, 28)}R${attempt}` };
        if (has('changed-body-on-retry')) order = { ...given, attach: `retry ${attempt}` };
      });
    if (answer.lost !== undefined) {
      // The order may exist: only the same out_order_no with the same parameters finds it again (IDEMP-SAME).
      if (has('lost-is-created')) return { outcome: 'created', order_id: null, state: null, package: null };
      last = { outcome: 'failed', code: null };
      await retry(backoff(attempt, false));
      continue;
    }
    if (has('exact-header-case') && header(answer, 'Wechatpay-Signature') === undefined)
      return { outcome: 'failed', code: null };
    if (!verified(p, answer)) return { outcome: 'failed', code: null };
    const body = parse(answer.body);
    if (answer.status === 200) {
      const confirm = given.need_user_confirm === true;
      const success = has('status-only-success')
        ? true
        : confirm
          ? body.state === 'CREATED' && typeof body.package === 'string'
          : body.state === 'DOING' || (has('created-success') && body.state === 'CREATED');
      if (!success) return { outcome: 'failed', code: null };
      const orderId = has('oon-as-order-id') ? given.out_order_no : (body.order_id ?? null);
      return { outcome: 'created', order_id: orderId, state: body.state ?? null, package: body.package ?? null };
    }
    if (has('crash-on-error-shapes') && body.detail) console.error(`field ${body.detail.field.slice(1)}`);
    const code =
      typeof body.code !== 'string' || has('code-not-surfaced')
        ? null
        : has('message-as-code')
          ? String(body.message)
          : as('worded-codes')
            ? `WeChat Pay said ${body.code}: ${body.message}`
            : body.code;
    if (has('4xx-success') && answer.status < 500 && answer.status !== 429)
      return { outcome: 'created', order_id: body.order_id ?? null, state: body.state ?? null, package: null };
    if (has('5xx-created') && answer.status >= 500)
      return { outcome: 'created', order_id: null, state: null, package: null };
    last = { outcome: 'failed', code };
    const retryAfter = as('retry-after') ? Number(header(answer, 'Retry-After')) * 1000 : NaN;
    if (answer.status === 429) await sleep(Number.isFinite(retryAfter) ? retryAfter : backoff(attempt, true));
    else if (answer.status >= 500) await retry(backoff(attempt, false));
    else return last;
  }
  return last;
}

createOrder().then((line) => {
  closeWire();
  console.log(JSON.stringify(line));
  if (has('exit-1-on-failure') && line.outcome === 'failed') process.exitCode = 1;
});
