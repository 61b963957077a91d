"""Loading a Functions app directory: settings, host.json and the functions the SDK declares.

Functions are discovered through `app.get_functions()` of the app's `FunctionApp` / `DFApp`,
the same index the Python worker builds, and invoked through the worker's own converters.
"""

from __future__ import annotations

import copy
import importlib.util
import inspect
import json
import os
import re
import sys
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import azure.functions as func


class AppLoadError(Exception):
    """The app directory cannot be hosted (no function_app.py, no app object, bad JSON)."""


@dataclass
class FunctionInfo:
    name: str
    trigger_type: str
    trigger_param: str
    trigger: Any
    user_function: Callable[..., Any]
    client_param: str | None = None
    client_task_hub: str | None = None
    parameters: list[str] = field(default_factory=list)
    # input bindings other than the trigger and the durable client, as function.json writes them
    inputs: list[dict[str, Any]] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)

    @property
    def setting(self) -> dict[str, Any]:
        """The trigger as function.json writes it (`type`, `name`, `path`, `source`, ...)."""
        return _plain(self.trigger.get_dict_repr())

    @property
    def is_async(self) -> bool:
        return inspect.iscoroutinefunction(self.user_function)


@dataclass
class LoadedApp:
    app_dir: Path
    host_json: dict
    functions: dict[str, FunctionInfo]

    def of_type(self, trigger_type: str) -> list[FunctionInfo]:
        return [f for f in self.functions.values() if f.trigger_type == trigger_type]

    @property
    def durable_settings(self) -> dict:
        return self.host_json.get("extensions", {}).get("durableTask", {})

    @property
    def hub_name(self) -> str:
        return str(self.durable_settings.get("hubName", "TestHubName"))

    @property
    def route_prefix(self) -> str:
        prefix = self.host_json.get("extensions", {}).get("http", {}).get("routePrefix", "api")
        return str(prefix).strip("/")


def read_json_file(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise AppLoadError(f"{path.name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise AppLoadError(f"{path.name} must hold a JSON object")
    return data


def apply_local_settings(app_dir: Path) -> list[str]:
    """Copy `Values` of local.settings.json into the environment, as `func start` does.

    Variables already set in the environment win, so a test or a shell can override a value.
    Returns the names that were applied (never their values: they may be secrets).
    """
    values = read_json_file(app_dir / "local.settings.json").get("Values", {})
    applied = []
    for key, value in values.items():
        if key not in os.environ and value is not None:
            os.environ[key] = str(value)
            applied.append(key)
    return applied


HOST_OVERRIDE_PREFIX = "AzureFunctionsJobHost__"


def apply_host_overrides(host_json: dict, environ: Mapping[str, str]) -> dict:
    """host.json with app settings named `AzureFunctionsJobHost__path__to__setting` applied, as the
    Functions host does (`__` separates levels; keys match case-insensitively; values stay strings).
    """
    merged = copy.deepcopy(host_json)
    for name in sorted(environ):
        if not name.startswith(HOST_OVERRIDE_PREFIX):
            continue
        path = [part for part in name[len(HOST_OVERRIDE_PREFIX):].split("__") if part]
        if not path:
            continue
        node = merged
        for part in path[:-1]:
            key = _existing_key(node, part)
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[_existing_key(node, path[-1])] = environ[name]
    return merged


def _existing_key(node: dict, name: str) -> str:
    return next((k for k in node if k.lower() == name.lower()), name)


def _find_app_object(module: Any) -> Any:
    for value in vars(module).values():
        if isinstance(value, func.FunctionRegister):
            return value
    raise AppLoadError("function_app.py defines no FunctionApp / DFApp object")


def load_app(app_dir: Path) -> LoadedApp:
    """Import `function_app.py` from `app_dir` and index its functions."""
    app_dir = app_dir.resolve()
    entry = app_dir / "function_app.py"
    if not entry.exists():
        raise AppLoadError(f"no function_app.py in {app_dir}")
    apply_local_settings(app_dir)
    host_json = apply_host_overrides(read_json_file(app_dir / "host.json"), os.environ)
    if str(app_dir) not in sys.path:
        sys.path.insert(0, str(app_dir))
    module_name = "function_app"
    sys.modules.pop(module_name, None)
    spec = importlib.util.spec_from_file_location(module_name, entry)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    app_obj = _find_app_object(module)
    # get_functions() validates names into functions_bindings and refuses a second call.
    if hasattr(app_obj, "functions_bindings"):
        app_obj.functions_bindings = {}
    functions: dict[str, FunctionInfo] = {}
    for fn in app_obj.get_functions():
        trigger = fn.get_trigger()
        info = FunctionInfo(
            name=fn.get_function_name(),
            trigger_type=trigger.type,
            trigger_param=trigger.name,
            trigger=trigger,
            user_function=fn.get_user_function(),
        )
        for binding in fn.get_bindings():
            if binding.type == "durableClient":
                info.client_param = binding.name
                info.client_task_hub = getattr(binding, "task_hub", None)
            elif binding.name != trigger.name and _plain(binding.get_dict_repr()).get(
                    "direction") == "IN":
                info.inputs.append(_plain(binding.get_dict_repr()))
        target = getattr(info.user_function, "client_function", info.user_function)
        info.parameters = list(inspect.signature(target).parameters)
        info.annotations = _annotations(target)
        functions[info.name] = info
    return LoadedApp(app_dir=app_dir, host_json=host_json, functions=functions)


def _plain(value: Any) -> Any:
    """A binding's dict representation with enums as their names / values, as in function.json."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "value") and not isinstance(value, str):
        return str(value.value) if isinstance(value.value, str) else str(value.name)
    return value


def _annotations(target: Callable[..., Any]) -> dict[str, Any]:
    """Parameter annotations resolved as the worker resolves them (string annotations too)."""
    try:
        return dict(typing.get_type_hints(target))
    except Exception:
        return {name: p.annotation for name, p in inspect.signature(target).parameters.items()
                if p.annotation is not inspect.Parameter.empty}


_ROUTE_PARAM = re.compile(r"\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?(\?)?\}")


def route_regex(template: str) -> re.Pattern[str]:
    """Compile an Azure Functions route template (`calls/{id}`, `{id:int?}`, `{*rest}`)."""
    pattern, pos = "", 0
    template = template.strip("/")
    for m in _ROUTE_PARAM.finditer(template):
        pattern += re.escape(template[pos:m.start()])
        catch_all, name, constraint, optional = m.groups()
        body = r"[^/]+"
        if catch_all:
            body = r".*"
        elif constraint == "int":
            body = r"-?\d+"
        group = f"(?P<{name}>{body})"
        if optional:
            if pattern.endswith("/"):
                pattern = pattern[:-1] + f"(?:/{group})?"
            else:
                pattern += f"{group}?"
        else:
            pattern += group
        pos = m.end()
    pattern += re.escape(template[pos:])
    return re.compile(f"^{pattern}/?$")


def resolve_settings(text: str) -> str:
    """Replace `%Name%` binding expressions with app settings, as the host does."""
    def value(m: re.Match[str]) -> str:
        if m.group(1) not in os.environ:
            raise AppLoadError(f"binding expression %{m.group(1)}% names an app setting that is not set")
        return os.environ[m.group(1)]
    return re.sub(r"%([A-Za-z0-9_:.-]+)%", value, text)


def blob_path_pattern(path: str) -> tuple[str, re.Pattern[str]]:
    """Split a blob trigger path `container/{name}` into the container and a name matcher."""
    container, _, rest = resolve_settings(path).partition("/")
    if not rest:
        rest = "{name}"
    pattern, pos = "", 0
    for m in re.finditer(r"\{([^}]+)\}", rest):
        pattern += re.escape(rest[pos:m.start()])
        pattern += f"(?P<{m.group(1)}>.+)" if m.group(1).isidentifier() else ".+"
        pos = m.end()
    pattern += re.escape(rest[pos:])
    return container, re.compile(f"^{pattern}$", re.S)
