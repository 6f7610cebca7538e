import { createPrivateKey, type KeyObject } from 'node:crypto';
import { newNonce, signRequest } from '../apiv3';
import type { KeyMaterial } from '../mock/testing';
import { ENDPOINT_PATH } from '../specification';

/** Signs raw create requests (HTTP/1.1 bytes) for a key material: the chaos and workers benchmarks' load. */
export interface RequestSigner {
  /** The bytes of one signed POST; `close` adds Connection: close; `head` adds or overrides header lines. */
  bytes(body: Buffer | string, options?: { close?: boolean; host?: string; head?: string }): Buffer;
}

export function requestSigner(material: KeyMaterial): RequestSigner {
  const privateKey: KeyObject = createPrivateKey(material.merchant.privateKeyPem);
  return {
    bytes(body, options = {}) {
      const data = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      const { authorization } = signRequest({
        method: 'POST',
        pathWithQuery: ENDPOINT_PATH,
        body: data,
        mchid: material.mchid,
        serialNo: material.merchant.serialNo,
        privateKey,
        timestamp: Math.floor(Date.now() / 1000),
        nonce: newNonce(),
      });
      const head =
        `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: ${options.host ?? '127.0.0.1'}\r\nAuthorization: ${authorization}\r\n` +
        `Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: ${data.length}\r\n` +
        `${options.close === true ? 'Connection: close\r\n' : ''}${options.head ?? ''}\r\n`;
      return Buffer.concat([Buffer.from(head, 'latin1'), data]);
    },
  };
}
