"""The casebook's MkDocs side: everything that knows MkDocs or static-i18n.

The core package (casebook) never imports MkDocs; hooks/mkdocs_hooks.py wires
MkDocs events to this package, which runs the build's orchestration
(orchestration.py) and holds every use of static-i18n's internals
(static_i18n.py)."""
