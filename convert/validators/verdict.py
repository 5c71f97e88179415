"""The outcome of one validator on one file: :class:`Verdict`. It imports nothing of this project,
so every layer (validators, writers, the batch) can use it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Verdict:
    """The outcome of one validator on one file.

    - ``validator``: its name (``"jing"``, ``"epubcheck"``, ``"preflight"``, ``"pikepdf.pdfa"``,
      ``"bulletin.rng"``).
    - ``ok``: True only if the file passed (see each ``run_*`` for what passing means).
    - ``messages``: the validator's findings, one line each (file position first where the tool
      gives one), or why it could not run.
    - ``counts``: findings by severity as the tool counts them (``{"error": 2, "warning": 1}``);
      empty when the tool did not run.
    """

    validator: str
    ok: bool
    messages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        head = f"{self.validator}: {'ok' if self.ok else 'FAILED'}"
        if self.counts:
            head += " (" + ", ".join(f"{n} {k}" for k, n in self.counts.items()) + ")"
        return "\n  ".join([head, *self.messages])

