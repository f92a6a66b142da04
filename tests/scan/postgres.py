"""A real PostgreSQL for the store tests: ``TAALWACHT_TEST_POSTGRES`` (a URL) when set, else a
private server started here from Debian's ``postgresql`` in a temporary folder, listening on
a Unix socket only, stopped afterwards. As root the server runs as the ``postgres`` user
(PostgreSQL refuses root). Without PostgreSQL the tests are skipped, except in CI, where
``.ci/run`` installs it and a missing server is a failure."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PORT = 54329


def _bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return os.path.dirname(found[-1])
    ctl = shutil.which("pg_ctl")
    return os.path.dirname(ctl) if ctl else None


def _as(user: str | None, *command: str) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else list(command)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A SQLAlchemy URL of an empty database on a running PostgreSQL."""
    given = os.environ.get("TAALWACHT_TEST_POSTGRES")
    if given:
        yield given
        return
    folder = _bin()
    if folder is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (Debian package postgresql)")
        pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, and there is no postgres user to run PostgreSQL")
        user = "postgres"
    root = tempfile.mkdtemp(prefix="taalwacht-pg-")
    data = os.path.join(root, "data")
    if user:
        record = pwd.getpwnam(user)
        os.chown(root, record.pw_uid, record.pw_gid)
    env = dict(os.environ, LC_ALL="C.UTF-8")
    subprocess.run(
        _as(user, f"{folder}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8"),
        check=True,
        capture_output=True,
        env=env,
    )
    options = f"-k {root} -p {PORT} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as(
            user, f"{folder}/pg_ctl", "-D", data, "-o", options, "-w", "-l", f"{root}/log", "start"
        ),
        check=True,
        capture_output=True,
        env=env,
    )
    try:
        subprocess.run(
            _as(
                user,
                f"{folder}/createdb",
                "-h",
                root,
                "-p",
                str(PORT),
                "-U",
                "postgres",
                "taalwacht",
            ),
            check=True,
            capture_output=True,
            env=env,
        )
        yield f"postgresql+psycopg://postgres@/taalwacht?host={root}&port={PORT}"
    finally:
        subprocess.run(
            _as(user, f"{folder}/pg_ctl", "-D", data, "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
            env=env,
        )
        shutil.rmtree(root, ignore_errors=True)
