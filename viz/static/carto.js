/* Cartography page behaviour: draw, filter, search, highlight, details.
 *
 * Every text coming from the data is written with textContent (or as a DOM property),
 * never through innerHTML: the data may hold anything a workbook cell can hold.
 */
(function () {
  "use strict";

  var donnees = JSON.parse(document.getElementById("carto-donnees").textContent);
  var GRIS = { background: "#e4e8ed", border: "#e4e8ed",
               highlight: { background: "#e4e8ed", border: "#9aa5b1" },
               hover: { background: "#e4e8ed", border: "#9aa5b1" } };
  var POLICE = { color: "#1f2933" };
  var POLICE_ESTOMPEE = { color: "#b8c2cc" };
  var grand = donnees.nodes.length > 1500;

  var parId = {};
  var couleurs = {};
  var polices = {};
  donnees.nodes.forEach(function (n) {
    parId[n.id] = n;
    couleurs[n.id] = n.color;
    polices[n.id] = n.font || POLICE;
    if (!grand && n.kind !== "groupe") {
      n.title = bulle(n);
    }
  });
  var couleursLiens = {};
  var liensDe = {};
  donnees.edges.forEach(function (e) {
    couleursLiens[e.id] = e.color;
    (liensDe[e.from] = liensDe[e.from] || []).push(e);
    (liensDe[e.to] = liensDe[e.to] || []).push(e);
  });

  function bulle(n) {
    var div = document.createElement("div");
    var b = document.createElement("strong");
    b.textContent = n.nom || n.label;
    div.appendChild(b);
    var p = document.createElement("div");
    p.textContent = n.kindLabel;
    div.appendChild(p);
    return div;
  }

  var nodes = new vis.DataSet(donnees.nodes);
  var edges = new vis.DataSet(donnees.edges);
  var conteneur = document.getElementById("reseau");
  var network = new vis.Network(conteneur, { nodes: nodes, edges: edges }, donnees.options);

  var etat = {
    estompes: false,
    selection: null,
    dernierFocus: null,
    premierDessin: null,
    filtres: { defi: "", chantier: "", types: {}, statuts: {} }
  };

  window.carto = {
    network: network,
    nodes: nodes,
    edges: edges,
    donnees: donnees,
    etat: etat
  };

  network.once("afterDrawing", function () {
    etat.premierDessin = performance.now();
    window.carto.premierDessin = etat.premierDessin;
    document.documentElement.setAttribute("data-dessine", "oui");
    document.getElementById("chargement").hidden = true;
  });
  network.fit({ animation: false });

  /* ---------- framing ---------- */

  // vis-network keeps its scale and centre when the canvas changes size (the window
  // opened at another size, then resized; the page's layout settling), which pushes the
  // labels at the map's edges out of view. Until the user moves or zooms the view, each
  // resize frames the whole map again; fit() measures the labels first, so they fit too.
  etat.vueTouchee = false;
  function vueTouchee() { etat.vueTouchee = true; }
  network.on("dragStart", vueTouchee);
  network.on("zoom", vueTouchee);
  network.on("resize", function () {
    // After the event vis-network rescales the old view to the new size: frame once
    // that is done (a microtask runs before the next frame is drawn).
    Promise.resolve().then(function () {
      if (!etat.vueTouchee) { network.fit({ animation: false }); }
    });
  });

  /* ---------- neighbourhood highlight ---------- */

  function surligner(id) {
    var voisins = {};
    voisins[id] = true;
    network.getConnectedNodes(id).forEach(function (v) { voisins[v] = true; });
    var majNoeuds = [];
    donnees.nodes.forEach(function (n) {
      var estompe = !voisins[n.id];
      majNoeuds.push({
        id: n.id,
        estompe: estompe,
        color: estompe ? GRIS : couleurs[n.id],
        font: estompe ? POLICE_ESTOMPEE : polices[n.id]
      });
    });
    var majLiens = [];
    donnees.edges.forEach(function (e) {
      var estompe = e.from !== id && e.to !== id;
      majLiens.push({ id: e.id, estompe: estompe,
                      color: estompe ? { color: "#e9edf1", highlight: "#111111" } : couleursLiens[e.id] });
    });
    nodes.update(majNoeuds);
    edges.update(majLiens);
    etat.estompes = true;
    etat.selection = id;
  }

  function effacerSurlignage() {
    if (!etat.estompes) { return; }
    nodes.update(donnees.nodes.map(function (n) {
      return { id: n.id, estompe: false, color: couleurs[n.id], font: polices[n.id] };
    }));
    edges.update(donnees.edges.map(function (e) {
      return { id: e.id, estompe: false, color: couleursLiens[e.id] };
    }));
    etat.estompes = false;
    etat.selection = null;
  }

  /* ---------- details ---------- */

  var panneau = document.getElementById("details");

  function element(tag, classe, texte) {
    var el = document.createElement(tag);
    if (classe) { el.className = classe; }
    if (texte !== undefined && texte !== null) { el.textContent = String(texte); }
    return el;
  }

  function sections(liste) {
    var frag = document.createDocumentFragment();
    (liste || []).forEach(function (s) {
      frag.appendChild(element("h4", "", s.titre));
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
      frag.appendChild(ul);
    });
    return frag;
  }

  function detailsNoeud(id) {
    var n = parId[id];
    panneau.replaceChildren();
    if (!n) { return; }
    panneau.appendChild(element("h3", "nom", n.nom || n.label));
    var genre = element("span", "genre", n.kindLabel);
    genre.style.background = (n.color && n.color.background) || "#52606d";
    panneau.appendChild(genre);
    if (n.ident) { panneau.appendChild(element("p", "ident", "Identifiant : " + n.ident)); }
    if (n.metrique !== undefined) {
      panneau.appendChild(element("p", "ident", "Mesure de la taille : " + n.metrique));
    }
    panneau.appendChild(sections(n.details));
  }

  function detailsLien(id) {
    var e = edges.get(id);
    if (!e) { return; }
    panneau.replaceChildren();
    var de = parId[e.from], vers = parId[e.to];
    panneau.appendChild(element("h3", "nom", (de ? de.nom : "") + " → " + (vers ? vers.nom : "")));
    if (e.hypothese) {
      var p = element("p");
      p.appendChild(element("span", "hypothese", "hypothèse"));
      p.appendChild(element("span", "texte", e.hypothese));
      panneau.appendChild(p);
    }
    panneau.appendChild(sections(e.details));
  }

  function detailsVides() {
    panneau.replaceChildren(element("p", "vide", "Cliquer un nœud ou un lien pour voir ses détails."));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      surligner(id);
      detailsNoeud(id);
    } else if (params.edges.length) {
      effacerSurlignage();
      detailsLien(params.edges[0]);
    } else {
      effacerSurlignage();
      detailsVides();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      network.unselectAll();
      effacerSurlignage();
      detailsVides();
    }
  });

  /* ---------- filters ---------- */

  var f = donnees.filtres;
  var selDefi = document.getElementById("filtre-defi");
  var selChantier = document.getElementById("filtre-chantier");

  function remplirSelect(select, options, bloc) {
    if (!options.length) { document.getElementById(bloc).hidden = true; return; }
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o.id;
      opt.textContent = o.texte;
      select.appendChild(opt);
    });
  }
  remplirSelect(selDefi, f.defis, "filtre-defi-bloc");
  remplirSelect(selChantier, f.chantiers, "filtre-chantier-bloc");

  function cases(conteneurId, options, cle) {
    var fs = document.getElementById(conteneurId);
    if (!options.length) { fs.hidden = true; return; }
    options.forEach(function (o) {
      var label = element("label", "case");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = o.id;
      input.name = cle;
      etat.filtres[cle][o.id] = true;
      input.addEventListener("change", function () {
        etat.filtres[cle][o.id] = input.checked;
        appliquerFiltres();
      });
      label.appendChild(input);
      label.appendChild(element("span", "", o.texte));
      fs.appendChild(label);
    });
  }
  cases("filtre-types", f.types, "types");
  cases("filtre-statuts", f.statuts, "statuts");
  selDefi.addEventListener("change", function () { etat.filtres.defi = selDefi.value; appliquerFiltres(); });
  selChantier.addEventListener("change", function () { etat.filtres.chantier = selChantier.value; appliquerFiltres(); });
  document.getElementById("filtres-reinitialiser").addEventListener("click", reinitialiserFiltres);

  var caches = {};
  var cachesLiens = {};

  function appliquerFiltres() {
    var fl = etat.filtres;
    var visible = {};
    donnees.nodes.forEach(function (n) {
      var ok = true;
      if (n.kind !== "groupe") {
        if (fl.defi && n.defis.indexOf(fl.defi) < 0) { ok = false; }
        if (fl.chantier && n.chantiers.indexOf(fl.chantier) < 0) { ok = false; }
      }
      if (n.resource && fl.types[n.kind] === false) { ok = false; }
      if (n.sansLien && fl.statuts.aucun === false) { ok = false; }
      visible[n.id] = ok;
    });
    // A resource whose every status link is filtered out has nothing left to show.
    var liensStatut = {}, liensStatutVisibles = {};
    donnees.edges.forEach(function (e) {
      if (!e.statut) { return; }
      liensStatut[e.to] = (liensStatut[e.to] || 0) + 1;
      if (fl.statuts[e.statut] !== false && visible[e.from]) {
        liensStatutVisibles[e.to] = (liensStatutVisibles[e.to] || 0) + 1;
      }
    });
    Object.keys(liensStatut).forEach(function (id) {
      if (!liensStatutVisibles[id]) { visible[id] = false; }
    });
    // A kind's heading goes when none of its resources is left.
    var typesVisibles = {};
    donnees.nodes.forEach(function (n) {
      if (visible[n.id] && n.resource) { typesVisibles[n.kind] = true; }
    });
    donnees.nodes.forEach(function (n) {
      if (n.kind === "groupe") { visible[n.id] = !!typesVisibles[n.groupe]; }
    });
    var majNoeuds = [], majLiens = [], compte = 0;
    donnees.nodes.forEach(function (n) {
      var cache = !visible[n.id];
      if (!cache && n.kind !== "groupe") { compte += 1; }
      if (!!caches[n.id] !== cache) { majNoeuds.push({ id: n.id, hidden: cache }); caches[n.id] = cache; }
    });
    donnees.edges.forEach(function (e) {
      var cache = !visible[e.from] || !visible[e.to] || (e.statut && fl.statuts[e.statut] === false);
      cache = !!cache;
      if (!!cachesLiens[e.id] !== cache) { majLiens.push({ id: e.id, hidden: cache }); cachesLiens[e.id] = cache; }
    });
    nodes.update(majNoeuds);
    edges.update(majLiens);
    var total = donnees.nodes.filter(function (n) { return n.kind !== "groupe"; }).length;
    document.getElementById("filtres-compte").textContent =
      compte + " nœud" + (compte > 1 ? "s" : "") + " affiché" + (compte > 1 ? "s" : "") + " sur " + total;
  }

  function reinitialiserFiltres() {
    etat.filtres.defi = "";
    etat.filtres.chantier = "";
    selDefi.value = "";
    selChantier.value = "";
    document.querySelectorAll("#filtres input[type=checkbox]").forEach(function (input) {
      input.checked = true;
      etat.filtres[input.name][input.value] = true;
    });
    appliquerFiltres();
  }

  /* ---------- search ---------- */

  function normaliser(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var index = donnees.nodes.filter(function (n) { return n.kind !== "groupe"; }).map(function (n) {
    return { id: n.id, nom: normaliser(n.nom || n.label), court: normaliser(n.label),
             ident: normaliser(n.ident) };
  });
  var liste = document.getElementById("recherche-noms");
  var vus = {};
  index.forEach(function (entree) {
    var n = parId[entree.id];
    var nom = n.nom || n.label;
    if (vus[nom]) { return; }
    vus[nom] = true;
    var opt = document.createElement("option");
    opt.value = nom;
    liste.appendChild(opt);
  });

  function trouver(texte) {
    var q = normaliser(texte);
    if (!q) { return null; }
    var i, e;
    for (i = 0; i < index.length; i++) { e = index[i]; if (e.nom === q || e.court === q || e.ident === q) { return e.id; } }
    for (i = 0; i < index.length; i++) { e = index[i]; if (e.nom.indexOf(q) === 0) { return e.id; } }
    for (i = 0; i < index.length; i++) { e = index[i]; if (e.nom.indexOf(q) >= 0) { return e.id; } }
    return null;
  }

  function focaliser(id) {
    vueTouchee();
    if (caches[id]) { reinitialiserFiltres(); }
    network.selectNodes([id]);
    surligner(id);
    detailsNoeud(id);
    etat.dernierFocus = id;
    centrer(id);
  }

  // One view animation at a time. vis-network cannot start an animation before the
  // previous one has drawn a frame: the first stays attached and later redraws move the
  // view off the node. Enter in the search box fires both "change" and "submit", which
  // asked for the same node twice at once; a node asked for while another is on its way
  // waits for it to arrive.
  etat.centrage = null;
  etat.centrageSuivant = null;
  network.on("animationFinished", function () {
    etat.centrage = null;
    var suivant = etat.centrageSuivant;
    etat.centrageSuivant = null;
    if (suivant !== null) { centrer(suivant); }
  });

  function centrer(id) {
    if (etat.centrage !== null) {
      etat.centrageSuivant = etat.centrage === id ? null : id;
      return;
    }
    etat.centrage = id;
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: { duration: 300, easingFunction: "easeInOutQuad" }
    });
  }

  var message = document.getElementById("recherche-message");
  var champ = document.getElementById("recherche-texte");
  function chercher() {
    var id = trouver(champ.value);
    if (id === null) {
      message.textContent = champ.value.trim() ? "Aucun nœud ne porte ce nom." : "";
      return;
    }
    message.textContent = "";
    focaliser(id);
  }
  document.getElementById("recherche").addEventListener("submit", function (ev) {
    ev.preventDefault();
    chercher();
  });
  champ.addEventListener("change", chercher);

  /* ---------- side lists (gaps view) ---------- */

  var listes = document.getElementById("listes");
  (donnees.listes || []).forEach(function (l) {
    listes.appendChild(element("h3", "", l.titre));
    if (!l.items.length) {
      listes.appendChild(element("p", "vide", l.vide || "Aucun."));
      return;
    }
    var ul = element("ul");
    l.items.forEach(function (item) {
      var li = element("li");
      var bouton = element("button", "lien", item.texte);
      bouton.type = "button";
      bouton.addEventListener("click", function () { focaliser(item.id); });
      li.appendChild(bouton);
      ul.appendChild(li);
    });
    listes.appendChild(ul);
  });

  window.carto.trouver = trouver;
  window.carto.focaliser = focaliser;
  window.carto.appliquerFiltres = appliquerFiltres;
  window.carto.reinitialiserFiltres = reinitialiserFiltres;
  appliquerFiltres();
})();
