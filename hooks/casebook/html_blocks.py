"""A Python-Markdown extension: generated pages' HTML blocks skip HTML parsing.

Generated pages are mostly raw HTML blocks (escaped text from records). Before
this, Python-Markdown parsed every block with its HTMLParser to find where it
ends, and MkDocs parsed the whole page once more to collect anchor ids: half
the time MkDocs spent on a case page. The generator writes each block as one
element opened at the start of its first line, closed at the end of its last,
with a blank line after it, so its extent is known without parsing: the block
goes to the stash exactly as Python-Markdown would have put it there
(tests/test_html_blocks.py renders every generated page both ways).

Only pages that start with the generator's comment are touched; links in these
blocks are written as the site's URLs, so MkDocs has no anchor to check there.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

GENERATED_MARK = re.compile(r"<!-- .*\bcasebook\b.* -->$")  # templates/_front.md.j2 writes it first
_BLOCK_START = re.compile(r"<(p|div|ul|ol|dl|table)[\s>]")


class GeneratedHtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' anchor collector (21) and Python-Markdown's html_block (20).
        md.preprocessors.register(_StashBlocks(md), "casebook_html_blocks", 22)


class _StashBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        first = next((line for line in lines if line.strip()), "")
        if not GENERATED_MARK.match(first):
            return lines
        out: list[str] = []
        run: list[list[str]] = []  # consecutive blocks of ours, to be stashed as one
        block: list[str] = []
        for line in [*lines, ""]:
            if line.strip():
                block.append(line)
                continue
            if block and _is_ours(block):
                run.append(block)
            elif block:
                out += self._stashed(run) + block
                run = []
            block = []
            if not run:
                out.append(line)  # blank lines inside a run are the stash's business
        out += self._stashed(run)
        return out[:-1]

    def _stashed(self, run: list[list[str]]) -> list[str]:
        # One placeholder for many blocks: Python-Markdown's inline, toc and
        # attr_list passes visit every placeholder paragraph (~half its time on
        # a case page). Python-Markdown writes stashed blocks a blank line apart,
        # so the joined text is what it would have written block by block.
        if not run:
            return []
        return [self.md.htmlStash.store("\n\n".join("\n".join(block) for block in run) + "\n"), ""]


def _is_ours(block: list[str]) -> bool:
    start = _BLOCK_START.match(block[0])
    return start is not None and block[-1].endswith(f"</{start.group(1)}>")
