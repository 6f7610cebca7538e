import { packageInfo } from '../specification';

let cached: string | undefined;

/** `payscore-conformance/<version>`, the version read from package.json (written once, there). */
export function userAgent(): string {
  if (cached === undefined) {
    const pkg = packageInfo();
    cached = `${pkg.name}/${pkg.version}`;
  }
  return cached;
}
