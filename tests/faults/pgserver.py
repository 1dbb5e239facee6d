"""A private, throwaway PostgreSQL server for the tests that stop or restart one (the shared
test server must not be disturbed). Same binaries as scripts/start-postgres.sh finds."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin with initdb, else the directory of initdb on PATH."""
    def version(path: str) -> tuple[int, ...]:
        part = Path(path).parent.name
        return tuple(int(x) for x in part.split(".") if x.isdigit())

    for found in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if os.access(Path(found) / "initdb", os.X_OK):
            return Path(found)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateServer:
    """initdb + pg_ctl in a fresh temporary directory, on a free loopback port."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        # not under pytest's tmp_path: as root the server runs as `postgres`, which must reach it
        self.root = Path(tempfile.mkdtemp(prefix="pledgebook-faults-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _owner(self, *cmd: str) -> None:
        full = ["runuser", "-u", "postgres", "--", *cmd] if self.as_root else list(cmd)
        subprocess.run(full, check=True, capture_output=True, text=True, timeout=180)

    def init(self) -> None:
        self.data.mkdir()
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        self.data.chmod(0o700)
        self._owner(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self.start()

    def _ctl(self, *args: str) -> None:
        self._owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), *args)

    def start(self) -> None:
        self._ctl("-l", str(self.root / "server.log"), "-w", "start",
                  "-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1")

    def stop(self, mode: str = "immediate") -> None:
        """``immediate``: as a crash (no shutdown checkpoint; recovery replays the WAL on start)."""
        self._ctl("-m", mode, "-w", "stop")

    def restart(self, mode: str = "immediate") -> None:
        self.stop(mode)
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        subprocess.run([str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-d", "postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True,
                       timeout=60)
        return self.url(name)

    def destroy(self) -> None:
        try:
            self.stop("fast")
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.root, ignore_errors=True)
