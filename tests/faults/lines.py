"""Reading a child process's output line by line, each line waited for until a deadline."""

from __future__ import annotations

import os
import select
import time
from typing import IO

READ_TIMEOUT_S = 60.0


class Lines:
    """Lines from a child's stdout (select on the pipe; never a sleep, never a blocked read)."""

    def __init__(self, stream: IO[bytes], describe: str = "the child") -> None:
        self._fd = stream.fileno()
        self._buffer = b""
        self._describe = describe
        self.last: list[str] = []

    def next(self, timeout: float = READ_TIMEOUT_S) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready = select.select([self._fd], [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                raise AssertionError(
                    f"{self._describe} said nothing for {timeout:.0f} s; last: {self.last[-5:]}"
                )
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                raise AssertionError(f"{self._describe} ended; it last printed {self.last[-5:]}")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        text = line.decode("utf-8")
        self.last = [*self.last[-20:], text[:200]]
        return text

    def ready(self) -> bool:
        """Whether a line (or part of one) can be read at once."""
        return b"\n" in self._buffer or bool(select.select([self._fd], [], [], 0)[0])
