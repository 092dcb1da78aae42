"""Parameter values the whole-catalogue comparisons of tests/sharing give every query."""

__all__ = ["ELSEWHERE", "VALUES"]

# Values that give rows on the Grand Périgueux (the defaults where they do).
VALUES: dict[str, object] = {
    "chantier": "1.b",
    "date": "2020-01-01",
    "minimum": 1,
    # The cross-territory questions (issue 11), asked by a territory not in the store yet
    # about the Grand Périgueux; they are checked with rows on three territories in
    # test_arq_cross_territory.py.
    "maFeuilleDeRoute": "https://example.org/territoires/absente/",
    "autreFeuilleDeRoute": "https://w3id.org/feuille-de-route/territoires/grand-perigueux/",
}
# No row with one territory alone: nothing « elsewhere », nothing shared.
ELSEWHERE = {"carte-comparaison", "chantiers-memes-themes", "operant-ailleurs"}
