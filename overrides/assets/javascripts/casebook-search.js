// The search page: Pagefind's ready-made UI. It searches the index of the
// page's own language (from <html lang>). A link such as /search/?q=调解 opens
// with its results shown, for slides and handouts.
//
// A large casebook's index comes in parts (hooks/casebook/search.py): the
// bundle beside pagefind-ui.js lists the others in casebook-parts.json.
// This script merges them and loads every filter before the UI starts. The UI
// (Pagefind 1.5.2) loads filters and runs its first search at the same time,
// and a search only reports the filter groups already loaded: a search typed
// or linked at once could show Themes but not Regions (seen in CI).
// Words per excerpt: what the UI asks for with sub-results, for every part alike
// (a part merged by the UI would keep Pagefind's default of 30).
const EXCERPT_WORDS = 12;

window.addEventListener("DOMContentLoaded", async () => {
  const script = document.querySelector('script[src$="pagefind-ui.js"]');
  const bundle = new URL(".", script.src);
  await loadIndex(bundle);
  const ui = new PagefindUI({
    element: "#casebook-search",
    bundlePath: bundle.pathname,
    showSubResults: true,
    excerptLength: EXCERPT_WORDS,
    showImages: false,
    resetStyles: false,
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});

// The UI imports the same pagefind.js module, so it finds the parts merged and
// the filters loaded; it must not merge them again.
async function loadIndex(bundle) {
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ excerptLength: EXCERPT_WORDS });
  for (const part of await otherParts(bundle)) {
    await pagefind.mergeIndex(part, { excerptLength: EXCERPT_WORDS });
  }
  await pagefind.filters();
}

// The other parts' bundle paths, or none if the list cannot be read (the first
// part alone still searches its pages).
async function otherParts(bundle) {
  try {
    const response = await fetch(new URL("casebook-parts.json", bundle));
    const parts = await response.json();
    return parts.merge.map((path) => new URL(path, bundle).pathname);
  } catch (error) {
    console.error("casebook-parts.json", error);
    return [];
  }
}
