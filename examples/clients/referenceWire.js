// The wire half of reference.js: one attempt of the create, as bytes and headers, and the answer as received.
// The defects and fair variants that act on the wire (defects.js) are switched here, one place each.
'use strict';
const http = require('node:http');
const https = require('node:https');

const keepAlive = new http.Agent({ keepAlive: true });

const reversed = (v) =>
  Array.isArray(v)
    ? v.map(reversed)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

/** The order as bytes: compact JSON, or another form of the same JSON value (a fair variant). */
function serialise(order, as) {
  if (as('pretty-body')) return JSON.stringify(order, null, 2);
  if (as('reordered-body')) return JSON.stringify(reversed(order));
  if (as('escaped-body'))
    return JSON.stringify(order).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return JSON.stringify(order);
}

function requestHeaders(p, sent, signed, sign, has, as) {
  const headers = as('browser-headers')
    ? {
        accept: 'application/json, text/plain, */*',
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'axios/1.7.9',
        'wechatpay-serial': p.platformSerial,
        authorization: sign(signed),
      }
    : {
        Accept: has('accept-xml') ? 'application/xml' : 'application/json',
        'Content-Type': has('form-content-type') ? 'application/x-www-form-urlencoded' : 'application/json',
        'User-Agent': has('empty-user-agent') ? ' ' : `payscore-reference-client/1.0 node/${process.version}`,
        'Wechatpay-Serial': has('merchant-serial-as-wechatpay-serial') ? p.serialNo : p.platformSerial,
        Authorization: sign(signed),
        'Content-Length': Buffer.byteLength(sent),
      };
  if (has('no-accept')) delete headers.Accept;
  if (has('no-user-agent')) delete headers['User-Agent'];
  if (has('no-wechatpay-serial')) delete headers['Wechatpay-Serial'];
  if (has('no-content-type')) delete headers['Content-Type'];
  if (as('no-keep-alive')) headers.Connection = 'close';
  if (as('expect-continue')) headers.Expect = '100-continue';
  if (as('upper-case-headers'))
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
  return headers;
}

/** One attempt: resolves {status, headers, rawHeaders, body} or {lost: reason}. */
function send({ p, url, order, sign, has, as }) {
  const sent = has('sign-other-serialization') ? JSON.stringify(order, null, 2) : serialise(order, as);
  const signed = has('sign-other-serialization') ? JSON.stringify(order) : sent;
  const headers = requestHeaders(p, sent, signed, sign, has, as);
  const timeoutMs = as('long-timeout') ? 30_000 : as('short-timeout') ? 2000 : 3000; // this caller's own
  const transport = url.protocol === 'https:' ? https : http;
  const agent = as('keep-alive-agent') ? { agent: keepAlive } : {};
  return new Promise((resolve) => {
    const req = transport.request(url, { method: 'POST', headers, timeout: timeoutMs, ...agent }, (res) => {
      const chunks = [];
      let text = '';
      res.on('data', (c) => (has('decode-per-chunk') ? (text += c.toString('utf8')) : chunks.push(c)));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: has('decode-per-chunk') ? text : Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (e) => resolve({ lost: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ lost: e.message }));
    if (as('expect-continue')) req.on('continue', () => req.end(sent));
    else req.end(sent);
  });
}

/** Lets the process end: a keep-alive agent holds its idle sockets open. */
const closeWire = () => keepAlive.destroy();

module.exports = { send, closeWire };
