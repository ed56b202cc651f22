"""govextract: typed records from Chinese government documents.

>>> import govextract
>>> result = govextract.extract("根据国发〔２０１３〕１０号文件")
>>> result.doc_numbers[0].normalized
'国发〔2013〕10号'
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govextract.departments import DepartmentInfo, lookup_department
    from govextract.extractors import (
        CitationExtractor,
        Context,
        DateExtractor,
        DocNumberExtractor,
        DocumentExtractor,
        Extractor,
        QuantityExtractor,
        ResponsibilityExtractor,
        SectionExtractor,
        TargetExtractor,
        extract_citations,
        extract_dates,
        extract_doc_numbers,
        extract_documents,
        extract_quantities,
        extract_responsibilities,
        extract_sections,
        extract_targets,
    )
    from govextract.many import extract_many
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

# The public names load on first use (PEP 562): ``import govextract`` itself stays cheap, and the
# first call pays for pydantic, the patterns and the data files.
_EXPORTS: dict[str, str] = {
    "extract_many": "govextract.many",
    "DepartmentInfo": "govextract.departments",
    "lookup_department": "govextract.departments",
    "CitationExtractor": "govextract.extractors",
    "Context": "govextract.extractors",
    "DateExtractor": "govextract.extractors",
    "DocNumberExtractor": "govextract.extractors",
    "DocumentExtractor": "govextract.extractors",
    "Extractor": "govextract.extractors",
    "SectionExtractor": "govextract.extractors",
    "QuantityExtractor": "govextract.extractors",
    "extract_quantities": "govextract.extractors",
    "TargetExtractor": "govextract.extractors",
    "extract_targets": "govextract.extractors",
    "ResponsibilityExtractor": "govextract.extractors",
    "extract_responsibilities": "govextract.extractors",
    "extract_citations": "govextract.extractors",
    "extract_dates": "govextract.extractors",
    "extract_doc_numbers": "govextract.extractors",
    "extract_documents": "govextract.extractors",
    "extract_sections": "govextract.extractors",
    "parse_int": "govextract.numerals",
    "parse_number": "govextract.numerals",
    "Pipeline": "govextract.pipeline",
    "extract": "govextract.pipeline",
    "LABELS": "govextract.records",
    "SCHEMA_VERSION": "govextract.records",
    "Citation": "govextract.records",
    "DateMention": "govextract.records",
    "Department": "govextract.records",
    "DocNumber": "govextract.records",
    "Document": "govextract.records",
    "Extraction": "govextract.records",
    "Quantity": "govextract.records",
    "Responsibility": "govextract.records",
    "Section": "govextract.records",
    "Target": "govextract.records",
    "check_offsets": "govextract.records",
    "LogicalLine": "govextract.text",
    "NormText": "govextract.text",
    "normalize": "govextract.text",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govextract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def compiled() -> bool:
    """Whether the modules that do the per-line and per-match work run compiled.

    ``pip install`` compiles them with mypyc where a C compiler is found (see ``setup.py``); the
    pure-Python modules give the same records, more slowly.

    >>> isinstance(compiled(), bool)
    True
    """
    from govextract import text

    return not text.__file__.endswith(".py")


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
    "DepartmentInfo",
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
    "QuantityExtractor",
    "Responsibility",
    "ResponsibilityExtractor",
    "Section",
    "SectionExtractor",
    "Target",
    "TargetExtractor",
    "__version__",
    "check_offsets",
    "compiled",
    "extract",
    "extract_citations",
    "extract_dates",
    "extract_doc_numbers",
    "extract_documents",
    "extract_many",
    "extract_quantities",
    "extract_responsibilities",
    "extract_sections",
    "extract_targets",
    "lookup_department",
    "normalize",
    "parse_int",
    "parse_number",
]
