"""kg: offline entity knowledge graphs from news articles."""

from kg.build import build
from kg.config import BuildConfig
from kg.query import KnowledgeGraph

__all__ = ["BuildConfig", "KnowledgeGraph", "build"]
__version__ = "0.1.0"
