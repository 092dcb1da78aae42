"""Content negotiation for Apache httpd (the site's ``.htaccess``) and the redirects of
the base IRI for the w3id.org repository (``w3id/.htaccess``).

A thing's IRI path ``chantier/1.b`` is answered by ``chantier/1.b.ttl`` when the client
asks for Turtle (``Accept: text/turtle``) and not for HTML, by ``chantier/1.b.jsonld`` for
JSON-LD, and by ``chantier/1.b.html`` otherwise; every answer says ``Vary: Accept``.
The ontology's IRI (``ontologie``, and its version IRI) gives ``ontologie/fdr.ttl`` to a
Turtle client and the documentation otherwise (English to a client preferring it).
Needs mod_rewrite, mod_headers, mod_mime and mod_dir, and ``AllowOverride All`` (or
``FileInfo Options Indexes``) on the site's folder.
"""

import re
from urllib.parse import urlsplit

__all__ = ["RULES_HEADER", "htaccess", "w3id_htaccess"]

# The site's .htaccess starts with this line: it tells a folder publier-site wrote.
RULES_HEADER = (
    "# Négociation de contenu du site publié par « feuille-de-route publier-site ».\n"
).encode()

_TYPES = """\
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-triples .nt
AddType application/trig .trig
AddType application/n-quads .nq
AddType image/svg+xml .svg
AddCharset utf-8 .html .ttl .jsonld .nt .trig .nq .svg
"""

_TURTLE = "%{HTTP_ACCEPT} (text/turtle|application/x-turtle)"
_JSONLD = "%{HTTP_ACCEPT} application/ld\\+json"
_HTML = "%{HTTP_ACCEPT} !(text/html|application/xhtml\\+xml)"


def _negotiate(pattern: str, target: str, check: bool) -> str:
    """Rules sending ``pattern`` to ``target`` + ``.ttl``/``.jsonld``/``.html``."""
    rules = []
    for accept, suffix, html_check in ((_TURTLE, "ttl", True), (_JSONLD, "jsonld", True)):
        conditions = [f"RewriteCond {accept} [NC]"]
        if html_check:
            conditions.append(f"RewriteCond {_HTML} [NC]")
        if check:
            conditions.append(f"RewriteCond %{{REQUEST_FILENAME}}.{suffix} -f")
        rules.append("\n".join([*conditions, f"RewriteRule {pattern} {target}.{suffix} [END]"]))
    html = ["RewriteCond %{REQUEST_FILENAME}.html -f"] if check else []
    rules.append("\n".join([*html, f"RewriteRule {pattern} {target}.html [END]"]))
    return "\n\n".join(rules)


def htaccess(publication_url: str) -> str:
    """The site's ``.htaccess``, for a site served at ``publication_url``."""
    path = urlsplit(publication_url).path or "/"
    ontology = "^ontologie(/[0-9][0-9.]*)?/?$"
    return (
        RULES_HEADER.decode()
        + f"""\
# IRI d'un élément → page HTML (par défaut), Turtle (Accept: text/turtle) ou JSON-LD
# (Accept: application/ld+json). Modules : rewrite, headers, mime, dir.
Options -MultiViews -Indexes
DirectoryIndex index.html
# A thing's IRI may also name a folder (commune/24322 and commune/24322/ifn/…): the rules
# below answer it, and add the slash themselves to a folder that is no thing.
DirectorySlash Off
{_TYPES}
<IfModule mod_headers.c>
Header always merge Vary Accept
</IfModule>

RewriteEngine On
RewriteBase {path}

# La racine : la feuille de route elle-même.
RewriteCond {_TURTLE} [NC]
RewriteCond {_HTML} [NC]
RewriteRule ^$ index.ttl [END]
RewriteCond {_JSONLD} [NC]
RewriteCond {_HTML} [NC]
RewriteRule ^$ index.jsonld [END]

# L'ontologie (IRI et IRI de version) : fdr.ttl ou la documentation.
RewriteCond {_TURTLE} [NC]
RewriteCond {_HTML} [NC]
RewriteRule {ontology} ontologie/fdr.ttl [END]
RewriteRule ^ontologie$ ontologie/ [R=303,L]
RewriteCond %{{HTTP:Accept-Language}} ^en [NC]
RewriteRule ^ontologie/([0-9][0-9.]*)?$ ontologie/en.html [END]
RewriteRule ^ontologie/([0-9][0-9.]*)?$ ontologie/index.html [END]
RewriteRule ^formes/?$ ontologie/formes.ttl [END]

# Chaque élément : chemin de son IRI + .ttl, .jsonld ou .html.
{_negotiate("^(.+)$", "$1", check=True)}

# Un dossier qui n'est pas un élément : avec la barre finale, sa page index.html.
RewriteCond %{{REQUEST_FILENAME}} -d
RewriteRule ^(.*[^/])$ $1/ [R=301,L]
"""
    )


def w3id_htaccess(base: str, publication_url: str) -> str:
    """Redirects from the w3id.org namespace to the published site, to be placed in the
    w3id.org repository's ``feuille-de-route/.htaccess`` (the path after
    ``https://w3id.org/feuille-de-route/``)."""
    prefix = "https://w3id.org/feuille-de-route/"
    local = base[len(prefix) :] if base.startswith(prefix) else ""
    lines = [
        "# Redirections w3id.org → site publié (dépôt perma-id/w3id.org, dossier",
        "# feuille-de-route/). L'en-tête Accept est transmis : le site négocie le format.",
        "Options -MultiViews",
        "RewriteEngine On",
        "",
        f"RewriteRule ^ontologie(/.*)?$ {publication_url}ontologie$1 [R=303,L,NE]",
        f"RewriteRule ^formes$ {publication_url}formes [R=303,L,NE]",
    ]
    if local:
        pattern = "^" + re.escape(local) + "(.*)$"
        lines.append(f"RewriteRule {pattern} {publication_url}$1 [R=303,L,NE]")
    else:
        lines.append(f"# L'IRI de base {base} n'est pas sous {prefix} : rien à rediriger.")
    return "\n".join(lines) + "\n"
