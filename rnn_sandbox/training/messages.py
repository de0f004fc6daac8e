"""What the window and its training process say to each other.

Every request the window can make is one line of :data:`REQUESTS`; the message classes are
made from that list, and so are the window's methods that only pass a request on (see
:mod:`rnn_sandbox.training.proxy`).  A request the loop simply carries out has a method of
the same name on :class:`~rnn_sandbox.training.loop.TrainingLoop`; ``serve`` handles the
others (``sync``, ``load``, ``renew``, ``experiment``, ``stop``) itself.

The loop answers with three kinds of report: :class:`Out` (progress and events, in
order), :class:`State` (the experiment's state, the answer to ``sync``) and
:class:`Failure` (an exception in the loop).  Messages are pickled on the pipe between
the two processes only; files are never unpickled.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, make_dataclass
from typing import Any, ClassVar

# name, fields, how the window uses it:
#   "forward": the window only passes it on (a method of the same name is made for it);
#   "runs":    it decides whether the loop runs, so the loop's reports of running or not
#              count only once it has seen the latest of these;
#   "":        the window sends it from a method of its own.
REQUESTS: list[tuple[str, tuple[str, ...], str]] = [
    ("play", (), "runs"),
    ("pause", (), "runs"),
    ("step_once", ("n",), "runs"),
    ("set_learning_rate", ("lr",), "forward"),
    ("set_sample_index", ("index",), "forward"),
    ("set_speed", ("steps_per_second",), "forward"),
    ("set_stop_at", ("step",), "forward"),
    ("set_itemize", ("params",), "forward"),
    ("set_learned", ("on",), "forward"),
    ("set_look_back_runs", ("runs",), "forward"),
    ("set_look_back", ("on",), "forward"),
    ("drawn", ("n",), "forward"),
    ("sync", (), "runs"),
    ("load", ("blob",), ""),
    ("renew", ("generation",), "runs"),
    ("experiment", ("blob", "generation"), "runs"),
    ("stop", (), ""),
]


@dataclass(frozen=True)
class Request:
    """A request from the window; ``id`` counts the window's requests."""

    id: int
    name: ClassVar[str] = ""

    @property
    def args(self) -> tuple[Any, ...]:
        """The request's fields after its id, in order."""
        return tuple(getattr(self, f.name) for f in fields(self)[1:])


def _message_class(name: str, names: tuple[str, ...]) -> type[Request]:
    cls = make_dataclass(
        "".join(part.title() for part in name.split("_")), [(n, Any) for n in names],
        bases=(Request,), frozen=True, namespace={"name": name},
    )
    cls.__module__ = __name__  # pickle finds it here
    globals()[cls.__name__] = cls
    return cls


MESSAGES: dict[str, type[Request]] = {
    name: _message_class(name, names) for name, names, _ in REQUESTS
}
RUN_REQUESTS = frozenset(name for name, _, use in REQUESTS if use == "runs")
FORWARDED = tuple(name for name, _, use in REQUESTS if use == "forward")


def request(name: str, request_id: int, *args: Any) -> Request:
    """The message for request ``name`` (a KeyError for a request that does not exist)."""
    return MESSAGES[name](request_id, *args)


@dataclass(frozen=True)
class Out:
    """Progress and events since the last report, in order: ``("progress", Progress)``,
    ``("running", bool)``, ``("diverged", str)``.  ``seen``: the id of the last request
    the loop had acted on."""

    generation: int
    seen: int
    running: bool
    items: list[tuple[str, Any]]


@dataclass(frozen=True)
class State:
    """The experiment's state (see ``StateLink``), the answer to ``sync``."""

    generation: int
    seen: int
    blob: bytes


@dataclass(frozen=True)
class Failure:
    """An exception in the loop: it paused, and serves on."""

    generation: int
    type_name: str
    message: str
    details: str
