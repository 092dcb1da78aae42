"""Parameter values the whole-catalogue comparisons of tests/sharing give every query."""

__all__ = ["ELSEWHERE", "VALUES"]

# Values that give rows on the Grand Périgueux (the defaults where they do).
VALUES: dict[str, object] = {
    "chantier": "1.b",
    "date": "2020-01-01",
    "minimum": 1,
    # actions-en-retard (issue 12): a fixed day, not the run's.
    "aujourdhui": "2026-06-30",
    # The cross-territory questions (issue 11), asked by a territory not in the store yet
    # about the Grand Périgueux; they are checked with rows on three territories in
    # test_arq_cross_territory.py.
    "maFeuilleDeRoute": "https://example.org/territoires/absente/",
    "autreFeuilleDeRoute": "https://w3id.org/feuille-de-route/territoires/grand-perigueux/",
    # The national counts, narrowed to the Grand Périgueux's département and région.
    "departement": "https://w3id.org/feuille-de-route/geo/departement/24",
    "region": "https://w3id.org/feuille-de-route/geo/region/75",
}
# No row with one territory alone: nothing « elsewhere », nothing shared; nor late
# actions, since the Grand Périgueux source gives no action dates (test_suivi_arq.py
# compares them on a made-up territory that has some).
ELSEWHERE = {
    "actions-en-retard",
    "carte-comparaison",
    "carte-comparaison-siren",
    "chantiers-memes-themes",
    "operant-ailleurs",
    "operant-ailleurs-classement",
    "territoires-memes-themes",
}
