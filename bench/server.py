"""A ``mkdocs serve`` process on 127.0.0.1 for the benchmark, always stopped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from bench.timing import PYTHON, BenchError, kit_env

__all__ = ["Server", "free_port"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``with Server(project, criteria, docs, log, timeout) as server:`` — serving once the first build is done."""

    def __init__(self, project: Path, criteria: Path, docs: Path, log: Path, timeout: float) -> None:
        self.project, self.criteria, self.docs, self.log, self.timeout = project, criteria, docs, log, timeout
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, path: str = "") -> str:
        """Address of ``path`` (relative to the main language's root) on this server."""
        return f"http://127.0.0.1:{self.port}/{path}"

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far (Linux /proc)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> Server:
        command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}",
                   "--config-file", str(self.project / "mkdocs.yml")]
        env = kit_env(KIT_CRITERIA=str(self.criteria), KIT_DOCS=str(self.docs))
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=self.project, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"mkdocs serve exited ({self.process.returncode}):\n{self._log_tail()}")
            try:
                with urllib.request.urlopen(self.url(), timeout=5):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise TimeoutError(f"mkdocs serve did not answer within {self.timeout:.0f} s:\n{self._log_tail()}")

    def _log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:] if self.log.is_file() else ""

    def stop(self) -> None:
        """Terminate the server; kill it if it does not stop within 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
