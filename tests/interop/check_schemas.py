#!/usr/bin/env python3
"""Check the `ocpp::v16`, `ocpp::v201` or `ocpp::v21` message types against the official JSON
schemas.

The schemas come from the PyPI package `ocpp` (mobilityhouse), which ships the OCA's 1.6
schemas (with those of the 1.6 Security extension), the 2.0.1 ones and, from 2.1.0 on, the 2.1
ones. Set up once, from the repository root:

    python3 -m venv .venv && .venv/bin/pip install 'ocpp>=2,<3' jsonschema

then run, for any version:

    .venv/bin/python tests/interop/check_schemas.py v16
    .venv/bin/python tests/interop/check_schemas.py v201
    .venv/bin/python tests/interop/check_schemas.py v21     # needs ocpp>=2.1

What it checks:

1. Every sample printed by `cargo run -q -p ocpp --example samples -- VERSION` (a full and a
   minimal sample of every request and response) validates against its schema (1.6:
   `<Action>.json` and `<Action>Response.json`, with jsonschema's Draft4Validator as the
   `ocpp` package itself uses, and also with the validator of the draft the schema declares,
   since the Security extension's say draft-06; 2.0.1: `<Action>Request.json` and
   `<Action>Response.json`, all draft-06; 2.1 likewise, except that NotifyPeriodicEventStream,
   sent with SEND, has one schema, `NotifyPeriodicEventStream.json`, and no response).
   Formats `date-time` and `uri` are checked too.
2. Coverage: every schema file of the package has a full and a minimal sample, and no
   sample lacks a schema. Full samples carry every property the schema defines (2.0.1's
   `customData` included, at every level), minimal samples only the required ones, so
   together with `additionalProperties: false` the property names match exactly. In 2.0.1 and
   2.1 a nested object whose schema requires nothing may carry one property in its minimal
   sample, since `{}` is not allowed below the top level (OCPP 2.0.1 Part 4 §4.1.5).
3. Decoding, through the example's `--decode` mode (`ocpp::rpc::decode`), on mutations of
   the full samples, at every element of every array: removing a required property is
   refused as Missing, removing an optional one is accepted; every enum value of the schema
   is accepted and written back unchanged (`Celcius` is read as `Celsius` and noted); a
   measurand outside the enum is kept as sent and noted (meters send unlisted ones); any other
   value outside the enum, a string one character over its maxLength, an integer outside its
   minimum/maximum, a bad date-time and a value of the wrong JSON type are refused; a string
   exactly at its maxLength, an integer at its bounds and an unknown property are accepted,
   and so is any JSON in a property the schema leaves untyped (DataTransfer's `data` in
   2.0.1) and any vendor property inside `customData`. Every accepted mutation is written
   back schema-valid.

Exits non-zero, listing the failures, if anything does not hold.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

try:
    import jsonschema
    import ocpp
    from jsonschema import Draft4Validator, Draft6Validator, FormatChecker
    from jsonschema.validators import validator_for
except ImportError as e:  # pragma: no cover - setup problem
    sys.exit(
        f"missing Python package ({e}); set up with:\n"
        "  python3 -m venv .venv && .venv/bin/pip install 'ocpp>=2,<3' jsonschema\n"
        "and run with .venv/bin/python"
    )

if len(sys.argv) != 2 or sys.argv[1] not in ("v16", "v201", "v21"):
    sys.exit("usage: check_schemas.py v16|v201|v21")
VERSION = sys.argv[1]
ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(ocpp.__file__).resolve().parent / VERSION / "schemas"
# tests/interop.rs passes the example it built; run by hand, cargo builds it.
EXAMPLE = (
    [os.environ["SAMPLES_BIN"], VERSION]
    if os.environ.get("SAMPLES_BIN")
    else ["cargo", "run", "-q", "-p", "ocpp", "--example", "samples", "--", VERSION]
)

FORMATS = FormatChecker()
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


@FORMATS.checks("date-time")
def is_date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(RFC3339.match(value))


@FORMATS.checks("uri")
def is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme)) and " " not in value


def load_json(text: str):
    # Decimals, as the ocpp package does: `multipleOf: 0.1` fails on binary floats (11.1), and
    # numbers compare exactly.
    return json.loads(text, parse_float=Decimal)


def run_example(args: list[str], stdin: str | None = None) -> list[str]:
    if EXAMPLE[0] == "cargo" and shutil.which("cargo") is None:
        sys.exit("cargo is not on PATH")
    done = subprocess.run(
        EXAMPLE + args,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{' '.join(EXAMPLE + args)} failed:\n{done.stderr}")
    return [line for line in done.stdout.splitlines() if line.strip()]


class Schema:
    def __init__(self, path: Path):
        self.name = path.name
        self.root = load_json(path.read_text(encoding="utf-8"))
        if VERSION == "v16":
            # As the ocpp package validates, and as the schema itself says where it differs.
            self.validators = [Draft4Validator(self.root, format_checker=FORMATS)]
            declared = validator_for(self.root, default=Draft4Validator)
            if declared is not Draft4Validator:
                self.validators.append(declared(self.root, format_checker=FORMATS))
            return
        declared = validator_for(self.root, default=Draft6Validator)
        if declared is not Draft6Validator:
            raise SystemExit(f"{self.name}: declares {declared.__name__}, not draft-06")
        self.validators = [Draft6Validator(self.root, format_checker=FORMATS)]

    def errors(self, payload) -> list[str]:
        found = []
        for validator in self.validators:
            for error in validator.iter_errors(payload):
                where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                found.append(f"{type(validator).__name__}: {where}: {error.message}")
        return found

    def resolve(self, node: dict) -> dict:
        while "$ref" in node:
            target = self.root
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    def walk(self, value, node=None, path=()):
        """Yield (path, schema node, value) for every value present in `value`."""
        node = self.resolve(self.root if node is None else node)
        yield path, node, value
        if isinstance(value, dict):
            for key, item in value.items():
                sub = node.get("properties", {}).get(key)
                if sub is not None:
                    yield from self.walk(item, sub, path + (key,))
        elif isinstance(value, list) and value and "items" in node:
            for i, item in enumerate(value):
                yield from self.walk(item, node["items"], path + (i,))


def set_at(payload, path, new):
    out = copy.deepcopy(payload)
    target = out
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    return out


def remove_at(payload, path):
    out = copy.deepcopy(payload)
    target = out
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return out


def wrong_type(node: dict):
    kind = node.get("type", "string")
    return {"string": 123, "integer": "1", "number": "1", "boolean": "true"}.get(kind, 1)


def mutations(schema: Schema, payload):
    """Yield (label, mutated payload, expected error kind or None, expected re-encoding)."""
    for path, node, value in schema.walk(payload):
        at = "/".join(str(p) for p in path) or "(top)"
        if isinstance(value, dict):
            required = set(node.get("required", []))
            for key in value:
                if key in required:
                    yield f"without required {at}/{key}", remove_at(payload, path + (key,)), "Missing", None
                else:
                    gone = remove_at(payload, path + (key,))
                    yield f"without optional {at}/{key}", gone, None, gone
        if not path:
            continue
        if "type" not in node:
            for anything in ("text", 7, [True], {"nested": {"deep": 1}}):
                sent = set_at(payload, path, anything)
                yield f"{at} = {anything!r}", sent, None, sent
            continue
        yield f"wrong type at {at}", set_at(payload, path, wrong_type(node)), "WrongType", None
        if node.get("type") == "integer":
            yield f"fraction at {at}", set_at(payload, path, Decimal("1.5")), "WrongType", None
            for bound, step in (("minimum", -1), ("maximum", 1)):
                if bound in node:
                    edge = int(node[bound])
                    yield f"{at} at {bound}", set_at(payload, path, edge), None, set_at(payload, path, edge)
                    yield f"{at} past {bound}", set_at(payload, path, edge + step), "BadValue", None
        if "enum" in node:
            for allowed in node["enum"]:
                sent = set_at(payload, path, allowed)
                written = "Celsius" if allowed == "Celcius" else allowed
                yield f"{at} = {allowed}", sent, None, set_at(payload, path, written)
            outside = set_at(payload, path, "NotInTheSchema")
            if path[-1] == "measurand":
                # Real meters send measurands the lists lack: kept as sent and noted, so the
                # readings beside them are not lost with the message.
                yield f"{at} unlisted", outside, None, outside
            else:
                yield f"{at} outside the enum", outside, "BadValue", None
        if "maxLength" in node:
            limit = node["maxLength"]
            full = set_at(payload, path, "x" * limit)
            yield f"{at} at maxLength {limit}", full, None, full
            over = set_at(payload, path, "x" * (limit + 1))
            yield f"{at} over maxLength {limit}", over, "BadValue", None
        if node.get("format") == "date-time":
            yield f"{at} not a date-time", set_at(payload, path, "yesterday"), "BadValue", None
    if isinstance(payload, dict):
        extra = dict(payload, vendorExtension={"any": 1})
        yield "unknown property", extra, None, payload
        custom = payload.get("customData")
        if isinstance(custom, dict):
            # customData is open: whatever a vendor adds is kept, and is no quirk.
            sent = set_at(payload, ("customData",), dict(custom, vendorNote=[1, {"a": "b"}]))
            yield "vendor property in customData", sent, None, sent


def main() -> int:
    schemas = {p.name: Schema(p) for p in sorted(SCHEMAS.glob("*.json"))}
    if not schemas:
        sys.exit(f"no schemas found in {SCHEMAS}")
    failures: list[str] = []
    passed = 0

    def check(ok: bool, message: str) -> None:
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(message)

    # 1 and 2: samples validate; every schema has a full and a minimal sample.
    seen: dict[str, set[str]] = {name: set() for name in schemas}
    cases = []
    for line in run_example([]):
        sample = load_json(line)
        action, kind, which = sample["action"], sample["kind"], sample["sample"]
        request = f"{action}.json" if VERSION == "v16" else f"{action}Request.json"
        if VERSION == "v21" and request not in schemas:
            # A message sent with SEND (NotifyPeriodicEventStream) has one schema, no Response.
            request = f"{action}.json"
        name = request if kind == "request" else f"{action}Response.json"
        label = f"{name} ({which} sample)"
        schema = schemas.get(name)
        if schema is None:
            failures.append(f"{label}: the ocpp package has no such schema")
            continue
        seen[name].add(which)
        payload = sample["payload"]
        errors = schema.errors(payload)
        check(not errors, f"{label} does not validate:\n    " + "\n    ".join(errors))
        for path, node, value in schema.walk(payload):
            if not isinstance(value, dict):
                continue
            # The 1.6 samples fill the first element of an array; later ones vary.
            if VERSION == "v16" and any(isinstance(p, int) and p > 0 for p in path):
                continue
            defined = set(node.get("properties", {}))
            required = set(node.get("required", []))
            at = "/".join(str(p) for p in path) or "(top)"
            if which == "full":
                missing = sorted(defined - set(value))
                check(not missing, f"{label}: {at} lacks optional {missing}")
            else:
                extra = sorted(set(value) - required)
                allowed = 1 if VERSION != "v16" and path and not required else 0
                check(len(extra) <= allowed, f"{label}: {at} has optional {extra}")
        if which == "full":
            for mutation in mutations(schema, payload):
                cases.append((name, action, kind, mutation))
    for name, which in seen.items():
        for wanted in ("full", "minimal"):
            check(wanted in which, f"{name}: no {wanted} sample")

    # 3: the decoder refuses what the schema refuses and keeps what it accepts.
    lines = [
        json.dumps({"action": action, "kind": kind, "payload": sent}, default=str_decimal)
        for _, action, kind, (_, sent, _, _) in cases
    ]
    answers = run_example(["--decode"], "\n".join(lines) + "\n")
    check(len(answers) == len(cases), f"--decode answered {len(answers)} of {len(cases)} lines")
    for (name, _, _, (label, sent, error, written)), line in zip(cases, answers):
        answer = load_json(line)
        what = f"{name}: {label}"
        if error is not None:
            check(
                answer.get("ok") is False and answer.get("error") == error,
                f"{what}: expected {error}, decoder said {answer}",
            )
            continue
        if not answer.get("ok"):
            failures.append(f"{what}: refused: {answer}")
            continue
        quirks = answer.get("quirks", [])
        expected_quirks = []
        if label == "unknown property":
            expected_quirks = ["unknown_property"]
        elif label.endswith("= Celcius"):
            expected_quirks = ["misspelled_unit"]
        elif label.endswith(" unlisted"):
            expected_quirks = ["unlisted_name"]
        check(quirks == expected_quirks, f"{what}: quirks {quirks}, expected {expected_quirks}")
        check(answer["payload"] == written, f"{what}: written back as {answer['payload']}")
        if label.endswith(" unlisted"):
            continue  # kept as the station sent it, which the schema does not allow
        errors = schemas[name].errors(answer["payload"])
        check(not errors, f"{what}: written back invalid:\n    " + "\n    ".join(errors))

    covered = sum(1 for which in seen.values() if which)
    print(
        f"{len(schemas)} schemas ({covered} with samples), {len(cases)} decode cases, "
        f"jsonschema {jsonschema_version()}, ocpp {ocpp_version()}"
    )
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def str_decimal(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def jsonschema_version() -> str:
    from importlib.metadata import version

    return version("jsonschema")


def ocpp_version() -> str:
    from importlib.metadata import version

    return version("ocpp")


if __name__ == "__main__":
    sys.exit(main())
