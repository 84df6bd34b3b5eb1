/* Wat Werkt in de Wijk: the Zoeken page, on Pagefind's JS API (this audience's pagefind/pagefind.js).
 *
 * The whole state (query, filters, sort) lives in the URL query string (?q=…&thema=…&sortering=…), so a
 * search can be shared and bookmarked; it is restored on load and on popstate. Facet counts follow the
 * query and the other facets (values within one facet are combined with OR, facets with AND).
 * Contributor text only ever goes in via textContent; Pagefind's excerpt is rebuilt from text nodes,
 * with <mark> as the only element kept.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const root = document.getElementById("wwidw-zoeken");
  if (!root || !script) return;

  const SITE = new URL("../", script.src);  // this script is <site>/assets/zoeken.js
  const BUNDLE = new URL("pagefind/pagefind.js", SITE);
  const SORTS = {nieuwste: "nieuwste", volledigheid: "volledigheid"};  // URL value -> Pagefind sort key
  const PAGE = 20;
  const DEBOUNCE_MS = 200;

  const form = document.getElementById("wwidw-zoekformulier");
  const input = document.getElementById("wwidw-zoekterm");
  const sortSelect = document.getElementById("wwidw-sortering");
  const status = document.getElementById("wwidw-zoekstatus");
  const list = document.getElementById("wwidw-resultatenlijst");
  const more = document.getElementById("wwidw-meer");
  const panel = document.getElementById("wwidw-facetten");
  const chosenCount = document.getElementById("wwidw-filteraantal");
  const clear = document.getElementById("wwidw-wissen");
  const headerInput = document.getElementById("wwidw-kopzoekterm");

  // Facet groups, in page order: {name, element, values: Map(value -> {input, count, item})}.
  const groups = [...root.querySelectorAll("[data-facet]")].map((element) => ({
    name: element.dataset.facet,
    element,
    order: parseOrder(element.dataset.volgorde),
    list: element.querySelector("ul"),
    badge: element.querySelector(".wwidw-facet__aantal"),
    values: new Map(),
  }));

  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  let pagefind = null;
  let state = readUrl();
  let generation = 0;  // every search gets a number; only the newest may touch the page
  let shown = {results: [], count: 0};
  let typingTimer = null;

  function parseOrder(text) {
    try {
      const order = JSON.parse(text || "[]");
      return Array.isArray(order) ? order.map(String) : [];
    } catch (e) {
      return [];
    }
  }

  // --- state <-> URL ---------------------------------------------------------------------------

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const group of groups) {
      const values = [...new Set(params.getAll(group.name).filter((v) => v.trim() !== ""))];
      if (values.length) filters[group.name] = values;
    }
    const sort = params.get("sortering") || "";
    return {q: params.get("q") || "", filters, sort: hasOwn(SORTS, sort) ? sort : ""};
  }

  function urlFor(current) {
    const params = new URLSearchParams();
    if (current.q.trim()) params.set("q", current.q.trim());
    for (const group of groups) {
      for (const value of current.filters[group.name] || []) params.append(group.name, value);
    }
    if (current.sort) params.set("sortering", current.sort);
    const query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function writeUrl(push) {
    const url = urlFor(state);
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  // --- controls ----------------------------------------------------------------------------------

  function showState() {
    input.value = state.q;
    if (headerInput) headerInput.value = state.q;
    sortSelect.value = state.sort;
    for (const group of groups) {
      const chosen = new Set(state.filters[group.name] || []);
      for (const value of chosen) ensureValue(group, value);
      for (const [value, entry] of group.values) entry.input.checked = chosen.has(value);
      if (chosen.size) group.element.open = true;
    }
    showChosen();
  }

  function showChosen() {
    let total = 0;
    for (const group of groups) {
      const n = (state.filters[group.name] || []).length;
      total += n;
      group.badge.textContent = n ? `(${n} gekozen)` : "";
    }
    chosenCount.textContent = total ? `(${total} gekozen)` : "";
    clear.hidden = total === 0;
  }

  function ensureValue(group, value) {
    if (group.values.has(value)) return group.values.get(value);
    const item = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = group.name;
    box.value = value;
    box.addEventListener("change", () => toggle(group.name, value, box.checked));
    const text = document.createElement("span");
    text.className = "wwidw-facet__waarde";
    text.textContent = value;
    const count = document.createElement("span");
    count.className = "wwidw-facet__telling";
    label.append(box, " ", text, " ", count);
    item.append(label);
    const entry = {input: box, count, item};
    group.values.set(value, entry);
    placeValue(group, value, item);
    return entry;
  }

  function rank(group, value) {
    const i = group.order.indexOf(value);
    return i === -1 ? group.order.length : i;
  }

  function placeValue(group, value, item) {
    const after = [...group.values.keys()].filter((other) => other !== value).find((other) =>
      rank(group, other) > rank(group, value) ||
      (rank(group, other) === rank(group, value) && other.localeCompare(value, "nl", {numeric: true}) > 0));
    group.list.insertBefore(item, after === undefined ? null : group.values.get(after).item);
  }

  function toggle(name, value, on) {
    const values = new Set(state.filters[name] || []);
    if (on) values.add(value);
    else values.delete(value);
    const filters = {...state.filters};
    if (values.size) filters[name] = [...values];
    else delete filters[name];
    state = {...state, filters};
    showChosen();
    writeUrl(true);
    search();
  }

  // --- searching ---------------------------------------------------------------------------------

  function pagefindFilters(filters, except) {
    const out = {};
    for (const [name, values] of Object.entries(filters)) {
      if (name !== except && values.length) out[name] = {any: values};
    }
    return out;
  }

  async function run(term, filters, sort) {
    const options = {filters};
    if (sort) options.sort = {[SORTS[sort]]: "desc"};
    // Pagefind lists everything for a null term only with a filter or a sort: browse newest first.
    if (term === null && !Object.keys(filters).length && !sort) options.sort = {nieuwste: "desc"};
    return pagefind.search(term, options);
  }

  async function search() {
    const mine = generation + 1;
    try {
      await searchAndShow();
    } catch (error) {
      if (mine !== generation) return;
      list.setAttribute("aria-busy", "false");
      status.textContent = "Er ging iets mis bij het zoeken. Probeer het opnieuw.";
    }
  }

  async function searchAndShow() {
    const mine = ++generation;
    if (!pagefind) return;
    list.setAttribute("aria-busy", "true");
    const term = state.q.trim() || null;
    const filters = pagefindFilters(state.filters);
    const found = await run(term, filters, state.sort);
    const counts = {};
    for (const group of groups) counts[group.name] = (found.filters || {})[group.name] || {};
    for (const group of groups) {
      if (!(state.filters[group.name] || []).length) continue;
      // Counts of a facet in use: as if only the other facets applied (values within a facet are OR).
      const others = await run(term, pagefindFilters(state.filters, group.name), "");
      counts[group.name] = (others.filters || {})[group.name] || {};
    }
    if (mine !== generation) return;
    showCounts(counts);
    shown = {results: found.results, count: 0};
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    announce(found.results.length, term);
    list.setAttribute("aria-busy", "false");
    root.dataset.gezocht = String(mine);  // for tests: the number of the last finished search
  }

  function showCounts(counts) {
    for (const group of groups) {
      for (const value of Object.keys(counts[group.name])) ensureValue(group, value);
      for (const [value, entry] of group.values) {
        const n = counts[group.name][value] || 0;
        entry.count.textContent = `(${n})`;
        entry.item.classList.toggle("wwidw-facet__leeg", n === 0 && !entry.input.checked);
      }
    }
  }

  async function showMore(mine) {
    const next = shown.results.slice(shown.count, shown.count + PAGE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== generation) return;
    for (const item of data) list.append(card(item));
    shown.count += next.length;
    more.hidden = shown.count >= shown.results.length;
  }

  function announce(n, term) {
    const what = n === 1 ? "1 beschrijving gevonden" : `${n} beschrijvingen gevonden`;
    const filters = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
    let text = what + (term ? ` voor ‘${term}’` : "") + (filters ? ` met ${filters} filter${filters === 1 ? "" : "s"}` : "");
    if (n === 0) text += ". Probeer een ander woord of minder filters.";
    status.textContent = text + (n === 0 ? "" : ".");
  }

  // --- result cards ------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function localUrl(url) {
    try {
      const target = new URL(url, location.href);
      return target.origin === location.origin ? target.href : null;
    } catch (e) {
      return null;
    }
  }

  function card(result) {
    const meta = result.meta || {};
    const item = element("li", "wwidw-resultaat");
    const heading = element("h3", "wwidw-resultaat__titel");
    const href = localUrl(result.url);
    const title = meta.title || result.url || "";
    if (href) {
      const link = element("a", "", title);
      link.href = href;
      heading.append(link);
    } else {
      heading.textContent = title;
    }
    item.append(heading);
    const facts = [meta.soort, meta.organisatie, meta.gemeente].filter(Boolean).join(" · ");
    if (facts) item.append(element("p", "wwidw-resultaat__feiten", facts));
    if (meta.themas) item.append(element("p", "wwidw-resultaat__themas", "Thema's: " + meta.themas));
    const excerpt = element("p", "wwidw-resultaat__uittreksel");
    appendExcerpt(excerpt, result.excerpt || "");
    item.append(excerpt);
    if (meta.bewijsniveau) {
      const badge = element("span", "wwidw-badge wwidw-bewijs", meta.bewijsniveau);
      badge.title = "Bewijsniveau";
      const evidence = element("p", "wwidw-resultaat__bewijs");
      evidence.append(element("span", "wwidw-sr", "Bewijsniveau: "), badge);
      item.append(evidence);
    }
    return item;
  }

  const ENTITIES = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};

  function decode(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : whole;
    });
  }

  /* Pagefind's excerpt is entity-encoded text with <mark> around the matches. Keep only <mark>:
   * everything else becomes text, so even a tag that slipped through would show as text. */
  function appendExcerpt(target, excerpt) {
    let into = target;
    for (const part of String(excerpt).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") {
        if (into === target) {
          into = element("mark");
          target.append(into);
        }
      } else if (part === "</mark>") {
        into = target;
      } else if (part) {
        into.append(document.createTextNode(decode(part)));
      }
    }
  }

  // --- events and start --------------------------------------------------------------------------

  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      state = {...state, q: input.value};
      writeUrl(false);
      search();
    }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    state = {...state, q: input.value};
    writeUrl(true);
    search();
  });
  sortSelect.addEventListener("change", () => {
    state = {...state, sort: hasOwn(SORTS, sortSelect.value) ? sortSelect.value : ""};
    writeUrl(true);
    search();
  });
  clear.addEventListener("click", () => {
    state = {...state, filters: {}};
    showState();
    writeUrl(true);
    search();
    input.focus();
  });
  more.addEventListener("click", async () => {
    const before = list.children.length;
    await showMore(generation);
    const first = list.children[before] && list.children[before].querySelector("a");
    if (first) first.focus();  // the button may disappear: keep the keyboard user at the new results
  });
  window.addEventListener("popstate", () => {
    state = readUrl();
    showState();
    search();
  });

  const wide = window.matchMedia("(min-width: 60em)");
  panel.open = wide.matches;
  wide.addEventListener("change", () => { panel.open = wide.matches; });
  for (const group of groups.slice(0, 2)) group.element.open = true;  // soort and thema
  showState();

  (async () => {
    try {
      status.textContent = "Zoeken wordt geladen…";
      pagefind = await import(BUNDLE.href);
      await pagefind.options({baseUrl: SITE.pathname, excerptLength: 30});
      const all = await pagefind.filters();
      for (const group of groups) {
        for (const value of Object.keys(all[group.name] || {})) ensureValue(group, value);
        group.element.hidden = group.values.size === 0;
      }
      showState();
      await search();
      root.dataset.klaar = "ja";
    } catch (error) {
      status.textContent = "Zoeken is nu niet beschikbaar. Blader via de thema's, effecten of gemeenten in het menu.";
      root.dataset.klaar = "fout";
    }
  })();
})();
