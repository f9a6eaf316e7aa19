"""Read inputs into Records: files, directories, globs, standard input.

Kinds: plain text and HTML (one Record per file), JSON Lines and CSV (one Record per
line or row, with optional id/url/title/published), any of them gzipped, and WARC
web archives (one Record per HTML response). Bad input never raises: each empty,
binary, undecodable, truncated or missing input yields one DocumentError (code from
the error class, message for users) and reading goes on with the rest. Everything
is lazy, so a directory of millions of files streams, and so does standard input
(record by record when it holds JSON Lines). A folder's metadata sidecar
(``_metadata.jsonl`` or ``sources.jsonl``, see sidecar.py) gives its plain files their url,
title and published date, and is not read as articles; so does a metadata file given with
``--metadata`` (``load_metadata``), which wins over the sidecar.
"""
from __future__ import annotations

import os
import sys
from typing import Iterator, Optional, Sequence, Union

from ..errors import InputError
from ..types import DocumentError, Record
from .paths import STDIN, expand_paths
from .readers import CSV_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES, read_blob, read_file, read_standard_input
from .records import record_or_error, to_document_error
from .sidecar import MetadataFile, load_metadata, with_sidecar_metadata

__all__ = ["read_records", "known_article_count", "STDIN_NAME", "read_blob", "record_or_error", "MetadataFile",
           "load_metadata"]

# The document name of standard input in errors and output.
STDIN_NAME = "<stdin>"


MULTI_RECORD_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + WARC_SUFFIXES


def known_article_count(paths: Sequence[str]) -> Optional[int]:
    """How many articles ``paths`` hold, when that is known without reading them: every
    PATH a regular file of one article (not standard input, a directory, a glob, or a
    JSON Lines, CSV or WARC file, plain or gzipped). Else None. It only stats the paths,
    so input still streams; a file that turns out to hold JSON Lines makes the count low
    (the progress display then drops its total)."""
    for path in paths:
        name = path.lower().removesuffix(".gz")
        if path == STDIN or not os.path.isfile(path) or name.endswith(MULTI_RECORD_SUFFIXES):
            return None
    return len(paths)


def read_records(paths: Sequence[str], metadata: Optional[MetadataFile] = None
                 ) -> Iterator[Union[Record, DocumentError]]:
    """Records (and per-input DocumentErrors) for every PATH, in a deterministic order.

    ``metadata`` gives plain files their url, title and date (before their folder's sidecar
    does); the metadata file itself, met in a walked folder, is not read as an article."""
    for item in expand_paths(paths):
        if metadata is not None and isinstance(item, str) and item != STDIN and metadata.is_itself(item):
            continue
        if isinstance(item, InputError):
            yield to_document_error(item)
        elif item == STDIN:
            yield from read_standard_input(sys.stdin.buffer, STDIN_NAME)
        else:
            for record in read_file(item):
                # a file read whole (not a feed's line) takes what the metadata file, then its
                # folder's sidecar, say about it
                if isinstance(record, Record) and record.source == record.doc:
                    if metadata is not None:
                        record = metadata.apply(record, item)
                    record = with_sidecar_metadata(record, item)
                yield record
