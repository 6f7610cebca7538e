// The mock's own callbacks pass the receiver rules: the reference receiver — which the receiver suite
// holds to every RECV-* rule — verifies, decrypts and records each callback the mock's dispatcher sends,
// at the first attempt, in both key modes. Both sides build notifications with the one core (apiv3).
import { createPublicKey } from 'node:crypto';
import { type FreshMock, type KeyMode } from '../mock';
import { createMockWithFreshKeys, validBody } from '../mock/testing';
import { createReceiver, notificationLog, NOTIFY_PATH, type NotificationLog, type Receiver } from '.';

describe.each<KeyMode>(['public-key', 'certificate'])('the mock in %s mode calls the reference receiver', (keyMode) => {
  let mock: FreshMock;
  let receiver: Receiver;
  let log: NotificationLog;
  let notifyUrl: string;
  const answers: string[] = [];

  beforeAll(async () => {
    mock = createMockWithFreshKeys({ control: true, callbackDelayScale: 0.001, keyMode });
    await mock.listen();
    log = notificationLog();
    receiver = createReceiver({
      platformKeys: [{ serial: mock.keys.platformSerial, publicKey: createPublicKey(mock.keys.platformPublicKey) }],
      apiV3Key: mock.keys.apiV3Key,
      faults: new Set(),
      log,
      onAnswer: (line) => answers.push(line),
    });
    notifyUrl = `${await receiver.listen(0, '127.0.0.1')}${NOTIFY_PATH}`;
  });

  afterAll(async () => {
    await mock.server.stop();
    await receiver.close();
  });

  it('USER_CONFIRM and USER_PAID are delivered at the first attempt, decrypted to the order and recorded once each', async () => {
    const body = validBody(mock.config.identities, { notify_url: notifyUrl, need_user_confirm: true });
    mock.server.control.putOrder({ body, state: 'CREATED' });
    const confirm = mock.server.control.confirm({ outOrderNo: String(body['out_order_no']) });
    await mock.server.control.settle();
    const pay = mock.server.control.pay({ outOrderNo: String(body['out_order_no']) });
    await mock.server.control.settle();

    const deliveries = mock.server.control
      .deliveries()
      .filter((d) => [confirm.delivery.id, pay.delivery.id].includes(d.id));
    expect(
      deliveries.map((d) => [d.event, d.status, d.attempts.map((a) => ('status' in a ? a.status : a.error))]),
    ).toEqual([
      ['PAYSCORE.USER_CONFIRM', 'delivered', [204]],
      ['PAYSCORE.USER_PAID', 'delivered', [204]],
    ]);
    expect(answers.every((a) => a.startsWith('204 '))).toBe(true);
    expect(log.all().map((n) => [n.event_type, n.resource['out_order_no'], n.resource['state']])).toEqual([
      ['PAYSCORE.USER_CONFIRM', body['out_order_no'], 'DOING'],
      ['PAYSCORE.USER_PAID', body['out_order_no'], 'DONE'],
    ]);
  });
});
