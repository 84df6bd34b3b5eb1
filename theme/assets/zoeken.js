/* Wat Werkt in de Wijk: the Zoeken page, on Pagefind's JS API (this audience's pagefind/pagefind.js).
 *
 * The whole state (query, filters, sort) lives in the URL query string (?q=…&thema=…&sortering=…), so a
 * search can be shared and bookmarked; it is restored on load and on popstate. Facet counts follow the
 * query and the other facets (values within one facet are combined with OR, facets with AND).
 * Contributor text only ever goes in via textContent; Pagefind's excerpt is rebuilt from text nodes,
 * with <mark> as the only element kept.
 *
 * What the browser fetches is kept small, because the index of a large knowledge base is large:
 * - on opening, only Pagefind's runtime and its index metadata; nothing is searched until there is a
 *   term, a filter or a sort (the page shows a hint instead);
 * - Pagefind searches without a term (filters or a sort only) by loading *every* word-index chunk. A
 *   search without a term is therefore a search for BROWSE, a word that every description carries in
 *   a hidden search field (search_site.py), which is one small chunk;
 * - a facet's values (one filter chunk each) are loaded when its group is opened, or when it is used;
 * - only the result cards shown are loaded (one fragment each): FIRST_PAGE, then PAGE per "more".
 *
 * A direction (facet "richting") belongs to an effect: with an effect chosen too, the search asks for
 * praktijken whose result FOR that effect has the direction (the hidden filter EFFECT_RESULT, values
 * "<effect>: <direction>"), and the facet counts of both follow that; with only a direction chosen, it
 * is any result with that direction. A card shows the result for each chosen effect, else all results
 * summed up (search_site.py).
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const root = document.getElementById("wwidw-zoeken");
  if (!root || !script) return;

  const SITE = new URL("../", script.src); // this script is <site>/assets/zoeken.js
  const BUNDLE = new URL("pagefind/pagefind.js", SITE);
  const SORTS = { nieuwste: "nieuwste", volledigheid: "volledigheid" }; // URL value -> Pagefind sort key
  const BROWSE = root.dataset.bladeren || null; // see above; null: an index without it (Pagefind's own way)
  const FIRST_PAGE = 5; // as Pagefind's own interface: one screen, and the first results show sooner
  const PAGE = 20;
  // The pause after the last input before a search starts follows the reader's typing: 1.5 times the
  // gap between their last two key presses, between PAUSE_MIN_MS (a burst, a paste) and PAUSE_MAX_MS
  // (a single key, slow typing). Every search of a word's first letters would cost as much as the word's
  // own search, and a running search cannot be stopped (see request).
  const PAUSE_MIN_MS = 40;
  const PAUSE_MAX_MS = 250;
  // The filter that ties a direction to an effect, its separator, the directions (label -> id, for the
  // badge's colour) and the words for "no result for this effect"; null: an index without it.
  const EFFECT_RESULT = root.dataset.effectfilter || null;
  const SEPARATOR = root.dataset.effectscheiding || ": ";
  const DIRECTIONS = parseObject(root.dataset.richtingen);
  const NO_RESULT = root.dataset.geenresultaat || "";
  const ORDER = Object.keys(DIRECTIONS); // the directions' fixed order (labels.RICHTING)
  const HINT =
    "Typ een zoekterm, of kies een filter of een sortering om door de beschrijvingen te bladeren.";

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

  // Facet groups, in page order. `asked`: its filter chunk has been requested; `known`: its values are
  // listed (the chunk is loaded); values: Map(value -> {input, count, item}).
  const groups = [...root.querySelectorAll("[data-facet]")].map((element) => ({
    name: element.dataset.facet,
    element,
    order: parseOrder(element.dataset.volgorde),
    list: element.querySelector("ul"),
    badge: element.querySelector(".wwidw-facet__aantal"),
    note: null,
    values: new Map(),
    asked: false,
    known: false,
  }));

  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  let pagefind = null;
  let state = readUrl();
  let generation = 0; // every search that shows results gets a number
  let shown = { results: [], count: 0 };
  let typingTimer = null;
  let lastInput = -Infinity;

  function parseObject(text) {
    try {
      const value = JSON.parse(text || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) {
      return {};
    }
  }

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
    return { q: params.get("q") || "", filters, sort: hasOwn(SORTS, sort) ? sort : "" };
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
    const entry = { input: box, count, item };
    group.values.set(value, entry);
    placeValue(group, value, item);
    return entry;
  }

  function rank(group, value) {
    const i = group.order.indexOf(value);
    return i === -1 ? group.order.length : i;
  }

  /** The order of a facet's values: its natural order (data-volgorde), else alphabetical. */
  function compare(group, a, b) {
    return rank(group, a) - rank(group, b) || a.localeCompare(b, "nl", { numeric: true });
  }

  /** Insert a value's item before the first value that follows it (the list is kept in order). */
  function placeValue(group, value, item) {
    const next = [...group.values.keys()]
      .filter((other) => other !== value && compare(group, other, value) > 0)
      .sort((a, b) => compare(group, a, b))[0];
    group.list.insertBefore(item, next === undefined ? null : group.values.get(next).item);
  }

  function setNote(group, text) {
    if (!group.note) {
      if (!text) return;
      group.note = document.createElement("p");
      group.note.className = "wwidw-facet__melding";
      group.list.after(group.note);
    }
    group.note.textContent = text;
    group.note.hidden = !text;
  }

  function toggle(name, value, on) {
    const values = new Set(state.filters[name] || []);
    if (on) values.add(value);
    else values.delete(value);
    const filters = { ...state.filters };
    if (values.size) filters[name] = [...values];
    else delete filters[name];
    state = { ...state, filters };
    showChosen();
    writeUrl(true);
    search();
  }

  /** Groups the reader can see (the panel and the group are open) whose values are not loaded yet. */
  function wantedGroups() {
    return groups.filter((group) => !group.asked && panel.open && group.element.open);
  }

  // --- searching ---------------------------------------------------------------------------------

  function pagefindFilters(filters, except) {
    const out = {};
    for (const [name, values] of Object.entries(filters)) {
      if (name !== except && values.length) out[name] = { any: values };
    }
    // A direction applies to the chosen effect(s): "<effect>: <direction>" for each pair.
    if (EFFECT_RESULT && out.effect && out.richting) {
      out[EFFECT_RESULT] = { any: pairs(out.effect.any, out.richting.any) };
      delete out.richting;
    }
    return out;
  }

  function pairs(effects, directions) {
    return effects.flatMap((effect) => directions.map((label) => effect + SEPARATOR + label));
  }

  function chosen(current, name) {
    return current.filters[name] || [];
  }

  /** Whether the counts of the effect or direction facet depend on the other one's choice (then they
   * are counted from EFFECT_RESULT, whose chunk must be loaded). */
  function tied(current) {
    const asked = (name) => groups.some((group) => group.name === name && group.asked);
    return (
      EFFECT_RESULT !== null &&
      ((chosen(current, "effect").length > 0 && asked("richting")) ||
        (chosen(current, "richting").length > 0 && asked("effect")))
    );
  }

  function isIdle(current) {
    return !current.q.trim() && !Object.keys(current.filters).length && !current.sort;
  }

  /** The Pagefind query for a state: [term, options]. Without a term, BROWSE lists every description
   * (newest first unless another sort is chosen). */
  function query(current, filters) {
    const term = current.q.trim() || BROWSE;
    const options = { filters };
    if (current.sort) options.sort = { [SORTS[current.sort]]: "desc" };
    else if (!current.q.trim()) options.sort = { nieuwste: "desc" };
    return [term, options];
  }

  /** Load the filter chunks of the groups in use and of the groups the reader opened, with the word-index
   * chunks of the term, in one go. A filter without values makes Pagefind fetch its chunk and nothing else. */
  async function preload(term, filters, current) {
    const chunks = {};
    for (const group of wantedGroups()) {
      group.asked = true;
      chunks[group.name] = { any: [] };
    }
    for (const name of Object.keys(current.filters)) {
      const group = groups.find((g) => g.name === name);
      if (group) {
        group.asked = true;
        chunks[name] = { any: [] };
      }
    }
    if (tied(current)) chunks[EFFECT_RESULT] = { any: [] };
    await pagefind.preload(term, { filters: { ...chunks, ...filters } });
  }

  // One Pagefind job at a time. Pagefind runs in one worker and cannot stop a search once it started:
  // firing a search per key press would queue them all. A request while a job runs is remembered (the
  // newest state wins) and run when that job ends; the running job notices it and shows nothing stale.
  let running = false;
  let pending = null; // null, "full" (show results) or "counts" (only facet counts)

  function search() {
    request("full");
  }

  function stale() {
    return pending === "full";
  }

  async function request(kind) {
    pending = pending === "full" || kind === "full" ? "full" : "counts";
    if (running || !pagefind) return;
    running = true;
    try {
      while (pending) {
        const job = pending;
        pending = null;
        try {
          await (job === "full" ? searchAndShow() : countOnly());
        } catch (error) {
          if (stale()) continue;
          list.setAttribute("aria-busy", "false");
          status.textContent = "Er ging iets mis bij het zoeken. Probeer het opnieuw.";
          root.dataset.gezocht = String(generation);
          root.dataset.geteld = String(generation);
        }
      }
    } finally {
      running = false;
    }
  }

  async function searchAndShow() {
    const mine = ++generation;
    const current = state;
    list.setAttribute("aria-busy", "true");
    if (isIdle(current)) {
      shown = { results: [], count: 0 };
      list.replaceChildren();
      more.hidden = true;
      status.textContent = HINT;
      list.setAttribute("aria-busy", "false");
      root.dataset.gezocht = String(mine);
      // Counts over all descriptions, for the groups the reader opened.
      await updateCounts(
        current,
        mine,
        null,
        groups.some((group) => group.known),
      );
      return;
    }
    const filters = pagefindFilters(current.filters);
    const [term, options] = query(current, filters);
    await preload(term, filters, current);
    if (stale()) return;
    const found = await pagefind.search(term, options);
    if (stale()) return;
    shown = { results: found.results, count: 0, effects: chosen(current, "effect") };
    const cards = await nextCards();
    if (stale()) return;
    // Results first: the facet counts of a facet in use may need more searches (see counts).
    list.replaceChildren(...cards);
    more.hidden = shown.count >= shown.results.length;
    announce(found.results.length, current);
    list.setAttribute("aria-busy", "false");
    root.dataset.gezocht = String(mine); // for tests and the benchmark: the number of the last search shown
    await updateCounts(current, mine, found);
  }

  async function countOnly() {
    await updateCounts(state, generation, null, false);
  }

  /** Facet counts for the state `current`. `found`: its search, when it was run already; else one is
   * run when a group's values are wanted, or when `refresh`. */
  async function updateCounts(current, mine, found, refresh) {
    if (!found && !refresh && !wantedGroups().length) {
      root.dataset.geteld = String(mine);
      return;
    }
    const filters = pagefindFilters(current.filters);
    const [term, options] = query(current, filters);
    if (!found && term === null) {
      // An index without BROWSE: Pagefind's own way, every filter chunk (and, searching, every word chunk).
      for (const group of groups) group.asked = true;
      const all = await pagefind.filters();
      found = isIdle(current)
        ? { filters: all, totalFilters: all }
        : await pagefind.search(null, options);
    } else if (!found) {
      await preload(term, filters, current);
      if (stale()) return;
      found = await pagefind.search(term, { filters });
    }
    if (stale()) return;
    const counts = { ...(found.filters || {}) };
    const inUse = groups.filter(
      (group) => (current.filters[group.name] || []).length && hasOwn(counts, group.name),
    );
    // The counts of a facet in use are as if only the other facets applied (values within a facet are OR):
    // for one facet in use that is the search without filters, which Pagefind counted already.
    // without[name]: every count of the search with all chosen facets but that one.
    const without = {};
    if (inUse.length === 1) without[inUse[0].name] = found.totalFilters || {};
    if (inUse.length > 1) {
      for (const group of inUse) {
        const others = await pagefind.search(term, {
          filters: pagefindFilters(current.filters, group.name),
        });
        if (stale() || state !== current) return;
        without[group.name] = others.filters || {};
      }
    }
    for (const group of inUse) counts[group.name] = without[group.name][group.name] || {};
    if (tied(current)) {
      const base = (name) => without[name] || found.filters || {};
      if (!(await tieCounts(current, term, counts, base))) return;
    }
    if (stale() || state !== current) return;
    showCounts(counts);
    root.dataset.geteld = String(mine);
  }

  /** The counts of a direction for the chosen effects, and of an effect for the chosen directions: how
   * many descriptions choosing that value would give. `base(name)`: the counts of the search without
   * facet `name`. False when a newer search made these counts stale. */
  async function tieCounts(current, term, counts, base) {
    const effects = chosen(current, "effect");
    const directions = chosen(current, "richting");
    if (effects.length) {
      const from = base("richting");
      const tiedCounts = from[EFFECT_RESULT] || {};
      const out = {};
      for (const label of Object.keys(from.richting || {})) {
        if (effects.length === 1) {
          out[label] = tiedCounts[effects[0] + SEPARATOR + label] || 0;
        } else if ((from.richting || {})[label]) {
          // Several effects: a praktijk may have this direction for more than one of them, so the
          // pairs are not added up but searched (one search per direction at most).
          const filters = pagefindFilters(current.filters, "richting");
          filters[EFFECT_RESULT] = { any: pairs(effects, [label]) };
          const one = await pagefind.search(term, { filters });
          if (stale() || state !== current) return false;
          out[label] = one.results.length;
        } else {
          out[label] = 0;
        }
      }
      counts.richting = out;
    }
    if (directions.length) {
      const from = base("effect");
      const tiedCounts = from[EFFECT_RESULT] || {};
      const out = {};
      // Added up over the chosen directions: exact while a praktijk reports one direction per effect
      // (two indicators of one effect in two chosen directions would count twice).
      for (const effect of Object.keys(from.effect || {})) {
        out[effect] = directions.reduce(
          (sum, label) => sum + (tiedCounts[effect + SEPARATOR + label] || 0),
          0,
        );
      }
      counts.effect = out;
    }
    return true;
  }

  function showCounts(counts) {
    for (const group of groups) {
      if (!group.asked) continue;
      if (!hasOwn(counts, group.name)) {
        // Asked for, but not in the index: no description has a value for this facet.
        if (!group.known) setNote(group, "Geen waarden.");
        continue;
      }
      group.known = true;
      setNote(group, "");
      for (const value of Object.keys(counts[group.name])) ensureValue(group, value);
      for (const [value, entry] of group.values) {
        const n = counts[group.name][value] || 0;
        entry.count.textContent = `(${dutchNumber(n)})`;
        entry.item.classList.toggle("wwidw-facet__leeg", n === 0 && !entry.input.checked);
      }
    }
  }

  /** The next result cards (one fragment each, loaded in parallel). */
  async function nextCards() {
    const next = shown.results.slice(shown.count, shown.count + (shown.count ? PAGE : FIRST_PAGE));
    shown.count += next.length; // before waiting: a second click takes the page after this one
    const data = await Promise.all(next.map((result) => result.data()));
    return data.map((result) => card(result, shown.effects || []));
  }

  /** A count as a Dutch reader reads it: 10000 -> "10.000" (as numbers.py on the pages). */
  function dutchNumber(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function announce(n, current) {
    const term = current.q.trim();
    const what = n === 1 ? "1 beschrijving gevonden" : `${dutchNumber(n)} beschrijvingen gevonden`;
    const filters = Object.values(current.filters).reduce((sum, values) => sum + values.length, 0);
    let text =
      what +
      (term ? ` voor ‘${term}’` : "") +
      (filters ? ` met ${filters} filter${filters === 1 ? "" : "s"}` : "");
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

  function badge(label, text) {
    const id = hasOwn(DIRECTIONS, label) ? String(DIRECTIONS[label]) : "";
    return element("span", "wwidw-badge" + (/^[a-z_]+$/.test(id) ? " wwidw-" + id : ""), text);
  }

  /** A praktijk's results on its card: per chosen effect that it intends, its result for that effect
   * (or that it has none); without a chosen effect, all of them summed up. Nothing for an archetype. */
  function resultLines(item, result, effects) {
    const meta = result.meta || {};
    if (!hasOwn(meta, "resultaten")) return;
    if (!effects.length) {
      const line = element("p", "wwidw-resultaat__resultaten");
      line.append(element("span", "wwidw-sr", "Resultaten: "), meta.resultaten);
      item.append(line);
      return;
    }
    const filters = result.filters || {};
    const values = filters[EFFECT_RESULT] || [];
    const intended = new Set(filters.effect || []);
    for (const effect of effects) {
      const labels = values
        .filter((value) => value.startsWith(effect + SEPARATOR))
        .map((value) => value.slice(effect.length + SEPARATOR.length))
        .filter((label) => hasOwn(DIRECTIONS, label))
        .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
      if (!labels.length && !intended.has(effect)) continue;
      const line = element("p", "wwidw-resultaat__effect");
      line.append(effect + ": ");
      if (labels.length) {
        labels.forEach((label, i) => line.append(...(i ? [" · "] : []), badge(label, label)));
      } else {
        line.append(element("span", "wwidw-geen-resultaat", NO_RESULT));
      }
      item.append(line);
    }
  }

  function card(result, effects) {
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
    if (meta.themas)
      item.append(element("p", "wwidw-resultaat__themas", "Thema's: " + meta.themas));
    // A praktijk's cost with its unit ("€ 474 per deelnemer"), as on its page.
    if (meta.kosten) item.append(element("p", "wwidw-resultaat__kosten", "Kosten: " + meta.kosten));
    const excerpt = element("p", "wwidw-resultaat__uittreksel");
    appendExcerpt(excerpt, result.excerpt || "");
    item.append(excerpt);
    resultLines(item, result, effects);
    if (meta.bewijsniveau) {
      const badge = element("span", "wwidw-badge wwidw-bewijs", meta.bewijsniveau);
      badge.title = "Bewijsniveau";
      const evidence = element("p", "wwidw-resultaat__bewijs");
      evidence.append(element("span", "wwidw-sr", "Bewijsniveau: "), badge);
      item.append(evidence);
    }
    return item;
  }

  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  function decode(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X"
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
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
    const now = performance.now();
    const pause = Math.min(PAUSE_MAX_MS, Math.max(PAUSE_MIN_MS, 1.5 * (now - lastInput)));
    lastInput = now;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      state = { ...state, q: input.value };
      writeUrl(false);
      search();
    }, pause);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    state = { ...state, q: input.value };
    writeUrl(true);
    search();
  });
  sortSelect.addEventListener("change", () => {
    state = { ...state, sort: hasOwn(SORTS, sortSelect.value) ? sortSelect.value : "" };
    writeUrl(true);
    search();
  });
  clear.addEventListener("click", () => {
    state = { ...state, filters: {} };
    showState();
    writeUrl(true);
    search();
    input.focus();
  });
  more.addEventListener("click", async () => {
    const before = list.children.length;
    const mine = generation;
    const cards = await nextCards();
    if (mine !== generation) return;
    list.append(...cards);
    more.hidden = shown.count >= shown.results.length;
    const first = list.children[before] && list.children[before].querySelector("a");
    if (first) first.focus(); // the button may disappear: keep the keyboard user at the new results
  });
  window.addEventListener("popstate", () => {
    state = readUrl();
    showState();
    search();
  });
  // A group's values are loaded when the reader opens it (and the panel around it is open).
  for (const target of [panel, ...groups.map((group) => group.element)]) {
    target.addEventListener("toggle", () => {
      for (const group of wantedGroups()) {
        if (!group.note || group.note.hidden) setNote(group, "Waarden worden geladen…");
      }
      if (wantedGroups().length) request("counts");
    });
  }

  const wide = window.matchMedia("(min-width: 60em)");
  panel.open = wide.matches;
  wide.addEventListener("change", () => {
    panel.open = wide.matches;
  });
  showState();

  (async () => {
    try {
      status.textContent = "Zoeken wordt geladen…";
      pagefind = await import(BUNDLE.href);
      await pagefind.options({ baseUrl: SITE.pathname, excerptLength: 30 });
      // Resolves once the wasm and the index metadata are loaded; an empty term fetches no index chunk.
      await pagefind.preload("");
      await request("full");
      root.dataset.klaar = "ja";
    } catch (error) {
      status.textContent =
        "Zoeken is nu niet beschikbaar. Blader via de thema's, effecten of gemeenten in het menu.";
      root.dataset.klaar = "fout";
    }
  })();
})();
