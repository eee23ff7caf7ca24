// Drives LlamaIndex's workflow debugger page, as served by a Stepwise server, in headless Chromium:
// lists the workflows, starts "interview" from the page, and waits for its events to show.
// Prints one line per step and writes screenshots; DebuggerPageTest asserts both.
// Usage: node drive-debugger.mjs BASE_URL CHROMIUM SCREENSHOT_DIR
import puppeteer from "puppeteer-core";

const [baseUrl, chromium, shots] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(30000);
  const text = () => page.evaluate(() => document.body.innerText);
  const waitForText = (wanted) =>
    page.waitForFunction((w) => document.body.innerText.includes(w), {}, wanted);
  async function clickText(selector, wanted) {
    for (const element of await page.$$(selector)) {
      if ((await element.evaluate((e) => e.innerText.trim())) === wanted) {
        await element.click();
        return;
      }
    }
    throw new Error(`no ${selector} reading "${wanted}" on the page:\n${await text()}`);
  }

  await page.goto(baseUrl, { waitUntil: "networkidle0" });
  await waitForText("Workflow Debugger");
  console.log("page loaded");

  await page.click("[role=combobox]");
  await page.waitForSelector("[role=option]");
  const options = await page.$$eval("[role=option]", (els) => els.map((e) => e.innerText.trim()));
  console.log(`workflows ${options.join(",")}`);
  await page.screenshot({ path: `${shots}/workflows.png` });

  await clickText("[role=option]", "interview");
  await page.waitForSelector("textarea");
  await page.click("textarea");
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyA");
  await page.keyboard.up("Control");
  await page.keyboard.press("Backspace");
  await page.keyboard.type('{"topic": "debugging"}');
  await clickText("button", "Run Workflow");

  await waitForText("asking about debugging");
  console.log("progress shown");
  await waitForText("What about debugging?");
  console.log("question shown");
  await page.screenshot({ path: `${shots}/run.png` });
} finally {
  await browser.close();
}
