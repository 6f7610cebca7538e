import { firstOrder, type CaseBuilder } from './notificationCase';

/** Far beyond MAX_NOTIFICATION_BYTES of the reference receiver and any real notification (RECV-HUGE, DECISION). */
export const HUGE_BODY_BYTES = 8 * 1024 * 1024;

/** RECV-GENUINE (every order), RECV-DUPLICATE, RECV-KEY-MIGRATION, RECV-DEADLINE, RECV-NOT-ENVELOPE, RECV-HUGE. */
export const deliveryCases: CaseBuilder = (kit, orders) => {
  const order = firstOrder(orders);
  const migration = kit.profile.migrationPlatform;
  return [
    ...orders.map((o) => ({ ruleId: 'RECV-GENUINE', name: o.name, deliveries: () => [kit.genuine(o)] })),
    {
      ruleId: 'RECV-DUPLICATE',
      name: 'the same notification delivered twice, freshly signed',
      deliveries: () => {
        const body = JSON.stringify(kit.envelope(order));
        return [kit.sign(body), kit.sign(body)];
      },
    },
    // Without a migration key in the profile the rule is not exercised (and says so in the report).
    ...(migration === undefined
      ? []
      : [
          {
            ruleId: 'RECV-KEY-MIGRATION',
            name: `signed with the migration key (${migration.serial})`,
            deliveries: () => [kit.genuine(order, { signer: migration })],
          },
          {
            ruleId: 'RECV-KEY-MIGRATION',
            name: `signed with the platform key (${kit.profile.platform.serial})`,
            deliveries: () => [kit.genuine(order)],
          },
        ]),
    {
      ruleId: 'RECV-DEADLINE',
      answer: 'in-time' as const,
      name: 'a genuine notification',
      deliveries: () => [kit.genuine(order)],
    },
    {
      ruleId: 'RECV-DEADLINE',
      answer: 'in-time' as const,
      name: "a notification carrying another notification's signature",
      deliveries: () => [kit.genuine(order, { signature: kit.genuine(order).headers['Wechatpay-Signature'] ?? '' })],
    },
    {
      ruleId: 'RECV-NOT-ENVELOPE',
      name: 'a signed body that is not JSON',
      deliveries: () => [kit.sign('id=1&event_type=PAYSCORE.USER_PAID')],
    },
    {
      ruleId: 'RECV-NOT-ENVELOPE',
      name: 'a signed JSON object without resource',
      deliveries: () => [kit.sign(JSON.stringify({ id: 'x', event_type: order.event }))],
    },
    { ruleId: 'RECV-NOT-ENVELOPE', name: 'a signed JSON array', deliveries: () => [kit.sign('[]')] },
    {
      ruleId: 'RECV-HUGE',
      name: `a signed body of ${HUGE_BODY_BYTES / 1024 / 1024} MiB`,
      closeIsRefusal: true,
      deliveries: () => {
        const padding = ' '.repeat(HUGE_BODY_BYTES - 64);
        return [kit.sign(`{"id":"huge","padding":"${padding}"}`)];
      },
    },
  ];
};
