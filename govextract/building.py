"""Records built by the extractors: what pydantic's validator would build, checked the same way, at a
fraction of its cost (compiled).

The extractors build tens of thousands of records per megabyte from values they computed
themselves. :func:`make` builds each one directly: it fills the defaults, checks the field names,
the required fields, the numeric bounds (``start >= 0``, ``level >= 1``) and runs the record's own
checks (``raw[start:end]`` has the length of ``text``); any failure goes through pydantic's
validator, which raises its usual ``ValidationError``. A class whose validators compute fields
(``DocNumber.normalized``, ``Document.issuer``) is always built by pydantic. Field types are not
checked here: ``mypy --strict`` checks the extractors' values, and a property test validates every
record the pipeline builds on the corpus and on generated text with pydantic.

>>> from govextract.records import Span
>>> make(Span, start=0, end=2, text="国发").text
'国发'
>>> make(Span, start=0, end=3, text="国发")
Traceback (most recent call last):
pydantic_core._pydantic_core.ValidationError: 1 validation error for Span
...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from govextract.records import Record, Span, shared_fields_set, validated

R = TypeVar("R", bound=Record)

#: the template's value of a required field
_REQUIRED: Any = object()


class _Plan:
    """How :func:`make` builds the records of one class."""

    def __init__(self, cls: type[Record]) -> None:
        fields = cls.model_fields
        self.template: dict[str, Any] = {n: _REQUIRED if f.is_required() else f.default for n, f in fields.items()}
        self.known: frozenset[str] = frozenset(fields)
        self.required: frozenset[str] = frozenset(n for n, f in fields.items() if f.is_required())
        self.factories: list[tuple[str, Any]] = [
            (n, f.default_factory) for n, f in fields.items() if f.default_factory is not None
        ]
        self.bounds: list[tuple[str, int]] = []
        self.direct = True
        for n, f in fields.items():
            for m in f.metadata:
                bound = getattr(m, "ge", None)
                if type(m).__name__ == "Ge" and isinstance(bound, int):
                    self.bounds.append((n, bound))
                else:
                    self.direct = False  # a constraint this module does not check
        self.span = False  # Span's own check, done inline
        self.checks: list[Any] = []
        for d in cls.__pydantic_decorators__.model_validators.values():
            if d.info.mode != "after":
                self.direct = False  # a validator that computes fields
            elif d.func is _SPAN_CHECK:
                self.span = True
            else:
                self.checks.append(getattr(cls, d.cls_var_name))
        decorators = cls.__pydantic_decorators__
        if decorators.field_validators or decorators.validators or decorators.root_validators:
            self.direct = False
        if cls.__private_attributes__ or cls.model_config.get("extra") != "forbid":
            self.direct = False


_SPAN_CHECK: Any = Span.__pydantic_decorators__.model_validators["_check_span"].func
_PLANS: dict[type, _Plan] = {}
#: the shared set of set fields of each set of field names given
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_new = object.__new__


def _slot_setter(name: str) -> Callable[[Any, Any], None]:
    """The setter of one of ``BaseModel``'s slots (its descriptor's ``__set__``, a third faster to
    call than ``object.__setattr__``, which looks the name up first), or that lookup where a
    pydantic release keeps the slot elsewhere."""
    setter: Callable[[Any, Any], None] | None = getattr(vars(BaseModel).get(name), "__set__", None)
    if setter is not None:
        return setter

    def set_by_name(record: Any, value: Any) -> None:
        object.__setattr__(record, name, value)

    return set_by_name


_set_dict = _slot_setter("__dict__")
_set_fields_set = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")


def make(cls: type[R], /, **fields: Any) -> R:
    """``cls(**fields)`` for a record class, checked as described above."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(cls)
    if not plan.direct:
        return validated(cls, fields)
    keys = fields.keys()
    if not (keys <= plan.known and plan.required <= keys):
        return validated(cls, fields)
    data = {**plan.template, **fields}
    for name, factory in plan.factories:
        if name not in fields:
            data[name] = factory()
    for name, bound in plan.bounds:
        value = data[name]
        if not isinstance(value, int) or value < bound:
            return validated(cls, fields)
    if plan.span:
        start, end, text = data["start"], data["end"], data["text"]
        if end < start or not isinstance(text, str) or len(text) != end - start:
            return validated(cls, fields)
    names = frozenset(keys)
    fields_set = _FIELDS_SETS.get(names)
    if fields_set is None:
        fields_set = shared_fields_set(set(names))
        if len(_FIELDS_SETS) < 4096:
            _FIELDS_SETS[names] = fields_set
    record: R = _new(cls)
    _set_dict(record, data)
    _set_fields_set(record, fields_set)
    _set_extra(record, None)
    _set_private(record, None)
    if plan.checks:
        try:
            for check in plan.checks:
                check(record)
        except ValueError:
            return validated(cls, fields)
    return record
