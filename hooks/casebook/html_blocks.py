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

A stashed block's placeholder becomes a paragraph that Python-Markdown replaces with the block
at the end; its text is marked atomic, so the inline patterns (a dozen regular expressions)
are not tried on it: a case page has about as many placeholders as headings.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown, util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# templates/_front.md.j2 writes it first; a fixed word, not the translated sentence after it.
GENERATED_MARK = re.compile(r"<!-- casebook:generated .* -->$")
_BLOCK_START = re.compile(r"<(p|div|ul|ol|dl|table)[\s>]")
_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"[0-9]+")


class GeneratedHtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' anchor collector (21) and Python-Markdown's html_block (20).
        md.preprocessors.register(_StashBlocks(md), "casebook_html_blocks", 22)
        # Before the paragraph processor (10), which would make it an ordinary paragraph.
        md.parser.blockprocessors.register(_Placeholder(md.parser), "casebook_placeholder", 12)


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


class _Placeholder(BlockProcessor):
    """A block that is one placeholder alone: a paragraph of atomic text (no inline pattern can
    match a placeholder, so the page comes out the same)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return _PLACEHOLDER.fullmatch(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = util.AtomicString(blocks.pop(0))


def _is_ours(block: list[str]) -> bool:
    start = _BLOCK_START.match(block[0])
    return start is not None and block[-1].endswith(f"</{start.group(1)}>")
