"""One extractor per label; each finds candidates on a :class:`~govextract.text.NormText` and resolves them."""

from govextract.extractors.base import Context, Extractor
from govextract.extractors.citations import CitationExtractor, extract_citations
from govextract.extractors.dates import DateExtractor, extract_dates
from govextract.extractors.doc_number import DocNumberExtractor, extract_doc_numbers
from govextract.extractors.documents import DocumentExtractor, extract_documents
from govextract.extractors.quantities import QuantityExtractor, extract_quantities
from govextract.extractors.responsibilities import ResponsibilityExtractor, extract_responsibilities
from govextract.extractors.sections import SectionExtractor, extract_sections
from govextract.extractors.targets import TargetExtractor, extract_targets

__all__ = [
    "CitationExtractor",
    "Context",
    "DateExtractor",
    "DocNumberExtractor",
    "DocumentExtractor",
    "Extractor",
    "QuantityExtractor",
    "ResponsibilityExtractor",
    "SectionExtractor",
    "TargetExtractor",
    "extract_citations",
    "extract_dates",
    "extract_doc_numbers",
    "extract_documents",
    "extract_quantities",
    "extract_responsibilities",
    "extract_sections",
    "extract_targets",
]
