#!/usr/bin/env node
// A caller of POST /v3/payscore/acquiringbank/serviceorder written to facts §10 only: plain Node.js, nothing
// from this repository. One process creates one order (the audit-client driver contract):
//   PAYSCORE_PROFILE  the profile JSON (mchid, merchant key and serial, platform key and serial; paths
//                     relative to its folder)
//   PAYSCORE_BASE_URL the base URL to call
//   PAYSCORE_ORDER    a JSON file with the create-order body to send, exactly
// and prints one JSON line: {"outcome":"created","order_id",…,"state",…,"package",…} or
// {"outcome":"failed","code":…}, exiting 0 either way.
// `--defect NAME` switches on one defect of defects.js (the faulty drivers of the self-test).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const { DEFECTS, VARIANTS } = require('./defects');

const flags = (name) => process.argv.flatMap((a, i) => (process.argv[i - 1] === name ? [a] : []));
const [defect] = flags('--defect');
const variants = flags('--variant');
for (const v of variants) if (!(v in VARIANTS)) throw new Error(`unknown variant ${v}`);
if (defect !== undefined && !(defect in DEFECTS)) throw new Error(`unknown defect ${defect}`);
const has = (name) => defect === name;
const as = (name) => variants.includes(name);

const ENDPOINT = '/v3/payscore/acquiringbank/serviceorder';
const ATTEMPTS = as('zero-retries') ? 1 : 3;
const TIMEOUT_MS = as('long-timeout') ? 30_000 : 3000; // this caller's own timeout per attempt
const RETRY_AFTER_5XX_MS = as('slow-backoff') ? 1500 : 300;
const RETRY_AFTER_429_MS = as('slow-backoff') ? 2500 : 1000;
const SKEW_S = 300; // the 5 minutes every SDK allows an answer's Wechatpay-Timestamp

function loadProfile() {
  const file = process.env.PAYSCORE_PROFILE;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const at = (p) => fs.readFileSync(path.resolve(path.dirname(file), p), 'utf8');
  const platform = profile.platform;
  const platformKey = platform.publicKeyPath
    ? crypto.createPublicKey(at(platform.publicKeyPath))
    : new crypto.X509Certificate(at(platform.certificatePath)).publicKey;
  return {
    mchid: profile.mchid,
    serialNo: profile.merchant.serialNo,
    privateKey: crypto.createPrivateKey(at(profile.merchant.privateKeyPath)),
    platformSerial: platform.serial,
    platformKey,
  };
}

const nonce = () => (has('reused-nonce') ? 'FIXED0NONCE0FOR0EVERY0REQUEST000' : crypto.randomBytes(16).toString('hex'));
const timestamp = () => String(has('ms-timestamp') ? Date.now() : Math.floor(Date.now() / 1000));

function authorization(p, method, pathWithQuery, body) {
  const ts = timestamp();
  const n = nonce();
  const signature = crypto.sign(
    'RSA-SHA256',
    Buffer.from(`${method}\n${pathWithQuery}\n${ts}\n${n}\n${body}\n`),
    p.privateKey,
  );
  return `WECHATPAY2-SHA256-RSA2048 mchid="${p.mchid}",nonce_str="${n}",timestamp="${ts}",serial_no="${p.serialNo}",signature="${signature.toString('base64')}"`;
}

/** One attempt: resolves {status, headers, body} or {lost: reason}. */
function send(p, url, order) {
  const sent = has('sign-other-serialization') ? JSON.stringify(order, null, 2) : JSON.stringify(order);
  const signed = has('sign-other-serialization') ? JSON.stringify(order) : sent;
  const headers = as('browser-headers')
    ? {
        accept: 'application/json, text/plain, */*',
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'axios/1.7.9',
        'wechatpay-serial': p.platformSerial,
        authorization: authorization(p, 'POST', url.pathname + url.search, signed),
      }
    : {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': `payscore-reference-client/1.0 node/${process.version}`,
        'Wechatpay-Serial': p.platformSerial,
        Authorization: authorization(p, 'POST', url.pathname + url.search, signed),
        'Content-Length': Buffer.byteLength(sent),
      };
  if (has('no-accept')) delete headers.Accept;
  if (has('no-user-agent')) delete headers['User-Agent'];
  if (has('no-wechatpay-serial')) delete headers['Wechatpay-Serial'];
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = transport.request(url, { method: 'POST', headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', (e) => resolve({ lost: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', (e) => resolve({ lost: e.message }));
    req.end(sent);
  });
}

/** Facts §10: an answer is trusted only when its signature verifies, its serial is known and it is fresh. */
function verified(p, answer) {
  if (has('no-verify')) return true;
  const h = answer.headers;
  const signature = String(h['wechatpay-signature'] ?? '');
  if (has('trust-signtest') && signature.startsWith('WECHATPAY/SIGNTEST/')) return true;
  if (h['wechatpay-serial'] !== p.platformSerial) return has('skip-unknown-serial');
  const ts = Number(h['wechatpay-timestamp']);
  if (!has('ignore-timestamp') && !(Math.abs(Date.now() / 1000 - ts) <= SKEW_S)) return false;
  const message = Buffer.from(`${h['wechatpay-timestamp']}\n${h['wechatpay-nonce']}\n${answer.body}\n`);
  return crypto.verify('RSA-SHA256', message, p.platformKey, Buffer.from(signature, 'base64'));
}

const parse = (text) => {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function createOrder() {
  const p = loadProfile();
  const url = new URL(ENDPOINT, process.env.PAYSCORE_BASE_URL);
  const given = JSON.parse(fs.readFileSync(process.env.PAYSCORE_ORDER, 'utf8'));
  let order = given;
  let last = { outcome: 'failed', code: null };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const answer = await send(p, url, order);
    const retry = (waitMs) =>
      sleep(waitMs).then(() => {
        if (has('retry-new-oon')) order = { ...given, out_order_no: `${given.out_order_no.slice(0, 28)}R${attempt}` };
        if (has('changed-body-on-retry')) order = { ...given, attach: `retry ${attempt}` };
      });
    if (answer.lost !== undefined) {
      // The order may exist: only the same out_order_no with the same parameters finds it again (IDEMP-SAME).
      last = { outcome: 'failed', code: null };
      await retry(RETRY_AFTER_5XX_MS);
      continue;
    }
    if (!verified(p, answer)) return { outcome: 'failed', code: null };
    const body = parse(answer.body);
    if (answer.status === 200) {
      const confirm = given.need_user_confirm === true;
      const success = confirm
        ? body.state === 'CREATED' && typeof body.package === 'string'
        : body.state === 'DOING' || (has('created-success') && body.state === 'CREATED');
      if (!success) return { outcome: 'failed', code: null };
      return { outcome: 'created', order_id: body.order_id ?? null, state: body.state, package: body.package ?? null };
    }
    if (has('crash-on-error-shapes') && body.detail) console.error(`field ${body.detail.field.slice(1)}`);
    const code =
      typeof body.code !== 'string'
        ? null
        : as('worded-codes')
          ? `WeChat Pay said ${body.code}: ${body.message}`
          : body.code;
    if (has('4xx-success') && answer.status < 500 && answer.status !== 429)
      return { outcome: 'created', order_id: body.order_id ?? null, state: body.state ?? null, package: null };
    last = { outcome: 'failed', code };
    if (answer.status === 429) await sleep(has('tight-429') ? 0 : RETRY_AFTER_429_MS);
    else if (answer.status >= 500) await retry(RETRY_AFTER_5XX_MS);
    else return last;
  }
  return last;
}

createOrder().then((line) => console.log(JSON.stringify(line)));
