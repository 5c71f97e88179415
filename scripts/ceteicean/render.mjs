// Render TEI files with CETEIcean (the TEI-in-the-browser library) in headless Chromium and write
// the rendered DOM back, for scripts/tei_html_check.py; with --screenshot also a PNG of each page
// at phone size. Used by scripts/ceteicean.sh; touches only the files it is told to write.
//
//   node render.mjs OUT_DIR [--screenshot] FILE.xml [FILE.xml …]
//
// Chromium: $CHROMIUM or /usr/bin/chromium, headless, no sandbox, a fresh profile directory, no
// background networking. Each FILE.xml gives OUT_DIR/<name>.html (the DOM after CETEIcean ran, as
// document.documentElement.outerHTML) and OUT_DIR/<name>.png.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const out = args.shift();
const screenshot = args[0] === "--screenshot" ? (args.shift(), true) : false;
if (!out || args.length === 0) {
  console.error("usage: node render.mjs OUT_DIR [--screenshot] FILE.xml …");
  process.exit(2);
}
const ceteiJs = readFileSync(join(here, "node_modules", "CETEIcean", "dist", "CETEI.js"), "utf8");
// The reader's view: CETEIcean ships no styles; these make blocks blocks, as a project using it
// would, and hide nothing but the header (which CETEIcean already moves out of view).
const css = `
  body { font-family: "AR PL UMing CN", "WenQuanYi Zen Hei", serif; margin: 1em; line-height: 1.6 }
  tei-teiheader { display: none }
  tei-titlepage, tei-div, tei-p, tei-head, tei-byline, tei-note, tei-ab, tei-docdate, tei-docimprint,
  tei-doctitle, tei-item, tei-list, tei-titlepart, tei-docedition, tei-imprimatur { display: block }
  tei-head, tei-doctitle { font-weight: bold; margin-top: .6em }
  tei-titlepage { text-align: center; border-bottom: 1px solid #999; padding-bottom: .5em }
  tei-byline, tei-note[type=continuation], tei-note[type=source] { text-align: right; color: #555 }
  tei-titlepage tei-byline { text-align: center; color: inherit }
  tei-item { margin-left: 1em }
  tei-div[type=colophon] { border-top: 1px solid #999; font-size: .9em; margin-top: 1em }
  tei-hi[rend=bold] { font-weight: bold }
`;
const profile = mkdtempSync(join(tmpdir(), "ceteicean-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 412, height: 915 },
});
let failed = 0;
try {
  for (const file of args) {
    const name = basename(file).replace(/\.xml$/, "");
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Serve the page, CETEI.js and the TEI from one made-up origin (no network: every request
    // is answered here), and load the TEI as a CETEIcean user does: getHTML5(url).
    const origin = "http://ceteicean.invalid/";
    const xml = readFileSync(file);
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === origin + "index.html") {
        return route.fulfill({ contentType: "text/html; charset=utf-8", body:
          `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title>` +
          `<style>${css}</style><script src="CETEI.js"></script></head><body></body></html>` });
      }
      if (url === origin + "CETEI.js") {
        return route.fulfill({ contentType: "text/javascript", body: ceteiJs });
      }
      if (url === origin + "tei.xml") {
        return route.fulfill({ contentType: "application/tei+xml", body: xml });
      }
      return route.abort();
    });
    await page.goto(origin + "index.html");
    await page.evaluate(async () => {
      const c = new CETEI();
      await c.getHTML5("tei.xml", (data) => { document.body.appendChild(data); });
    });
    await page.waitForTimeout(200);  // custom-element callbacks run as the elements connect
    const html = await page.evaluate(() => "<!DOCTYPE html>\n" + document.documentElement.outerHTML);
    writeFileSync(join(out, `${name}.html`), html);
    if (screenshot) {
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    }
    if (errors.length) {
      failed++;
      console.error(`${file}: page errors: ${errors.join("; ")}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
