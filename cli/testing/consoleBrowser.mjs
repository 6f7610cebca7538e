// A headless Chromium for the console's test, driven over stdin/stdout (one JSON line per call and per reply).
// It runs as its own Node process: puppeteer-core and @sparticuz/chromium are ES modules, which Jest's module
// registry cannot load before Node 24.9. Plain JavaScript, so `npm ci` needs no build step for it.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import chromium from '@sparticuz/chromium';
import puppeteer from 'puppeteer-core';

let browser;
let page;

const OPS = {
  async open(url) {
    const started = Date.now();
    browser = await puppeteer.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
      headless: true,
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(url);
    return { launchMs: Date.now() - started };
  },
  /** The text of the rows of a table body, in page order. */
  rows: (selector) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => tr.innerText)),
  /** Opens the switch's section as a user would, clicks the switch and answers the status of the POST the page sent. */
  async toggle(selector) {
    await page.$eval(selector, (box) => box.closest('details')?.setAttribute('open', ''));
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/__console/switches') && r.request().method() === 'POST',
      { timeout: 10_000 },
    );
    try {
      await page.click(selector);
    } catch (error) {
      posted.catch(() => undefined);
      throw error;
    }
    return (await posted).status();
  },
  box: (selector) =>
    page.$eval(selector, (box) => ({
      disabled: box.disabled,
      checked: box.checked,
      text: box.parentElement?.textContent ?? '',
    })),
  /** Fetches a link's target from the page, as a click would download it. */
  follow: (selector) =>
    page.$eval(selector, async (link) => {
      const res = await fetch(link.href);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        text: await res.text(),
      };
    }),
  /** The top of the page, switch sections folded: what a user sees on opening the console. */
  async screenshot(path) {
    await page.evaluate(() => {
      for (const section of document.querySelectorAll('details')) section.open = false;
      window.scrollTo(0, 0);
    });
    const png = Buffer.from(await page.screenshot());
    writeFileSync(path, png);
    return { bytes: png.length, magic: png.subarray(1, 4).toString('latin1') };
  },
  async close() {
    await browser?.close();
    browser = undefined;
    return true;
  },
};

const reply = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const { id, op, args = [] } = JSON.parse(line);
  try {
    const run = OPS[op];
    if (run === undefined) throw new Error(`no operation ${op}`);
    reply({ id, ok: true, value: await run(...args) });
  } catch (error) {
    reply({ id, ok: false, error: String(error?.stack ?? error) });
  }
}
await browser?.close();
