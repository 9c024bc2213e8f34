"""Community Practice Casebook: YAML case records to bilingual Markdown pages.

This package never imports MkDocs: hooks/mkdocs_hooks.py wires it to MkDocs events, and
casebook_mkdocs holds what knows MkDocs (the build's orchestration, static-i18n's internals).
"""
