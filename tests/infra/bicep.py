"""Reads the Bicep templates (pycep-parser) and evaluates what can be known before deployment.

pycep gives each file's parameters, variables, resources and modules as JSON, with identifiers and
string literals both as plain strings. `Template.value()` resolves a value the way ARM would as far
as it can offline: parameters (the value a parent module passes, else the default), variables,
`union()`, `string()`, the conditional operator and `${}` interpolation. What only exists after
deployment (a module's or resource's output or property) becomes a `Ref` naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pycep import BicepParser

INFRA = Path(__file__).resolve().parents[2] / "infra"
_INTERPOLATION = re.compile(r"\$\{([^}]+)\}")


@dataclass(frozen=True)
class Ref:
    """A value known only once deployed, e.g. `cosmos.outputs.endpoint` or `listKeys(...)`."""

    path: str


def parse(path: Path) -> dict[str, Any]:
    return dict(BicepParser().parse(file_path=path))


def _accessor(node: dict[str, Any]) -> str:
    ops = node["operator"]["operands"]
    right = ops["operand_2"]
    tail = _accessor(right) if isinstance(right, dict) and "operator" in right else str(right)
    left = ops["operand_1"]
    head = _accessor(left) if isinstance(left, dict) and "operator" in left else str(left)
    return f"{head}.{tail}"


@dataclass
class Template:
    path: Path
    given: dict[str, Any] = field(default_factory=dict)  # parameter values passed by a parent

    def __post_init__(self) -> None:
        self.doc = parse(self.path)

    @property
    def parameters(self) -> dict[str, Any]:
        return dict(self.doc.get("parameters", {}))

    @property
    def variables(self) -> dict[str, Any]:
        return dict(self.doc.get("variables", {}))

    @property
    def resources(self) -> dict[str, Any]:
        return dict(self.doc.get("resources", {}))

    @property
    def modules(self) -> dict[str, Any]:
        return dict(self.doc.get("modules", {}))

    def module(self, name: str) -> Template:
        """The child template of module `name`, with the parameters this file passes it."""
        config = self.modules[name]["config"]
        if "condition" in config:  # `module x '...' = if (...) {`
            config = config["config"]
        params = {k: self.value(v) for k, v in config.get("params", {}).items()}
        return Template(self.path.parent / self.modules[name]["detail"]["path"], params)

    def param(self, name: str) -> Any:
        if name in self.given:
            return self.given[name]
        spec = self.parameters[name]
        if "default" not in spec:
            return Ref(f"param:{name}")
        return self.value(spec["default"])

    def value(self, node: Any) -> Any:
        if isinstance(node, str):
            return self._string(node)
        if isinstance(node, list):
            return [self.value(v) for v in node]
        if isinstance(node, bool | int | float) or node is None:
            return node
        if isinstance(node, dict) and "operator" in node:
            op = node["operator"]
            if op["type"] == "property_accessor":
                return Ref(_accessor(node))
            if op["type"] == "conditional":
                ops = op["operands"]
                chosen = self.value(ops["condition"])
                if isinstance(chosen, Ref):
                    return Ref(f"if {chosen.path}")
                return self.value(ops["true_value"] if chosen else ops["false_value"])
            return Ref(op["type"])
        if isinstance(node, dict) and "function" in node:
            fn = node["function"]
            args = [self.value(v) for v in fn.get("parameters", {}).values()]
            if fn["type"] == "union" and all(isinstance(a, dict) for a in args):
                merged: dict[str, Any] = {}
                for a in args:
                    merged.update(a)
                return merged
            if fn["type"] == "string" and len(args) == 1 and not isinstance(args[0], Ref):
                return str(args[0]).lower() if isinstance(args[0], bool) else str(args[0])
            return Ref(f"{fn['type']}()")
        if isinstance(node, dict):
            return {k: self.value(v) for k, v in node.items()}
        return node

    def _name(self, name: str) -> Any:
        head, _, rest = name.partition(".")
        if head in self.parameters or head in self.given:
            return self.param(head) if not rest else Ref(name)
        if head in self.variables:
            return self.value(self.variables[head]["value"]) if not rest else Ref(name)
        if head in self.resources or head in self.modules:
            return Ref(name)
        return None

    def _string(self, text: str) -> Any:
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", text):
            resolved = self._name(text)
            if resolved is not None:
                return resolved
        if "${" not in text:
            return text
        parts: list[str] = []
        refs: list[str] = []
        pos = 0
        for m in _INTERPOLATION.finditer(text):
            parts.append(text[pos:m.start()])
            inner = self._name(m.group(1).strip())
            if isinstance(inner, str | int):
                parts.append(str(inner))
            else:
                refs.append(m.group(1))
                parts.append("${" + m.group(1) + "}")
            pos = m.end()
        parts.append(text[pos:])
        joined = "".join(parts)
        return Ref(joined) if refs else joined

    def resource_config(self, name: str) -> dict[str, Any]:
        value = self.value(self.resources[name]["config"])
        assert isinstance(value, dict)
        return value


def main_template() -> Template:
    return Template(INFRA / "main.bicep")
