import type { ErrorObject, ValidateFunction } from 'ajv';
import { keptValidator, newAjv } from '../../specification';
import type { ProfileProblem } from './profileError';
import { MERCHANT_SERIAL_PATTERN, notifyProfileSchema, profileSchema } from './profileSchema';

/** Which profile a file is read as: `run`'s target profile or `notify`'s. */
export type ProfileKind = 'target' | 'notify';

const compiled: Partial<Record<ProfileKind, ValidateFunction>> = {};

function validator(kind: ProfileKind): ValidateFunction {
  if (compiled[kind] === undefined) {
    const schema = kind === 'notify' ? notifyProfileSchema() : profileSchema();
    // Kept between processes (specification/keptValidator.ts): every test file that reads a profile compiled it.
    const options = { strict: true, allErrors: true } as const;
    compiled[kind] = keptValidator(['profile', schema, options], () => {
      const ajv = newAjv(options);
      return { ajv, validate: ajv.compile(schema) };
    });
  }
  return compiled[kind];
}

// How to fix a pattern mismatch, by field: the pattern alone tells a user little.
const SHAPES: Record<string, string> = {
  mchid: 'the merchant id as digits, e.g. "1230000109"',
  'merchant.serialNo': `the merchant API certificate serial, hex of 8 to 40 characters (${MERCHANT_SERIAL_PATTERN}), e.g. from \`openssl x509 -in apiclient_cert.pem -noout -serial\``,
  'platform.serial': 'the WeChat Pay public key id "PUB_KEY_ID_" + 32 digits, or a hex platform certificate serial',
  'receiver.platform.serial':
    'the WeChat Pay public key id "PUB_KEY_ID_" + 32 digits, or a hex platform certificate serial, that the receiver knows the key by',
  'receiver.migrationPlatform.serial':
    'the other serial the receiver is configured with during the key migration (a certificate serial or a PUB_KEY_ID_)',
  'receiver.url': 'the absolute http(s) URL of the receiver (notify_url), such as "http://127.0.0.1:9090/notify"',
  baseUrl: 'an absolute http(s) URL such as "http://127.0.0.1:8080"',
};

const dotted = (pointer: string): string => pointer.split('/').slice(1).join('.');
const join = (parent: string, child: string): string => (parent === '' ? child : `${parent}.${child}`);

function toProblem(e: ErrorObject): ProfileProblem {
  const field = dotted(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        field: join(field, String(p['missingProperty'])),
        problem: 'is missing',
        fix: `add "${String(p['missingProperty'])}"${field === '' ? '' : ` to ${field}`}`,
      };
    case 'additionalProperties':
      return {
        field: join(field, String(p['additionalProperty'])),
        problem: 'is not a profile field',
        fix: 'remove it or correct its spelling',
      };
    case 'type':
      return {
        field: field || '(file)',
        problem: `must be of JSON type ${String(p['type'])}`,
        fix: `write it as a ${String(p['type'])}`,
      };
    case 'pattern':
    case 'format':
      return {
        field,
        problem: 'has the wrong shape',
        fix: `use ${SHAPES[field] ?? (field === 'notifyUrl' ? 'an absolute URL' : `a value matching ${String(p['pattern'] ?? p['format'])}`)}`,
      };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
      return { field, problem: e.message ?? e.keyword, fix: `use a value that ${e.message ?? 'fits'}` };
    default:
      return {
        field: field || '(file)',
        problem: e.message ?? e.keyword,
        fix: 'see the profile description in client/profile/targetProfile.ts',
      };
  }
}

/** Every schema problem of a parsed profile (ajv with allErrors), as {field, problem, fix}. */
export function schemaProblems(value: unknown, kind: ProfileKind = 'target'): ProfileProblem[] {
  const validate = validator(kind);
  if (validate(value)) return [];
  // ajv reports both `pattern` and `format` for some fields; one line per field and keyword is enough.
  const seen = new Set<string>();
  return (validate.errors ?? []).map(toProblem).filter((p) => {
    const key = `${p.field}|${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A field the environment overrode: its problems say where the value came from (and how to fix it there). */
export interface Overridden {
  field: string;
  source: string;
  fix?: (fix: string) => string;
}

/** schemaProblems, with the problems of an overridden field renamed after its source. */
export function schemaProblemsOverridden(
  value: unknown,
  kind: ProfileKind,
  overridden: Overridden | undefined,
): ProfileProblem[] {
  return schemaProblems(value, kind).map((p) =>
    overridden !== undefined && p.field === overridden.field
      ? {
          ...p,
          field: `${p.field} (from ${overridden.source})`,
          ...(overridden.fix ? { fix: overridden.fix(p.fix) } : {}),
        }
      : p,
  );
}
