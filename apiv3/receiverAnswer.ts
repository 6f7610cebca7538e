/** A receiver's success answers (facts §7, SIBLING): 200 or 204; a body is not needed. */
export const RECEIVER_SUCCESS_STATUSES: readonly number[] = [200, 204];

/** The body of a receiver's failure answer (4XX or 5XX), as WeChat Pay's notification pages give it. */
export const RECEIVER_FAILURE_BODY = { code: 'FAIL', message: '失败' } as const;

export const isReceiverSuccess = (status: number): boolean => RECEIVER_SUCCESS_STATUSES.includes(status);
export const isReceiverFailure = (status: number): boolean => status >= 400 && status <= 599;
