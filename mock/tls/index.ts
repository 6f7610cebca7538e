// The sandbox's reach: HTTPS under a local CA (--tls) and a CONNECT proxy for WeChat Pay's host names (--proxy).
export { openSandboxTls, PROXY_HOST } from './sandboxTls';
export type { SandboxTls } from './sandboxTls';
export { loadOrCreateSandboxCa, issueServerIdentity, SANDBOX_NAMES, WECHAT_API_HOSTS } from './sandboxCa';
export type { SandboxCa, ServerIdentity } from './sandboxCa';
export { answersFor, tunnelTarget } from './sandboxProxy';
export { listening } from './listening';
