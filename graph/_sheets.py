"""The workbook's sheets and columns, as the contract (docs/architecture.md) fixes them.

One table drives reading (header matching), building, writing back and the template's
notes and drop-down lists, so the four never disagree about a column.
"""

import enum
import unicodedata
from dataclasses import dataclass

__all__ = [
    "CORE_SHEETS",
    "SCORE_MAX",
    "SCORE_MIN",
    "SHEETS",
    "SHEETS_BY_NAME",
    "TERRITORY_KINDS",
    "Column",
    "Kind",
    "SheetSpec",
    "fold",
    "sheet_for_csv",
    "sheet_for_name",
]


class Kind(enum.Enum):
    """What a cell holds; decides parsing, the template's validation and the written type."""

    TEXT = "texte"
    ID = "identifiant"
    REF = "référence"
    LIST = "liste"
    INTEGER = "entier"
    DECIMAL = "décimal"
    DATE = "date"
    IRI = "iri"
    STATUS = "statut"
    RESOURCE_TYPE = "type de ressource"
    COORDINATION_ROLE = "rôle de coordination"
    GOVERNANCE_ROLE = "rôle de gouvernance"
    BOOLEAN = "oui ou non"
    TERRITORY_KIND = "type de territoire"
    THEMES = "thème"
    ACTION_STATUS = "statut d'action"
    AMOUNT = "montant en euros"
    NUMBER = "nombre"


@dataclass(frozen=True)
class Column:
    """One column: its exact header, whether a row needs it, its kind and its French note."""

    name: str
    required: bool
    kind: Kind
    note: str


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: its name in a spreadsheet, its file name in a CSV folder, its columns."""

    name: str
    csv: str
    columns: tuple[Column, ...]
    note: str

    @property
    def required(self) -> bool:
        """Whether every roadmap fills this sheet (the others may stay empty)."""
        return self.name in CORE_SHEETS

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


# The fragility scores' one range (IFN: 1 to 10, 10 = most fragile): the note, the
# drop-down check, the reader and the SHACL shape (fdr:valeur) all say this.
SCORE_MIN = 1
SCORE_MAX = 10


def fold(text: str) -> str:
    """Comparison key that forgives case, accents and surrounding or doubled spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


_SOURCE = Column(
    "source",
    False,
    Kind.TEXT,
    "D'où vient ce fait : document, page, atelier, personne (texte libre).",
)
_NOTE = Column(
    "note",
    False,
    Kind.TEXT,
    "Remarque libre sur la ligne (texte), reprise dans le graphe (skos:note).",
)
_HYPOTHESE = Column(
    "hypothèse",
    False,
    Kind.TEXT,
    "À remplir seulement si la ligne est une hypothèse et non un fait établi par la source : "
    "dire ce qui est supposé. Vide = fait de la source.",
)


def _id(what: str) -> Column:
    return Column(
        "identifiant",
        True,
        Kind.ID,
        f"Identifiant propre au territoire de {what} (ex. 1.b), unique dans la feuille. "
        "Il sert à le désigner depuis les autres feuilles ; le caractère | est interdit.",
    )


def _derivable_id(what: str) -> Column:
    return Column(
        "identifiant",
        False,
        Kind.ID,
        f"Identifiant propre au territoire de {what}, unique dans la feuille ; le caractère "
        "| est interdit. Vide = dérivé du chantier et du rang de la ligne parmi celles du "
        "même chantier : 1.b-1, 1.b-2… (un identifiant déjà pris est sauté).",
    )


def _chantier(what: str) -> Column:
    return Column(
        "chantier",
        True,
        Kind.REF,
        f"Identifiant du chantier (feuille Chantiers) auquel {what} se rapporte.",
    )


def _action(what: str) -> Column:
    return Column(
        "action",
        True,
        Kind.REF,
        f"Identifiant de l'action (feuille Actions) à laquelle {what} se rapporte.",
    )


def _euros(name: str, what: str) -> Column:
    return Column(
        name,
        False,
        Kind.AMOUNT,
        f"{what}, en euros (nombre positif ou nul, virgule ou point décimal ; espaces "
        "permis : 12 500).",
    )


# The follow-up columns of the Actions sheet (issue 12), all optional.
_FOLLOW_UP = (
    Column("objectif", False, Kind.TEXT, "L'objectif de l'action (texte)."),
    Column(
        "étapes",
        False,
        Kind.TEXT,
        "Les étapes de l'action, dans l'ordre, séparées par | (ex. recruter | former | ouvrir).",
    ),
    Column(
        "statut",
        False,
        Kind.ACTION_STATUS,
        "Où en est l'action : liste déroulante (à lancer, en cours, réalisée, abandonnée).",
    ),
    Column(
        "début",
        False,
        Kind.DATE,
        "Date de début de l'action (AAAA-MM-JJ ou JJ/MM/AAAA).",
    ),
    Column(
        "fin",
        False,
        Kind.DATE,
        "Date de fin prévue de l'action (AAAA-MM-JJ ou JJ/MM/AAAA).",
    ),
    Column(
        "porteur",
        False,
        Kind.REF,
        "Identifiant de la ressource, de l'acteur ou du service (feuilles Ressources, "
        "Acteurs, Services) qui porte l'action ; un seul.",
    ),
    _euros("budget (€)", "Budget global de l'action"),
)


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "Feuille de route",
        "feuille-de-route.csv",
        (
            Column(
                "identifiant",
                True,
                Kind.ID,
                "Identifiant court de la feuille de route (ex. grand-perigueux).",
            ),
            Column("titre", True, Kind.TEXT, "Titre de la feuille de route."),
            Column(
                "territoire",
                True,
                Kind.TEXT,
                "Code officiel du territoire couvert : SIREN de l'EPCI (9 chiffres, clé de "
                "Luhn vérifiée), code INSEE de la commune (5 caractères, saisi comme texte), "
                "code du département (ex. 24, 2A, 971) ou de la région (ex. 75).",
            ),
            Column(
                "type de territoire",
                False,
                Kind.TERRITORY_KIND,
                "commune, EPCI, département ou région : liste déroulante. Vide = déduit du "
                "code (9 chiffres : EPCI ; 5 caractères : commune).",
            ),
            Column(
                "nom du territoire",
                False,
                Kind.TEXT,
                "Nom du territoire (ex. Communauté d'agglomération Le Grand Périgueux). Vide = "
                "le nom officiel, repris des données nationales embarquées (commune, EPCI, "
                "département).",
            ),
            Column(
                "iri de base",
                True,
                Kind.IRI,
                "IRI sous laquelle sont nommées toutes les données du territoire ; doit se "
                "terminer par / (ex. https://w3id.org/feuille-de-route/territoires/grand-perigueux/).",
            ),
            _SOURCE,
            Column(
                "licence",
                False,
                Kind.TEXT,
                "Licence des données (IRI de préférence, ex. "
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence).",
            ),
        ),
        "Une seule ligne : la feuille de route elle-même.",
    ),
    SheetSpec(
        "Étapes",
        "etapes.csv",
        (
            Column("numéro", True, Kind.INTEGER, "Numéro de l'étape de la méthode (1 à 8)."),
            Column("intitulé", True, Kind.TEXT, "Intitulé de l'étape (ex. Lancement)."),
            Column("description", False, Kind.TEXT, "Ce qui se fait pendant l'étape."),
            _NOTE,
        ),
        "Les étapes de la méthode de construction de la feuille de route.",
    ),
    SheetSpec(
        "Livrables",
        "livrables.csv",
        (
            _id("ce livrable"),
            Column(
                "étape",
                True,
                Kind.REF,
                "Numéro de l'étape (feuille Étapes) qui produit ce livrable.",
            ),
            Column("intitulé", True, Kind.TEXT, "Intitulé du livrable."),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les livrables des étapes de la méthode.",
    ),
    SheetSpec(
        "Typologie",
        "typologie.csv",
        (
            _id("cette classe de la typologie"),
            Column("intitulé", True, Kind.TEXT, "Nom court de la classe de communes."),
            Column(
                "description", False, Kind.TEXT, "Ce qui caractérise les communes de la classe."
            ),
            _NOTE,
        ),
        "La typologie des communes issue du diagnostic territorial.",
    ),
    SheetSpec(
        "Groupes",
        "groupes.csv",
        (
            _id("ce groupe de population"),
            Column("description", True, Kind.TEXT, "Qui sont ces personnes (texte du diagnostic)."),
            Column(
                "classe",
                False,
                Kind.REF,
                "Identifiant de la classe de typologie (feuille Typologie) du groupe.",
            ),
            Column(
                "communes",
                False,
                Kind.LIST,
                "Codes INSEE des communes citées (feuille Communes), séparés par |.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les groupes de population fragiles repérés par le diagnostic.",
    ),
    SheetSpec(
        "Communes",
        "communes.csv",
        (
            Column(
                "code insee",
                True,
                Kind.ID,
                "Code INSEE de la commune (5 caractères, ex. 24322) ; saisir comme texte "
                "pour garder un zéro initial.",
            ),
            Column("nom", True, Kind.TEXT, "Nom de la commune."),
            Column("population", False, Kind.INTEGER, "Population municipale (nombre entier)."),
            Column("epci", False, Kind.TEXT, "SIREN de l'EPCI de la commune (9 chiffres)."),
            Column(
                "classe",
                False,
                Kind.REF,
                "Identifiant de la classe de typologie (feuille Typologie) de la commune.",
            ),
            *(
                Column(
                    f"ifn {label}",
                    False,
                    Kind.DECIMAL,
                    f"Indice de fragilité numérique, {what} : note de {SCORE_MIN} à "
                    f"{SCORE_MAX} ({SCORE_MAX} = le plus fragile), virgule ou point décimal.",
                )
                for label, what in (
                    ("total", "note globale (moyenne des indicateurs)"),
                    ("sans thd", "absence de couverture très haut débit"),
                    ("sans 4g", "absence de couverture 4G"),
                    ("pauvreté", "taux de pauvreté"),
                    ("plus de 65 ans", "part des plus de 65 ans"),
                    ("non scolarisés", "part des 15 ans et plus non scolarisés sans diplôme"),
                )
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les communes du territoire, leur classe de typologie et leur indice de fragilité "
        "numérique.",
    ),
    SheetSpec(
        "Enjeux",
        "enjeux.csv",
        (
            _id("cet enjeu"),
            Column("intitulé", True, Kind.TEXT, "L'enjeu, souvent formulé en question."),
            Column(
                "prioritaire",
                False,
                Kind.BOOLEAN,
                "oui si l'enjeu est l'un des 3 à 4 grands enjeux prioritaires retenus à "
                "l'étape 3, non sinon : liste déroulante. Si aucun enjeu ne le dit, tous "
                "comptent comme prioritaires.",
            ),
            Column(
                "rang",
                False,
                Kind.INTEGER,
                "Rang de priorité de l'enjeu (1 = le plus prioritaire), nombre entier.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les grands enjeux du territoire (étape 3).",
    ),
    SheetSpec(
        "Défis",
        "defis.csv",
        (
            _id("ce défi"),
            Column("intitulé", True, Kind.TEXT, "Le défi."),
            Column(
                "enjeux",
                True,
                Kind.LIST,
                "Identifiants des enjeux (feuille Enjeux) auxquels le défi répond, séparés par |.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les défis qui répondent aux enjeux.",
    ),
    SheetSpec(
        "Chantiers",
        "chantiers.csv",
        (
            _id("ce chantier"),
            Column(
                "défi",
                True,
                Kind.REF,
                "Identifiant du défi (feuille Défis) auquel le chantier appartient.",
            ),
            Column("intitulé", True, Kind.TEXT, "Le chantier."),
            Column(
                "description",
                False,
                Kind.TEXT,
                "Description du chantier (rubrique « Description du chantier » de sa fiche).",
            ),
            Column(
                "en lien avec",
                False,
                Kind.LIST,
                "Identifiants d'autres chantiers liés à celui-ci, séparés par | ; le lien vaut "
                "dans les deux sens.",
            ),
            Column(
                "pilote",
                False,
                Kind.REF,
                "Identifiant du service, de l'acteur ou de la ressource qui pilote le chantier "
                "(feuilles Services, Acteurs, Ressources) ; un seul.",
            ),
            Column(
                "co-pilotes",
                False,
                Kind.LIST,
                "Identifiants des autres pilotes (services, acteurs, ressources), séparés "
                "par | (rôle « co-pilote » : le chantier garde un seul pilote).",
            ),
            Column(
                "partenaires",
                False,
                Kind.LIST,
                "Identifiants des services, acteurs ou ressources associés au chantier, "
                "séparés par | (rôle « associé »). Le détail (note, rôle « réalise ») va "
                "dans la feuille Gouvernance.",
            ),
            Column(
                "thèmes",
                False,
                Kind.THEMES,
                "Thèmes du chantier (liste déroulante ; plusieurs séparés par |). Vide = "
                "thèmes proposés d'après les mots du chantier (intitulé, description, "
                "actions), chacun marqué comme hypothèse.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les chantiers clés qui déclinent les défis.",
    ),
    SheetSpec(
        "Actions",
        "actions.csv",
        (
            _derivable_id("cette action"),
            _chantier("l'action"),
            Column("intitulé", True, Kind.TEXT, "L'action concrète."),
            Column(
                "communes",
                False,
                Kind.LIST,
                "Codes INSEE des communes visées (feuille Communes), séparés par | ; vide = "
                "tout le territoire.",
            ),
            *_FOLLOW_UP,
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les actions concrètes de chaque chantier, et leur suivi (statut, dates, porteur, budget).",
    ),
    SheetSpec(
        "Co-financements",
        "co-financements.csv",
        (
            _action("ce co-financement"),
            Column(
                "financeur",
                True,
                Kind.REF,
                "Identifiant de la ressource (feuille Ressources), de l'acteur ou du service "
                "qui co-finance l'action ; un par ligne.",
            ),
            _euros("montant (€)", "Montant apporté par ce financeur"),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les co-financements des actions : qui finance, combien. Pas de ligne = pas de "
        "co-financement connu.",
    ),
    SheetSpec(
        "Indicateurs",
        "indicateurs.csv",
        (
            _action("cet indicateur"),
            Column(
                "intitulé",
                True,
                Kind.TEXT,
                "Ce que l'on mesure (ex. personnes accompagnées) ; unique pour une même action.",
            ),
            Column("cible", False, Kind.NUMBER, "Valeur visée (nombre, virgule ou point)."),
            Column(
                "valeur",
                False,
                Kind.NUMBER,
                "Valeur atteinte à ce jour (nombre, virgule ou point) ; vide = pas encore mesurée.",
            ),
            Column("unité", False, Kind.TEXT, "Unité de la cible et de la valeur (ex. personnes)."),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les indicateurs de suivi des actions, avec leur cible et leur valeur atteinte.",
    ),
    SheetSpec(
        "Critères",
        "criteres.csv",
        (
            _derivable_id("ce critère"),
            _chantier("le critère"),
            Column("intitulé", True, Kind.TEXT, "« On aura réussi si… »."),
            _NOTE,
            _SOURCE,
        ),
        "Les critères de réussite des fiches chantier.",
    ),
    SheetSpec(
        "Freins",
        "freins.csv",
        (
            _derivable_id("ce frein"),
            _chantier("le frein"),
            Column("intitulé", True, Kind.TEXT, "« On doit lever des freins… »."),
            _NOTE,
            _SOURCE,
        ),
        "Les freins à lever des fiches chantier.",
    ),
    SheetSpec(
        "Services",
        "services.csv",
        (
            _id("ce service"),
            Column("nom", True, Kind.TEXT, "Nom du service de la collectivité."),
            Column(
                "rattachement",
                False,
                Kind.REF,
                "Identifiant du service (feuille Services) dont celui-ci fait partie.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les services de la collectivité qui coordonnent ou participent. Identifiants "
        "uniques avec ceux des feuilles Acteurs et Ressources.",
    ),
    SheetSpec(
        "Coordination",
        "coordination.csv",
        (
            Column(
                "objet",
                True,
                Kind.REF,
                "Identifiant du chantier ou du défi coordonné ; si un chantier et un défi "
                "portent le même identifiant, écrire « défi 5 » ou « chantier 5 ».",
            ),
            Column(
                "service",
                True,
                Kind.REF,
                "Identifiant du service (feuille Services) qui coordonne.",
            ),
            Column("rôle", True, Kind.COORDINATION_ROLE, "Rôle du service : liste déroulante."),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Qui coordonne chaque défi ou chantier (« Coordonné par »).",
    ),
    SheetSpec(
        "Acteurs",
        "acteurs.csv",
        (
            _id("cet acteur"),
            Column("nom", True, Kind.TEXT, "Nom de l'acteur."),
            Column("description", False, Kind.TEXT, "Qui est cet acteur."),
            _NOTE,
            _SOURCE,
        ),
        "Les autres acteurs de la gouvernance (ni services, ni ressources). Identifiants "
        "uniques avec ceux des feuilles Services et Ressources.",
    ),
    SheetSpec(
        "Gouvernance",
        "gouvernance.csv",
        (
            _chantier("cette participation"),
            Column(
                "acteur",
                True,
                Kind.REF,
                "Identifiant de l'acteur, du service ou de la ressource (feuilles Acteurs, "
                "Services, Ressources).",
            ),
            Column(
                "rôle",
                True,
                Kind.GOVERNANCE_ROLE,
                "Qui pilote (pilote, co-pilote), qui fait (réalise), qui est associé : liste "
                "déroulante.",
            ),
            Column("note", False, Kind.TEXT, "Précision (ex. en lien avec le chantier CTG)."),
            _SOURCE,
            _HYPOTHESE,
        ),
        "La gouvernance de chaque fiche chantier.",
    ),
    SheetSpec(
        "Ressources",
        "ressources.csv",
        (
            _id("cette ressource"),
            Column("nom", True, Kind.TEXT, "Nom de la ressource."),
            Column("type", True, Kind.RESOURCE_TYPE, "Type de ressource : liste déroulante."),
            Column("description", False, Kind.TEXT, "Précision sur la ressource."),
            Column(
                "programme national",
                False,
                Kind.TEXT,
                "Programme national dont relève la ressource (ex. Conseillers numériques, "
                "France Services, Aidants Connect, Pass numérique), texte libre.",
            ),
            Column(
                "siret",
                False,
                Kind.TEXT,
                "SIRET de la structure (14 chiffres, clé de Luhn vérifiée ; espaces permis), "
                "saisi comme texte.",
            ),
            Column(
                "rna",
                False,
                Kind.TEXT,
                "Numéro RNA de l'association (W suivi de 9 caractères, ex. W243000123).",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les ressources à mobiliser (cartographie des ressources). Identifiants uniques "
        "avec ceux des feuilles Acteurs et Services.",
    ),
    SheetSpec(
        "Mobilisations",
        "mobilisations.csv",
        (
            _chantier("le lien"),
            Column(
                "ressource",
                True,
                Kind.REF,
                "Identifiant de la ressource (feuille Ressources) que le chantier mobilise.",
            ),
            Column(
                "statut",
                True,
                Kind.STATUS,
                "Statut du lien, dans la liste déroulante : la ressource agit déjà (trait "
                "plein) ou on la connaît sans qu'elle soit encore liée (trait pointillé).",
            ),
            Column(
                "depuis",
                False,
                Kind.DATE,
                "Date depuis laquelle le statut vaut (AAAA-MM-JJ).",
            ),
            Column("note", False, Kind.TEXT, "Précision sur le lien."),
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les liens chantier → ressource de la cartographie des ressources. Pas de ligne = "
        "pas de lien.",
    ),
    SheetSpec(
        "Règles de typologie",
        "regles-de-typologie.csv",
        (
            _id("cette condition de règle"),
            Column(
                "classe",
                True,
                Kind.REF,
                "Identifiant de la classe (feuille Typologie) que la règle donne.",
            ),
            Column(
                "ordre",
                True,
                Kind.INTEGER,
                "Rang de la règle (entier ≥ 1) : chaque commune prend la classe de la première "
                "règle, par ordre croissant, dont toutes les conditions sont vraies. Plusieurs "
                "lignes de même ordre et de même classe sont les conditions d'une même règle.",
            ),
            Column(
                "indicateur",
                False,
                Kind.TEXT,
                "Indicateur comparé : total, sans thd, sans 4g, pauvreté, plus de 65 ans, non "
                "scolarisés (ou leur nom dans l'IFN : older_65_rate…), ou population. Vide "
                "(avec opérateur et seuil vides) = règle toujours vraie : la classe par défaut.",
            ),
            Column("opérateur", False, Kind.TEXT, "Comparaison : ≥, >, ≤ ou < (>= et <= admis)."),
            Column(
                "seuil",
                False,
                Kind.TEXT,
                f"Seuil comparé au score ({SCORE_MIN} à {SCORE_MAX}) ou à la population, "
                "virgule ou point décimal.",
            ),
            _NOTE,
            _SOURCE,
            _HYPOTHESE,
        ),
        "Les règles qui classent les communes dans la typologie, modifiables par le "
        "territoire ; sans ligne, les règles par défaut (les six classes du texte source).",
    ),
)

# The « type de territoire » drop-down: label → the IRI segment of the territory's node.
TERRITORY_KINDS: dict[str, str] = {
    "commune": "commune",
    "EPCI": "epci",
    "département": "departement",
    "région": "region",
}

SHEETS_BY_NAME: dict[str, SheetSpec] = {spec.name: spec for spec in SHEETS}
CORE_SHEETS: frozenset[str] = frozenset({"Feuille de route", "Enjeux", "Défis", "Chantiers"})

_BY_FOLDED_NAME = {fold(spec.name): spec for spec in SHEETS}
_BY_CSV = {spec.csv.casefold(): spec for spec in SHEETS}


def sheet_for_name(name: str) -> SheetSpec | None:
    """The sheet a spreadsheet tab names (case, accents and spaces forgiven)."""
    return _BY_FOLDED_NAME.get(fold(name))


def sheet_for_csv(file_name: str) -> SheetSpec | None:
    """The sheet a CSV file name stands for (case forgiven)."""
    return _BY_CSV.get(file_name.casefold())
