"""govextract: typed records from Chinese government documents.

>>> import govextract
>>> result = govextract.extract("根据国发〔２０１３〕１０号文件")
>>> result.doc_numbers[0].normalized
'国发〔2013〕10号'
"""

from govextract.extractors import Context, DocNumberExtractor, Extractor, extract_doc_numbers
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
    "Context",
    "DateMention",
    "Department",
    "DocNumber",
    "DocNumberExtractor",
    "Document",
    "Extraction",
    "Extractor",
    "LogicalLine",
    "NormText",
    "Pipeline",
    "Quantity",
    "Responsibility",
    "Section",
    "Target",
    "__version__",
    "check_offsets",
    "extract",
    "extract_doc_numbers",
    "normalize",
    "parse_int",
    "parse_number",
]
