"""The diagnostic of a territory, everything the page shows: the communes and their
scores, the rule-based typology, the clustering, the comparison with the département
and France, what the roadmap's actions reach and how the classes differ from those the
workbook records."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib import Graph

from feuille_de_route import UserError

from . import _reference as reference
from ._clustering import Clustering, cluster_communes
from ._typology import CommuneScores, Rule, Typology, classify
from ._typology_roadmap import ActionReach, RoadmapFacts, roadmap_facts
from ._typology_rules import DEFAULT_CLASSES, DEFAULT_RULES, RULES_SHEET, rules_from_rows
from ._typology_territory import Comparison, commune_scores, comparison, epci_communes

__all__ = [
    "ClassReach",
    "Diagnostic",
    "Difference",
    "diagnose",
    "diagnose_epci",
    "diagnose_roadmap",
]

DEFAULT_RULES_NAME = "règles par défaut (les six classes du texte source, seuils supposés)"


@dataclass(frozen=True, slots=True)
class Difference:
    """A commune whose computed class is not the one the workbook records."""

    insee: str
    name: str
    recorded: str
    computed: str  # "" when the commune could not be classified
    hypothese: str


@dataclass(frozen=True, slots=True)
class ClassReach:
    """A class, its communes and the actions that target at least one of them."""

    classe: str
    label: str
    communes: tuple[str, ...]
    actions: tuple[ActionReach, ...]

    @property
    def enjeux(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for action in self.actions for e in action.enjeux))


@dataclass(frozen=True)
class Diagnostic:
    territory_name: str
    territory_code: str
    communes: tuple[CommuneScores, ...]
    typology: Typology
    classes: Mapping[str, str]  # class ID → label
    rules_name: str
    clustering: Clustering
    comparison: Comparison
    roadmap: RoadmapFacts | None
    differences: tuple[Difference, ...]

    def reach(self) -> tuple[ClassReach, ...]:
        """Per class, the actions targeting its communes (none without a roadmap)."""
        actions = self.roadmap.actions if self.roadmap is not None else ()
        by_class = self.typology.by_class()
        return tuple(
            ClassReach(
                classe,
                label,
                codes := tuple(c.insee for c in by_class.get(classe, [])),
                tuple(a for a in actions if set(a.communes) & set(codes)),
            )
            for classe, label in self.classes.items()
        )

    def whole_territory_actions(self) -> tuple[ActionReach, ...]:
        """Actions naming no commune: they concern the whole territory."""
        actions = self.roadmap.actions if self.roadmap is not None else ()
        return tuple(a for a in actions if not a.communes)

    def unreached(self) -> tuple[ClassReach, ...]:
        """Classes with communes that no action targets (by its communes)."""
        return tuple(r for r in self.reach() if r.communes and not r.actions)

    def notices(self) -> list[str]:
        """Everything the diagnostic could not do, in French (empty when all went well)."""
        lines = self.typology.notices()
        lines += [
            f"la classe « {classe} » des règles n'est pas dans la feuille Typologie"
            for classe in dict.fromkeys(r.classe for r in self.typology.rules)
            if classe not in self.classes
        ]
        if self.clustering.left_out:
            lines.append(
                "communes sans tous les indicateurs, laissées hors du regroupement "
                "statistique : " + ", ".join(self.clustering.left_out)
            )
        return lines


def diagnose(
    name: str,
    code: str,
    communes: Sequence[CommuneScores],
    rules: Sequence[Rule] = DEFAULT_RULES,
    *,
    rules_name: str = DEFAULT_RULES_NAME,
    roadmap: RoadmapFacts | None = None,
) -> Diagnostic:
    """The diagnostic of ``communes`` under ``rules``."""
    typology = classify(communes, rules)
    classes = dict(roadmap.classes) if roadmap is not None and roadmap.classes else {}
    for rule in rules:
        classes.setdefault(rule.classe, DEFAULT_CLASSES.get(rule.classe, rule.classe))
    return Diagnostic(
        name,
        code,
        tuple(communes),
        typology,
        classes,
        rules_name,
        cluster_communes(communes, typology),
        comparison(communes),
        roadmap,
        _differences(typology, roadmap),
    )


def _differences(typology: Typology, roadmap: RoadmapFacts | None) -> tuple[Difference, ...]:
    if roadmap is None:
        return ()
    return tuple(
        Difference(c.insee, c.name, recorded.classe, c.classe or "", recorded.hypothese)
        for c in typology.classifications
        if (recorded := roadmap.recorded.get(c.insee)) is not None and recorded.classe != c.classe
    )


def diagnose_epci(
    siren: str, rules: Sequence[Rule] = DEFAULT_RULES, *, rules_name: str = DEFAULT_RULES_NAME
) -> Diagnostic:
    """The diagnostic of an EPCI's member communes, from the shipped national data."""
    found = reference.epci(siren)
    return diagnose(
        found.name, found.siren, epci_communes(found.siren), rules, rules_name=rules_name
    )


def diagnose_roadmap(
    graph: Graph, rules: Sequence[Rule] | None = None, *, rules_name: str = ""
) -> Diagnostic:
    """The diagnostic of a roadmap's communes (its Communes sheet, or else its EPCI's
    members), scored from the shipped national data, set against its actions. Without
    ``rules``, the roadmap's own (« Règles de typologie »), else the default ones."""
    facts = roadmap_facts(graph)
    if rules is None and facts.rule_rows:
        rules = rules_from_rows(facts.rule_rows)
        rules_name = rules_name or f"feuille « {RULES_SHEET} » de la feuille de route"
    if rules is None:
        rules = DEFAULT_RULES
    rules_name = rules_name or DEFAULT_RULES_NAME
    if facts.communes:
        communes = tuple(commune_scores(code, name) for code, name in facts.communes.items())
    elif facts.territory_code in reference.epcis():
        communes = epci_communes(facts.territory_code)
    else:
        raise UserError(
            "la feuille de route ne nomme aucune commune (feuille Communes vide) et son "
            "territoire n'est pas un EPCI connu : rien à diagnostiquer ; remplissez la "
            "feuille Communes (feuille-de-route modele --epci SIREN) ou utilisez --epci"
        )
    name = facts.territory_name or facts.title or "territoire"
    return diagnose(
        name, facts.territory_code, communes, rules, rules_name=rules_name, roadmap=facts
    )
