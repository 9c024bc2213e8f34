// The search page's finder, on Pagefind's JavaScript API (not its ready-made UI).
//
// Everything the index holds — titles, excerpts, filter names and values — is
// contributor text: it reaches the page only as text nodes (textContent), never
// as HTML. Pagefind's own UI writes filter values into the page as HTML and
// decodes entities once more, so a vocabulary label could run a script there
// (../shared/DESIGN.md §4). Excerpts come from Pagefind as escaped text with
// <mark> around the matches: they are split at the marks and decoded by hand.
//
// The page's words come from data-text-* attributes of #casebook-search, written
// in each language's docs/search*.md. The state lives in the URL
// (?q=调解&f=地区:内蒙古自治区), so a search can be linked from a handout.
//
// A large casebook's index comes in parts (hooks/casebook/search.py): the
// bundle beside this page lists the others in casebook-parts.json, merged here
// before the first search, and the first word of every chunk of their indexes
// (see loadExtensions()).
const EXCERPT_WORDS = 12;
const PAGE_SIZE = 20;
const SUB_RESULTS = 3;
const TYPING_PAUSE_MS = 200;
const ZERO_WIDTH_SPACE = /\u200b/g; // the separator between Chinese characters in the index
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const HAN_EACH = new RegExp(`(${HAN.source})`, "gu");

window.addEventListener("DOMContentLoaded", async () => {
  const root = document.getElementById("casebook-search");
  if (!root) return;
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const index = await loadIndex(bundle);
  const finder = new Finder(root, index, await index.pagefind.filters());
  finder.readUrl();
  finder.run();
  window.casebookFinder = finder; // for tests/test_search_recall.py and the benchmark

});

// The index: Pagefind with every part merged, and the first words of their chunks.
async function loadIndex(bundle) {
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ excerptLength: EXCERPT_WORDS });
  const parts = await readParts(bundle);
  for (const part of parts.merge) {
    await pagefind.mergeIndex(new URL(part, bundle).pathname, { excerptLength: EXCERPT_WORDS });
  }
  return { pagefind, starts: parts.starts || [] };
}

// casebook-parts.json, or no other part if it cannot be read (the first part alone
// still searches its pages).
async function readParts(bundle) {
  try {
    const response = await fetch(new URL("casebook-parts.json", bundle));
    return await response.json();
  } catch (error) {
    console.error("casebook-parts.json", error);
    return { merge: [] };
  }
}

// Pagefind finds a word and the longer words it starts, but loads for it only the
// one chunk of the index where the word itself would stand: "3" missed the "36" of
// the next chunk, and the pages with "District 36" for "District 3". The chunks
// that begin with a word it starts are loaded first, by their first words.
async function loadExtensions(index, word) {
  const starts = index.starts.filter((start) => start.startsWith(word));
  await Promise.all(starts.map((start) => index.pagefind.preload(probe(start, word))));
}

// Marks Pagefind drops from a query (its own normalisation), though an index word may keep
// one ("37”" from “Synthetic report 37”).
const DROPPED = /[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\s]/u;
const KEPT = /[\p{L}\p{N}\p{S}]/u; // a letter, number or symbol: a probe's last character

// A query word that Pagefind looks for in the chunk beginning with `start`: the start itself,
// or, where it has a mark Pagefind would drop or is the word asked (whose own chunk may end at
// it), the start up to there followed by the first character after that one that Pagefind keeps.
function probe(start, word) {
  const characters = [...start];
  const at = start === word ? characters.length : characters.findIndex((character) => DROPPED.test(character));
  if (at < 0) return start;
  let code = at < characters.length ? characters[at].codePointAt(0) : 0x20;
  let next;
  do next = String.fromCodePoint(++code);
  while (!KEPT.test(next) || next.toLowerCase() !== next);
  return characters.slice(0, at).join("") + next;
}

// The index holds Chinese one character a word (hooks/casebook/search.py), and
// Pagefind matches a quoted query as an exact phrase of whole words. So:
// - Chinese: a query without marks is asked for as one phrase of characters;
//   ending in other words (工作法1), as the phrase of what comes before, and the
//   last word, perhaps the start of a longer one (工作法12), right after it.
//   Marks take a place in the index that no query word can fill, so a query with
//   marks ("“议事会”工作法4") is split into stretches at its marks: the pages whose
//   words stand as the stretches do, one after another with at most as many places
//   between two stretches as there are marks between them (the index gives each
//   Chinese mark a place), are read (inRow(), keepHolding()) and kept if they hold
//   the query (a place between could hold a character rather than a mark). When
//   FEW_PAGES or fewer pages have all the stretches, they are read straight away.
// - Other words: one word finds that word or longer ones it starts; several are
//   found in a row likewise (inRow()), the last perhaps the start of a longer word
//   ("grid worker" in "grid workers"), marks between them aside (a mark standing
//   alone, as in "learning + seminars", has a place of its own). If no page has
//   them in a row, the pages with all of them are shown, and the status line says so.
// Where the words stand comes from the index itself (one search a word: Pagefind
// gives every place of the words it finds), so no page is read to find English
// words in a row, and for Chinese only about the pages found: there is no cap on
// the pages read (one of 200 missed results where hundreds of pages hold a query).
// Pages whose title or a section title holds the query come first (titledFirst()).
const MARKS = /[\p{P}\p{S}]+/u;
const MARKS_OR_SPACE = "[\\p{P}\\p{S}\\s]";
// Candidates for a Chinese query with marks read without first finding where their
// words stand: one search a character costs more than reading a few pages.
const FEW_PAGES = 40;

async function findPages(index, query, filters) {
  const { pagefind } = index;
  if (!HAN.test(query)) return findWords(index, query.split(/\s+/).filter(Boolean), filters);
  const stretches = withOpenEnd(chineseStretches(query));
  const open = stretches.at(-1).open;
  if (open) await loadExtensions(index, open);
  if (stretches.length === 1) return open ? pagefind.search(open, { filters }) : phrase(pagefind, stretches[0].words, filters);
  // The pages with every stretch; when there are many, those with them in a row.
  const searches = await Promise.all(
    stretches.map((stretch) => (stretch.open ? pagefind.search(stretch.open, { filters }) : phrase(pagefind, stretch.words, filters))),
  );
  const inAll = searches.slice(1).map((search) => new Set(search.results.map((result) => result.id)));
  const results = searches[0].results.filter((result) => inAll.every((ids) => ids.has(result.id)));
  const candidates = { results, filters: searches[0].filters };
  // Characters and the open end alone: where every word stands says it all.
  if (stretches.every((stretch) => !stretch.marks && (stretch.open || stretch.words.every((word) => HAN.test(word))))) {
    return inRow(pagefind, candidates, stretches, filters, true);
  }
  const found = results.length > FEW_PAGES ? await inRow(pagefind, candidates, stretches, filters) : candidates;
  return keepHolding(found.results, holding(query), found.filters);
}

// A last word that is not Han (工作法1, “网格”1) as a stretch of its own, `open`: found
// as the start of a word, right after the characters before it.
function withOpenEnd(stretches) {
  const last = stretches.at(-1);
  const word = last.words.at(-1);
  if (HAN.test(word)) return stretches;
  const alone = last.words.length === 1;
  const before = alone ? [] : [{ ...last, words: last.words.slice(0, -1) }];
  return [...stretches.slice(0, -1), ...before, { words: [word], marks: alone ? last.marks : 0, open: plainWord(word) }];
}

// The query's stretches between marks, each with its words and the number of
// marks before it (each a place of the index).
function chineseStretches(query) {
  const stretches = [];
  let marks = 0;
  for (const [index, piece] of query.split(/([\p{P}\p{S}]+)/u).entries()) {
    const words = index % 2 ? [] : wordsOf(piece);
    if (index % 2) marks += [...piece].length;
    if (words.length) {
      stretches.push({ words, marks });
      marks = 0;
    }
  }
  return stretches;
}

// Other words as typed: Pagefind indexes "micro-wish" as a whole and in parts.
async function findWords(index, typed, filters) {
  const { pagefind } = index;
  const words = typed.map(trimMarks).filter(Boolean);
  if (words.length) await loadExtensions(index, plainWord(words.at(-1)));
  if (words.length <= 1) return pagefind.search(words[0] || null, { filters });
  const loose = await pagefind.search(words.map(plainWord).join(" "), { filters });
  // Each word a stretch, after the marks typed alone before it.
  const stretches = [];
  let marks = 0;
  for (const word of typed) {
    if (trimMarks(word)) {
      stretches.push({ words: [trimMarks(word)], marks });
      marks = 0;
    } else marks += 1;
  }
  const found = await inRow(pagefind, loose, stretches, filters);
  // No page has the words in a row: the pages with all of them, said as such.
  if (!found.results.length) return { ...loose, apart: true };
  return found;
}

// The results of `loose` (pages with all the words: their rank order and filter
// counts) whose words stand as `stretches` says: each stretch's words one after
// another, the next stretch after at most as many places as marks before it. The
// next stretch may also start at the place where the last one ended: Pagefind
// indexes "3+1" and "micro-wish" as one word and as its parts, all at one place.
// `everyWord`: every word of each stretch is looked for, not only its ends.
async function inRow(pagefind, loose, stretches, filters, everyWord = false) {
  // A stretch's first and last words only: a search for each character of a long
  // Chinese stretch would cost more than reading the few pages where the ends of the
  // stretches stand right but not the characters between them (findPages reads each).
  const ends = stretches.flatMap((stretch) =>
    everyWord
      ? stretch.words.map((word, place) => ({ marks: place ? 0 : stretch.marks, words: [word], length: 1 }))
      : [{ marks: stretch.marks, words: [...new Set([stretch.words[0], stretch.words.at(-1)])], length: stretch.words.length }],
  );
  const words = [...new Set(ends.flatMap((stretch) => stretch.words).map(plainWord))];
  const places = new Map();
  for (const [index, search] of (await Promise.all(words.map((word) => pagefind.search(word, { filters })))).entries()) {
    places.set(words[index], new Map(search.results.map((result) => [result.id, new Set(result.words)])));
  }
  // Where each word may stand after the one before: the next place, or for the first
  // word of a stretch past the places of the marks before it, or at the same place
  // if it is another word (a word never stands twice at one place).
  const steps = [];
  for (const stretch of ends) {
    const first = plainWord(stretch.words[0]);
    const same = steps.length && steps[steps.length - 1].word !== first;
    steps.push({ word: first, from: same ? 0 : 1, to: 1 + stretch.marks });
    if (stretch.length > 1) steps.push({ word: plainWord(stretch.words.at(-1)), from: stretch.length - 1, to: stretch.length - 1 });
  }
  const holds = (id) => {
    const at = steps.map((step) => places.get(step.word).get(id) || new Set());
    const follows = (step, place) =>
      step === steps.length ||
      [...range(place + steps[step].from, place + steps[step].to)].some(
        (next) => at[step].has(next) && follows(step + 1, next),
      );
    return [...at[0]].some((place) => follows(1, place));
  };
  return { results: loose.results.filter((result) => holds(result.id)), filters: loose.filters };
}

function* range(from, to) {
  for (let place = from; place <= to; place += 1) yield place;
}

// A word as the index holds it: letters and numbers only ("“3+1" is 31).
function plainWord(word) {
  return word.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}

// What a page's text must hold to match the query: Chinese as written, spaces
// aside, a mark where it has one (“ or ", one mark or two); other words in a row,
// each at the start of a word of the text.
function holding(query) {
  if (HAN.test(query)) {
    const pieces = query.trim().split(/([\p{P}\p{S}\s]+)/u);
    const written = pieces.map((piece, index) =>
      index % 2
        ? MARKS.test(piece) ? `${MARKS_OR_SPACE}*[\\p{P}\\p{S}]${MARKS_OR_SPACE}*` : "\\s*"
        : wordsOf(piece).map(escapeRegExp).join("\\s*"),
    );
    return new RegExp(written.join(""), "iu");
  }
  const words = wordsOf(query).map(trimMarks).filter(Boolean).map(escapeRegExp).join(`${MARKS_OR_SPACE}+`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}`, "iu");
}

// Marks around a word ("“3+1", "Micro-Grid”") are not part of what Pagefind indexed.
function trimMarks(word) {
  return word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "");
}

// Han characters one by one, other words as typed.
function wordsOf(text) {
  return text.replace(HAN_EACH, " $1 ").split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

function phrase(pagefind, words, filters) {
  return pagefind.search(`"${words.join(" ")}"`, { filters });
}

// The results whose text matches the pattern, in their order, as a search's results.
async function keepHolding(results, pattern, filters) {
  const pages = await Promise.all(results.map((result) => result.data()));
  const kept = pages.filter((page) => pattern.test(plainText(page.content)));
  return { results: kept.map((page) => ({ data: async () => page })), filters };
}

// Case pages (meta kind, templates/case.md.j2) whose title or a practice's title holds
// the query first, then other pages so titled, then the rest, each group in rank order.
// A case page's h2 headings are its fixed sections (概况, 服务品牌 …), not titles.
function titledFirst(pages, query) {
  if (!query) return pages;
  const pattern = holding(query);
  const headings = (page) => (page.anchors || []).filter((anchor) => page.meta.kind !== "case" || anchor.element !== "h2");
  const titled = (page) => [page.meta.title, ...headings(page).map((anchor) => anchor.text)]
    .some((title) => pattern.test(plainText(title || "")));
  const rank = (page) => (titled(page) ? (page.meta.kind === "case" ? 0 : 1) : 2);
  return [0, 1, 2].flatMap((group) => pages.filter((page) => rank(page) === group));
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

class Finder {
  constructor(root, index, filters) {
    this.root = root;
    this.index = index;
    this.pagefind = index.pagefind; // for tests/search_engines.py
    this.words = root.dataset;
    this.shown = PAGE_SIZE;
    this.runs = 0;
    this.totals = filters;
    // Filter names and values with their language-neutral keys (render.filter_keys): the
    // address holds keys, so the language switch carries the filters too.
    const keys = document.getElementById("cb-filter-keys");
    this.keys = keys ? JSON.parse(keys.dataset.keys) : {};
    root.replaceChildren();
    this.input = this.buildBox();
    this.filterBoxes = this.buildFilters(filters);
    this.status = element("p", "cb-finder__status");
    this.status.setAttribute("role", "status");
    this.results = element("ol", "cb-finder__results");
    this.more = element("button", "cb-finder__more md-button", this.words.textMore);
    this.more.type = "button";
    this.more.hidden = true;
    this.more.addEventListener("click", () => {
      this.shown += PAGE_SIZE;
      this.run();
    });
    root.append(this.status, this.results, this.more);
  }

  buildBox() {
    const form = element("form", "cb-finder__form");
    form.setAttribute("role", "search");
    const label = element("label", "cb-finder__label", this.words.textLabel);
    label.htmlFor = "cb-finder-q";
    const input = element("input", "cb-finder__input");
    Object.assign(input, { id: "cb-finder-q", type: "search", name: "q", autocomplete: "off" });
    input.placeholder = this.words.textPlaceholder;
    let pause = 0;
    input.addEventListener("input", () => {
      clearTimeout(pause);
      pause = setTimeout(() => this.changed(), TYPING_PAUSE_MS);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.changed();
    });
    form.append(label, input);
    this.root.append(form);
    return input;
  }

  // One group of checkboxes per filter, folded (a casebook has dozens of themes and
  // honours: open, they pushed the results below a phone's screen), unfolded when
  // one of its values is ticked. Each label and value is text.
  buildFilters(filters) {
    const boxes = [];
    const panel = element("div", "cb-finder__filters");
    for (const group of Object.keys(filters).sort()) {
      const fieldset = element("details", "cb-finder__filter");
      fieldset.append(element("summary", "cb-finder__filter-name", group));
      for (const value of Object.keys(filters[group]).sort()) {
        const box = element("input", "cb-finder__checkbox");
        box.type = "checkbox";
        box.dataset.group = group;
        box.value = value;
        box.addEventListener("change", () => this.changed());
        const count = element("span", "cb-finder__count");
        const label = element("label", "cb-finder__option");
        label.append(box, element("span", "cb-finder__value", value), count);
        fieldset.append(label);
        boxes.push({ box, count });
      }
      panel.append(fieldset);
    }
    if (boxes.length) this.root.append(panel);
    return boxes;
  }

  readUrl() {
    const params = new URLSearchParams(window.location.search);
    this.input.value = params.get("q") || "";
    const chosen = new Set(params.getAll("f"));
    for (const { box } of this.filterBoxes) {
      box.checked = chosen.has(this.keyOf(box)) || chosen.has(`${box.dataset.group}:${box.value}`);
      if (box.checked) box.closest("details").open = true;
    }
  }

  writeUrl() {
    const params = new URLSearchParams();
    const query = this.input.value.trim();
    if (query) params.set("q", query);
    for (const { box } of this.filterBoxes) {
      if (box.checked) params.append("f", this.keyOf(box));
    }
    const search = params.toString();
    const url = window.location.pathname + (search ? `?${search}` : "");
    window.history.replaceState(null, "", url);
  }

  // "regions:inner-mongolia" for a value with a key, "荣誉:…" (name and value) for one without.
  keyOf(box) {
    const group = this.keys[box.dataset.group];
    const key = group && group.values[box.value];
    return key ? `${group.key}:${key}` : `${box.dataset.group}:${box.value}`;
  }

  chosenFilters() {
    const chosen = {};
    for (const { box } of this.filterBoxes) {
      if (box.checked) (chosen[box.dataset.group] ||= []).push(box.value);
    }
    return chosen;
  }

  changed() {
    this.shown = PAGE_SIZE;
    this.writeUrl();
    this.run();
  }

  // Every page a query finds, in rank order, and whether they only have its words
  // apart: what the recall test measures.
  async pages(query) {
    const search = await findPages(this.index, query, {});
    const pages = await Promise.all(search.results.map((result) => result.data()));
    return { urls: titledFirst(pages, query).map((page) => page.url), apart: Boolean(search.apart) };
  }

  // A newer run makes an older one's answer stale: only the last one is shown.
  async run() {
    const run = ++this.runs;
    const query = this.input.value.trim();
    const filters = this.chosenFilters();
    if (!query && !Object.keys(filters).length) {
      this.showCounts(this.totals);
      this.show([], "");
      return;
    }
    this.status.textContent = this.words.textLoading;
    const search = await findPages(this.index, query, filters);
    if (run !== this.runs) return;
    this.showCounts(search.filters);
    const shown = await Promise.all(search.results.slice(0, this.shown).map((result) => result.data()));
    if (run !== this.runs) return;
    const pages = titledFirst(shown, query);
    const found = search.results.length;
    let words = found === 1 ? this.words.textResult : found ? this.words.textResults : this.words.textNone;
    if (search.apart && found) words = this.words.textApart;
    this.show(pages, fill(words, { n: found, q: query }));
    this.more.hidden = search.results.length <= this.shown;
  }

  // Beside each filter value: how many pages a search would find with it ticked too
  // (case pages name each value once: templates/case.md.j2).
  showCounts(counts) {
    for (const { box, count } of this.filterBoxes) {
      count.textContent = ` (${counts[box.dataset.group]?.[box.value] ?? 0})`;
    }
  }

  show(pages, message) {
    this.status.textContent = message;
    this.results.replaceChildren(...pages.map((page) => resultItem(page)));
    if (!pages.length) this.more.hidden = true;
  }
}

function resultItem(page) {
  const item = element("li", "cb-finder__result");
  const title = element("a", "cb-finder__result-link", plainText(page.meta.title || page.url));
  title.href = sameOrigin(page.url);
  const heading = element("p", "cb-finder__result-title");
  heading.append(title);
  // The page's own title is a section too: only the sections below it are listed.
  const sections = (page.sub_results || []).filter((sub) => sub.title !== page.meta.title).slice(0, SUB_RESULTS);
  item.append(heading);
  // The page's excerpt once: not again above the section it was taken from.
  if (!sections.some((sub) => sub.excerpt === page.excerpt)) item.append(excerpt(page.excerpt));
  if (sections.length) {
    const list = element("ul", "cb-finder__sections");
    for (const sub of sections) {
      const link = element("a", "cb-finder__result-link cb-finder__section-link", plainText(sub.title));
      link.href = sameOrigin(sub.url);
      const entry = element("li", "cb-finder__section");
      entry.append(link, excerpt(sub.excerpt));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

// Pagefind's excerpt: escaped text with <mark>…</mark> around the matches. Only
// those two tags are recognised; every other character stays text. An excerpt cut
// from the middle of a sentence starts at its first word, not at a mark or a
// citation number ("，", "[1]").
function excerpt(html) {
  const paragraph = element("p", "cb-finder__excerpt");
  let marked = false;
  let start = true;
  for (const part of (html || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    let text = plainText(part);
    if (start && !marked) text = text.replace(/^(?:\[\d+\]|[\s\p{P}\p{S}])+/u, "");
    if (!text) continue;
    start = false;
    paragraph.append(marked ? element("mark", "", text) : document.createTextNode(text));
  }
  return paragraph;
}

function plainText(escaped) {
  const entities = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
  return escaped.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity]).replace(ZERO_WIDTH_SPACE, "");
}

// Result URLs are paths of this site; anything else is refused rather than linked.
function sameOrigin(url) {
  const target = new URL(url, document.baseURI);
  return target.origin === window.location.origin ? target.pathname + target.hash : "#";
}

function fill(words, values) {
  return (words || "").replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
