// The promptvault console. Every action is a call to the public API with the JWT the
// user pasted; the JWT lives in this closure only (never in storage, a cookie or the
// URL). Text from the API is always written with textContent, never as HTML.
'use strict';

(() => {
  const TYPES = ['EMAIL', 'PHONE', 'PERSON', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'SECRET'];
  const TOKEN = /\[([A-Z][A-Z0-9_]*)_([a-z0-9]{13})\]/g;
  let jwt = null;
  let claims = null;
  let auditAfter = null;
  let auditEvents = [];
  let glanceTimer = null;
  let pendingIds = [];
  let reviewed = null;

  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const say = (message, isError) => {
    const status = $('status');
    status.textContent = message;
    status.className = isError ? 'error' : '';
  };
  const time = (ms) => (ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

  // ---- calls ----------------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { authorization: `Bearer ${jwt}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
    if (!response.ok) {
      const detail = json && (json.detail || json.title) ? `${json.title}: ${json.detail || ''}` : text;
      const error = new Error(`${response.status} ${detail}`);
      error.status = response.status;
      throw error;
    }
    return { status: response.status, body: json };
  }

  // Runs an action and reports its failure in the status line.
  const guarded = (action) => async (event) => {
    if (event && event.preventDefault) event.preventDefault();
    try {
      await action(event);
    } catch (error) {
      say(error.message, true);
    }
  };

  // ---- sign in ----------------------------------------------------------------------

  function decodeClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3) throw new Error('a JWT has three parts separated by dots');
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  const scopes = () => String((claims && claims.scope) || '').split(' ').filter(Boolean);
  const has = (need) => {
    const mine = scopes();
    if (need === 'any') return mine.length > 0;
    if (need === 'detokenize') return mine.some((s) => s === 'detokenize' || s.startsWith('detokenize:'));
    return mine.includes(need);
  };

  function signIn(event) {
    event.preventDefault();
    const token = $('jwt').value.trim();
    try {
      claims = decodeClaims(token);
    } catch (error) {
      say(`That is not a JWT: ${error.message}`, true);
      return;
    }
    jwt = token;
    $('jwt').value = '';
    $('claim-tenant').textContent = claims.tenant || '';
    $('claim-sub').textContent = claims.sub || '';
    $('claim-scopes').textContent = scopes().join(' ');
    $('claim-exp').textContent = claims.exp ? time(claims.exp * 1000) : '';
    $('claims').hidden = false;
    $('who').textContent = `${claims.sub} on ${claims.tenant}`;
    $('sign-out').hidden = false;
    for (const button of document.querySelectorAll('nav button[data-needs]')) {
      button.hidden = !has(button.dataset.needs);
    }
    $('try-reveal').hidden = !has('detokenize');
    say('Signed in. The pages your scopes allow are in the menu.');
  }

  // A fresh page: nothing of the last user stays behind (prompts, revealed values,
  // audit rows, an export, a poll still running with the old token).
  function signOut() {
    jwt = null;
    claims = null;
    window.location.reload();
  }

  // ---- pages ------------------------------------------------------------------------

  const loaders = {
    glance: () => startGlance(),
    keys: () => loadKeys(),
    audit: () => searchAudit(),
    anomalies: () => loadAnomalies(),
    policy: () => loadPolicy(),
  };

  function show(page) {
    say('');
    for (const section of document.querySelectorAll('main > section')) {
      section.hidden = section.id !== `page-${page}`;
    }
    for (const button of document.querySelectorAll('nav button')) {
      if (button.dataset.page === page) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    if (page !== 'glance' && glanceTimer) {
      clearInterval(glanceTimer);
      glanceTimer = null;
    }
    const heading = document.querySelector(`#page-${page} h2`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    const load = loaders[page];
    if (load) guarded(load)();
  }

  // ---- try a prompt -----------------------------------------------------------------

  // Writes text into `target` with every token as a highlighted, labelled mark; the n-th
  // token of the text is the n-th entity of a tokenize answer.
  function renderTokens(target, text, entities) {
    target.replaceChildren();
    let last = 0;
    let n = 0;
    for (const match of text.matchAll(TOKEN)) {
      target.append(text.slice(last, match.index));
      const mark = el('mark', match[0], `type-${match[1].toLowerCase()}`);
      const entity = entities && entities[n];
      const confidence = entity && entity.token === match[0] ? entity.confidence : undefined;
      n += 1;
      mark.title = typeof confidence === 'number' ? `${match[1]}, confidence ${confidence.toFixed(2)}` : match[1];
      target.append(mark);
      last = match.index + match[0].length;
    }
    target.append(text.slice(last));
  }

  let lastTokenized = '';
  async function tryPrompt() {
    const { body } = await api('POST', '/v1/tokenize', { text: $('try-text').value });
    lastTokenized = body.text;
    const rows = body.entities.map((entity) => {
      const row = el('tr');
      row.append(el('td', entity.type), el('td', entity.token, 'token'),
        el('td', typeof entity.confidence === 'number' ? entity.confidence.toFixed(2) : ''));
      return row;
    });
    renderTokens($('try-tokenized'), body.text, body.entities);
    $('try-entities').replaceChildren(...rows);
    $('try-revealed').textContent = '';
    $('try-result').hidden = false;
    say(`${body.entities.length} entities tokenized.`);
  }

  async function tryReveal() {
    const { body } = await api('POST', '/v1/detokenize', { text: lastTokenized });
    renderTokens($('try-revealed'), body.text);
    say(`Revealed ${body.detokenized}, denied ${body.denied}, unknown ${body.unknown}.`);
  }

  // ---- keys -------------------------------------------------------------------------

  function retireButton(version) {
    const button = el('button', `Retire version ${version}`);
    button.type = 'button';
    button.addEventListener('click', guarded(async () => {
      const answer = await api('DELETE', `/v1/admin/keys/${version}`);
      noteAnswer(answer, `Version ${version} retired.`);
      await loadKeys();
    }));
    return button;
  }

  async function loadKeys() {
    const { body } = await api('GET', '/v1/admin/keys');
    $('root-version').textContent = body.root_key_version;
    $('key-rows').replaceChildren(...body.data_keys.map((key) => {
      const row = el('tr');
      const retire = el('td');
      if (key.state === 'decrypt_only') retire.append(retireButton(key.version));
      row.append(el('td', key.version), el('td', key.state), el('td', key.records),
        el('td', time(key.created_at)), retire);
      return row;
    }));
  }

  // A 202 is an action waiting for a second admin; anything else is done.
  function noteAnswer(answer, done) {
    if (answer.status === 202 && answer.body && answer.body.status === 'pending_confirmation') {
      pendingIds.push(answer.body.id);
      $('pending-list').replaceChildren(...pendingIds.map((id) => el('li', id, 'token')));
      say(`Waiting for a second admin to confirm action ${answer.body.id}.`);
      return true;
    }
    say(done);
    return false;
  }

  async function rotateKey() {
    const answer = await api('POST', '/v1/admin/keys/rotate');
    const keys = (answer.body && answer.body.data_keys) || [];
    const active = keys.find((key) => key.state === 'active');
    noteAnswer(answer, active ? `Rotated: version ${active.version} is active.` : 'Rotated.');
    await loadKeys();
  }

  async function reencrypt() {
    const { body: job } = await api('POST', '/v1/admin/keys/reencrypt');
    $('reencrypt').hidden = false;
    let current = job;
    for (;;) {
      const total = current.processed + current.remaining;
      const percent = total === 0 ? 100 : Math.floor((100 * current.processed) / total);
      $('reencrypt-progress').value = current.state === 'done' ? 100 : percent;
      $('reencrypt-text').textContent = `${current.state === 'done' ? 100 : percent}% (${current.processed} moved, ${current.remaining} left, ${current.state})`;
      if (current.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      current = (await api('GET', `/v1/admin/keys/reencrypt/${encodeURIComponent(job.id)}`)).body;
    }
    say(current.state === 'done' ? 'Re-encryption done.' : `Re-encryption ${current.state}.`, current.state !== 'done');
    await loadKeys();
  }

  async function reviewAction(event) {
    event.preventDefault();
    const id = $('action-id').value.trim();
    const { body } = await api('GET', `/v1/admin/actions/${encodeURIComponent(id)}`);
    reviewed = body;
    $('action-view').textContent = JSON.stringify(body, null, 2);
    $('action-view').hidden = false;
    $('action-confirm').hidden = body.status !== 'pending_confirmation';
  }

  async function confirmAction() {
    if (!reviewed) return;
    const digest = reviewed.policy_sha256 ? `?policy_sha256=${encodeURIComponent(reviewed.policy_sha256)}` : '';
    await api('POST', `/v1/admin/actions/${encodeURIComponent(reviewed.id)}/confirm${digest}`);
    $('action-confirm').hidden = true;
    pendingIds = pendingIds.filter((id) => id !== reviewed.id);
    $('pending-list').replaceChildren(...pendingIds.map((id) => el('li', id, 'token')));
    say(`Action ${reviewed.id} confirmed.`);
    await loadKeys();
  }

  // ---- audit ------------------------------------------------------------------------

  function auditQuery(after) {
    const query = new URLSearchParams();
    const since = $('audit-since').value;
    const until = $('audit-until').value;
    if (since) query.set('since', String(new Date(since).getTime()));
    if (until) query.set('until', String(new Date(until).getTime()));
    if ($('audit-sub').value.trim()) query.set('sub', $('audit-sub').value.trim());
    if ($('audit-action').value.trim()) query.set('action', $('audit-action').value.trim());
    if (after !== null && after !== undefined) query.set('after', String(after));
    query.set('limit', '50');
    return `/v1/admin/audit?${query}`;
  }

  function auditRow(event) {
    const row = el('tr');
    row.append(el('td', event.chain_index === null || event.chain_index === undefined ? '…' : event.chain_index),
      el('td', time(event.at)), el('td', event.sub), el('td', event.action), el('td', event.outcome),
      el('td', JSON.stringify(event.details), 'details'));
    return row;
  }

  async function searchAudit(event, more) {
    if (!more) {
      auditAfter = null;
      auditEvents = [];
      $('audit-rows').replaceChildren();
    }
    const { body } = await api('GET', auditQuery(auditAfter));
    auditEvents = auditEvents.concat(body.events);
    $('audit-rows').append(...body.events.map(auditRow));
    auditAfter = body.next_after === undefined ? null : body.next_after;
    $('audit-more').hidden = auditAfter === null;
    $('audit-download').hidden = true;
  }

  async function verifyAudit() {
    const { body } = await api('GET', '/v1/admin/audit/verify');
    const verdict = $('audit-verdict');
    verdict.replaceChildren();
    if (body.ok) {
      verdict.append(el('p', `The chain holds: ${body.events} events, ${body.checkpoints} checkpoints, ${body.pending} waiting to be linked.`, 'ok'));
      return;
    }
    verdict.append(el('p', `The chain is broken in ${body.problems.length} place(s):`, 'error'));
    const list = el('ul');
    for (const problem of body.problems) {
      list.append(el('li', `${problem.kind} at chain index ${problem.chain_index ?? '?'} (event ${problem.seq ?? '?'}): ${problem.detail}`));
    }
    verdict.append(list);
  }

  function exportAudit() {
    const lines = auditEvents.map((event) => JSON.stringify(event)).join('\n');
    const link = $('audit-download');
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([lines + '\n'], { type: 'application/x-ndjson' }));
    link.hidden = false;
    link.focus();
    say(`${auditEvents.length} events ready to download.`);
  }

  // ---- anomalies and blocks ---------------------------------------------------------

  async function loadAnomalies() {
    const { body: blocks } = await api('GET', '/v1/admin/blocks');
    $('block-rows').replaceChildren(...blocks.blocks.map((block) => {
      const lift = el('button', 'Lift');
      lift.type = 'button';
      lift.setAttribute('aria-label', `Lift the block on ${block.sub}`);
      lift.addEventListener('click', guarded(async () => {
        await api('DELETE', `/v1/admin/blocks/${encodeURIComponent(block.sub)}`);
        say(`Block on ${block.sub} lifted.`);
        await loadAnomalies();
      }));
      const row = el('tr');
      const cell = el('td');
      cell.append(lift);
      row.append(el('td', block.sub), el('td', time(block.until)), el('td', block.reason), cell);
      return row;
    }));
    // Pages come oldest first: read the last week's to the end, show the newest 100.
    const since = Date.now() - 7 * 24 * 3600 * 1000;
    let events = [];
    let after = null;
    for (let page = 0; page < 50; page += 1) {
      const query = new URLSearchParams({ action: 'anomaly', since: String(since), limit: '1000' });
      if (after !== null) query.set('after', String(after));
      const { body: feed } = await api('GET', `/v1/admin/audit?${query}`);
      events = events.concat(feed.events).slice(-100);
      if (feed.next_after === undefined) break;
      after = feed.next_after;
    }
    const newest = events.reverse();
    $('anomaly-rows').replaceChildren(...newest.map((event) => {
      const row = el('tr');
      row.append(el('td', time(event.at)), el('td', event.sub), el('td', event.outcome),
        el('td', JSON.stringify(event.details), 'details'));
      return row;
    }));
  }

  // ---- policy -----------------------------------------------------------------------

  async function loadPolicy() {
    const { body } = await api('GET', '/v1/admin/policy');
    const policy = body.policy || {};
    $('policy-version').textContent = body.version;
    const chosen = new Set(policy.entities || []);
    const labels = TYPES.concat((policy.recognizers || []).map((r) => r.type))
      .filter((label, index, all) => all.indexOf(label) === index);
    $('policy-types').replaceChildren(...labels.map((label) => {
      const id = `policy-type-${label}`;
      const box = el('input');
      box.type = 'checkbox';
      box.id = id;
      box.value = label;
      box.checked = chosen.has(label);
      const wrap = el('span', null, 'check');
      const text = el('label', label);
      text.htmlFor = id;
      wrap.append(box, text);
      return wrap;
    }));
    $('policy-output').value = policy.output || '';
    $('policy-ttl').value = policy.token_ttl_seconds || '';
    $('policy-allow').value = (policy.allow_list || []).join('\n');
    $('policy-recognizers').value = JSON.stringify(policy.recognizers || [], null, 2);
  }

  async function savePolicy(event) {
    event.preventDefault();
    let recognizers;
    try {
      recognizers = JSON.parse($('policy-recognizers').value || '[]');
    } catch (error) {
      say(`The recognizers are not JSON: ${error.message}`, true);
      return;
    }
    const entities = [...document.querySelectorAll('#policy-types input:checked')].map((box) => box.value);
    const policy = {
      recognizers,
      allow_list: $('policy-allow').value.split('\n').map((v) => v.trim()).filter(Boolean),
    };
    if (entities.length) policy.entities = entities;
    if ($('policy-output').value) policy.output = $('policy-output').value;
    if ($('policy-ttl').value) policy.token_ttl_seconds = Number($('policy-ttl').value);
    const answer = await api('PUT', '/v1/admin/policy', policy);
    if (!noteAnswer(answer, `Policy saved: version ${answer.body && answer.body.version}.`)) await loadPolicy();
  }

  async function testPolicy(event) {
    event.preventDefault();
    const { body } = await api('POST', '/v1/tokenize', { text: $('policy-test').value });
    renderTokens($('policy-test-result'), body.text);
  }

  // ---- at a glance ------------------------------------------------------------------

  const history = { tokenize: [], detokenize: [], 'latency-tokenize': [], 'latency-detokenize': [] };
  let previous = null;

  // Sums a metric's samples whose labels hold every `labels` pair.
  function sum(text, name, labels) {
    let total = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith(name)) continue;
      const rest = line.slice(name.length);
      if (rest[0] !== '{' && rest[0] !== ' ') continue;
      if (!labels.every((pair) => rest.includes(pair))) continue;
      const value = Number(line.split(' ').pop());
      if (Number.isFinite(value)) total += value;
    }
    return total;
  }

  function sample(text) {
    const route = (path) => `route="${path}"`;
    return {
      at: Date.now(),
      tokenize: sum(text, 'promptvault_http_requests_total', [route('/v1/tokenize')]),
      detokenize: sum(text, 'promptvault_http_requests_total', [route('/v1/detokenize')]),
      tokSum: sum(text, 'promptvault_http_request_duration_seconds_sum', [route('/v1/tokenize')]),
      tokCount: sum(text, 'promptvault_http_request_duration_seconds_count', [route('/v1/tokenize')]),
      detSum: sum(text, 'promptvault_http_request_duration_seconds_sum', [route('/v1/detokenize')]),
      detCount: sum(text, 'promptvault_http_request_duration_seconds_count', [route('/v1/detokenize')]),
    };
  }

  function draw(name, points, unit) {
    const svg = $(`chart-${name}`);
    const max = Math.max(1, ...points);
    const step = 240 / Math.max(1, points.length - 1);
    const coords = points.map((value, i) => `${(i * step).toFixed(1)},${(58 - (value / max) * 54).toFixed(1)}`);
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', coords.join(' '));
    svg.replaceChildren(line);
    const last = points.length ? points[points.length - 1] : 0;
    $(name === 'tokenize' || name === 'detokenize' ? `rate-${name}` : name).textContent = `${last.toFixed(unit)}`;
  }

  async function tick() {
    const response = await fetch('/metrics', { cache: 'no-store', credentials: 'omit' });
    if (!response.ok) throw new Error(`metrics: ${response.status}`);
    const now = sample(await response.text());
    if (previous) {
      const seconds = Math.max(0.001, (now.at - previous.at) / 1000);
      const push = (key, value) => {
        history[key].push(value);
        if (history[key].length > 60) history[key].shift();
      };
      push('tokenize', (now.tokenize - previous.tokenize) / seconds);
      push('detokenize', (now.detokenize - previous.detokenize) / seconds);
      const mean = (s, c, ps, pc) => (c - pc > 0 ? ((s - ps) / (c - pc)) * 1000 : 0);
      push('latency-tokenize', mean(now.tokSum, now.tokCount, previous.tokSum, previous.tokCount));
      push('latency-detokenize', mean(now.detSum, now.detCount, previous.detSum, previous.detCount));
      draw('tokenize', history.tokenize, 1);
      draw('detokenize', history.detokenize, 1);
      draw('latency-tokenize', history['latency-tokenize'], 2);
      draw('latency-detokenize', history['latency-detokenize'], 2);
    }
    previous = now;
  }

  async function startGlance() {
    if (glanceTimer) return;
    await tick();
    glanceTimer = setInterval(guarded(tick), 2000);
  }

  // ---- wiring -----------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    for (const button of document.querySelectorAll('nav button')) {
      button.addEventListener('click', () => show(button.dataset.page));
    }
    $('try-form').addEventListener('submit', guarded(tryPrompt));
    $('try-reveal').addEventListener('click', guarded(tryReveal));
    $('keys-refresh').addEventListener('click', guarded(loadKeys));
    $('keys-rotate').addEventListener('click', guarded(rotateKey));
    $('keys-reencrypt').addEventListener('click', guarded(reencrypt));
    $('action-form').addEventListener('submit', guarded(reviewAction));
    $('action-confirm').addEventListener('click', guarded(confirmAction));
    $('audit-form').addEventListener('submit', guarded((event) => searchAudit(event, false)));
    $('audit-more').addEventListener('click', guarded((event) => searchAudit(event, true)));
    $('audit-verify').addEventListener('click', guarded(verifyAudit));
    $('audit-export').addEventListener('click', guarded(exportAudit));
    $('anomalies-refresh').addEventListener('click', guarded(loadAnomalies));
    $('policy-form').addEventListener('submit', guarded(savePolicy));
    $('policy-test-form').addEventListener('submit', guarded(testPolicy));
  });
})();
