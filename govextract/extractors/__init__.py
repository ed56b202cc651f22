"""One extractor per label; each finds candidates on a :class:`~govextract.text.NormText` and resolves them."""

from govextract.extractors.base import Context, Extractor
from govextract.extractors.doc_number import DocNumberExtractor, extract_doc_numbers

__all__ = ["Context", "DocNumberExtractor", "Extractor", "extract_doc_numbers"]
