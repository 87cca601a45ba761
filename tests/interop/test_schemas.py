"""Our 1.6, 2.0.1 and 2.1 message types against the official JSON schemas (see check_schemas.py)."""

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("version", ["v16", "v201", "v21"])
def test_every_message_matches_its_schema(version):
    script = Path(__file__).with_name("check_schemas.py")
    done = subprocess.run(
        [sys.executable, str(script), version], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
