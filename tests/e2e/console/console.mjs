// Browser test of the console: Debian's chromium driven by Playwright. Run by
// tests/api/console.rs, which starts the service and prepares a blocked caller.
// Env: PV_BASE (the service), PV_JWT (tenant admin with tokenize and detokenize),
// PV_BLOCKED (a sub that is blocked), PV_SCREENSHOTS (where each page's picture goes),
// PV_CHROMIUM (the browser, default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.PV_BASE;
const jwt = process.env.PV_JWT;
const blocked = process.env.PV_BLOCKED;
const shots = process.env.PV_SCREENSHOTS;
assert.ok(base && jwt && blocked && shots, 'PV_BASE, PV_JWT, PV_BLOCKED and PV_SCREENSHOTS are needed');
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.PV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
const origin = new URL(base).origin;
const foreign = [];
const violations = [];
page.on('request', (request) => {
  const url = new URL(request.url());
  if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== origin) foreign.push(request.url());
});
page.on('console', (message) => {
  if (message.type() === 'error') violations.push(message.text());
});
page.on('pageerror', (error) => violations.push(String(error)));

const step = async (name, body) => {
  process.stdout.write(`console: ${name}\n`);
  await body();
};
const shoot = async (name) => {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};
const open = async (label) => {
  await page.getByRole('button', { name: label, exact: true }).click();
};

// Every visible control has a name, and Tab reaches each of them.
async function keyboardCheck(name) {
  const controls = await page.evaluate(() => {
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
      && getComputedStyle(el).visibility !== 'hidden';
    const all = [...document.querySelectorAll('button, input, select, textarea, a[href]')].filter(visible);
    return all.map((el, index) => {
      el.dataset.kbd = String(index);
      const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
        || (el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim();
      return { index, tag: el.tagName, id: el.id, labelled: !!labelled };
    });
  });
  const unlabelled = controls.filter((c) => !c.labelled);
  assert.deepEqual(unlabelled, [], `${name}: controls without a label`);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.locator('body').focus();
  const reached = new Set();
  for (let i = 0; i < controls.length + 15; i += 1) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement && document.activeElement.dataset.kbd);
    if (index !== undefined && index !== null) reached.add(Number(index));
  }
  const missed = controls.filter((c) => !reached.has(c.index));
  assert.deepEqual(missed, [], `${name}: controls Tab does not reach`);
}

try {
  await step('open', async () => {
    const response = await page.goto(`${base}/console`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] || '', /default-src 'none'/);
  });

  await step('sign in', async () => {
    await page.getByLabel('JWT', { exact: true }).fill(jwt);
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await page.waitForSelector('#claims:not([hidden])');
    assert.equal(await page.textContent('#claim-tenant'), 'acme');
    assert.match(await page.textContent('#claim-scopes'), /admin/);
    assert.equal(await page.inputValue('#jwt'), '', 'the JWT leaves the text box');
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
    assert.equal(stored, 0, 'nothing is kept in storage or cookies');
    await keyboardCheck('sign in');
    await shoot('signin');
  });

  const prompt = 'Write to jane.doe@example.com or call +1 415 555 0134 about Jane Doe.';
  await step('try a prompt', async () => {
    await open('Try a prompt');
    await page.getByLabel('Prompt', { exact: true }).fill(prompt);
    await page.getByRole('button', { name: 'Tokenize' }).click();
    await page.waitForSelector('#try-tokenized mark.type-email');
    const tokenized = await page.textContent('#try-tokenized');
    assert.ok(!tokenized.includes('jane.doe@example.com'), tokenized);
    const confidence = await page.locator('#try-entities tr').first().locator('td').nth(2).textContent();
    assert.match(confidence, /^[01]\.\d\d$/);
    await page.getByRole('button', { name: 'Reveal with my scopes' }).click();
    await page.waitForFunction((text) => document.querySelector('#try-revealed').textContent === text, prompt);
    await keyboardCheck('try a prompt');
    await shoot('try');
  });

  await step('keys: rotate and re-encrypt to 100%', async () => {
    await open('Keys');
    await page.waitForSelector('#key-rows tr');
    await page.getByRole('button', { name: 'Rotate the data key' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#key-rows tr')]
      .some((row) => row.cells[0].textContent === '2' && row.cells[1].textContent === 'active'));
    await page.getByRole('button', { name: 'Re-encrypt to the active version' }).click();
    await page.waitForFunction(() => document.querySelector('#reencrypt-progress').value === 100
      && document.querySelector('#reencrypt-text').textContent.startsWith('100%'), null, { timeout: 30000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#key-rows tr')]
      .some((row) => row.cells[0].textContent === '1' && row.cells[2].textContent === '0'));
    await keyboardCheck('keys');
    await shoot('keys');
  });

  await step('audit: find the reveal, verify the chain', async () => {
    await open('Audit');
    await page.getByLabel('Action', { exact: true }).fill('detokenize');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#audit-rows tr')]
      .some((row) => row.cells[3].textContent === 'detokenize'));
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.waitForSelector('#audit-verdict p.ok');
    await page.getByRole('button', { name: 'Export these events' }).click();
    await page.waitForSelector('#audit-download:not([hidden])');
    await keyboardCheck('audit');
    await shoot('audit');
  });

  await step('anomalies: lift a block', async () => {
    await open('Anomalies and blocks');
    await page.waitForFunction((sub) => [...document.querySelectorAll('#block-rows tr')]
      .some((row) => row.cells[0].textContent === sub), blocked);
    await page.waitForSelector('#anomaly-rows tr');
    await keyboardCheck('anomalies');
    await shoot('anomalies');
    await page.getByRole('button', { name: `Lift the block on ${blocked}` }).click();
    await page.waitForFunction((sub) => ![...document.querySelectorAll('#block-rows tr')]
      .some((row) => row.cells[0].textContent === sub), blocked);
  });

  await step('policy: a type off, saved, tested', async () => {
    await open('Policy');
    await page.waitForSelector('#policy-types input');
    await page.getByLabel('EMAIL', { exact: true }).check();
    await page.getByRole('button', { name: 'Save the policy' }).click();
    await page.waitForFunction(() => document.querySelector('#policy-version').textContent === '1');
    await page.getByLabel('Text to test against the saved policy', { exact: true }).fill('mail jane.doe@example.com, call +1 415 555 0134');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.waitForSelector('#policy-test-result mark.type-email');
    const tested = await page.textContent('#policy-test-result');
    assert.ok(tested.includes('+1 415 555 0134'), `only EMAIL is tokenized now: ${tested}`);
    await keyboardCheck('policy');
    await shoot('policy');
  });

  await step('at a glance', async () => {
    await open('At a glance');
    // Traffic for the charts to show, from outside the page.
    const traffic = setInterval(() => {
      fetch(`${base}/v1/tokenize`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'mail ops@example.org' }),
      }).catch(() => {});
    }, 50);
    try {
      await page.waitForFunction(() => Number(document.querySelector('#rate-tokenize').textContent) > 0,
        null, { timeout: 15000 });
      await page.waitForFunction(() => Number(document.querySelector('#latency-tokenize').textContent) > 0,
        null, { timeout: 15000 });
      await page.waitForFunction(() => document.querySelector('#chart-tokenize polyline')
        .getAttribute('points').split(' ').length >= 3, null, { timeout: 15000 });
    } finally {
      clearInterval(traffic);
    }
    await keyboardCheck('at a glance');
    await shoot('glance');
  });

  await step('sign out leaves nothing behind', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForFunction(() => document.querySelector('#who').textContent === 'Not signed in');
    assert.equal(await page.isHidden('nav button[data-page="keys"]'), true);
    assert.equal(await page.inputValue('#try-text'), '', 'the last prompt is gone');
    assert.equal(await page.textContent('#try-revealed'), '', 'the revealed text is gone');
  });

  assert.deepEqual(foreign, [], 'the page contacted another host');
  assert.deepEqual(violations, [], 'the page logged errors (CSP violations among them)');
  process.stdout.write('console: all pages passed\n');
} finally {
  await browser.close();
}
