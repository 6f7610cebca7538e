import { deref, requestField } from './fields';
import { componentSchema } from './document';

/** The constraints openapi.yaml puts on one field; absent keys are unconstrained. */
export interface FieldLimits {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  enum?: readonly string[];
}

const KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'maxItems', 'pattern', 'enum'] as const;

/** The limits of a request field by path, e.g. fieldLimits('/post_payments/*\/count'). */
export function fieldLimits(path: string): FieldLimits {
  const field = requestField(path);
  if (field === undefined) throw new Error(`openapi.yaml has no request field ${path}`);
  const { schema } = deref(field.schema);
  const out: Record<string, unknown> = {};
  for (const key of KEYS) if (schema[key] !== undefined) out[key] = schema[key];
  return out as FieldLimits;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`openapi.yaml does not state ${what}`);
  return value;
}

function responseMaxLength(property: string): number {
  const properties = componentSchema('CreateOrderResponse')['properties'] as Record<string, { maxLength?: number }>;
  return need(properties[property]?.maxLength, `maxLength of response ${property}`);
}

/** The limits generators, mock and checks use by name; each is read from openapi.yaml. */
export function limits() {
  const max = (path: string) => need(fieldLimits(path).maxLength, `maxLength of ${path}`);
  return {
    idMaxLength: max('/service_id'),
    outOrderNoMaxLength: max('/out_order_no'),
    outOrderNoPattern: need(fieldLimits('/out_order_no').pattern, 'the out_order_no pattern'),
    serviceIntroductionMaxLength: max('/service_introduction'),
    openidMaxLength: max('/openid'),
    notifyUrlMaxLength: max('/notify_url'),
    attachMaxLength: max('/attach'),
    paymentsMaxItems: need(fieldLimits('/post_payments').maxItems, 'post_payments maxItems'),
    discountsMaxItems: need(fieldLimits('/post_discounts').maxItems, 'post_discounts maxItems'),
    paymentNameMaxLength: max('/post_payments/*/name'),
    paymentDescriptionMaxLength: max('/post_payments/*/description'),
    paymentCountMin: need(fieldLimits('/post_payments/*/count').minimum, 'payment count minimum'),
    paymentCountMax: need(fieldLimits('/post_payments/*/count').maximum, 'payment count maximum'),
    discountNameMaxLength: max('/post_discounts/*/name'),
    discountDescriptionMaxLength: max('/post_discounts/*/description'),
    discountCountMax: need(fieldLimits('/post_discounts/*/count').maximum, 'discount count maximum'),
    /** Payment names that may repeat within an order (x-repeatable-names on Payment). */
    repeatablePaymentNames: (componentSchema('Payment')['x-repeatable-names'] as readonly string[] | undefined) ?? [],
    riskFundNames: need(fieldLimits('/risk_fund/name').enum, 'risk_fund.name enum'),
    riskAmountMin: need(fieldLimits('/risk_fund/amount').minimum, 'risk_fund.amount minimum'),
    riskDescriptionMaxLength: max('/risk_fund/description'),
    timeRemarkMaxLength: max('/time_range/start_time_remark'),
    locationMaxLength: max('/location/start_location'),
    packageMaxLength: responseMaxLength('package'),
    orderIdMaxLength: responseMaxLength('order_id'),
  } as const;
}

export type Limits = ReturnType<typeof limits>;
