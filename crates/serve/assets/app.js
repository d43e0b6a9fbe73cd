// dyad dashboard: plain JavaScript drawing SVG from the /v1 API. No build step, no CDN.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
// Table and map show at most this many events (followed page by page through `next`).
const MAX_EVENTS = 2000;
const PAGE = 500;

let world = null;
let loadSeq = 0;

function el(tag, attrs = {}, parent = null) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

function html(tag, text, parent, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function status(text) {
  $("status").textContent = text;
}

// ------------------------------------------------------------------------------------------
// picker

async function fillPicker() {
  const { actors } = await api("/v1/actors?limit=1000");
  const label = (a) => `${a.code}${a.names.length ? " — " + a.names[0] : ""}`;
  const src = $("source"), tgt = $("target");
  src.replaceChildren();
  tgt.replaceChildren();
  const any = html("option", "any actor", tgt);
  any.value = "*";
  for (const a of actors.filter((a) => a.as_source > 0)) {
    const o = html("option", `${label(a)} (${a.as_source})`, src);
    o.value = a.code;
  }
  for (const a of actors.filter((a) => a.as_target > 0)) {
    const o = html("option", `${label(a)} (${a.as_target})`, tgt);
    o.value = a.code;
  }
  return actors.length;
}

function dyad() {
  return { source: $("source").value, target: $("target").value, by: $("by").value };
}

// ------------------------------------------------------------------------------------------
// timeline: QuadClass stacked bars and the mean Goldstein line

function drawTimeline(series) {
  const svg = $("timeline");
  svg.replaceChildren();
  const W = 640, H = 260, L = 36, R = 36, T = 12, B = 34;
  const iw = W - L - R, ih = H - T - B;
  if (series.length === 0) {
    el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "label" }, svg).textContent =
      "no dated events for this choice";
    return;
  }
  const max = Math.max(1, ...series.map((p) => p.quad1 + p.quad2 + p.quad3 + p.quad4));
  const step = iw / series.length;
  const bw = Math.max(2, Math.min(48, step * 0.7));
  const yc = (n) => T + ih - (n / max) * ih;
  const yg = (g) => T + ih / 2 - (g / 10) * (ih / 2);
  const axis = el("g", { class: "axis" }, svg);
  el("line", { x1: L, y1: T + ih, x2: L + iw, y2: T + ih }, axis);
  for (const n of [0, Math.round(max / 2), max]) {
    const y = yc(n);
    el("line", { x1: L - 4, y1: y, x2: L, y2: y }, axis);
    el("text", { x: L - 6, y: y + 3, "text-anchor": "end" }, axis).textContent = n;
  }
  for (const g of [-10, 0, 10]) {
    el("text", { x: L + iw + 6, y: yg(g) + 3 }, axis).textContent = g;
  }
  el("line", { x1: L, y1: yg(0), x2: L + iw, y2: yg(0), class: "zero" }, svg);
  const labelEvery = Math.ceil(series.length / 10);
  const bars = el("g", { class: "bars" }, svg);
  const pts = [];
  series.forEach((p, i) => {
    const cx = L + step * i + step / 2;
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = p["quad" + q];
      if (n === 0) continue;
      const r = el("rect", {
        class: `bar q${q}`, x: cx - bw / 2, y: yc(base + n), width: bw,
        height: Math.max(0.5, yc(base) - yc(base + n)),
        "data-period": p.period, "data-quad": q, "data-count": n,
      }, bars);
      el("title", {}, r).textContent = `${p.period}: ${n} events of QuadClass ${q}`;
      base += n;
    }
    if (i % labelEvery === 0) {
      el("text", { x: cx, y: T + ih + 14, "text-anchor": "middle", class: "label" }, svg).textContent = p.period;
    }
    if (p.goldstein_mean !== null) pts.push([cx, yg(p.goldstein_mean), p]);
  });
  if (pts.length > 0) {
    el("path", {
      class: "goldstein",
      d: pts.map(([x, y], i) => (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1)).join(""),
    }, svg);
    for (const [x, y, p] of pts) {
      const c = el("circle", { class: "goldstein-dot", cx: x, cy: y, r: 3, "data-period": p.period }, svg);
      el("title", {}, c).textContent = `${p.period}: mean Goldstein ${p.goldstein_mean.toFixed(2)}`;
    }
  }
  el("text", { x: L, y: H - 4, class: "label" }, svg).textContent = "events";
  el("text", { x: L + iw, y: H - 4, "text-anchor": "end", class: "label" }, svg).textContent = "Goldstein";
}

// ------------------------------------------------------------------------------------------
// map: countries shaded by located events, a point per place

const px = (lon) => ((lon + 180) * 960) / 360;
const py = (lat) => ((90 - lat) * 480) / 180;

function drawMap(events) {
  const svg = $("map");
  svg.replaceChildren();
  el("rect", { class: "ocean", x: 0, y: 0, width: 960, height: 480 }, svg);
  const perCountry = {};
  const perPlace = new Map();
  for (const e of events) {
    if (e.location_country) perCountry[e.location_country] = (perCountry[e.location_country] || 0) + 1;
    if (e.location_lat !== null && e.location_lon !== null) {
      const k = `${e.location_lat},${e.location_lon}`;
      const p = perPlace.get(k) || { lat: e.location_lat, lon: e.location_lon, name: e.location_name, n: 0 };
      p.n += 1;
      perPlace.set(k, p);
    }
  }
  const max = Math.max(1, ...Object.values(perCountry));
  if (world) {
    const g = el("g", { class: "countries" }, svg);
    for (const [iso, d] of Object.entries(world.paths)) {
      const n = perCountry[iso] || 0;
      const path = el("path", { d, class: n ? "country hit" : "country", "data-iso": iso }, g);
      if (n) {
        // Light to dark red by the share of the busiest country.
        const t = 0.25 + 0.75 * (n / max);
        path.style.fill = `rgba(194, 65, 45, ${t.toFixed(2)})`;
        path.setAttribute("data-count", n);
      }
      el("title", {}, path).textContent = `${world.names[iso] || iso}: ${n} events`;
    }
  }
  const pg = el("g", { class: "points" }, svg);
  for (const p of perPlace.values()) {
    const c = el("circle", {
      class: "point", cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1),
      r: (2.5 + Math.sqrt(p.n) * 1.5).toFixed(1), "data-count": p.n,
    }, pg);
    el("title", {}, c).textContent = `${p.name}: ${p.n} events`;
  }
  const located = events.filter((e) => e.location_country).length;
  $("map-title").textContent = `${located} of ${events.length} events located`;
}

// ------------------------------------------------------------------------------------------
// table and evidence

function eventQuery(d) {
  const q = new URLSearchParams();
  if (d.source !== "*") q.set("source", d.source);
  if (d.target !== "*") q.set("target", d.target);
  for (const [id, key] of [["f-from", "from"], ["f-to", "to"], ["f-root", "root"], ["f-text", "text"]]) {
    const v = $(id).value.trim();
    if (v) q.set(key, v);
  }
  q.set("limit", PAGE);
  return q;
}

async function loadEvents(d) {
  const q = eventQuery(d);
  let out = [];
  for (;;) {
    const page = await api("/v1/events?" + q);
    out = out.concat(page.events);
    if (!page.next || out.length >= MAX_EVENTS) return { events: out, more: Boolean(page.next) };
    q.set("cursor", page.next);
  }
}

function fmt(v) {
  return v === null || v === undefined ? "" : String(v);
}

function drawTable(events, more) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const e of events) {
    const tr = html("tr", null, body);
    tr.dataset.eventId = e.event_id;
    const place = e.location_name ? `${e.location_name} (${fmt(e.location_country)})` : "";
    for (const v of [e.date, `${fmt(e.source_code)} ${fmt(e.source_name)}`, `${fmt(e.target_code)} ${fmt(e.target_name)}`,
      e.cameo, e.goldstein, e.quad_class, place, e.num_mentions]) {
      html("td", fmt(v), tr);
    }
    tr.addEventListener("click", () => showEvidence(e.event_id, tr));
  }
  $("table-count").textContent = `${events.length}${more ? "+" : ""} events`;
}

// Spans are byte offsets into the document; the sentence starts at sentence_start. Each byte
// gets the strongest role that covers it, then runs of equal role are decoded back to text.
function highlight(m) {
  const bytes = new TextEncoder().encode(m.sentence);
  const role = new Uint8Array(bytes.length); // 0 none, 1 pattern, 2 verb, 3 target, 4 source
  const mark = (start, end, r) => {
    if (start === null || end === null) return;
    for (let i = Math.max(0, start - m.sentence_start); i < Math.min(bytes.length, end - m.sentence_start); i++) {
      role[i] = Math.max(role[i], r);
    }
  };
  mark(m.evidence_start, m.evidence_end, 1);
  // The verb as written, found inside the pattern's span.
  const ev = bytes.slice(Math.max(0, m.evidence_start - m.sentence_start), Math.max(0, m.evidence_end - m.sentence_start));
  const verb = new TextEncoder().encode(m.verb);
  outer: for (let i = 0; i + verb.length <= ev.length && verb.length > 0; i++) {
    for (let j = 0; j < verb.length; j++) if (ev[i + j] !== verb[j]) continue outer;
    mark(m.evidence_start + i, m.evidence_start + i + verb.length, 2);
    break;
  }
  mark(m.target_start, m.target_end, 3);
  mark(m.source_start, m.source_end, 4);
  const p = html("p", null, null, "sentence");
  const dec = new TextDecoder();
  const cls = ["", "pattern", "verb", "target", "source"];
  let i = 0;
  while (i < bytes.length) {
    let j = i;
    while (j < bytes.length && role[j] === role[i]) j++;
    const text = dec.decode(bytes.slice(i, j));
    if (role[i] === 0) p.appendChild(document.createTextNode(text));
    else if (role[i] === 1) html("span", text, p, "pattern");
    else html("mark", text, p, cls[role[i]]);
    i = j;
  }
  return p;
}

async function showEvidence(id, row) {
  for (const r of $("events").tBodies[0].rows) r.classList.toggle("selected", r === row);
  const box = $("evidence");
  box.replaceChildren(html("p", "loading…", null, "hint"));
  try {
    const { event, mentions } = await api(`/v1/events/${id}`);
    box.replaceChildren();
    html("p", `${fmt(event.date)}: ${fmt(event.source_name)} (${fmt(event.source_code)}) → ` +
      `${fmt(event.target_name)} (${fmt(event.target_code)}), CAMEO ${event.cameo}, Goldstein ${fmt(event.goldstein)}`, box);
    const key = html("p", null, box, "key");
    html("mark", "source", key, "source");
    key.appendChild(document.createTextNode(" "));
    html("mark", "target", key, "target");
    key.appendChild(document.createTextNode(" "));
    html("mark", "verb", key, "verb");
    key.appendChild(document.createTextNode(" "));
    html("span", "pattern", key, "pattern");
    for (const m of mentions) {
      box.appendChild(highlight(m));
      const meta = html("p", null, box, "meta");
      const a = html("a", m.doc_id, meta);
      a.href = `/v1/documents/${encodeURIComponent(m.doc_id)}`;
      meta.appendChild(document.createTextNode(
        `, sentence ${m.sentence_index + 1}${m.doc_date ? ", " + m.doc_date : ""} — pattern “${m.pattern}”`));
    }
  } catch (err) {
    box.replaceChildren(html("p", `error: ${err.message}`, null, "hint"));
  }
}

// ------------------------------------------------------------------------------------------

async function refresh() {
  const seq = ++loadSeq;
  const d = dyad();
  if (!d.source) return;
  status("loading…");
  const t = d.target === "*" ? "any actor" : d.target;
  $("timeline-title").textContent = `${d.source} → ${t}, by ${d.by}`;
  try {
    const [series, ev] = await Promise.all([
      api(`/v1/dyads/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}/series?by=${d.by}`),
      loadEvents(d),
    ]);
    if (seq !== loadSeq) return; // a newer choice was made meanwhile
    drawTimeline(series.series);
    drawMap(ev.events);
    drawTable(ev.events, ev.more);
    document.body.dataset.loaded = `${d.source}/${d.target}/${d.by}`;
    status("");
  } catch (err) {
    status(`error: ${err.message}`);
  }
}

async function main() {
  try {
    const [n, w] = await Promise.all([fillPicker(), api("/world.json").catch(() => null)]);
    world = w;
    if (n === 0) {
      status("the database holds no events yet");
      return;
    }
  } catch (err) {
    status(`error: ${err.message}`);
    return;
  }
  for (const id of ["source", "target", "by"]) $(id).addEventListener("change", refresh);
  $("filters").addEventListener("submit", refresh);
  refresh();
}

main();
