"""The one exception type the command line reports without a traceback."""

__all__ = ["UserError"]


class UserError(Exception):
    """An error the user can fix; its message is French and says what to do.

    ``exit_code`` is what the command line exits with (2: bad input or usage).
    """

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
