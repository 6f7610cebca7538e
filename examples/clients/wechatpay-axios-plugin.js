#!/usr/bin/env node
// A driver for `audit-client` around wechatpay-axios-plugin 0.9.6, configured as its README shows:
// the merchant's mchid, serial and private key, the platform key under its serial (`certs`), and a
// baseURL (here the sandbox). The plugin signs each request and verifies 2xx answers itself; the
// driver adds nothing: no retry, no timeout (axios waits forever by default), no state check.
'use strict';
const { Wechatpay } = require('wechatpay-axios-plugin');
const { driverEnv, report, created, failed, errorCode } = require('./driverEnv');

async function main() {
  const env = driverEnv();
  const wxpay = new Wechatpay({
    mchid: env.profile.mchid,
    serial: env.profile.merchant.serialNo,
    privateKey: env.merchantPrivateKey,
    certs: { [env.platformSerial]: env.platformPublicKey },
    baseURL: `${env.baseUrl}/`,
  });
  try {
    const res = await wxpay.v3.payscore.acquiringbank.serviceorder.post(env.order);
    report(created(res.data));
  } catch (err) {
    // A WeChat error answer (4xx/5xx) carries its code in the body; an answer the plugin refused
    // (EV3_RES_HEADER_*) or a transport failure (ECONNRESET, …) names itself in err.code.
    report(failed(errorCode(err.response?.data) ?? err.code));
  }
}

void main();
