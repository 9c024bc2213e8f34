// On every page: "/" focuses the search box in the header, and switching
// language keeps the place on the page (#anchor: practice anchors are the same
// in both languages) and, on the search page, the words and filters (?q=…&f=…).
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
  if (event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const box = document.getElementById("cb-header-q");
  if (box) {
    event.preventDefault();
    box.focus();
  }
});

// Material's own handler (on document.body) would send the reader to the other
// language's home page when it finds no sitemap: this one goes first and alone.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const target = new URL(link.href);
  if (target.origin !== window.location.origin) return;
  if (document.getElementById("casebook-search")) target.search = window.location.search;
  target.hash = window.location.hash;
  event.preventDefault();
  event.stopPropagation();
  window.location.assign(target.href);
}, true);

// A wide table sits in a box that scrolls sideways (Material wraps it after the page
// loads): a keyboard user can scroll it only if the box takes focus.
function focusableScrollBoxes() {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) box.tabIndex = 0;
}
if (typeof document$ !== "undefined") document$.subscribe(focusableScrollBoxes);
else document.addEventListener("DOMContentLoaded", focusableScrollBoxes);

// On phones and tablets Material shows a page's table of contents only in the drawer, under
// the page's own entry in the navigation; case, theme and region pages have none there. Give
// them a collapsed "Contents" list under the title (casebook.css shows it on narrow screens).
function contentsUnderTitle() {
  if (document.getElementById("__toc")) return;
  const list = document.querySelector(".md-sidebar--secondary [data-md-component='toc']");
  const title = document.querySelector(".md-content .md-typeset h1");
  if (!list || !title) return;
  const box = document.createElement("details");
  box.className = "cb-contents";
  const summary = document.createElement("summary");
  summary.textContent = document.querySelector(".md-sidebar--secondary .md-nav__title")?.textContent.trim() || "";
  const copy = list.cloneNode(true);
  copy.removeAttribute("data-md-component");
  copy.removeAttribute("data-md-scrollfix");
  box.append(summary, copy);
  title.after(box);
}
contentsUnderTitle();
