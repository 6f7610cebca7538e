#!/usr/bin/env node
// A driver for `audit-client` around wechatpay-node-v3 2.2.1, unmodified, used as its users use it
// for an endpoint it has no method for: buildAuthorization, getHeaders and its httpService.
// The SDK hard-codes https://api.mch.weixin.qq.com and signs the path only under that prefix, so
// the driver signs that URL, and the HTTP service it allows to swap (createHttp) sends the same
// request to PAYSCORE_BASE_URL instead. Nothing is added: no answer verification (the SDK calls
// none), no retry, no timeout, no state check; a 200 is what the SDK hands back as success.
'use strict';
const WxPay = require('wechatpay-node-v3');
const { PayRequest } = require('wechatpay-node-v3/dist/lib/pay-request');
const { driverEnv, report, created, failed, errorCode } = require('./driverEnv');

const WECHAT = 'https://api.mch.weixin.qq.com';
const URL = `${WECHAT}/v3/payscore/acquiringbank/serviceorder`;

async function main() {
  const env = driverEnv();
  const pay = new WxPay({
    appid: env.order.appid,
    mchid: env.profile.mchid,
    // The SDK wants the merchant's certificate here only to read its serial; given serial_no it never parses it.
    publicKey: Buffer.from(env.merchantPublicKey),
    privateKey: Buffer.from(env.merchantPrivateKey),
    serial_no: env.profile.merchant.serialNo,
  });
  // The SDK's own HTTP service (superagent), pointed at the sandbox instead of WeChat's host.
  class SandboxRequest extends PayRequest {
    post(url, params, headers) {
      return super.post(url.replace(WECHAT, env.baseUrl), params, headers);
    }
  }
  pay.createHttp(new SandboxRequest());

  const authorization = pay.buildAuthorization('POST', URL, env.order);
  const headers = pay.getHeaders(authorization, { 'Content-Type': 'application/json' });
  const result = await pay.httpService.post(URL, env.order, headers);
  // The SDK resolves {status, data} on 2xx and {status, error: <body text>} otherwise; it never throws.
  report(result.status === 200 ? created(result.data) : failed(errorCode(result.error)));
}

void main();
