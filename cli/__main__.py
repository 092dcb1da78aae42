"""``python -m feuille_de_route``."""

from ._cli import main

raise SystemExit(main())
