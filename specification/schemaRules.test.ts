import { requestExamples, ruleCatalogue, validateRequestBody } from '.';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- hand-written mutations of a JSON body

const base = (): Body => requestExamples()['noConfirmMode'] as Body;
const confirmBase = (): Body => requestExamples()['confirmMode'] as Body;
const cjk = (n: number): string => '服'.repeat(n);
const payment = (i: number): Body => ({ name: `项目${i}`, amount: 1 });
const discount = (i: number): Body => ({ name: `优惠${i}`, description: 'd' });

/** For each rule JSON Schema can express: one hand-written body that breaks only that rule. */
const breaks: Array<[ruleId: string, what: string, mutate: (b: Body) => void]> = [
  [
    'REQ-SERVICE-ID',
    'service_id of 33 characters',
    (b) => {
      b.service_id = 'S'.repeat(33);
    },
  ],
  [
    'REQ-APPID',
    'appid missing',
    (b) => {
      delete b.appid;
    },
  ],
  [
    'REQ-SUB-MCHID',
    'sub_mchid empty',
    (b) => {
      b.sub_mchid = '';
    },
  ],
  [
    'REQ-SUB-APPID',
    'sub_appid of 33 characters',
    (b) => {
      b.sub_appid = 'a'.repeat(33);
    },
  ],
  [
    'REQ-CHANNEL-ID',
    'channel_id missing',
    (b) => {
      delete b.channel_id;
    },
  ],
  [
    'OON-LENGTH',
    'out_order_no of 33 characters',
    (b) => {
      b.out_order_no = 'A'.repeat(33);
    },
  ],
  [
    'OON-CHARSET',
    'out_order_no with a space',
    (b) => {
      b.out_order_no = 'A B';
    },
  ],
  [
    'OON-CHARSET',
    'out_order_no with a CJK character',
    (b) => {
      b.out_order_no = 'A订单';
    },
  ],
  [
    'INTRO-LENGTH',
    'service_introduction of 21 CJK characters',
    (b) => {
      b.service_introduction = cjk(21);
    },
  ],
  [
    'PAYMENTS-MAX',
    '101 payments',
    (b) => {
      b.post_payments = Array.from({ length: 101 }, (_, i) => payment(i));
    },
  ],
  [
    'DISCOUNTS-MAX',
    '31 discounts',
    (b) => {
      b.post_discounts = Array.from({ length: 31 }, (_, i) => discount(i));
    },
  ],
  [
    'RISK-REQUIRED',
    'risk_fund missing',
    (b) => {
      delete b.risk_fund;
    },
  ],
  [
    'TIME-REQUIRED',
    'time_range missing',
    (b) => {
      delete b.time_range;
    },
  ],
  [
    'OPENID-LENGTH',
    'openid of 129 characters',
    (b) => {
      b.openid = 'o'.repeat(129);
    },
  ],
  [
    'NOTIFY-LENGTH',
    'notify_url of 257 characters',
    (b) => {
      b.notify_url = `https://${'n'.repeat(249)}`;
    },
  ],
  [
    'ATTACH-LENGTH',
    'attach of 257 characters',
    (b) => {
      b.attach = 'a'.repeat(257);
    },
  ],
  [
    'OPENID-EXCLUSIVE',
    'both openid and sub_openid (with sub_appid)',
    (b) => {
      b.sub_openid = 'so';
      b.sub_appid = 'wxsub';
    },
  ],
  [
    'OPENID-EXCLUSIVE',
    'neither openid nor sub_openid',
    (b) => {
      delete b.openid;
    },
  ],
  [
    'SUBOPENID-NEEDS-SUBAPPID',
    'sub_openid without sub_appid',
    (b) => {
      delete b.openid;
      b.sub_openid = 'so';
    },
  ],
  [
    'PAY-NAME',
    'payment name of 21 characters',
    (b) => {
      b.post_payments[0].name = cjk(21);
    },
  ],
  [
    'PAY-AMOUNT',
    'negative payment amount',
    (b) => {
      b.post_payments[0].amount = -1;
    },
  ],
  [
    'PAY-DESC',
    'payment description of 31 characters',
    (b) => {
      b.post_payments[0].description = 'd'.repeat(31);
    },
  ],
  [
    'PAY-COUNT',
    'payment count 0',
    (b) => {
      b.post_payments[0].count = 0;
    },
  ],
  [
    'PAY-COUNT',
    'payment count 101',
    (b) => {
      b.post_payments[0].count = 101;
    },
  ],
  [
    'PAY-AMOUNT-OR-DESC',
    'payment with neither amount nor description',
    (b) => {
      b.post_payments[0] = { name: 'n' };
    },
  ],
  [
    'DISC-NAME',
    'discount without name',
    (b) => {
      delete b.post_discounts[0].name;
    },
  ],
  [
    'DISC-DESC',
    'discount description of 31 characters',
    (b) => {
      b.post_discounts[0].description = 'd'.repeat(31);
    },
  ],
  [
    'DISC-AMOUNT',
    'negative discount amount',
    (b) => {
      b.post_discounts[0].amount = -5;
    },
  ],
  [
    'DISC-COUNT',
    'discount count 101',
    (b) => {
      b.post_discounts[0].count = 101;
    },
  ],
  [
    'RISK-NAME',
    'unknown risk_fund name',
    (b) => {
      b.risk_fund.name = 'BOND';
    },
  ],
  [
    'RISK-AMOUNT',
    'risk_fund amount 0',
    (b) => {
      b.risk_fund.amount = 0;
    },
  ],
  [
    'RISK-DESC',
    'risk_fund description of 31 characters',
    (b) => {
      b.risk_fund.description = 'r'.repeat(31);
    },
  ],
  [
    'TIME-START-FORMAT',
    'start_time "tomorrow"',
    (b) => {
      b.time_range.start_time = 'tomorrow';
    },
  ],
  [
    'TIME-END-FORMAT',
    'end_time OnAccept',
    (b) => {
      b.time_range.end_time = 'OnAccept';
    },
  ],
  [
    'TIME-REMARK',
    'start_time_remark of 21 characters',
    (b) => {
      b.time_range.start_time_remark = cjk(21);
    },
  ],
  [
    'LOC-LENGTH',
    'start_location of 51 characters',
    (b) => {
      b.location.start_location = 'l'.repeat(51);
    },
  ],
  [
    'LOC-END-NEEDS-START',
    'end_location without start_location',
    (b) => {
      delete b.location.start_location;
    },
  ],
  [
    'CONFIRM-TYPE',
    'need_user_confirm "false" (a string)',
    (b) => {
      b.need_user_confirm = 'false';
    },
  ],
  [
    'TYPE-RISK-FUND-AMOUNT',
    'risk_fund.amount "100" (a string)',
    (b) => {
      b.risk_fund.amount = '100';
    },
  ],
  [
    'TYPE-POST-PAYMENTS',
    'post_payments an object',
    (b) => {
      b.post_payments = { name: 'x' };
    },
  ],
  [
    'TYPE-NULL',
    'attach null',
    (b) => {
      b.attach = null;
    },
  ],
  ['BODY-NOT-OBJECT', 'the body an array', () => undefined],
];

describe('each rule JSON Schema can express is rejected with that rule ID and no other', () => {
  it.each(breaks)('%s: %s', (ruleId, _what, mutate) => {
    const body = ruleId === 'BODY-NOT-OBJECT' ? [base()] : base();
    if (!Array.isArray(body)) mutate(body);
    const violations = validateRequestBody(body);
    expect(violations.length).toBeGreaterThan(0);
    expect([...new Set(violations.map((v) => v.ruleId))]).toEqual([ruleId]);
  });

  it('accepts confirm mode with neither openid (CONFIRM-MODE-OPENID) and empty arrays (EMPTY-ARRAYS-OK)', () => {
    const body = confirmBase();
    body.post_payments = [];
    body.post_discounts = [];
    expect(validateRequestBody(body)).toEqual([]);
    body.openid = 'o';
    body.sub_openid = 's';
    expect(validateRequestBody(body)).toEqual([]);
  });

  it('counts lengths in code points: 20 characters outside the BMP are a valid introduction', () => {
    const body = base();
    body.service_introduction = '😀'.repeat(20);
    expect(validateRequestBody(body)).toEqual([]);
    body.service_introduction = '😀'.repeat(21);
    expect(validateRequestBody(body).map((v) => v.ruleId)).toEqual(['INTRO-LENGTH']);
  });

  it('names the JSON pointer of the broken field', () => {
    const body = base();
    body.post_payments[0].count = 0;
    expect(validateRequestBody(body)).toEqual([
      expect.objectContaining({ ruleId: 'PAY-COUNT', pointer: '/post_payments/0/count' }),
    ]);
  });

  it('covers every schema-enforced rule that the schema annotates', () => {
    const annotated = ruleCatalogue().filter(
      (r) => r.enforcement === 'schema' && r.locations.length > 0 && r.family === undefined,
    );
    const tested = new Set(breaks.map(([id]) => id));
    expect(annotated.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});

describe('one fact, one rule', () => {
  it('a wrong type for an enum field is only its TYPE rule, not the enum rule', () => {
    const body = requestExamples()['noConfirmMode'] as Body;
    body.risk_fund.name = 1;
    expect([...new Set(validateRequestBody(body).map((v) => v.ruleId))]).toEqual(['TYPE-RISK-FUND-NAME']);
    body.risk_fund.name = null;
    expect([...new Set(validateRequestBody(body).map((v) => v.ruleId))]).toEqual(['TYPE-NULL']);
  });
});
