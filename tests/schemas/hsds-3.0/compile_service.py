"""Rebuild Open Referral's ``schema/compiled/service.json`` from the per-object schemas, as the
specification's own build does it, with the standard library only.

The specification compiles with ``hsds_schema_tools`` (``_compile_schemas``), which calls
``CompileToJsonSchema(schema/service.json).get_as_string()`` from the ``compiletojsonschema``
package and writes the string as it is (no trailing newline). That tool loads the file with
``jsonref`` (every ``{"$ref": ...}`` becomes a proxy of the file it names), then walks the
tree: each node is copied, a reference's sibling keys (``name``, ``title``, ``description``)
are written over the copy of what it points at, and ``properties``, ``items``, ``oneOf``,
``anyOf`` and ``allOf`` are compiled in turn. The result is ``json.dumps(..., indent=2)``:
two-space indentation, ASCII only (``\\u2018``), keys in the order of the source files.

Usage: python3 compile_service.py SOURCE_DIR OUT_FILE [--list OUT_LIST_FILE]
(SOURCE_DIR holds ``service.json`` and the files it references; ``--list`` also writes the
list form the same build makes: ``service_list.json``, the one-to-many arrays taken out.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


class _Ref:
    """A ``{"$ref": ...}`` node: what it points at, and the node itself (its siblings)."""

    def __init__(self, target: object, node: dict):
        self.target = target
        self.node = node


def _load(path: Path, cache: dict[Path, object]) -> object:
    path = path.resolve()
    if path not in cache:
        cache[path] = None  # a reference cycle would recurse forever: fail instead
        cache[path] = _replace_refs(json.loads(path.read_text(encoding="utf-8")), path, cache)
    if cache[path] is None:
        raise ValueError(f"{path}: a $ref cycle; the official build cannot compile it either")
    return cache[path]


def _pointer(document: object, fragment: str) -> object:
    for part in filter(None, fragment.split("/")):
        part = part.replace("~1", "/").replace("~0", "~")
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def _replace_refs(node: object, path: Path, cache: dict[Path, object]) -> object:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        file_part, _, fragment = node["$ref"].partition("#")
        document = _load(path.parent / file_part, cache) if file_part else None
        if document is None:
            raise ValueError(
                f"{path}: {node['$ref']}: references within a file are not used by HSDS"
            )
        return _Ref(_pointer(document, fragment), node)
    if isinstance(node, dict):
        return {key: _replace_refs(value, path, cache) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace_refs(value, path, cache) for value in node]
    return node


def _copy(node: object) -> object:
    """``copy.deepcopy`` of a jsonref tree: a proxy copies as what it points at."""
    if isinstance(node, _Ref):
        return _copy(node.target)
    if isinstance(node, dict):
        return {key: _copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_copy(value) for value in node]
    return node


def _subject(node: object) -> object:
    while isinstance(node, _Ref):
        node = node.target
    return node


def _compile(source: object) -> object:
    out = _copy(source)
    if isinstance(source, _Ref):
        for key, value in source.node.items():
            if key != "$ref":
                out[key] = value
    subject = _subject(source)
    if not isinstance(subject, dict):
        return out
    if "codelist" in subject:
        raise ValueError("codelists are not used by the HSDS schemas this script was checked on")
    for leaf in subject.get("properties", {}):
        out["properties"][leaf] = _compile(subject["properties"][leaf])
    if "items" in subject:
        out["items"] = _compile(subject["items"])
    for keyword in ("oneOf", "anyOf", "allOf"):
        for index, part in enumerate(subject.get(keyword, [])):
            out[keyword][index] = _compile(part)
    return out


def compiled_service(source_dir: Path) -> dict:
    return _compile(_load(source_dir / "service.json", {}))


def remove_one_to_many(properties: dict) -> None:
    """The list form, in place: every array of objects goes; a nested one-to-one object stays,
    with its own arrays gone."""
    for key in list(properties):
        value = properties[key]
        if value.get("type") == "array" and "items" in value:
            del properties[key]
        elif value.get("type") == "object" and "properties" in value:
            remove_one_to_many(value["properties"])


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--list"):
        print("usage: compile_service.py SOURCE_DIR OUT_FILE [--list OUT_LIST]", file=sys.stderr)
        return 2
    schema = compiled_service(Path(argv[0]))
    Path(argv[1]).write_text(json.dumps(schema, indent=2), encoding="utf-8")
    if len(argv) == 4:
        remove_one_to_many(schema["properties"])
        Path(argv[3]).write_text(json.dumps(schema, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
