/* Cartography page behaviour: draw, filter, search, highlight, details.
 *
 * Every text coming from the data is written with textContent (or as a DOM property),
 * never through innerHTML: the data may hold anything a workbook cell can hold.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("carto-donnees").textContent);
  var GREY = { background: "#e4e8ed", border: "#e4e8ed",
               highlight: { background: "#e4e8ed", border: "#9aa5b1" },
               hover: { background: "#e4e8ed", border: "#9aa5b1" } };
  var FONT = { color: "#1f2933" };
  var DIMMED_FONT = { color: "#b8c2cc" };
  var big = data.nodes.length > 1500;

  var byId = {};
  var colours = {};
  var fonts = {};
  data.nodes.forEach(function (n) {
    byId[n.id] = n;
    colours[n.id] = n.color;
    fonts[n.id] = n.font || FONT;
    if (!big && n.kind !== "groupe") {
      n.title = tooltip(n);
    }
  });
  var edgeColours = {};
  var edgesOf = {};
  data.edges.forEach(function (e) {
    edgeColours[e.id] = e.color;
    (edgesOf[e.from] = edgesOf[e.from] || []).push(e);
    (edgesOf[e.to] = edgesOf[e.to] || []).push(e);
  });

  function tooltip(n) {
    var div = document.createElement("div");
    var b = document.createElement("strong");
    b.textContent = n.nom || n.label;
    div.appendChild(b);
    var p = document.createElement("div");
    p.textContent = n.kindLabel;
    div.appendChild(p);
    if (n.hypothese) {
      var h = document.createElement("div");
      h.textContent = "hypothèse : " + n.hypothese;
      div.appendChild(h);
    }
    return div;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("reseau");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var state = {
    dimmed: false,
    selection: null,
    lastFocus: null,
    firstDraw: null,
    filters: { defi: "", chantier: "", types: {}, statuses: {}, onlyAssumptions: false, onlyChanges: false }
  };

  window.carto = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    state: state
  };

  network.once("afterDrawing", function () {
    state.firstDraw = performance.now();
    window.carto.firstDraw = state.firstDraw;
    document.documentElement.setAttribute("data-drawn", "yes");
    document.getElementById("chargement").hidden = true;
  });

  /* ---------- legible framing ---------- */

  // The whole map is framed at first sight, however small the window: a map as wide as
  // a roadmap is then drawn small. Every label is made at least MIN_LABEL_PX high on
  // screen at that scale, then the map is framed again with the larger labels, until
  // both hold.
  var MIN_LABEL_PX = 12;
  // The gaps layout kept room for each label's box as drawn at its own size: enlarged,
  // a label keeps that shape (it wraps at a proportionally wider width). Elsewhere it
  // wraps at its own width and grows in lines, which the rings have more room for.
  var keepShape = data.vue === "lacunes";
  var globalFont = (data.options.nodes && data.options.nodes.font && data.options.nodes.font.size) || 14;
  var baseNodeFont = {}, baseNodeWidth = {}, nodeFontSize = {};
  data.nodes.forEach(function (n) {
    baseNodeFont[n.id] = (n.font && n.font.size) || globalFont;
    baseNodeWidth[n.id] = n.widthConstraint && n.widthConstraint.maximum;
    nodeFontSize[n.id] = baseNodeFont[n.id];
  });
  var baseEdgeFont = {}, edgeFontSize = {};
  data.edges.forEach(function (e) {
    if (e.label) { baseEdgeFont[e.id] = (e.font && e.font.size) || 14; edgeFontSize[e.id] = baseEdgeFont[e.id]; }
  });

  function enlargeLabels(scale) {
    var need = MIN_LABEL_PX / scale, changed = 0;
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      if (!String(n.label || "").trim()) { return; }
      var size = Math.max(baseNodeFont[n.id], need);
      if (Math.abs(size - nodeFontSize[n.id]) < 0.01 * size) { return; }
      changed = Math.max(changed, Math.abs(size - nodeFontSize[n.id]) / size);
      nodeFontSize[n.id] = size;
      fonts[n.id] = Object.assign({}, fonts[n.id], { size: size });
      var update = { id: n.id, font: fonts[n.id] };
      if (baseNodeWidth[n.id] && keepShape) {
        update.widthConstraint = { maximum: baseNodeWidth[n.id] * size / baseNodeFont[n.id] };
      }
      nodeUpdates.push(update);
    });
    data.edges.forEach(function (e) {
      if (!baseEdgeFont[e.id]) { return; }
      var size = Math.max(baseEdgeFont[e.id], need);
      if (Math.abs(size - edgeFontSize[e.id]) < 0.01 * size) { return; }
      edgeFontSize[e.id] = size;
      edgeUpdates.push({ id: e.id, font: Object.assign({}, e.font, { size: size }) });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    return changed;
  }

  function frame() {
    network.fit({ animation: false });
    if (!data.lisible) { return; }
    for (var round = 0; round < 12; round++) {
      if (enlargeLabels(network.getScale()) < 0.01) { return; }
      network.fit({ animation: false });
    }
    // Not settled: the labels keep the size of the last framing, which holds them all.
  }
  frame();

  /* ---------- framing ---------- */

  // vis-network keeps its scale and centre when the canvas changes size (the window
  // opened at another size, then resized; the page's layout settling), which pushes the
  // labels at the map's edges out of view. Until the user moves or zooms the view, each
  // resize frames the whole map again; fit() measures the labels first, so they fit too.
  state.viewTouched = false;
  function touchView() { state.viewTouched = true; }
  network.on("dragStart", touchView);
  network.on("zoom", touchView);
  network.on("resize", function () {
    // After the event vis-network rescales the old view to the new size: frame once
    // that is done (a microtask runs before the next frame is drawn).
    Promise.resolve().then(function () {
      if (!state.viewTouched) { frame(); }
    });
  });

  /* ---------- neighbourhood highlight ---------- */

  function highlight(id) {
    var neighbours = {};
    neighbours[id] = true;
    network.getConnectedNodes(id).forEach(function (v) { neighbours[v] = true; });
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var dimmed = !neighbours[n.id];
      nodeUpdates.push({
        id: n.id,
        dimmed: dimmed,
        color: dimmed ? GREY : colours[n.id],
        font: dimmed ? DIMMED_FONT : fonts[n.id]
      });
    });
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var dimmed = e.from !== id && e.to !== id;
      edgeUpdates.push({ id: e.id, dimmed: dimmed,
                        color: dimmed ? { color: "#e9edf1", highlight: "#111111" } : edgeColours[e.id] });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    state.dimmed = true;
    state.selection = id;
  }

  function clearHighlight() {
    if (!state.dimmed) { return; }
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, dimmed: false, color: colours[n.id], font: fonts[n.id] };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, dimmed: false, color: edgeColours[e.id] };
    }));
    state.dimmed = false;
    state.selection = null;
  }

  /* ---------- details ---------- */

  var panel = document.getElementById("details");

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    return el;
  }

  function sections(list) {
    var fragment = document.createDocumentFragment();
    (list || []).forEach(function (s) {
      fragment.appendChild(element("h4", "", s.titre));
      var ul = element("ul");
      (s.items || []).forEach(function (item) {
        var li = element("li");
        if (item.hypothese) {
          li.classList.add("est-hypothese");
          li.appendChild(element("span", "hypothese", "hypothèse"));
        }
        li.appendChild(element("span", "texte", item.texte));
        if (item.hypothese) {
          li.appendChild(element("span", "hypothese-texte", "Supposé : " + item.hypothese));
        }
        ul.appendChild(li);
      });
      fragment.appendChild(ul);
    });
    return fragment;
  }

  function showNodeDetails(id) {
    var n = byId[id];
    panel.replaceChildren();
    if (!n) { return; }
    panel.appendChild(element("h3", "nom", n.nom || n.label));
    var kindBadge = element("span", "genre", n.kindLabel);
    kindBadge.style.background = (n.color && n.color.background) || "#52606d";
    panel.appendChild(kindBadge);
    if (n.hypothese) {
      var hyp = element("p", "est-hypothese");
      hyp.appendChild(element("span", "hypothese", "hypothèse"));
      hyp.appendChild(element("span", "texte", n.hypothese));
      panel.appendChild(hyp);
    }
    if (n.aMobiliser) { panel.appendChild(element("p", "a-mobiliser", "À mobiliser : aucun chantier ne la mobilise encore.")); }
    if (n.ident) { panel.appendChild(element("p", "ident", "Identifiant : " + n.ident)); }
    if (n.metrique !== undefined) {
      panel.appendChild(element("p", "ident", "Mesure de la taille : " + n.metrique));
    }
    panel.appendChild(sections(n.details));
  }

  function showEdgeDetails(id) {
    var e = edges.get(id);
    if (!e) { return; }
    panel.replaceChildren();
    var source = byId[e.from], target = byId[e.to];
    panel.appendChild(element("h3", "nom", (source ? source.nom : "") + " → " + (target ? target.nom : "")));
    if (e.hypothese) {
      var p = element("p");
      p.appendChild(element("span", "hypothese", "hypothèse"));
      p.appendChild(element("span", "texte", e.hypothese));
      panel.appendChild(p);
    }
    panel.appendChild(sections(e.details));
  }

  function showNoDetails() {
    panel.replaceChildren(element("p", "vide", "Cliquer un nœud ou un lien pour voir ses détails."));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      highlight(id);
      showNodeDetails(id);
    } else if (params.edges.length) {
      clearHighlight();
      showEdgeDetails(params.edges[0]);
    } else {
      clearHighlight();
      showNoDetails();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      network.unselectAll();
      clearHighlight();
      showNoDetails();
    }
  });

  /* ---------- filters ---------- */

  var f = data.filtres;
  var defiSelect = document.getElementById("filtre-defi");
  var chantierSelect = document.getElementById("filtre-chantier");

  function fillSelect(select, options, block) {
    if (!options.length) { document.getElementById(block).hidden = true; return; }
    options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o.id;
      option.textContent = o.texte;
      select.appendChild(option);
    });
  }
  fillSelect(defiSelect, f.defis, "filtre-defi-bloc");
  fillSelect(chantierSelect, f.chantiers, "filtre-chantier-bloc");

  function checkboxes(containerId, options, key) {
    var fs = document.getElementById(containerId);
    if (!options.length) { fs.hidden = true; return; }
    options.forEach(function (o) {
      var label = element("label", "case");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = o.id;
      input.name = key;
      state.filters[key][o.id] = true;
      input.addEventListener("change", function () {
        state.filters[key][o.id] = input.checked;
        applyFilters();
      });
      label.appendChild(input);
      label.appendChild(element("span", "", o.texte));
      fs.appendChild(label);
    });
  }
  checkboxes("filtre-types", f.types, "types");
  checkboxes("filtre-statuts", f.statuts, "statuses");
  var assumptionsOnly = document.getElementById("filtre-hypotheses-seules");
  if (!f.hypotheses) { document.getElementById("filtre-hypotheses").hidden = true; }
  assumptionsOnly.addEventListener("change", function () {
    state.filters.onlyAssumptions = assumptionsOnly.checked;
    applyFilters();
  });
  var changesOnly = document.getElementById("filtre-changements-seuls");
  if (f.changements) { document.getElementById("filtre-changements").hidden = false; }
  changesOnly.addEventListener("change", function () {
    state.filters.onlyChanges = changesOnly.checked;
    applyFilters();
  });
  defiSelect.addEventListener("change", function () { state.filters.defi = defiSelect.value; applyFilters(); });
  chantierSelect.addEventListener("change", function () { state.filters.chantier = chantierSelect.value; applyFilters(); });
  document.getElementById("filtres-reinitialiser").addEventListener("click", resetFilters);

  var hidden = {};
  var hiddenEdges = {};

  function applyFilters() {
    var active = state.filters;
    var visible = {};
    data.nodes.forEach(function (n) {
      var shown = true;
      if (n.kind !== "groupe") {
        if (active.defi && n.defis.indexOf(active.defi) < 0) { shown = false; }
        if (active.chantier && n.chantiers.indexOf(active.chantier) < 0) { shown = false; }
      }
      if (n.resource && active.types[n.kind] === false) { shown = false; }
      if (n.sansLien && active.statuses.aucun === false) { shown = false; }
      visible[n.id] = shown;
    });
    // A resource whose every status link is filtered out has nothing left to show.
    var statusEdges = {}, shownStatusEdges = {};
    data.edges.forEach(function (e) {
      if (!e.statut) { return; }
      statusEdges[e.to] = (statusEdges[e.to] || 0) + 1;
      if (active.statuses[e.statut] !== false && visible[e.from]) {
        shownStatusEdges[e.to] = (shownStatusEdges[e.to] || 0) + 1;
      }
    });
    Object.keys(statusEdges).forEach(function (id) {
      if (!shownStatusEdges[id]) { visible[id] = false; }
    });
    if (active.onlyAssumptions) {
      // Only what is assumed: assumed nodes, assumed links and the two ends of these.
      var ends = {};
      data.edges.forEach(function (e) {
        if (e.hypothese && visible[e.from] && visible[e.to] &&
            !(e.statut && active.statuses[e.statut] === false)) {
          ends[e.from] = true;
          ends[e.to] = true;
        }
      });
      data.nodes.forEach(function (n) {
        if (!n.hypothese && !ends[n.id]) { visible[n.id] = false; }
      });
    }
    if (active.onlyChanges) {
      // Only what changed since the first version: marked nodes, marked links and their ends.
      var changedEnds = {};
      data.edges.forEach(function (e) {
        if (e.changement && visible[e.from] && visible[e.to] &&
            !(e.statut && active.statuses[e.statut] === false)) {
          changedEnds[e.from] = true;
          changedEnds[e.to] = true;
        }
      });
      data.nodes.forEach(function (n) {
        if (!n.changement && !changedEnds[n.id]) { visible[n.id] = false; }
      });
    }
    // A kind's heading goes when none of its resources is left.
    var shownKinds = {};
    data.nodes.forEach(function (n) {
      if (visible[n.id] && n.resource) { shownKinds[n.kind] = true; }
    });
    data.nodes.forEach(function (n) {
      if (n.kind === "groupe") { visible[n.id] = !!shownKinds[n.groupe]; }
    });
    var nodeUpdates = [], edgeUpdates = [], count = 0;
    data.nodes.forEach(function (n) {
      var hide = !visible[n.id];
      if (!hide && n.kind !== "groupe") { count += 1; }
      if (!!hidden[n.id] !== hide) { nodeUpdates.push({ id: n.id, hidden: hide }); hidden[n.id] = hide; }
    });
    data.edges.forEach(function (e) {
      var hide = !visible[e.from] || !visible[e.to] || (e.statut && active.statuses[e.statut] === false) ||
        (active.onlyAssumptions && !e.hypothese) || (active.onlyChanges && !e.changement);
      hide = !!hide;
      if (!!hiddenEdges[e.id] !== hide) { edgeUpdates.push({ id: e.id, hidden: hide }); hiddenEdges[e.id] = hide; }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var total = data.nodes.filter(function (n) { return n.kind !== "groupe"; }).length;
    document.getElementById("filtres-compte").textContent =
      count + " nœud" + (count > 1 ? "s" : "") + " affiché" + (count > 1 ? "s" : "") + " sur " + total;
  }

  function resetFilters() {
    state.filters.defi = "";
    state.filters.chantier = "";
    defiSelect.value = "";
    chantierSelect.value = "";
    state.filters.onlyAssumptions = false;
    assumptionsOnly.checked = false;
    state.filters.onlyChanges = false;
    changesOnly.checked = false;
    document.querySelectorAll("#filtres input[type=checkbox][name]").forEach(function (input) {
      input.checked = true;
      state.filters[input.name][input.value] = true;
    });
    applyFilters();
  }

  /* ---------- search ---------- */

  function normalise(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var searchIndex = data.nodes.filter(function (n) { return n.kind !== "groupe"; }).map(function (n) {
    return { id: n.id, name: normalise(n.nom || n.label), short: normalise(n.label),
             ident: normalise(n.ident) };
  });
  var list = document.getElementById("recherche-noms");
  var seen = {};
  searchIndex.forEach(function (entry) {
    var n = byId[entry.id];
    var name = n.nom || n.label;
    if (seen[name]) { return; }
    seen[name] = true;
    var option = document.createElement("option");
    option.value = name;
    list.appendChild(option);
  });

  function find(text) {
    var q = normalise(text);
    if (!q) { return null; }
    var i, e;
    for (i = 0; i < searchIndex.length; i++) { e = searchIndex[i]; if (e.name === q || e.short === q || e.ident === q) { return e.id; } }
    for (i = 0; i < searchIndex.length; i++) { e = searchIndex[i]; if (e.name.indexOf(q) === 0) { return e.id; } }
    for (i = 0; i < searchIndex.length; i++) { e = searchIndex[i]; if (e.name.indexOf(q) >= 0) { return e.id; } }
    return null;
  }

  function focusNode(id) {
    touchView();
    if (hidden[id]) { resetFilters(); }
    network.selectNodes([id]);
    highlight(id);
    showNodeDetails(id);
    state.lastFocus = id;
    centre(id);
  }

  // One view animation at a time. vis-network cannot start an animation before the
  // previous one has drawn a frame: the first stays attached and later redraws move the
  // view off the node. Enter in the search box fires both "change" and "submit", which
  // asked for the same node twice at once; a node asked for while another is on its way
  // waits for it to arrive.
  state.centring = null;
  state.nextCentring = null;
  network.on("animationFinished", function () {
    state.centring = null;
    var next = state.nextCentring;
    state.nextCentring = null;
    if (next !== null) { centre(next); }
  });

  function centre(id) {
    if (state.centring !== null) {
      state.nextCentring = state.centring === id ? null : id;
      return;
    }
    state.centring = id;
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: { duration: 300, easingFunction: "easeInOutQuad" }
    });
  }

  var message = document.getElementById("recherche-message");
  var field = document.getElementById("recherche-texte");
  function search() {
    var id = find(field.value);
    if (id === null) {
      message.textContent = field.value.trim() ? "Aucun nœud ne porte ce nom." : "";
      return;
    }
    message.textContent = "";
    focusNode(id);
  }
  document.getElementById("recherche").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search();
  });
  field.addEventListener("change", search);

  /* ---------- side lists (gaps view) ---------- */

  var lists = document.getElementById("listes");
  (data.listes || []).forEach(function (l) {
    lists.appendChild(element("h3", "", l.titre));
    if (!l.items.length) {
      lists.appendChild(element("p", "vide", l.vide || "Aucun."));
      return;
    }
    var ul = element("ul");
    l.items.forEach(function (item) {
      var li = element("li");
      if (!item.id) {  // nothing on the map to show (a removed element)
        li.appendChild(element("span", "", item.texte));
        ul.appendChild(li);
        return;
      }
      var button = element("button", "lien", item.texte);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(item.id); });
      li.appendChild(button);
      ul.appendChild(li);
    });
    lists.appendChild(ul);
  });

  window.carto.find = find;
  window.carto.focusNode = focusNode;
  window.carto.applyFilters = applyFilters;
  window.carto.resetFilters = resetFilters;
  applyFilters();
})();
