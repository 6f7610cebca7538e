import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Finding } from '../judgement';

/** A request to the endpoint as it reached the mock: the bytes a caller's audit judges. */
export interface TappedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Wall clock ms when the request was read. */
  receivedAt: number;
}

/** The mock's answer, signed and serialised, before it leaves. */
export interface TappedAnswer {
  status: number;
  headers: Record<string, string | number>;
  body: string;
}

/**
 * The caller's audit (clientAudit/) at the mock's wire: it sees every endpoint request and the answer,
 * may answer instead of the mock (a 500 before the genuine answer), and decides how the answer leaves
 * (whole, chunked, late, cut, re-signed). The mock itself stays the reference in everything else.
 */
export interface WireTap {
  /**
   * Called once an endpoint request is read: an error answer to give instead of processing it (a code of
   * x-error-codes), or undefined for the mock's own.
   */
  arrived?(request: TappedRequest): { code: string; message: string; detail?: Record<string, unknown> } | undefined;
  /** Writes `answer` to `res` (the mock writes it whole: head and body at once, Content-Length known). */
  deliver(request: TappedRequest, answer: TappedAnswer, res: ServerResponse): Promise<void> | void;
  /** GET /__control/audit (loopback callers): the audit so far, as JSON. */
  audit?(): unknown;
  /** The client-rule findings of a request already tapped (the console shows them); undefined if it was not judged. */
  findingsOf?(request: TappedRequest): readonly Finding[] | undefined;
  /** Writes the client report and answers its HTML file (the console's download); undefined before any caller is known. */
  clientReport?(): { fileName: string; html: string } | undefined;
}

export const AUDIT_CONTROL_PATH = '/__control/audit';
