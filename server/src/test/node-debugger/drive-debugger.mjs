// Drives LlamaIndex's workflow debugger page, as served by a Stepwise server, in headless Chromium:
// lists the workflows, starts "interview" from its form, sees its progress and its question,
// answers the question with the page's "Send Event" form, and sees the result.
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
  async function waitForText(wanted) {
    try {
      await page.waitForFunction((w) => document.body.innerText.includes(w), {}, wanted);
    } catch (e) {
      await page.screenshot({ path: `${shots}/failed.png` });
      throw new Error(`"${wanted}" did not show; the page reads:\n${await text()}`);
    }
  }
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
  // The form is built from the start event's JSON Schema: one field, "topic".
  await waitForText("Run Workflow");
  const topic = 'textarea[placeholder*="topic"]';
  await page.waitForSelector(topic);
  await page.type(topic, "debugging");
  await clickText("button", "Run Workflow");

  await waitForText("asking about debugging");
  console.log("progress shown");
  await waitForText("What about debugging?");
  console.log("question shown");
  await page.screenshot({ path: `${shots}/question.png` });

  await clickText("button", "Send Event");
  await page.waitForSelector("[role=dialog] [role=combobox]");
  const eventType = await page.$eval("[role=dialog] [role=combobox]", (e) => e.innerText.trim());
  if (eventType !== "Reply") {
    await page.click("[role=dialog] [role=combobox]");
    await page.waitForSelector("[role=option]");
    await clickText("[role=option]", "Reply");
  }
  // The answer's form, from the Reply event's schema: one field, "text".
  const answer = '[role=dialog] textarea[placeholder*="text"]';
  await page.waitForSelector(answer);
  await page.type(answer, "green");
  await clickText("[role=dialog] button", "Send Event");
  console.log("answer sent");

  await waitForText('"answer": "green"');
  await waitForText("completed");
  console.log("result shown");
  await page.screenshot({ path: `${shots}/result.png` });
} finally {
  await browser.close();
}
