"""Exceptions the command line turns into one-line messages and a non-zero exit."""


class ConvertError(Exception):
    """A failure the user can act on; ``str(err)`` is the message (no traceback shown)."""


class InputError(ConvertError):
    """The input file cannot be read or is not a bulletin this tool can convert."""


class WriterError(ConvertError):
    """A writer could not produce its output, or the output failed its check."""
