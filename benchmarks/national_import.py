"""``importer`` and the cross-territory questions at national scale (issue 11).

    FDR_SHARED=../shared nice python -m benchmarks.national_import [--nombre N]
        [--etapes formes,import,memoire,questions]

N roadmaps (default: every EPCI of France, 1,255), one per EPCI, built by the real
builder from the national generator's workbooks (``_national``: shared identifiers —
national nodes, programmes, SIRET), each written once as Turtle under
``resultats/cache/`` as a territory would publish it. Then, in one run:

1. the shapes: the fast validator (shapes compiled to SPARQL on Oxigraph) on every
   roadmap, pyshacl on a sample (``--echantillon-pyshacl``, default 50: about 5 s each
   here), agreement checked on every roadmap both ran, pyshacl's total extrapolated
   (and labelled so);
2. ``import``: the import (read into Oxigraph quads, scope, shapes with the fast
   validator, named graphs written in bulk batches) of all of them into a new Oxigraph
   store, in its own process (peak memory its own), against a bare ``oxigraph load`` of
   the same data (wall and CPU time; the files into the default graph, the files into
   one named graph, and one TriG file written once from them where each roadmap is in
   its own named graph, as the import leaves it), and where the import's time goes,
   phase by phase (CPU time);
3. ``memoire``: the same files in rdflib (a ``Dataset``, one named graph each), in its
   own process: loading time and peak memory, against the import's peak; and the
   import's peak at 100, 500 and all roadmaps, each in its own process, with the
   Python part of it (``tracemalloc``'s peak);
4. ``questions``: every cross-territory question as a user asks it (counts, top 20, one
   programme, one pair) on the imported store (embedded Oxigraph) and on rdflib, each
   given ``--delai-rdflib`` seconds.

``--etapes`` runs some sections only (default: all); each section run replaces its part
of ``national.json`` (with its own date and command), the others are kept, and
``national.md`` is written again from the whole. Results: ``benchmarks/resultats/``
(``--resultats DOSSIER`` elsewhere).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from ._national import GENERATOR_VERSION

__all__ = ["CASES", "GOALS", "READING", "STEPS", "UNAGGREGATED", "main", "merged"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "resultats"
GEO = "https://w3id.org/feuille-de-route/geo/"
PROGRAMMES = "https://w3id.org/feuille-de-route/programmes/"
STEPS = ("formes", "import", "memoire", "questions")
GOALS = {
    "validation_rapide_sur_pyshacl": 5.0,
    "import_sur_oxigraph_load": 1.5,
    "memoire_import_sur_rdflib": 0.5,
    "question_oxigraph_s": 0.5,
    "question_rdflib_sur_oxigraph": 30.0,
}
# What the figures say (rewritten with each full run; see docs/architecture.md for the
# queries' shape and the import's batches).
READING = [
    "- Import : chaque fichier est lu par l'analyseur d'Oxigraph en quads, qui restent des "
    "termes Oxigraph jusqu'au stockage : la portée les lit, les formes compilées tournent "
    "sur un Oxigraph en mémoire fait de ces quads, puis la synthèse de la source est "
    "écartée et la sienne calculée (`graph/synthese.rq` sur cet Oxigraph en mémoire). Les "
    "feuilles de route que le stockage n'a pas encore vont au chargeur en bloc d'Oxigraph "
    "(`bulk_extend`, sans transaction) au fil de l'eau : c'est le chargeur qui mène "
    "l'import, lisant chaque feuille de route dès qu'elle est vérifiée, comme "
    "`oxigraph load` lit un fichier ; une écriture en bloc s'arrête après 10 millions de "
    "quads (toutes les feuilles de route nationales en une seule). Avant le premier quad "
    "d'une feuille de route, une transaction l'inscrit dans le journal du stockage (un "
    "graphe nommé à part), vidé à la fin ; un arrêt au milieu laisse le journal, et "
    "l'ouverture suivante supprime les graphes qu'il nomme : jamais une demi-feuille de "
    "route. Une feuille de route déjà présente est remplacée tout de suite par une seule "
    "mise à jour (DROP puis INSERT dont les termes viennent de fonctions, pas du texte "
    "SPARQL). Le chargement seul est mesuré à part, dans son processus, comme les "
    "chargements nus : le CPU de tous les fils (le chargeur et RocksDB écrivent et "
    "fusionnent leurs fichiers dans des fils à eux, en même temps que l'import vérifie ; "
    "la répartition par étape ci-dessus donne donc à l'écriture tout ce que le fil de "
    "l'import ne fait pas). Il fait 1,41× le chargement nu équitable, un TriG où "
    "chaque feuille de route "
    "est dans son graphe nommé (objectif ≤ 1,5× tenu ; 1,46× dans l'exécution "
    "précédente : les durées varient de 10 à 20 % sur cette machine partagée), "
    "1,36× en temps mural, et 1,01× le chargement nu des mêmes fichiers dans le "
    "graphe par défaut. Chargement nu comme chargement seul laissent à RocksDB des "
    "fichiers à fusionner ; l'import, lui, compacte le stockage à la fin dès qu'il "
    "a écrit un million de quads en bloc (13 s à 1 255 feuilles de route, comptées "
    "dans son temps) : sans cela, RocksDB les fusionnait dans ses fils pendant les "
    "premières questions. Avant, les nouvelles feuilles de route attendaient dans "
    "des lots de 100 000 quads, écrits chacun par un appel du chargeur : RocksDB "
    "fusionnait ensuite beaucoup de petits fichiers (essai hors banc, même mesure, "
    "1 255 feuilles de route : 104 s de CPU par lots de 100 000 quads, 85 s par "
    "lots de deux millions, 71 s au fil de l'eau), et l'ancienne répartition par "
    "étape, en CPU du processus, cachait cette fusion dans les autres étapes (1,81× "
    "annoncé ; mesuré à part, environ 2×). L'import complet prenait 159 s mural et "
    "227 s de CPU par lots de 100 000 (même jour) ; au fil de l'eau, 128 s et 163 s "
    "sans le compactage final, 156 s et 203 s avec.",
    "- Mémoire : le pic de l'import est celui du chargeur en bloc, qui trie ses quads par "
    "tranches avant de les écrire : 394 Mo à 100 feuilles de route, 1 011 Mo à 500, "
    "1 141 Mo à 1 255 (1 176 Mo sans tracemalloc), quand le chargement nu du TriG monte à "
    "1 804 Mo ; la part de Python reste de 55 à 56 Mo, constante : rien ne s'accumule "
    "côté Python (l'ontologie, les formes compilées, la feuille de route en cours). Par "
    "lots de 100 000 quads, le pic était de 250 Mo, au prix de la fusion ci-dessus. Les "
    "transactions (feuilles de route remplacées) écrivent dans les tables en mémoire de "
    "RocksDB (128 Mo chacune, plusieurs par index), vidées seulement une fois pleines : "
    "l'import les vide tous les 100 000 quads écrits ainsi (essai hors banc : 200 "
    "feuilles de route écrites par transactions, 760 Mo ; avec ce vidage, 190 Mo). "
    "Contre rdflib (8,6 Go à 1 255) : 0,14 (objectif ≤ ½ tenu).",
    "- Questions : chaque feuille de route a sa synthèse (ses départements et régions, et "
    "une ligne par thème, programme, organisation et défi avec ses comptes : une trentaine "
    "de lignes), calculée à l'import et jamais reprise d'une source ; les questions "
    "nationales la lisent au lieu de chaque chantier, lien et ressource de chaque feuille "
    "de route (10 à 17 s par question nationale avant elle). Chaque table des lignes est "
    "trouvée une fois dans une sous-requête et jointe par hachage (Oxigraph sur disque "
    "paie environ 20 µs chaque recherche d'un motif qu'un autre a lié) ; "
    "`operant-ailleurs` trouve ma ligne d'un programme par son IRI, dérivée (une "
    "recherche par ligne ; en OPTIONAL, Oxigraph relisait toutes les lignes pour chacune) ; "
    "les réponses de milliers de lignes sont triées sur une clé calculée une fois par "
    "ligne (Oxigraph comparait plusieurs clés lues dans le stockage à chaque pas du tri). "
    "`chantiers-memes-themes` prend mes thèmes dans ma synthèse et joint par hachage les "
    "tables des chantiers, défis, enjeux et feuilles de route : la liste entière de tout "
    "le stockage (27 588 lignes) passe de plus de 30 s à 3,3 s, les chantiers d'un autre "
    "territoire de 42 à 17 ms. Les comptes agrègent en tête de la requête, non dans une "
    "sous-requête : un département ou une région donnés y restreignent les lignes avant "
    "leurs jointures. Chaque question est mesurée cinq fois, les autres entre deux, et "
    "jugée sur la médiane : une seule exécution variait de 15 à 20 % sur cette machine "
    "partagée.",
    "- Comptes et défis (1er décembre) : la part des liens opérants de chaque défi n'est "
    "plus une troisième rubrique des comptes, mais deux questions à part "
    "(`defis-par-departement`, `defis-par-region`). Un défi est celui d'une seule feuille "
    "de route : ces lignes n'agrégeaient rien entre territoires (une feuille de route "
    "chacune) et faisaient 8 118 des 9 626 lignes des comptes de tous les départements. "
    "L'ancienne requête est gardée pour la comparaison "
    "(`benchmarks/comptes-nationaux-avec-defis.rq`) et mesurée dans la même exécution "
    "(21:07 UTC) : "
    "1,44 s, contre 0,62 s pour les comptes de tous les départements (2,3× moins) et "
    "1,05 s pour la liste de tous les défis. La machine partagée était ce soir-là plus "
    "de deux fois plus lente que le matin : la même ancienne requête prenait 0,62 s à "
    "07:27 UTC (1,44 s à 21:07), une paire 0,045 s (0,15 s à 21:07). Les comptes de tous "
    "les départements et de toutes les régions dépassaient 0,5 s à 21:07 (0,62 et "
    "0,70 s ; 0,56 et 0,57 s à 18:05 UTC, la machine déjà lente). Le temps y va aux "
    "jointures des tables de lignes de la synthèse (toutes les lignes de chaque table, "
    "plus de 33 000), non aux lignes produites : les comptes de toutes les régions (270 "
    "lignes) prenaient autant que ceux de tous les départements (jusqu'aux codes lus dans "
    "les IRI, plus bas). Mesuré hors banc sur les "
    "seules lignes de synthèse (même machine, même heure) : les cinq jointures, comptées "
    "sans rien produire, font 85 % du temps de la question (254 ms sur 320, environ 2 µs "
    "par ligne et par table) ; l'ordre des tables ne change rien au-delà du bruit (15 "
    "exécutions : 341 ms contre 323 à 325 pour les ordres essayés) ; un Oxigraph en "
    "mémoire gagne moins d'un cinquième (346 à 459 ms contre 401 à 560 sur disque, en "
    "alternance) ; une table de moins "
    "(la synthèse reliée à ses lignes par rubrique, au lieu du type et de la feuille de "
    "route de chaque ligne) gagne 7 % ; un pivot par GROUP BY au lieu des jointures est "
    "deux fois plus lent. Reste une table des comptes tenue à jour par l'import, non "
    "construite : toute écriture qui ne passe pas par ce programme (un serveur chargé à la "
    "main, une feuille de route publiée seule) la laisserait fausse sans le dire, sur "
    "chaque moteur. Le stockage est compacté à la fin de l'import : sans cela, RocksDB "
    "fusionnait les fichiers du chargeur en bloc dans ses fils pendant les premières "
    "questions ; compacté, chaque question tient sur un fil (CPU égal au mural). rdflib, "
    "sur les mêmes données et la même synthèse, dépasse 30 s pour toutes (la paire "
    "prenait 20,9 s le matin).",
    "- Opérant ailleurs (1er décembre, soir ; chiffres de l'exécution de 21:07 UTC) : la "
    "réponse entière d'`operant-ailleurs` "
    "est une liste, une ligne par programme ou partenaire et par autre territoire où il "
    "opère (2 755 lignes pour un territoire ; 0,91 s, ses 20 premières par libellé "
    "0,78 s : chacune de ses 10 000 lignes de synthèse opérantes cherche ma ligne, puis "
    "les tables des feuilles de route et des ressources sont jointes). L'utilisateur la "
    "pose par `operant-ailleurs-classement`, une ligne par programme ou partenaire, classée "
    "par le nombre de territoires où il opère : les lignes sont groupées avant que ma "
    "ligne soit cherchée (une recherche par programme, non par ligne) et aucune table des "
    "feuilles de route ni des ressources n'est jointe (0,15 s, 20 premiers ou classement "
    "entier) ; puis `operant-ailleurs` pour un programme (`programme=`), la table des "
    "clés jointe d'abord (0,23 s, 562 territoires). Un test vérifie sur chaque territoire "
    "d'essai que les comptes du classement sont ceux des lignes de la liste.",
    "- Codes des départements et régions (1er décembre, nuit) : le code d'un département "
    "ou d'une région est la fin de son IRI nationale (le gabarit de son paramètre), non "
    "plus son `igeo:codeINSEE`. Chaque feuille de route publiée porte les nœuds nationaux "
    "de son territoire : l'union des graphes tient ce triplet une fois par feuille de "
    "route qui nomme le département (13 en moyenne, 71 par région), et chaque copie était "
    "trouvée, puis écartée par le DISTINCT. Exécution de 23:14 UTC, machine aussi lente "
    "qu'à 21:07 (l'ancienne requête de référence : 1,39 s contre 1,44) : comptes de toutes "
    "les régions 0,70 → 0,43 s, d'une région 0,39 → 0,21 s ; défis d'un département 0,24 "
    "→ 0,11 s, d'une région 0,30 → 0,23 s. Les comptes de tous les départements restent à "
    "0,63 s (0,36 à 0,68 s selon l'exécution) : avec 13 copies par département, la "
    "recherche des codes n'y pesait qu'un dixième (hors banc). C'est la seule question "
    "agrégée au-dessus de 0,5 s dans l'exécution de 23:14 (0,43 s depuis le 2 décembre : "
    "point suivant). Essayés hors banc sur le stockage national "
    "(médianes d'exécutions alternées), non gardés ce soir-là (les deux premiers repris "
    "le 2 décembre, avec les comptes : point suivant) : chaque ligne de synthèse portant ses "
    "départements, sans passer par sa feuille de route, 11 % (367 ms contre 411, 15 "
    "exécutions) ; avec en plus sa clé par une propriété propre à sa rubrique (trois "
    "jointures au lieu de cinq), 15 % (350 contre 411), pour deux propriétés de plus sur "
    "chaque ligne ; les lignes trouvées par les concepts des schémas des thèmes et des "
    "programmes au lieu de leur type, rien au-delà du bruit (392 contre 409, 7 "
    "exécutions).",
    "- Lignes de thème et de programme (2 décembre) : chaque ligne de thème ou de "
    "programme de la synthèse porte les départements et régions de sa feuille de route "
    "(`fdr:dansDepartement`, `fdr:dansRegion`), sa clé sous une propriété de sa rubrique "
    "(`fdr:cleTheme`, `fdr:cleProgramme`) et ses deux comptes sous des propriétés de ces "
    "seules lignes (`fdr:nbLiensConcept`, `fdr:nbOperantsConcept`), sous-propriétés de "
    "`fdr:cle`, `fdr:nbLiens` et `fdr:nbOperants` dont la conséquence est écrite (les "
    "moteurs n'infèrent pas). Les comptes lisent ces quatre tables de 16 837 lignes, au "
    "lieu de cinq tables de 33 316 à 34 571 (le type, la feuille de route, la clé et les "
    "comptes de chaque ligne) ; le code du département ou de la région est lu dans l'IRI "
    "une fois par ligne de la réponse. Hors banc d'abord (01:25 UTC, médianes de 15 "
    "exécutions alternées, les lignes prototypes dans un graphe à part, retiré ensuite) : "
    "500 → 328 ms (−34 %) ; avec les comptes communs à toutes les lignes, 417 ms (−17 %) ; "
    "un DISTINCT sur la table des départements coûtait 67 ms, le code lu dans l'IRI de "
    "chaque ligne avant l'agrégation 60 à 80 ms (Oxigraph relit la chaîne de l'IRI pour "
    "chacune des 18 000 lignes), un pivot par GROUP BY sur l'union des quatre propriétés "
    "plus de 9 s. Exécution de 02:22 UTC, machine aussi lente qu'à 23:14 "
    "(l'ancienne requête de référence : 1,34 s contre 1,39) : comptes de tous les "
    "départements 0,63 → 0,43 s (0,34 à 0,53 selon l'exécution), de toutes les régions "
    "0,43 → 0,29 s, d'un département 0,19 → 0,05 s, d'une région 0,21 → 0,10 s : chaque "
    "question agrégée tient maintenant l'objectif de 0,5 s. Les questions des défis lisent "
    "le lieu du seul nœud de synthèse (`fdr:Synthese`), ses lignes portant désormais le "
    "même : un motif de plus, qu'Oxigraph cherche pour chaque synthèse, d'où défis d'un "
    "département 0,11 → 0,19 s et d'une région 0,23 → 0,29 s (dans l'objectif) ; la "
    "requête de référence lit de même le seul nœud de synthèse. Un stockage dont la "
    "synthèse date d'avant ces lignes la reçoit à sa première ouverture par une commande "
    "(une requête trouve les graphes dont une ligne de thème ou de programme n'a pas sa "
    "clé propre : 23 ms à 1 255 feuilles de route, hors banc).",
]
# A user's own question (not in the catalogue): the roadmaps where one programme
# operates, by number of operating links.
ONE_PROGRAMME = """PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT ?feuilleDeRoute (COUNT(DISTINCT ?lien) AS ?nbLiens) WHERE {
  ?ressource fdr:programme ?_programme ; fdr:feuilleDeRoute ?feuilleDeRoute .
  ?lien fdr:ressource ?ressource ; fdr:statut fdr:operante .
}
GROUP BY ?feuilleDeRoute
ORDER BY DESC(?nbLiens) STR(?feuilleDeRoute)
LIMIT 20"""
# The comptes as they were until 1 December 2026 (each défi a third rubrique), measured
# beside today's split into comptes-nationaux and defis-par-departement.
BEFORE_SPLIT = (Path(__file__).parent / "comptes-nationaux-avec-defis.rq").read_text("utf-8")
# Texts that are not the catalogue's: their parameters are bound to the variables named.
OWN_TEXTS = {"un-programme": ONE_PROGRAMME, "comptes-avec-defis": BEFORE_SPLIT}
# (label, catalogue query or key of OWN_TEXTS, parameters, LIMIT or None).
# "mine", "other", "departement", "region", "programme" and "ailleurs" are filled in per
# run.
# Three questions measured whole, not aggregated (thousands of rows: what an export
# gives): every chantier of the store on my themes, asked as a user asks it by the 20
# territories closest by themes, then one territory's chantiers; every défi of the
# store with its share, each défi being one roadmap's, asked by département or région;
# every pair of a programme operating elsewhere and a roadmap where it does (and its
# first 20 by label), asked by the ranking of programmes, then one programme's pairs.
ALL_CHANTIERS = "mêmes thèmes : tous les chantiers de tout le stockage (liste entière)"
ALL_DEFIS = "défis de tous les départements (liste entière)"
ALL_OPERANT = "opérant ailleurs : chaque programme et chaque territoire où il opère (liste entière)"
FIRST_OPERANT = "opérant ailleurs : les 20 premières lignes de cette liste (par libellé)"
UNAGGREGATED = (ALL_CHANTIERS, ALL_DEFIS, ALL_OPERANT, FIRST_OPERANT)
BEFORE_LABEL = (
    "référence : comptes par département avec les défis (requête d'avant le 1er décembre)"
)
CASES: list[tuple[str, str, dict[str, str], int | None]] = [
    ("comptes par département (tous)", "comptes-nationaux", {}, None),
    (BEFORE_LABEL, "comptes-avec-defis", {}, None),
    ("comptes d'un département", "comptes-nationaux", {"departement": "departement"}, None),
    ("comptes par région (toutes)", "comptes-regionaux", {}, None),
    ("comptes d'une région", "comptes-regionaux", {"region": "region"}, None),
    ("défis d'un département", "defis-par-departement", {"departement": "departement"}, None),
    ("défis d'une région", "defis-par-region", {"region": "region"}, None),
    (ALL_DEFIS, "defis-par-departement", {}, None),
    (
        "opérant ailleurs : les 20 programmes et partenaires opérant dans le plus de territoires",
        "operant-ailleurs-classement",
        {"maFeuilleDeRoute": "mine"},
        20,
    ),
    (
        "opérant ailleurs : le classement entier",
        "operant-ailleurs-classement",
        {"maFeuilleDeRoute": "mine"},
        None,
    ),
    (
        "opérant ailleurs : un programme, où il opère",
        "operant-ailleurs",
        {"maFeuilleDeRoute": "mine", "programme": "ailleurs"},
        None,
    ),
    (ALL_OPERANT, "operant-ailleurs", {"maFeuilleDeRoute": "mine"}, None),
    (FIRST_OPERANT, "operant-ailleurs", {"maFeuilleDeRoute": "mine"}, 20),
    (
        "mêmes thèmes : les 20 territoires les plus proches",
        "territoires-memes-themes",
        {"maFeuilleDeRoute": "mine"},
        20,
    ),
    (
        "mêmes thèmes : les chantiers d'un autre territoire",
        "chantiers-memes-themes",
        {"maFeuilleDeRoute": "mine", "autreFeuilleDeRoute": "other"},
        None,
    ),
    (
        ALL_CHANTIERS,
        "chantiers-memes-themes",
        {"maFeuilleDeRoute": "mine"},
        None,
    ),
    ("un programme : où il opère, 20 premiers", "un-programme", {"_programme": "programme"}, None),
    (
        "une paire côte à côte",
        "comparaison",
        {"maFeuilleDeRoute": "mine", "autreFeuilleDeRoute": "other"},
        None,
    ),
]


# -- child processes: each store in its own process, its peak memory its own -----------


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child_import(config: dict[str, Any]) -> dict[str, Any]:
    from feuille_de_route.graph.importer import Reading, import_sources
    from feuille_de_route.graph.store import OxigraphStore

    if config.get("tracemalloc"):
        tracemalloc.start()
    paths = [Path(p) for p in config["paths"]]
    wall, cpu = time.perf_counter(), _cpu()
    store = OxigraphStore(Path(config["folder"]))
    done = 0

    def progress() -> None:
        nonlocal done
        done += 1
        if done % 50 == 0 or done == len(paths):
            print(f"  import : {done}/{len(paths)}", file=sys.stderr, flush=True)

    outcomes = import_sources(paths, store, Reading(validation="oxigraph"), on_source=progress)
    store.flush()
    refused = [o.source for o in outcomes if not o.imported]
    return {
        "total_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(_cpu() - cpu, 2),
        "importees": len(outcomes) - len(refused),
        "refusees": refused[:5],
        "triplets": sum(o.triples for o in outcomes),
        "memoire_max_mo": _peak_mb(),
        **({"python_max_mo": _python_peak_mb()} if tracemalloc.is_tracing() else {}),
    }


def _python_peak_mb() -> float:
    """The peak of the memory Python allocated (``tracemalloc``, started by the child)."""
    return round(tracemalloc.get_traced_memory()[1] / 2**20, 1)


def _written(store: Any, graphs: Iterator[tuple[str, Any]]) -> None:
    """``graphs`` (name, quads) written into ``store`` by the import's own writer
    (``_writer.Writer``: streamed into bulk writes), without the compaction that ends
    an import (a bare load does not compact either)."""
    from feuille_de_route.graph.importer._statements import Statements
    from feuille_de_route.graph.importer._writer import Writer

    writer: Writer[None] = Writer(store, set(), lambda _: None, lambda outcome, _: outcome)

    def work() -> Iterator[None]:
        for name, quads in graphs:
            writer.write(Statements(tuple(quads)), name, None)
            yield None

    writer.run(work())
    store.flush()


def _child_loading(config: dict[str, Any]) -> dict[str, Any]:
    """Loading alone, as the import loads: each file read into Oxigraph quads (its
    roadmap found), then written as the import writes new graphs; the CPU of every
    thread of the process (the bulk loader's and RocksDB's too), as for a bare load."""
    from feuille_de_route.graph.importer._quads import parse_quads
    from feuille_de_route.graph.importer._sources import DEFAULT_READING
    from feuille_de_route.graph.store import OxigraphStore

    def graphs() -> Iterator[tuple[str, Any]]:
        for path in map(Path, config["paths"]):
            statements = parse_quads(path, "turtle", DEFAULT_READING.limits)
            yield statements.roadmap(), statements.quads

    wall, cpu = time.perf_counter(), _cpu()
    _written(OxigraphStore(Path(config["folder"])), graphs())
    return {
        "total_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(_cpu() - cpu, 2),
        "memoire_max_mo": _peak_mb(),
    }


def _child_phases(config: dict[str, Any]) -> dict[str, Any]:
    """The import's steps one by one on the same files, into a new store: where its
    time goes. Each step is the CPU of the import's own thread (``thread_time``); the
    graphs are written as the import writes new ones (``_written``), and the writing
    is the rest of the process's CPU: the bulk loader's and RocksDB's threads work while
    the import's steps go on."""
    from feuille_de_route.graph._synthesis import synthesis_in, without_synthesis
    from feuille_de_route.graph.importer import check_scope, validate_on_oxigraph
    from feuille_de_route.graph.importer._quads import parse_quads
    from feuille_de_route.graph.importer._sources import DEFAULT_READING
    from feuille_de_route.graph.importer._statements import Statements
    from feuille_de_route.graph.store import OxigraphStore

    phases = dict.fromkeys(PHASES, 0.0)

    def graphs() -> Iterator[tuple[str, Any]]:
        for path in map(Path, config["paths"]):
            start = time.thread_time()
            statements = parse_quads(path, "turtle", DEFAULT_READING.limits)
            name = statements.roadmap()
            read = time.thread_time()
            check_scope(statements, name, ())
            scoped = time.thread_time()
            kept, _ = without_synthesis(statements.quads)
            memory = Statements(tuple(kept)).memory_store()  # as the import: shapes, synthesis
            validate_on_oxigraph(memory)
            checked = time.thread_time()
            quads = (*kept, *synthesis_in(memory))
            summed = time.thread_time()
            for key, seconds in (
                ("lecture", read - start),
                ("portee", scoped - read),
                ("formes", checked - scoped),
                ("synthese", summed - checked),
            ):
                phases[key] += seconds
            yield name, quads

    cpu = _cpu()
    _written(OxigraphStore(Path(config["folder"])), graphs())
    phases["ecriture"] = _cpu() - cpu - sum(phases.values())
    return {key: round(value, 2) for key, value in phases.items()}


def _run_cases(store: Any, cases: list[dict[str, Any]], timeout: float) -> list[dict[str, Any]]:
    from rdflib import URIRef

    from feuille_de_route.queries import get_query
    from feuille_de_route.queries._parameters import bind_parameters
    from feuille_de_route.queries._runner import scope_of

    signal.signal(signal.SIGALRM, _alarm)
    out = []
    for case in cases:
        scope: tuple[str, ...] = ()
        if case["query"] in OWN_TEXTS:
            text = OWN_TEXTS[case["query"]]
            bindings: dict[str, Any] = {k: URIRef(v) for k, v in case["params"].items()}
        else:
            query = get_query(case["query"])
            text = query.text + (f"\nLIMIT {case['limit']}" if case["limit"] else "")
            bindings = bind_parameters(query, case["params"])
            scope = scope_of(query, bindings)  # what the runner gives the store
        start, cpu = time.perf_counter(), time.process_time()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            rows = len(store.select(text, bindings, scope).rows)
            seconds: float | None = round(time.perf_counter() - start, 4)
            cpu_s: float | None = round(time.process_time() - cpu, 4)
        except _Timeout:
            rows, seconds, cpu_s = -1, None, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        label = "interrompue" if seconds is None else f"{seconds:.3f} s (CPU {cpu_s:.3f} s)"
        print(f"  {case['label']} : {label}", file=sys.stderr, flush=True)
        out.append({"cas": case["label"], "s": seconds, "cpu_s": cpu_s, "lignes": rows})
    return out


# Warm runs of every question on Oxigraph: one run moves by 15 to 20 % on this shared
# machine, so the median of several is the figure judged, with its range beside it.
REPEATS = 5


def _child_oxigraph_queries(config: dict[str, Any]) -> dict[str, Any]:
    from feuille_de_route.graph.store import OxigraphStore

    store = OxigraphStore(Path(config["folder"]))
    # A first round on the store just opened (its caches filling as the round goes), then
    # REPEATS rounds, each question with the others in between, as a user would ask them.
    first = _run_cases(store, config["cases"], config["timeout"])
    runs = [_run_cases(store, config["cases"], config["timeout"]) for _ in range(REPEATS)]
    return {"questions": [_summary(cold, warm) for cold, *warm in zip(first, *runs, strict=True)]}


def _summary(cold: dict[str, Any], warm: list[dict[str, Any]]) -> dict[str, Any]:
    """One question's runs: the median of the warm ones, their range and the cold one."""
    seconds = [run["s"] for run in warm]
    if None in seconds:
        return {**cold, "s": None, "cpu_s": None, "premiere_s": cold["s"]}
    return {
        **cold,
        "s": statistics.median(seconds),
        "cpu_s": statistics.median(run["cpu_s"] for run in warm),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "executions": len(seconds),
        "premiere_s": cold["s"],
    }


def _child_rdflib(config: dict[str, Any]) -> dict[str, Any]:
    from rdflib import Dataset, URIRef

    from feuille_de_route.graph import with_synthesis
    from feuille_de_route.graph.store import MemoryStore, roadmap_graph_name
    from feuille_de_route.graph.store._vocabulary import VOCABULARY_GRAPH, vocabulary_graph

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    for path in map(Path, config["paths"]):
        graph = dataset.graph(URIRef(f"urn:chargement:{path.stem}"))
        with_synthesis(graph.parse(path, format="turtle"))  # as load_roadmap does
        named = dataset.graph(URIRef(roadmap_graph_name(graph)))
        named.addN((s, p, o, named) for s, p, o in graph)
        dataset.remove_graph(graph)
    vocabulary = dataset.graph(URIRef(VOCABULARY_GRAPH))
    vocabulary.addN((s, p, o, vocabulary) for s, p, o in vocabulary_graph())
    store = MemoryStore(dataset, engine="rdflib")
    loaded = round(time.perf_counter() - start, 2)
    peak = _peak_mb()
    result: dict[str, Any] = {"chargement_s": loaded, "memoire_max_mo": peak}
    if config.get("cases"):
        result["questions"] = _run_cases(store, config["cases"], config["timeout"])
    return result


LEVELS = (100, 500)
LEVEL_KEYS = ("memoire_max_mo", "python_max_mo", "cpu_s")

PHASES = {
    "lecture": "lecture (analyseur d'Oxigraph → quads)",
    "portee": "portée (check_scope sur les quads)",
    "formes": "formes compilées sur un Oxigraph en mémoire fait des quads",
    "synthese": "synthèse (calculée par synthese.rq sur l'Oxigraph en mémoire des formes)",
    "ecriture": "écriture des graphes nommés (chargeur en bloc lisant l'import au fil de l'eau, "
    "journal ; le reste du CPU du processus : fils du chargeur et de RocksDB)",
}

CHILDREN = {
    "import": _child_import,
    "chargement": _child_loading,
    "phases": _child_phases,
    "oxigraph": _child_oxigraph_queries,
    "rdflib": _child_rdflib,
}


def _child(mode: str, config: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.national_import", "--enfant", mode, handle.name],
            cwd=HERE.parent,
            stdout=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise SystemExit(f"l'étape « {mode} » a échoué (code {done.returncode}).")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the steps run here -----------------------------------------------------------------


def _items(report: Any) -> list[tuple[str, ...]]:
    return sorted(
        (i.severity, str(i.focus), str(i.path), str(i.value), i.message, str(i.component))
        for i in report.violations + report.warnings + report.infos
    )


def agreement(paths: Sequence[Path], sample: int) -> dict[str, Any]:
    """The fast validator on every roadmap (on its quads, as the import runs it), pyshacl
    on the first ``sample`` (spread over the list, on an rdflib graph of the same quads);
    items compared on each roadmap both ran."""
    from feuille_de_route.graph.importer import validate_on_oxigraph
    from feuille_de_route.graph.importer._quads import parse_quads
    from feuille_de_route.graph.importer._sources import DEFAULT_READING
    from feuille_de_route.ontology import validate

    step = max(1, len(paths) // max(1, sample))
    sampled = set(list(range(0, len(paths), step))[:sample])
    fast: list[float] = []
    slow: list[float] = []
    disagreements: list[str] = []
    compared = 0
    for number, path in enumerate(paths):
        statements = parse_quads(path, "turtle", DEFAULT_READING.limits)
        start = time.process_time()
        quick = _items(validate_on_oxigraph(statements))
        fast.append(time.process_time() - start)
        if number in sampled:
            graph = statements.graph()
            start = time.process_time()
            reference = _items(validate(graph))
            slow.append(time.process_time() - start)
            compared += 1
            if reference != quick:
                disagreements.append(path.name)
            print(f"  pyshacl : {len(slow)}/{len(sampled)}", file=sys.stderr, flush=True)
    per_fast, per_slow = statistics.median(fast), statistics.median(slow)
    return {
        "rapide_par_feuille_s": round(per_fast, 4),
        "rapide_total_s": round(sum(fast), 1),
        "pyshacl_par_feuille_s": round(per_slow, 3),
        "pyshacl_echantillon": len(slow),
        "pyshacl_total_extrapole_s": round(per_slow * len(paths), 0),
        "rapport": round(per_slow / per_fast, 1) if per_fast else None,
        "feuilles_comparees": compared,
        "desaccords": disagreements,
    }


def bare_load(
    paths: Sequence[Path], folder: Path, graph: str | None = None
) -> dict[str, Any] | None:
    """``oxigraph load`` of the same files into a new store (the default graph, or the
    named graph ``graph``): wall and CPU seconds (every thread), peak memory."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        return None
    command = [binary, "load", "--location", str(folder)]
    for path in paths:
        command += ["--file", str(path)]
    if graph is not None:
        command += ["--graph", graph]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = child.stderr.read().decode(errors="replace") if child.stderr else ""
        raise SystemExit(f"oxigraph load a échoué ({child.returncode}) : {error[-500:]}")
    return {
        "total_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "memoire_max_mo": round(usage.ru_maxrss / 1024, 1),
    }


def roadmaps_trig(paths: Sequence[Path], target: Path) -> Path:
    """One TriG file where each roadmap of ``paths`` is in the named graph of its IRI,
    as the import leaves them (written once, not timed): what a bare ``oxigraph load``
    reads to fill the same graphs."""
    import pyoxigraph as ox

    from feuille_de_route.graph.importer._quads import parse_quads
    from feuille_de_route.graph.importer._sources import DEFAULT_READING

    prefixes = {"fdr": "https://w3id.org/feuille-de-route/ontologie#", "geo": GEO}
    with target.open("wb") as out:
        for path in paths:
            statements = parse_quads(path, "turtle", DEFAULT_READING.limits)
            quads = statements.in_graph(statements.roadmap())
            ox.serialize(quads, out, ox.RdfFormat.TRIG, prefixes=prefixes)
    return target


def memory_levels(files: list[str], tmp: Path) -> list[dict[str, Any]]:
    """The import's peak (process, and Python's part by ``tracemalloc``) at 100, 500
    and all roadmaps, each import in its own process into a new store."""
    levels = []
    for count in sorted({n for n in LEVELS if n < len(files)} | {len(files)}):
        print(f"Mémoire : import de {count} feuilles de route…", file=sys.stderr)
        folder = tmp / f"palier-{count}"
        config = {"paths": files[:count], "folder": str(folder), "tracemalloc": True}
        done = _child("import", config)
        shutil.rmtree(folder, ignore_errors=True)
        levels.append({"nombre": count, **{k: done[k] for k in LEVEL_KEYS}})
    return levels


def _cases(paths: Sequence[Path]) -> list[dict[str, Any]]:
    from feuille_de_route.graph import epci

    base = "https://w3id.org/feuille-de-route/territoires/"
    stems = [p.stem for p in paths]
    mine = "200040392" if "200040392" in stems else stems[0]
    other = stems[1] if stems[1] != mine else stems[0]
    departement = _departement(epci(mine))
    from feuille_de_route.graph._territories import departement_region

    region = departement_region(departement)
    values = {
        "mine": f"{base}{mine}/",
        "other": f"{base}{other}/",
        "departement": f"{GEO}departement/{departement}",
        "region": str(region),
        "programme": f"{PROGRAMMES}conseillers-numeriques",
        # My ranking's first programme at national scale (second row, after a partner):
        # operating in 562 other roadmaps, absent from mine (asking about one's own
        # operating programme gives no row).
        "ailleurs": f"{PROGRAMMES}pass-numerique",
    }
    return [
        {
            "label": label,
            "query": query,
            "params": {name: values[key] for name, key in params.items()},
            "limit": limit,
        }
        for label, query, params, limit in CASES
    ]


def _departement(found: Any) -> str:
    from feuille_de_route.graph import commune

    return str(commune(found.members[0].insee).departement)


# -- report -------------------------------------------------------------------------


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "interrompue"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _verdict(ok: bool) -> str:
    return "atteint" if ok else "MANQUÉ"


def _legacy(report: dict[str, Any]) -> dict[str, Any]:
    """A report of the first format (one run, every section) in sections of their own."""
    if report.get("format") == 2 or "date" not in report:
        return report
    when = {k: report[k] for k in ("date", "commande", "nombre")}
    sections: dict[str, Any] = {"format": 2, "machine": report.get("machine", "")}
    if "formes" in report:
        sections["formes"] = {**when, **report["formes"]}
    if "import" in report:
        sections["import"] = {
            **when,
            "import": report["import"],
            "oxigraph_load": report.get("oxigraph_load"),
            "phases": report.get("phases", {}),
        }
    if "rdflib" in report:
        rdflib = report["rdflib"]
        sections["memoire"] = {
            **when,
            "rdflib": {k: rdflib[k] for k in ("chargement_s", "memoire_max_mo")},
            "import_memoire_max_mo": report.get("import", {}).get("memoire_max_mo"),
        }
        if "oxigraph" in report:
            sections["questions"] = {
                **when,
                "delai_rdflib": report.get("delai_rdflib"),
                "oxigraph": report["oxigraph"]["questions"],
                "rdflib": rdflib.get("questions", []),
            }
    return sections


def merged(previous: dict[str, Any] | None, run: dict[str, Any]) -> dict[str, Any]:
    """The report ``previous`` (any format) with the sections of ``run`` in place of its own."""
    report = _legacy(dict(previous or {}))
    report.update(run)
    report["format"] = 2
    return report


def _head(section: dict[str, Any]) -> list[str]:
    return [
        f"{section['date']} — {section['nombre']} feuilles de route — commande : "
        f"`{section['commande']}`.",
        "",
    ]


def _shapes_part(agree: dict[str, Any]) -> list[str]:
    n = agree["nombre"]
    ok = (agree["rapport"] or 0) >= GOALS["validation_rapide_sur_pyshacl"]
    return [
        "## Formes SHACL",
        "",
        *_head(agree),
        "| moteur | par feuille de route (médiane, CPU) | total |",
        "|---|---|---|",
        f"| formes compilées, Oxigraph (toutes) | {agree['rapide_par_feuille_s']:.3f} s | "
        f"{agree['rapide_total_s']:.1f} s |",
        f"| pyshacl (échantillon de {agree['pyshacl_echantillon']}) | "
        f"{agree['pyshacl_par_feuille_s']:.3f} s | {agree['pyshacl_total_extrapole_s']:.0f} s "
        f"**extrapolé** ({n} × médiane) |",
        "",
        f"Rapport : {agree['rapport']}× (objectif ≥ {GOALS['validation_rapide_sur_pyshacl']:g}× : "
        f"{_verdict(ok)}). Concordance vérifiée sur les {agree['feuilles_comparees']} feuilles "
        f"de route passées par les deux moteurs : {len(agree['desaccords'])} désaccord(s) "
        f"{agree['desaccords'] or ''}.",
        "",
    ]


def _import_part(section: dict[str, Any]) -> list[str]:
    run, bare = section["import"], section.get("oxigraph_load")
    named, phases = section.get("oxigraph_load_graphe"), section.get("phases", {})
    lines = [
        "## Import (lecture en quads, portée, formes rapides, graphe nommé) contre "
        "`oxigraph load` nu",
        "",
        *_head(section),
        f"{run['triplets']} triplets importés.",
        "",
        "| | mural | CPU | pic | importées |",
        "|---|---|---|---|---|",
        f"| `feuille-de-route importer --validation rapide` | {run['total_s']:.1f} s | "
        f"{run['cpu_s']:.1f} s | {run['memoire_max_mo']:.0f} Mo | "
        f"{run['importees']}/{section['nombre']} |",
    ]
    each = section.get("oxigraph_load_graphes")
    loading = section.get("chargement")
    for label, load in (
        (LOADING_LABEL, loading),
        ("`oxigraph load` nu des mêmes fichiers (graphe par défaut)", bare),
        ("`oxigraph load --graph` nu des mêmes fichiers (un graphe nommé)", named),
        (EACH_LABEL, each),
    ):
        if load:
            peak = f"{load['memoire_max_mo']:.0f} Mo" if "memoire_max_mo" in load else "—"
            lines.append(
                f"| {label} | {load['total_s']:.1f} s | {load['cpu_s']:.1f} s | {peak} | — |"
            )
    known = {k: v for k, v in phases.items() if k in PHASES}
    if known:
        total = sum(known.values()) or 1.0
        lines += [
            "",
            "Où va le temps de l'import (CPU, mêmes fichiers, étape par étape ; chaque étape "
            "est le CPU du fil de l'import, l'écriture le reste du processus) :",
            "",
            "| étape | CPU | part |",
            "|---|---|---|",
            *(
                f"| {PHASES[key]} | {seconds:.2f} s | {seconds / total:.0%} |"
                for key, seconds in known.items()
            ),
        ]
    if bare and loading:
        lines += ["", _ratios(run, loading, bare, named, each)]
    return [*lines, ""]


def _ratios(
    run: dict[str, Any],
    loading: dict[str, Any],
    bare: dict[str, Any],
    named: dict[str, Any] | None,
    each: dict[str, Any] | None,
) -> str:
    """The import's and the loading's ratios to the bare loads (CPU), the goal judged
    against the fair one (each roadmap in its own named graph)."""
    goal = GOALS["import_sur_oxigraph_load"]
    whole = run["cpu_s"] / max(bare["cpu_s"], 1e-6)
    only = loading["cpu_s"] / max(bare["cpu_s"], 1e-6)
    against = "".join(
        _against(label, loading["cpu_s"], load, fair, goal)
        for label, load, fair in (
            ("`oxigraph load --graph`", named, False),
            ("`oxigraph load` du TriG, chaque feuille de route dans son graphe", each, True),
        )
        if load
    )
    wall = (
        f" ; en temps mural contre ce TriG : {loading['total_s'] / max(each['total_s'], 1e-6):.2f}×"
        if each
        else ""
    )
    return (
        f"Rapport au chargement nu (CPU de tous les fils) : import complet {whole:.1f}× ; "
        f"chargement seul {only:.2f}× contre les mêmes fichiers dans le graphe par défaut"
        f"{against}{wall}. L'import complet ajoute ce que le chargement nu ne fait pas : "
        "vérifier la portée et les formes, calculer la synthèse."
    )


LOADING_LABEL = (
    "chargement seul, comme l'import le fait (lecture en quads, écriture des graphes "
    "nommés), mesuré à part"
)
EACH_LABEL = (
    "`oxigraph load` nu d'un TriG écrit une fois de ces fichiers (chaque feuille de route "
    "dans son graphe nommé, comme après l'import)"
)


def _levels_part(levels: list[dict[str, Any]]) -> list[str]:
    if not levels:
        return []
    return [
        "Pic de l'import selon le nombre de feuilles de route (chaque mesure dans son "
        "processus, `tracemalloc` en marche : la part de Python est son pic) :",
        "",
        "| feuilles de route | pic du processus | dont Python (tracemalloc) | CPU |",
        "|---|---|---|---|",
        *(
            f"| {level['nombre']} | {level['memoire_max_mo']:.0f} Mo | "
            f"{level['python_max_mo']:.0f} Mo | {level['cpu_s']:.1f} s |"
            for level in levels
        ),
        "",
    ]


def _against(label: str, loading: float, load: dict[str, Any], fair: bool, goal: float) -> str:
    """The loading's ratio to one more bare load (with the goal's verdict for the fair one)."""
    ratio = loading / max(load["cpu_s"], 1e-6)
    verdict = f" (la référence équitable : objectif {_verdict(ratio <= goal)})" if fair else ""
    return f" ; contre {label} : {ratio:.2f}×{verdict}"


def _memory_part(section: dict[str, Any]) -> list[str]:
    rd, peak = section["rdflib"], section["import_memoire_max_mo"]
    ratio = peak / max(rd["memoire_max_mo"], 1e-6)
    goal = GOALS["memoire_import_sur_rdflib"]
    return [
        "## Mémoire",
        "",
        *_head(section),
        f"Pic de l'import dans Oxigraph : {peak:.0f} Mo ; les mêmes fichiers dans rdflib "
        f"(Dataset, un graphe nommé chacun, {rd['chargement_s']:.1f} s) : "
        f"{rd['memoire_max_mo']:.0f} Mo ; rapport {ratio:.2f} (objectif ≤ {goal:g} : "
        f"{_verdict(ratio <= goal)}).",
        "",
        *_levels_part(section.get("paliers", [])),
    ]


def _questions_part(section: dict[str, Any]) -> list[str]:
    delay = section["delai_rdflib"]
    lines = [
        "## Questions entre territoires, posées comme un utilisateur",
        "",
        *_head(section),
        "| question | lignes | Oxigraph embarqué | (CPU) | (étendue) | (première) | rdflib "
        "| rdflib / Oxigraph | objectifs |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for mine, theirs in zip(section["oxigraph"], section["rdflib"], strict=True):
        fast, slow = mine["s"], theirs["s"]
        if fast is not None and slow is not None:
            times = f"{slow / max(fast, 1e-6):.0f}×"
            both = fast < GOALS["question_oxigraph_s"] and slow / max(fast, 1e-6) >= 30
        elif fast is not None:
            times = f"> {delay / max(fast, 1e-6):.0f}× (rdflib interrompu)"
            both = fast < GOALS["question_oxigraph_s"]
        else:
            times, both = "—", False
        cpu = _fmt(mine["cpu_s"]) if "cpu_s" in mine else "—"  # older runs: wall only
        spread = f"{_fmt(mine['min_s'])} – {_fmt(mine['max_s'])}" if "min_s" in mine else "—"
        cold = _fmt(mine["premiere_s"]) if "premiere_s" in mine else "—"
        goal = "hors objectif (liste non agrégée)" if mine["cas"] in UNAGGREGATED else None
        if mine["cas"] == BEFORE_LABEL:
            goal = "référence (remplacée)"
        lines.append(
            f"| {mine['cas']} | {mine['lignes']} | {_fmt(fast)} | {cpu} | {spread} | {cold} | "
            f"{_fmt(slow)} | {times} | "
            f"{goal or _verdict(both)} |"
        )
    return [
        *lines,
        "",
        f"Objectifs : < {GOALS['question_oxigraph_s']:g} s sur Oxigraph embarqué, et "
        f"≥ {GOALS['question_rdflib_sur_oxigraph']:g}× plus rapide que rdflib dans la même "
        f"exécution (rdflib interrompu après {delay:g} s). Oxigraph : médiane de "
        f"{REPEATS} exécutions de chaque question, les autres questions entre deux (étendue : "
        "la plus rapide et la plus lente) ; « première » : son exécution dans un premier "
        "tour, sur le stockage tout juste ouvert (ses caches se remplissent au fil de ce "
        "tour). Trois listes entières ne sont pas des questions agrégées : les chantiers "
        "sur mes thèmes de tout le stockage (l'utilisateur la pose par les 20 territoires "
        "les plus proches, puis les chantiers de l'un d'eux), les défis de tout le "
        "stockage avec leur part de liens opérants (chaque défi est celui d'une feuille de "
        "route : l'utilisateur la pose pour un département ou une région) et chaque "
        "programme ou partenaire opérant ailleurs avec chaque territoire où il opère, ou "
        "ses 20 premières lignes par libellé (l'utilisateur la pose par le classement des "
        "programmes et partenaires, puis pour l'un d'eux).",
        "",
    ]


PARTS = {
    "formes": _shapes_part,
    "import": _import_part,
    "memoire": _memory_part,
    "questions": _questions_part,
}


def markdown(report: dict[str, Any]) -> str:
    """``national.md`` from the merged report: each section with its date and command."""
    lines = [
        "# Banc d'essai national : importer et questions entre territoires",
        "",
        f"{report.get('machine', '')} — feuilles de route synthétiques (une par EPCI, "
        f"générateur national v{GENERATOR_VERSION}, constructeur réel, identifiants "
        "partagés). Chaque partie dit sa date, sa commande et son nombre de feuilles de "
        "route (`--etapes` relance une partie seule).",
        "",
        "Machine partagée (2 cœurs pour plusieurs sessions) : les durées murales varient "
        "avec la charge ; les temps CPU sont donnés à côté.",
        "",
    ]
    for step, part in PARTS.items():
        if step in report:
            lines += part(report[step])
    return "\n".join([*lines, "## Lecture", "", *_shapes_reading(report), *READING, ""])


def _shapes_reading(report: dict[str, Any]) -> list[str]:
    """The shapes' bullet of the reading, its figures read from the report's run."""
    shapes = report.get("formes")
    if not shapes:
        return []
    same = "les mêmes résultats" if not shapes["desaccords"] else "des résultats différents"
    return [
        f"- Formes : le moteur compilé donne {same} que pyshacl sur les "
        f"{shapes['feuilles_comparees']} feuilles de route passées par les deux, "
        f"{shapes['rapport']}× plus vite ({shapes['nombre']} feuilles de route). pyshacl "
        "est mesuré comme `valider` le lance : chaque texte SPARQL de ses contraintes "
        "analysé une fois (depuis le 1er décembre 2026 ; avant, à chaque nœud visé, le "
        "rapport était de 34×, pyshacl y prenant 1,29 s par feuille de route ; "
        "`benchmarks/resultats/importer.md` mesure les deux côte à côte)."
    ]


def _steps(text: str) -> list[str]:
    steps = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEPS]
    if unknown or not steps:
        raise SystemExit(f"--etapes : {', '.join(unknown) or '(vide)'} ; attendu {','.join(STEPS)}")
    return [s for s in STEPS if s in steps]


def _command(args: argparse.Namespace, steps: list[str]) -> str:
    return (
        "FDR_SHARED=../shared nice python -m benchmarks.national_import"
        + (f" --nombre {args.nombre}" if args.nombre is not None else "")
        + (f" --etapes {','.join(steps)}" if len(steps) < len(STEPS) else "")
        + (f" --echantillon-pyshacl {args.echantillon_pyshacl}" if "formes" in steps else "")
        + (f" --delai-rdflib {args.delai_rdflib:g}" if "questions" in steps else "")
    )


def _run(steps: list[str], args: argparse.Namespace, paths: list[Path]) -> dict[str, Any]:
    """The sections ``steps`` measured on ``paths``, each with its date and command."""
    files = [str(p) for p in paths]
    command = _command(args, steps)

    def stamp() -> dict[str, Any]:
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        return {"date": now, "commande": command, "nombre": len(paths)}

    run: dict[str, Any] = {}
    if "formes" in steps:
        print("Formes : rapide sur toutes, pyshacl sur l'échantillon…", file=sys.stderr)
        run["formes"] = {**stamp(), **agreement(paths, args.echantillon_pyshacl)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(Path(tmp) / "import")
        imported: dict[str, Any] | None = None
        if {"import", "memoire", "questions"} & set(steps):
            print("Import dans Oxigraph…", file=sys.stderr)
            imported = _child("import", {"paths": files, "folder": folder})
        if "import" in steps and imported is not None:
            print("Chargements nus, puis étapes de l'import…", file=sys.stderr)
            run["import"] = {
                **stamp(),
                "import": imported,
                "oxigraph_load": bare_load(paths, Path(tmp) / "nu"),
                "oxigraph_load_graphe": bare_load(paths, Path(tmp) / "nu-graphe", GEO + "nu"),
                "oxigraph_load_graphes": bare_load(
                    [roadmaps_trig(paths, Path(tmp) / "graphes.trig")], Path(tmp) / "nu-graphes"
                ),
                "chargement": _child("chargement", {"paths": files, "folder": f"{tmp}/c"}),
                "phases": _child("phases", {"paths": files, "folder": str(Path(tmp) / "p")}),
            }
        if "memoire" in steps and imported is not None:
            print("rdflib : chargement…", file=sys.stderr)
            loaded = _child("rdflib", {"paths": files, "cases": [], "timeout": 0})
            run["memoire"] = {
                **stamp(),
                "rdflib": loaded,
                "import_memoire_max_mo": imported["memoire_max_mo"],
                "paliers": memory_levels(files, Path(tmp)),
            }
        if "questions" in steps:
            cases, timeout = _cases(paths), args.delai_rdflib
            print("Questions sur Oxigraph…", file=sys.stderr)
            mine = _child("oxigraph", {"folder": folder, "cases": cases, "timeout": timeout})
            print("rdflib : chargement et questions…", file=sys.stderr)
            theirs = _child("rdflib", {"paths": files, "cases": cases, "timeout": timeout})
            run["questions"] = {
                **stamp(),
                "delai_rdflib": timeout,
                "oxigraph": mine["questions"],
                "rdflib": theirs["questions"],
            }
    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.national_import")
    parser.add_argument(
        "--nombre", type=int, default=None, help="feuilles de route (défaut : toutes)"
    )
    parser.add_argument(
        "--etapes",
        default=",".join(STEPS),
        help=f"parties à mesurer, séparées par des virgules (défaut : {','.join(STEPS)})",
    )
    parser.add_argument("--echantillon-pyshacl", type=int, default=50)
    parser.add_argument("--delai-rdflib", type=float, default=60.0)
    parser.add_argument("--resultats", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    parser.add_argument("--enfant", nargs=2, metavar=("ETAPE", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.enfant:
        mode, config = args.enfant
        result = CHILDREN[mode](json.loads(Path(config).read_text("utf-8")))
        print(json.dumps(result))
        return 0
    steps = _steps(args.etapes)
    from .importer import roadmaps

    count = args.nombre if args.nombre is not None else 10**6
    paths = roadmaps(count)
    print(f"{len(paths)} feuilles de route prêtes.", file=sys.stderr)
    run = _run(steps, args, paths)
    run["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}"
    )
    folder: Path = args.resultats
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / "national.json"
    previous = json.loads(kept.read_text("utf-8")) if kept.exists() else None
    report = merged(previous, run)
    kept.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(report)
    (folder / "national.md").write_text(text, encoding="utf-8")
    print(text)
    return 1 if run.get("formes", {}).get("desaccords") else 0


if __name__ == "__main__":
    sys.exit(main())
