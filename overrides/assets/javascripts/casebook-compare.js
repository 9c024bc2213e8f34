// The compare page (hooks/casebook/templates/compare.md.j2): the reader ticks two to four
// cases in the list; the choice is kept in the address (?cases=a,b,c) so that it can be
// shared, and the cases are shown in columns. Each case's data is a small JSON file beside
// the page (hooks/casebook/compare.py), fetched only when picked. Every value goes in as
// text (textContent), never as HTML.

const FIGURES = ["area", "households", "residents", "compounds", "buildings", "grids", "ethnic_group_count"];

window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("cb-compare");
  if (!box) return;
  const labels = JSON.parse(box.dataset.labels);
  const max = Number(box.dataset.max);
  const items = [...document.querySelectorAll(".cb-compare-list li[data-case]")];
  const known = new Set(items.map((item) => item.dataset.case));
  const cache = new Map();
  let chosen = fromAddress(known, max);

  for (const item of items) {
    const tick = document.createElement("input");
    tick.type = "checkbox";
    tick.value = item.dataset.case;
    tick.checked = chosen.includes(tick.value);
    tick.setAttribute("aria-label", `${labels.pick}: ${item.querySelector("a").textContent}`);
    tick.addEventListener("change", () => {
      chosen = tick.checked ? [...chosen, tick.value] : chosen.filter((id) => id !== tick.value);
      update();
    });
    item.prepend(tick, " ");
  }
  box.hidden = false;
  update();

  function update() {
    for (const tick of document.querySelectorAll(".cb-compare-list input")) {
      tick.disabled = !tick.checked && chosen.length >= max;
    }
    const address = new URL(window.location.href);
    if (chosen.length) address.searchParams.set("cases", chosen.join(","));
    else address.searchParams.delete("cases");
    history.replaceState(null, "", address.pathname + address.search.replaceAll("%2C", ","));
    show();
  }

  async function show() {
    const wanted = chosen.slice();
    if (wanted.length < 2) {
      box.replaceChildren(element("p", labels.too_few, "cb-compare-hint"));
      return;
    }
    const cases = await Promise.all(wanted.map((id) => load(id)));
    if (wanted.join() !== chosen.join()) return; // the choice changed while loading
    box.replaceChildren(table(cases, labels));
  }

  function load(id) {
    if (!cache.has(id)) {
      cache.set(id, fetch(`${id}.json`).then((response) => (response.ok ? response.json() : null)).catch(() => null));
    }
    return cache.get(id);
  }
});

// The picked case ids from ?cases=a,b,c (or ?cases=a&cases=b), known ones only, at most `max`.
function fromAddress(known, max) {
  const ids = new URLSearchParams(window.location.search).getAll("cases").flatMap((value) => value.split(","));
  return [...new Set(ids.map((id) => id.trim()).filter((id) => known.has(id)))].slice(0, max);
}

function table(cases, labels) {
  const grid = document.createElement("table");
  grid.className = "cb-compare-table";
  const head = grid.createTHead().insertRow();
  head.append(element("th", labels.community));
  for (const data of cases) {
    const cell = document.createElement("th");
    cell.scope = "col";
    if (data) cell.append(link(data.name, data.url));
    else cell.append(element("span", labels.error, "cb-missing"));
    head.append(cell);
  }
  const body = grid.createTBody();
  row(body, labels.place, cases, (data) => text(data.place || labels.not_given, data.place ? "" : "cb-not-given"));
  for (const field of FIGURES) {
    row(body, labels[field], cases, (data) => figure(data.figures[field], labels));
  }
  // The profile's other figures: one row for each label and unit (the same basis) a picked case gives.
  const others = new Map();
  for (const data of cases) {
    for (const other of data ? data.others : []) if (!others.has(basis(other))) others.set(basis(other), other.label);
  }
  for (const [key, label] of others) {
    row(body, label, cases, (data) => figure(data.others.find((other) => basis(other) === key), labels));
  }
  row(body, labels.ethnic_groups, cases, (data) =>
    data.ethnic_groups.length ? text(data.ethnic_groups.join(" · ")) : text(labels.not_given, "cb-not-given"));
  // Practices aligned by theme: one row per theme any picked case works on, in vocabulary order.
  const themes = new Map();
  for (const data of cases) for (const theme of data ? data.themes : []) themes.set(theme.key, theme);
  const ordered = [...themes.values()].sort((a, b) => a.rank - b.rank);
  const section = body.insertRow();
  const title = element("th", labels.practices, "cb-compare-section");
  title.colSpan = cases.length + 1;
  section.append(title);
  for (const theme of ordered) {
    row(body, theme.label, cases, (data) => practices(data, theme.key, labels));
  }
  return grid;
}

function basis(other) {
  return `${other.label}\u0000${other.unit}`;
}

function row(body, label, cases, fill) {
  const tr = body.insertRow();
  const head = element("th", label);
  head.scope = "row";
  tr.append(head);
  for (const data of cases) {
    const cell = tr.insertCell();
    if (data) cell.append(fill(data));
  }
}

function figure(value, labels) {
  if (!value) return text(labels.not_given, "cb-not-given");
  const span = document.createElement("span");
  span.append(element("strong", value.value));
  if (value.when) span.append(" ", element("span", `(${value.when})`, "cb-figure-note"));
  const source = link(value.source, value.source_url, "cb-cite");
  source.title = value.source_title;
  span.append(" ", source);
  return span;
}

function practices(data, theme, labels) {
  const found = data.practices.filter((practice) => practice.themes.includes(theme));
  if (!found.length) return text(labels.no_practice, "cb-not-given");
  const list = document.createElement("ul");
  for (const practice of found) {
    const item = document.createElement("li");
    item.append(link(practice.title, practice.url));
    list.append(item);
  }
  return list;
}

function link(label, href, className) {
  const a = element("a", label, className);
  a.href = href;
  return a;
}

function text(value, className) {
  return element("span", value, className);
}

function element(tag, value, className) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (className) node.className = className;
  return node;
}
