// FleetSim's teaching page. Every string from the fleet or a client goes in as text (textContent),
// never as markup.
'use strict';

const PATH = ['dns', 'gateway', 'route', 'server-state', 'tls', 'network', 'authentication', 'max_connections', 'database', 'connected'];
const HOST_SUFFIX = '.mariadb.database.azure.com';
const SHOWN = 60;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(path, init) {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, init));
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

// ---- The map ----

let fleet = null;

async function loadFleet() {
  const answer = await getJson('/api/fleet');
  if (!answer.ok) { document.getElementById('status').textContent = `fleet: HTTP ${answer.status}`; return; }
  fleet = answer.body;
  drawClients();
  drawRegions();
  fillForm();
}

function drawClients() {
  const list = document.getElementById('client-kinds');
  list.replaceChildren(
    el('li', {}, 'internet addresses'),
    el('li', {}, 'Azure addresses (any customer\'s)'),
    ...fleet.virtualNetworks.flatMap(v => v.subnets.map(s =>
      el('li', { title: v.id }, `subnet ${s.name} ${s.addressPrefix}`, s.serviceEndpoints.length ? ' (Microsoft.Sql endpoint)' : ''))),
    el('li', {}, 'private endpoints'));
}

function drawRegions() {
  const regions = document.getElementById('regions');
  regions.replaceChildren(...fleet.regions.map(region => el('div', { class: 'region', 'data-region': region.name },
    el('h2', {}, `Region ${region.name}`, el('span', { class: 'note' }, ` ${region.serverCount} servers`)),
    el('div', { class: 'gateways' }, region.gateways.map(g => el('div', { class: `gateway ${g.state}`, 'data-gateway': g.ip },
      g.ip, el('span', { class: 'state' }, g.state),
      g.listeners.map(l => el('span', { class: 'listener' }, `listener ${l.endpoint}`, l.direct ? `, direct ${l.direct}` : ''))))),
    region.servers ? el('div', { class: 'servers' }, region.servers.map(serverCard)) : aggregate(region))));
}

function serverCard(s) {
  const share = s.maxConnections > 0 ? Math.min(100, 100 * s.openConnections / s.maxConnections) : 0;
  const bar = el('div');
  bar.style.width = `${share}%`;
  return el('div', { class: `server ${s.state}`, 'data-server': s.name, tabindex: 0, onclick: () => openServer(s.name) },
    el('div', { class: 'name' }, s.name),
    el('div', { class: 'meta' }, `${s.state} · ${s.sku}`),
    el('div', { class: 'meta' }, `${s.openConnections} / ${s.maxConnections} sessions`, s.redirect ? ' · redirect' : ''),
    el('div', { class: 'sessions' }, bar));
}

// Too many servers to draw one by one: counts, and a search that draws the matches.
function aggregate(region) {
  const found = el('div', { class: 'servers' });
  const search = el('input', { type: 'search', placeholder: `search ${region.serverCount} servers`, 'aria-label': `search servers of ${region.name}` });
  let pending = null;
  search.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const answer = await getJson(`/api/regions/${encodeURIComponent(region.name)}/servers?search=${encodeURIComponent(search.value)}`);
      found.replaceChildren(...(answer.ok ? answer.body.map(serverCard) : []));
    }, 250);
  });
  return el('div', { class: 'aggregate' },
    el('p', {}, Object.entries(region.serversByState).map(([state, n]) => `${n} ${state}`).join(', ')),
    search, found);
}

function flash(selector, allowed) {
  const node = document.querySelector(selector);
  if (!node) return;
  const name = allowed ? 'flash-ok' : 'flash-bad';
  node.classList.add(name);
  setTimeout(() => node.classList.remove(name), 600);
}

// ---- Live decisions ----

const decisions = [];

function stageChips(stage, allowed) {
  const at = PATH.indexOf(stage);
  return el('span', { class: 'stages' }, PATH.map((name, i) => el('span', {
    class: `stage ${i < at ? 'passed' : i === at ? (allowed ? 'arrived' : 'stopped') : ''}`, title: name,
  }, name === 'max_connections' ? 'max' : name)));
}

function showDecision(d) {
  decisions.unshift(d);
  const list = document.getElementById('decisions');
  const item = el('li', { class: `decision ${d.allowed ? 'allowed' : 'denied'}`, 'data-id': d.id, 'data-reason': d.reason, 'data-traced': d.trace ? 'yes' : null, onclick: () => showLiveTrace(d) },
    el('span', { class: 'outcome' }, d.allowed ? 'Allowed' : d.reason),
    el('span', { class: 'who' }, `${d.user} from ${d.source}`),
    stageChips(d.stage, d.allowed));
  list.prepend(item);
  while (list.children.length > SHOWN) list.lastChild.remove();
  if (d.gateway) flash(`.gateway[data-gateway="${CSS.escape(d.gateway)}"]`, d.allowed);
  if (d.server) flash(`.server[data-server="${CSS.escape(d.server)}"]`, d.allowed);
  travel(d);
}

// ---- Decisions moving along the drawn path ----

// Where on the map each stage is decided: DNS; the gateway (routing, TLS and the firewall are
// enforced there); or the server (its state, the login, max_connections, the database).
const STOP = {
  dns: 'dns', gateway: 'gateway', route: 'gateway', tls: 'gateway', network: 'gateway',
  'server-state': 'server', authentication: 'server', max_connections: 'server', database: 'server', connected: 'server',
};
const IN_FLIGHT = 12;
let inFlight = 0;

// A dot goes client -> DNS -> gateway -> server and stops where its decision was made, coloured by
// outcome. Cheap: one element and one Web Animation each; under load only a few travel at once
// (the list and the funnel still show every decision).
function travel(d) {
  if (document.hidden || inFlight >= IN_FLIGHT || typeof Element.prototype.animate !== 'function') return;
  const map = document.getElementById('map');
  const stop = STOP[d.stage] ?? 'gateway';
  const gateway = d.gateway ? document.querySelector(`.gateway[data-gateway="${CSS.escape(d.gateway)}"]`) : null;
  const server = d.server ? document.querySelector(`.server[data-server="${CSS.escape(d.server)}"]`) : null;
  const legs = [document.getElementById('clients'), document.getElementById('dns')];
  if (stop !== 'dns') legs.push(gateway ?? document.querySelector(`.region[data-region="${CSS.escape(d.region ?? '')}"]`));
  if (stop === 'server') legs.push(server);
  if (legs.some(n => !n)) return;
  const origin = map.getBoundingClientRect();
  const points = legs.map(n => { const r = n.getBoundingClientRect(); return [r.left + r.width / 2 - origin.left, r.top + r.height / 2 - origin.top]; });
  const dot = el('span', { class: `traveller ${d.allowed ? 'allowed' : 'denied'}`, 'data-stop': stop, 'data-stage': d.stage, 'data-gateway': d.gateway, 'data-server': d.server, title: `${d.user}: ${d.allowed ? 'allowed' : d.reason} at ${d.stage}` });
  map.append(dot);
  inFlight++;
  const frames = points.map(([x, y], i) => ({ transform: `translate(${x}px, ${y}px)`, offset: i / (points.length - 1) * 0.6 }));
  frames.push({ transform: frames[frames.length - 1].transform, offset: 1 });
  dot.animate(frames, { duration: 600 * points.length, easing: 'ease-in-out', fill: 'forwards' }).finished
    .then(() => dot.animate([{ opacity: 1 }, { opacity: 0 }], { duration: 800, delay: 1500, fill: 'forwards' }).finished)
    .finally(() => { dot.remove(); inFlight--; });
}

function showCounts(counts) {
  const body = document.querySelector('#funnel tbody');
  const most = Math.max(1, ...Object.values(counts.byStage));
  body.replaceChildren(...PATH.filter(stage => counts.byStage[stage]).map(stage => {
    const bar = el('div', { class: 'bar' });
    bar.style.width = `${100 * counts.byStage[stage] / most}%`;
    return el('tr', { class: stage, 'data-stage': stage }, el('td', {}, stage === 'connected' ? 'connected (allowed)' : stage),
      el('td', { class: 'count' }, counts.byStage[stage]), el('td', { class: 'bar-cell' }, bar));
  }));
  document.getElementById('live-note').textContent = counts.notShown > 0
    ? `${counts.total} decided; ${counts.notShown} not drawn (sampled), every one counted`
    : `${counts.total} decided since this page opened`;
}

function watch() {
  const status = document.getElementById('status');
  const stream = new EventSource('/api/decisions/stream');
  stream.onopen = () => { status.textContent = 'live'; status.classList.add('live'); };
  // A closed stream was refused (the page's host went away for good); otherwise the browser retries.
  stream.onerror = () => {
    status.textContent = stream.readyState === EventSource.CLOSED ? 'no live feed here' : 'reconnecting...';
    status.classList.remove('live');
  };
  stream.onmessage = e => showDecision(JSON.parse(e.data));
  stream.addEventListener('counts', e => showCounts(JSON.parse(e.data)));
}

// A live decision's trace: the gateway and server took one for a few decisions a second (tracing
// every connection would slow the fleet); for the others the path is drawn from the stage that
// decided, with the rule or error it gave. Nothing is run again: a re-run would be a new connection.
function showLiveTrace(d) {
  const where = `Live decision ${d.id} at ${d.at}, gateway ${d.gateway ?? '-'} (${d.region})`;
  if (d.trace) {
    const dns = { stage: 'dns', passed: true, detail: `resolved (or pinned) to gateway ${d.gateway}` };
    renderTrace({ ...d, trace: [dns, ...d.trace] }, `${where}: traced as it was made`);
    return;
  }
  const at = PATH.indexOf(d.stage);
  const rows = PATH.slice(0, at + 1).map((stage, i) => ({
    stage, passed: i < at || d.allowed,
    detail: i < at ? 'passed' : d.allowed ? (d.rule ? `admitted by rule '${d.rule}'` : 'admitted') : `${d.message} (error ${d.code})`,
  }));
  renderTrace({ ...d, trace: rows }, `${where}: not traced (a few decisions a second are), so only its deciding stage is known`);
}

// ---- Try a connection ----

function fillForm() {
  const form = document.getElementById('try-form');
  form.subnet.replaceChildren(...fleet.virtualNetworks.flatMap(v => v.subnets.map(s =>
    el('option', { value: `${v.id}/subnets/${s.name}` }, `${s.name} (${s.addressPrefix})`))));
  form.gatewayIp.replaceChildren(el('option', { value: '' }, 'resolve the host by DNS'),
    ...fleet.regions.flatMap(r => r.gateways.map(g => el('option', { value: g.ip }, `pinned ${g.ip} (${g.state}, ${r.name})`))));
  const kind = () => {
    const k = form.kind.value;
    form.querySelector('.for-ip').hidden = k === 'privateEndpoint';
    form.querySelector('.for-subnet').hidden = k !== 'subnet';
    form.querySelector('.for-pe').hidden = k !== 'privateEndpoint';
  };
  form.kind.addEventListener('change', kind);
  kind();
  form.addEventListener('submit', e => { e.preventDefault(); explain(attemptFromForm(form)); });
}

function attemptFromForm(form) {
  const user = form.user.value.trim();
  const source = form.kind.value === 'privateEndpoint' ? { privateEndpoint: form.privateEndpoint.value.trim() }
    : form.kind.value === 'subnet' ? { subnet: form.subnet.value, ip: form.ip.value.trim() }
    : form.kind.value === 'azure' ? { ip: form.ip.value.trim(), azure: true }
    : { ip: form.ip.value.trim() };
  const attempt = { id: 'form', user, tls: form.tls.value, source };
  if (form.password.value) attempt.password = form.password.value;
  if (form.gatewayIp.value) attempt.gatewayIp = form.gatewayIp.value;
  if (user.includes('@')) attempt.host = user.slice(user.lastIndexOf('@') + 1) + HOST_SUFFIX;
  return attempt;
}

function fillFormWith(attempt) {
  const form = document.getElementById('try-form');
  const s = attempt.source;
  form.user.value = attempt.user;
  form.password.value = attempt.password ?? '';
  form.kind.value = s.privateEndpoint ? 'privateEndpoint' : s.subnet ? 'subnet' : s.azure ? 'azure' : 'internet';
  form.kind.dispatchEvent(new Event('change'));
  form.ip.value = s.ip ?? '';
  if (s.subnet) form.subnet.value = s.subnet;
  form.privateEndpoint.value = s.privateEndpoint ?? '';
  form.tls.value = attempt.tls;
  form.gatewayIp.value = attempt.gatewayIp ?? '';
}

async function explain(attempt, lesson) {
  const answer = await getJson('/api/explain', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(attempt) });
  if (!answer.ok) {
    const trace = document.getElementById('trace');
    trace.replaceChildren(el('h3', { class: 'denied' }, `The attempt is not valid (HTTP ${answer.status})`),
      el('ul', { class: 'errors' }, (answer.body?.errors ?? []).map(e => el('li', {}, e))));
    return;
  }
  renderTrace(answer.body, lesson);
}

function renderTrace(result, note) {
  const trace = document.getElementById('trace');
  trace.replaceChildren(...[note ? el('p', { class: 'note' }, note) : null, ...traceNodes(result)].filter(n => n));
  trace.scrollIntoView({ block: 'nearest' });
}

// A decision's verdict and its trace, stage by stage, the deciding one marked.
function traceNodes(result) {
  const steps = result.trace ?? [];
  const failed = steps.findIndex(s => !s.passed);
  const deciding = failed >= 0 ? failed : steps.length - 1;
  const stage = steps[deciding]?.stage ?? '';
  return [
    el('h3', { class: result.allowed ? 'allowed' : 'denied', 'data-reason': result.reason, 'data-stage': stage },
      result.allowed ? `ALLOWED${result.rule ? ` by '${result.rule}'` : ''} on ${result.server} via ${result.gateway}${result.redirect ? ', then redirected: the session skips the gateway' : ''}`
        : `DENIED ${result.reason} (error ${result.code}) at stage ${stage}`),
    result.allowed ? null : el('p', { class: 'message' }, result.message),
    el('table', {}, el('tbody', {}, steps.map((s, i) => el('tr', { class: i === deciding ? 'deciding' : '', 'data-stage': s.stage },
      el('td', {}, s.passed ? 'pass' : 'FAIL'), el('td', {}, s.stage), el('td', {}, s.detail))))),
  ];
}

// A lesson of several attempts on the lessons fleet (it changes a fleet, or needs a setting the watched one may lack).
async function runSteps(lesson) {
  const trace = document.getElementById('trace');
  trace.replaceChildren(el('p', { class: 'note' }, `${lesson.title}: running on the lessons fleet...`));
  const answer = await getJson(`/api/lessons/${lesson.run}`, { method: 'POST' });
  if (!answer.ok) { trace.replaceChildren(el('h3', { class: 'denied' }, `${lesson.title}: HTTP ${answer.status}`)); return; }
  const view = answer.body;
  trace.replaceChildren(el('p', { class: 'note' }, `${view.title}: ${view.why}`),
    ...view.steps.map((step, i) => el('div', { class: 'lesson-step', 'data-step': i },
      el('p', { class: 'says' }, `${i + 1}. ${step.says}`), ...traceNodes(step.result))));
  trace.scrollIntoView({ block: 'nearest' });
}

// ---- A server's panel ----

async function openServer(name) {
  const answer = await getJson(`/api/servers/${encodeURIComponent(name)}`);
  const panel = document.getElementById('server-panel');
  if (!answer.ok) { panel.hidden = false; panel.replaceChildren(el('p', {}, `${name}: HTTP ${answer.status}`)); return; }
  const p = answer.body;
  const s = p.server;
  const table = (heads, rows) => el('table', {}, el('thead', {}, el('tr', {}, heads.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
  panel.hidden = false;
  panel.replaceChildren(
    el('button', { class: 'close', onclick: () => { panel.hidden = true; } }, 'close'),
    el('h2', {}, `Server ${s.name}`, el('span', { class: 'note' }, ` ${s.region} · ${s.sku} · ${s.state} · ${s.openConnections}/${s.maxConnections} sessions`)),
    el('p', {}, `sslEnforcement ${s.sslEnforcement}, minimalTlsVersion ${s.minimalTlsVersion}, publicNetworkAccess ${s.publicNetworkAccess}${s.redirect ? ', redirect ON' : ''}`),
    p.pendingRulesApplyAt ? el('p', { class: 'note' }, `rule changes pending until ${p.pendingRulesApplyAt}`) : '',
    el('h3', {}, 'Firewall rules'), table(['name', 'range', 'admitted'], p.firewallRules.map(r => [r.name, r.range, r.hits])),
    el('h3', {}, 'Virtual network rules'), table(['name', 'subnet', 'admitted'], p.virtualNetworkRules.map(r => [r.name, r.range, r.hits])),
    el('h3', {}, 'Private endpoint connections'), table(['name', 'status'], p.privateEndpointConnections.map(c => [c.name, c.status])),
    el('h3', {}, 'Parameters'), table(['name', 'value'], Object.entries(p.configurations)),
    el('h3', {}, 'Logins'), el('p', {}, p.logins.join(', ')),
    el('h3', {}, 'Audit log (latest)'), table(['at', 'event', 'user', 'ip', 'error'], p.auditTail.map(a => [a.at, `${a.eventClass}/${a.eventSubclass}`, a.user, a.ip, a.errorCode])),
    el('h3', {}, 'Alerts'), table(['at', 'alert', 'severity', 'ip', 'user'], p.alerts.map(a => [a.at, a.alert, a.severity, a.ip, a.user])));
  panel.scrollIntoView({ block: 'nearest' });
}

// ---- Lessons: DOMAIN.md's common confusions, on the sample fleet ----

const LESSONS = [
  {
    title: 'TLS forgotten',
    attempt: { user: 'app@contoso', password: 'Sh0p!2026', tls: 'none', source: { ip: '203.0.113.9' } },
    why: 'SSL is enforced by default: a client that does not negotiate TLS is refused at the TLS stage, before its password or address is looked at.',
  },
  {
    title: 'Port 3306 answers, then the firewall refuses',
    attempt: { user: 'app@contoso', password: 'Sh0p!2026', tls: '1.2', source: { ip: '192.0.2.44' } },
    why: 'The gateway accepts TCP and TLS for any client; only then does the firewall decide (9000). An open port proves nothing about access.',
  },
  {
    title: '"Allow access to Azure services" admits every Azure customer',
    attempt: { user: 'fabadmin@fabrikam', password: 'Fabrikam#2026', tls: '1.2', source: { ip: '20.42.7.19', azure: true } },
    why: 'The 0.0.0.0 rule admits any address owned by Azure, including other customers\' VMs: only the password stands in their way.',
  },
  {
    title: 'A service endpoint switches a subnet to VNet rules',
    attempt: { user: 'app@contoso', password: 'Sh0p!2026', tls: '1.2', source: { subnet: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/batch', ip: '10.1.2.4' } },
    why: 'With Microsoft.Sql enabled on the subnet, its traffic arrives as the subnet, not as a public IP: without a VNet rule naming it, the server refuses, whatever the IP rules say.',
  },
  {
    title: 'A client pinned to a retired gateway address',
    attempt: { user: 'app@contoso', password: 'Sh0p!2026', tls: '1.2', gatewayIp: '40.121.158.30', source: { ip: '203.0.113.9' } },
    why: 'Gateway addresses are retired over time; DNS follows, but a client (or an outbound firewall) that pinned the old IP gets no answer at all.',
  },
  {
    title: 'user@server decides the server, not the host',
    attempt: { user: 'app@contosso', password: 'Sh0p!2026', tls: '1.2', source: { ip: '203.0.113.9' } },
    host: 'contoso.mariadb.database.azure.com',
    why: 'The gateway routes on the server named after @ in the login: a typo there is refused at the route stage, whatever host was dialled.',
  },
  {
    title: 'A rule change is not instant',
    run: 'rule-change',
    why: 'A new firewall rule is accepted at once but enforced only after a delay (up to five minutes in the real service): the same client is refused before the change and still right after it.',
  },
  {
    title: 'Redirect skips the gateway',
    run: 'redirect',
    why: 'With redirect_enabled ON, the gateway checks the login and hands a TLS 1.2+ client the server\'s own address; the session then skips the gateway. Older TLS stays proxied.',
  },
];

function drawLessons() {
  const list = document.getElementById('lesson-list');
  list.replaceChildren(...LESSONS.map((lesson, i) => el('div', { class: 'lesson' },
    el('button', { type: 'button', 'data-lesson': i, onclick: () => runLesson(lesson) }, lesson.title),
    el('p', {}, lesson.why))));
}

function runLesson(lesson) {
  if (lesson.run) { runSteps(lesson); return; }
  const attempt = { id: 'lesson', ...lesson.attempt };
  const server = attempt.user.slice(attempt.user.lastIndexOf('@') + 1);
  attempt.host = lesson.host ?? `${server}${HOST_SUFFIX}`;
  fillFormWith(attempt);
  explain(attempt, `${lesson.title}: ${lesson.why}`);
}

loadFleet().then(watch);
drawLessons();
