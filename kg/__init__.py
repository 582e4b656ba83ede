"""kg: offline entity knowledge graphs from news articles.

``kg.build([...])`` reads articles into a :class:`KnowledgeGraph`; ``kg.load("outputs/")`` reads one back.
"""

from kg.build import build
from kg.config import BuildConfig
from kg.load import load
from kg.query import EntityNotFound, Evidence, KnowledgeGraph, Node, PathNotFound, Relation

__all__ = ["BuildConfig", "EntityNotFound", "Evidence", "KnowledgeGraph", "Node", "PathNotFound", "Relation", "build",
           "load", "show"]
__version__ = "0.1.0"


def show(graph, **options):
    """The graph page in Jupyter (an iframe), or written and opened in a browser; see :func:`kg.render.show`."""
    from kg.render import show as _show

    return _show(graph, **options)
