"""``python -m feuille_de_route``."""

from .cli import main

raise SystemExit(main())
