import { fieldLimits, IDENTITY_FIELDS, resolvePointer, specDocument } from '../../specification';
import { OPTIONAL_PROFILE_IDENTITIES } from './targetProfile';

/** Merchant API certificate serial: hex, 8 to 40 characters (the profile's own rule; the spec has no merchant serial field). */
export const MERCHANT_SERIAL_PATTERN = '^[0-9A-Fa-f]{8,40}$';

/** The response Wechatpay-Serial pattern of openapi.yaml: PUB_KEY_ID_ + 32 digits, or a hex certificate serial. */
export function platformSerialPattern(): string {
  const pattern = resolvePointer(specDocument(), '/components/headers/WechatpaySerial/schema/pattern');
  if (typeof pattern !== 'string') throw new Error('openapi.yaml has no components.headers.WechatpaySerial pattern');
  return pattern;
}

const text = (path: string) => {
  const l = fieldLimits(path);
  return {
    type: 'string',
    ...(l.minLength === undefined ? {} : { minLength: l.minLength }),
    ...(l.maxLength === undefined ? {} : { maxLength: l.maxLength }),
  };
};
const path = { type: 'string', minLength: 1 };

const signer = () => ({
  type: 'object',
  additionalProperties: false,
  required: ['privateKeyPath', 'serial'],
  properties: { privateKeyPath: path, serial: { type: 'string', pattern: platformSerialPattern() } },
});

/** What `notify` needs to act as WeChat Pay towards a receiver (optional in a target profile). */
function receiverSchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['url', 'apiV3KeyPath', 'platform'],
    properties: {
      url: { type: 'string', format: 'uri', pattern: '^https?://' },
      apiV3KeyPath: path,
      platform: signer(),
      migrationPlatform: signer(),
    },
  };
}

/** The profile `payscore-conformance notify` reads: the target profile's fields, with the create-only ones optional. */
export function notifyProfileSchema(): Record<string, unknown> {
  return { ...profileSchema(), required: ['mchid', 'identities', 'receiver'] };
}

/** The JSON schema of a target profile; identity lengths come from the request fields of openapi.yaml. */
export function profileSchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['baseUrl', 'mchid', 'merchant', 'platform', 'identities', 'notifyUrl'],
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string' },
      baseUrl: { type: 'string', format: 'uri', pattern: '^https?://' },
      // The merchant's APIv3 key: what decrypts GET /v3/certificates (a driver's certificate downloader).
      apiV3KeyPath: path,
      mchid: { type: 'string', pattern: '^[0-9]{1,32}$' },
      merchant: {
        type: 'object',
        additionalProperties: false,
        required: ['serialNo', 'privateKeyPath'],
        properties: {
          serialNo: { type: 'string', pattern: MERCHANT_SERIAL_PATTERN },
          privateKeyPath: path,
          publicKeyPath: path,
        },
      },
      platform: {
        type: 'object',
        additionalProperties: false,
        properties: {
          serial: { type: 'string', pattern: platformSerialPattern() },
          publicKeyPath: path,
          certificatePath: path,
        },
      },
      identities: {
        type: 'object',
        additionalProperties: false,
        required: IDENTITY_FIELDS.filter((n) => !(OPTIONAL_PROFILE_IDENTITIES as readonly string[]).includes(n)),
        properties: Object.fromEntries(IDENTITY_FIELDS.map((n) => [n, text(`/${n}`)])),
      },
      notifyUrl: { ...text('/notify_url'), format: 'uri' },
      riskFundCap: { type: 'integer', minimum: fieldLimits('/risk_fund/amount').minimum ?? 1 },
      downgrade: { type: 'array', uniqueItems: true, items: { type: 'string' } },
      timeoutMs: { type: 'integer', minimum: 1 },
      referenceMock: { type: 'boolean' },
      receiver: receiverSchema(),
      referenceReceiver: { type: 'boolean' },
      tls: {
        type: 'object',
        additionalProperties: false,
        properties: { caPath: path, insecure: { type: 'boolean' } },
      },
    },
  };
}
