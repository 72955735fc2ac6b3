"""One exception tree for mamori. Every error has a stable code and a message that states the remedy.

Messages are bilingual: an error keeps its message key and parameters, and is rendered in the
reader's language at the edge (CLI, API). Never put prompt text or personal data into parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mamori.i18n import Lang, catalog, t


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is allowed there."""

    location: str
    """The field path inside the file (``users``, ``checkpoints[3].include_when[0]``) or ``line 4``."""
    message_key: str
    params: dict[str, str] = field(default_factory=dict)
    allowed: tuple[str, ...] = ()

    def render(self, lang: Lang) -> str:
        text = t(self.message_key, lang, **self.params)
        if self.allowed:
            separator = "" if lang == "ja" else " "  # Japanese sentences run on without a space
            text += separator + t("error.allowed_values", lang, values=", ".join(self.allowed))
        return f"{self.location}: {text}"


class MamoriError(Exception):
    """Base of every error mamori raises on purpose."""

    code = "MAMORI-0000"
    message_key = "error.generic"
    remedy_key: str | None = None
    exit_code = 1

    def __init__(self, *, problems: Sequence[Problem] = (), **params: str) -> None:
        self.params = params
        self.problems = tuple(problems)
        super().__init__(self.render("en"))

    def _params(self, lang: Lang) -> dict[str, str]:
        params = self.params
        if "kind" in params and f"object.{params['kind']}" in catalog():
            params = {**params, "kind": t(f"object.{params['kind']}", lang)}
        return params

    def render(self, lang: Lang) -> str:
        params = self._params(lang)
        lines = [f"[{self.code}] " + t(self.message_key, lang, **params)]
        lines += ["  - " + problem.render(lang) for problem in self.problems]
        if self.remedy_key:
            lines.append(t("error.remedy_label", lang) + t(self.remedy_key, lang, **params))
        return "\n".join(lines)

    def as_dict(self, lang: Lang) -> dict[str, object]:
        """The one JSON error shape of the API: a stable code, the message, the remedy, and each
        problem with the path of its field."""
        params = self._params(lang)
        return {
            "code": self.code,
            "message": t(self.message_key, lang, **params),
            "remedy": t(self.remedy_key, lang, **params) if self.remedy_key else "",
            "problems": [
                {
                    "field": problem.location,
                    "message": problem.render(lang).removeprefix(f"{problem.location}: "),
                    "allowed": list(problem.allowed),
                }
                for problem in self.problems
            ],
        }


class UserInputError(MamoriError):
    """Something the user gave us is wrong; exit code 2 like any usage error."""

    exit_code = 2


class ContentError(MamoriError):
    """Bundled or agency-supplied content (a guideline pack) is unusable. Nothing runs on bad content."""

    exit_code = 2


class PackNotFoundError(ContentError):
    code = "MAMORI-1001"
    message_key = "error.pack_not_found"
    remedy_key = "remedy.pack_not_found"


class PackInvalidError(ContentError):
    code = "MAMORI-1002"
    message_key = "error.pack_invalid"
    remedy_key = "remedy.pack_invalid"


class ScreeningDataError(ContentError):
    code = "MAMORI-1003"
    message_key = "error.screening_invalid"
    remedy_key = "remedy.screening_invalid"


class NameDictionaryMissingError(ContentError):
    """The person recogniser's name dictionary (a PyPI package) is not installed."""

    code = "MAMORI-1006"
    message_key = "error.name_dictionary_missing"
    remedy_key = "remedy.name_dictionary_missing"


class PolicyInvalidError(ContentError):
    code = "MAMORI-1004"
    message_key = "error.policy_invalid"
    remedy_key = "remedy.policy_invalid"


class ProjectFileError(UserInputError):
    code = "MAMORI-2001"
    message_key = "error.project_unreadable"
    remedy_key = "remedy.project_unreadable"


class ProjectInvalidError(UserInputError):
    code = "MAMORI-2002"
    message_key = "error.project_invalid"
    remedy_key = "remedy.project_invalid"


class InputFileError(UserInputError):
    code = "MAMORI-2004"
    message_key = "error.input_unreadable"
    remedy_key = "remedy.input_unreadable"


class OptionInvalidError(UserInputError):
    code = "MAMORI-2003"
    message_key = "error.option_invalid"
    remedy_key = "remedy.option_invalid"


class OutputDirectoryError(UserInputError):
    code = "MAMORI-3001"
    message_key = "error.output_directory"
    remedy_key = "remedy.output_directory"


# --- Registry (issue 4): every one maps to one HTTP status on the API. -------------------------


class RegistryError(MamoriError):
    """A registry action that cannot be done as asked; ``status`` is its HTTP status."""

    status = 400
    exit_code = 2


class RequestInvalidError(RegistryError):
    code = "MAMORI-4001"
    status = 422
    message_key = "error.request_invalid"
    remedy_key = "remedy.request_invalid"


class AuthenticationError(RegistryError):
    code = "MAMORI-4010"
    status = 401
    message_key = "error.authentication"
    remedy_key = "remedy.authentication"


class PermissionDeniedError(RegistryError):
    code = "MAMORI-4030"
    status = 403
    message_key = "error.permission_denied"
    remedy_key = "remedy.permission_denied"


class NotFoundError(RegistryError):
    """Also what a person gets for an object they may not see: its existence is not disclosed."""

    code = "MAMORI-4040"
    status = 404
    message_key = "error.not_found"
    remedy_key = "remedy.not_found"


class StaleVersionError(RegistryError):
    code = "MAMORI-4090"
    status = 409
    message_key = "error.stale_version"
    remedy_key = "remedy.stale_version"


class ConflictError(RegistryError):
    code = "MAMORI-4091"
    status = 409
    message_key = "error.conflict"
    remedy_key = "remedy.conflict"


class TransitionNotAllowedError(RegistryError):
    code = "MAMORI-4092"
    status = 409
    message_key = "error.transition"
    remedy_key = "remedy.transition"


class ImportRejectedError(RegistryError):
    code = "MAMORI-2010"
    status = 422
    message_key = "error.import_rejected"
    remedy_key = "remedy.import_rejected"


class DatabaseNotReadyError(RegistryError):
    code = "MAMORI-5030"
    status = 503
    exit_code = 1
    message_key = "error.database_not_ready"
    remedy_key = "remedy.database_not_ready"


class GatewayConfigError(ContentError):
    code = "MAMORI-1005"
    message_key = "error.gateway_config"
    remedy_key = "remedy.gateway_config"


class GatewayKeyRefusedError(RegistryError):
    code = "MAMORI-4031"
    status = 403
    message_key = "error.gateway_key_refused"
    remedy_key = "remedy.gateway_key_refused"
