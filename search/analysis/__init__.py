"""Chinese text analysis shared by both engines: folding, segmentation, pinyin, synonyms, queries.

Analysis happens in Python so the embedded index and Elasticsearch see the very
same tokens and agree on what matches.
"""

from .normalize import fold
from .query import ParsedQuery, parse_query

__all__ = ["ParsedQuery", "fold", "parse_query"]
