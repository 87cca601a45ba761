"""Our 1.6 and 2.0.1 message types against the official JSON schemas (see
check_v16_schemas.py and check_v201_schemas.py)."""

import subprocess
import sys
from pathlib import Path


def test_every_v16_message_matches_its_schema():
    script = Path(__file__).with_name("check_v16_schemas.py")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]


def test_every_v201_message_matches_its_schema():
    script = Path(__file__).with_name("check_v201_schemas.py")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
