"""Community Practice Casebook: YAML case records to bilingual Markdown pages.

This package never imports MkDocs; hooks/mkdocs_hooks.py wires it to MkDocs.
"""
