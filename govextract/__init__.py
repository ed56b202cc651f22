"""govextract: typed records from Chinese government documents.

>>> import govextract
>>> result = govextract.extract("根据国发〔２０１３〕１０号文件")
>>> result.doc_numbers[0].normalized
'国发〔2013〕10号'
"""

from govextract.extractors import (
    CitationExtractor,
    Context,
    DateExtractor,
    DocNumberExtractor,
    DocumentExtractor,
    Extractor,
    SectionExtractor,
    extract_citations,
    extract_dates,
    extract_doc_numbers,
    extract_documents,
    extract_sections,
)
from govextract.numerals import parse_int, parse_number
from govextract.pipeline import Pipeline, extract
from govextract.records import (
    LABELS,
    SCHEMA_VERSION,
    Citation,
    DateMention,
    Department,
    DocNumber,
    Document,
    Extraction,
    Quantity,
    Responsibility,
    Section,
    Target,
    check_offsets,
)
from govextract.text import LogicalLine, NormText, normalize

__version__ = "0.1.0"

__all__ = [
    "LABELS",
    "SCHEMA_VERSION",
    "Citation",
    "CitationExtractor",
    "Context",
    "DateExtractor",
    "DateMention",
    "Department",
    "DocNumber",
    "DocNumberExtractor",
    "Document",
    "DocumentExtractor",
    "Extraction",
    "Extractor",
    "LogicalLine",
    "NormText",
    "Pipeline",
    "Quantity",
    "Responsibility",
    "Section",
    "SectionExtractor",
    "Target",
    "__version__",
    "check_offsets",
    "extract",
    "extract_citations",
    "extract_dates",
    "extract_doc_numbers",
    "extract_documents",
    "extract_sections",
    "normalize",
    "parse_int",
    "parse_number",
]
