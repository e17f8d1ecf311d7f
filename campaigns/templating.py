"""The Jinja sandbox our letters and messages run in, and the on-disk layout of `templates/`.

Templates are edited by campaign staff, so they run in Jinja's immutable sandbox with `StrictUndefined`: a typo
in a variable name is an error with file, line and variable at create/preview time, never a silently empty
field in 10,000 letters. `.html` files are autoescaped; `.txt` files (SMS, Telegram, e-mail text parts) are not,
so "Smith & Sønn AS" stays as written.

Layout (see templates/README.md): a template NAME such as `sms/invitasjon` is stored once per language as
`NAME.LANG.EXT` (`sms/invitasjon.nb.txt`); files or folders starting with `_` are shared parts (bases,
stylesheets), not templates of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FileSystemLoader
from jinja2 import StrictUndefined
from jinja2 import Template
from jinja2 import select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateNotFound
from jinja2.exceptions import TemplateSyntaxError
from jinja2.exceptions import UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue.phrases import Phrase
from catalogue.phrases import said
from catalogue.phrases import written_in
from store.languages import LANGUAGES
from store.models import Channel

OUTPUT_LIMIT = 500_000  # characters; a letter with two inline QR codes is about 20,000
_SEQUENCE_LIMIT = 100_000  # longest string or list `*` may build

# The folder a template lives in decides the channels it can serve. A `letters/` template serves a letter
# step: print (the A4 letter) or, for companies with an e-mail address, its `email/` twin with the letter
# attached as a PDF.
CHANNEL_FOLDERS: dict[Channel, tuple[str, ...]] = {
    Channel.SMS: ("sms",),
    Channel.TELEGRAM: ("telegram",),
    Channel.EMAIL: ("email", "letters"),
    Channel.LETTER: ("letters",),
}
_FILE = re.compile(r"^(?P<name>[a-z0-9_/-]+)\.(?P<lang>nb|nn|en)\.(?P<ext>txt|html)$")
_UNDEFINED = re.compile(r"^'(?P<var>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no (?:attribute|element) '?(?P<var>[^']+?)'?$")


class TemplateProblem(Exception):
    """A template that cannot be rendered, said so that staff can find and fix it: `message` is a catalogue
    phrase (catalogue.templates), or a library's own words as they are; `text_in` writes the whole line in the
    reader's language and `str()` in bokmål."""

    def __init__(
        self,
        template: str,
        line: int | None,
        variable: str | None,
        message: Phrase | str,
        orgnr: str | None = None,
    ) -> None:
        super().__init__(template, line, variable, message, orgnr)
        self.template = template
        self.line = line
        self.variable = variable
        self.said = message
        self.orgnr = orgnr

    @property
    def message(self) -> str:
        return written_in(self.said, DEFAULT_LANGUAGE)

    def phrase(self) -> Phrase:
        """The whole line as a phrase, so it can be stored (why a campaign paused) and read in any language."""
        return said(
            "tpl_problem",
            where=said("tpl_where_line", template=self.template, line=self.line)
            if self.line
            else self.template,
            message=self.said,
            company=said("tpl_for_company", orgnr=self.orgnr) if self.orgnr else "",
        )

    def text_in(self, language: str) -> str:
        return self.phrase().text_in(language)

    def __str__(self) -> str:
        return self.text_in(DEFAULT_LANGUAGE)

    def for_company(self, orgnr: str | None) -> TemplateProblem:
        if orgnr is None or self.orgnr:
            return self
        return TemplateProblem(self.template, self.line, self.variable, self.said, orgnr)


class _Refused(SecurityError):
    """Our own sandbox refusals, with their catalogue phrase (Jinja's own are English as they are)."""

    def __init__(self, key: str) -> None:
        self.phrase = said(key)
        super().__init__(str(self.phrase))


class _Sandbox(ImmutableSandboxedEnvironment):
    """Blocks unsafe attributes and mutation (the parent classes), and `*` building huge strings or lists."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise _Refused("tpl_exponent_too_large")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if sized and len(sequence) * count > _SEQUENCE_LIMIT:
                    raise _Refused("tpl_repeat_too_large")
        return super().call_binop(context, operator, left, right)


def make_environment(templates_dir: Path, *, globals: Mapping[str, Any] | None = None) -> _Sandbox:
    env = _Sandbox(
        loader=FileSystemLoader(str(templates_dir)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=-1,
    )
    env.globals.update(globals or {})
    return env


def template_file(name: str, language: str, ext: str) -> str:
    return f"{name}.{language}.{ext}"


@dataclass(frozen=True)
class TemplateInfo:
    """One template NAME and the files it has, per language: {"nb": {"txt", "html"}, ...}."""

    name: str
    files: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def folder(self) -> str:
        return self.name.split("/", 1)[0]


def list_templates(templates_dir: Path) -> dict[str, TemplateInfo]:
    """Every template NAME under `templates_dir` with its languages and file kinds; shared parts left out."""
    found: dict[str, dict[str, set[str]]] = {}
    for path in sorted(templates_dir.rglob("*.*")):
        relative = path.relative_to(templates_dir).as_posix()
        match = _FILE.match(relative)
        if not path.is_file() or not match or any(part.startswith("_") for part in relative.split("/")):
            continue
        found.setdefault(match["name"], {}).setdefault(match["lang"], set()).add(match["ext"])
    return {
        name: TemplateInfo(name, {lang: frozenset(exts) for lang, exts in langs.items()})
        for name, langs in found.items()
    }


def template_names(templates_dir: Path) -> list[str]:
    return sorted(list_templates(templates_dir))


def required_files(name: str, channel: Channel) -> list[tuple[str, str]]:
    """(template name, extension) pairs a step on `channel` with template `name` renders, per language."""
    folder, _, rest = name.partition("/")
    if channel in (Channel.SMS, Channel.TELEGRAM):
        return [(name, "txt")]
    if channel is Channel.LETTER:  # print, or e-mail with the letter attached: both must be possible
        return [(name, "html"), (f"email/{rest}", "txt"), (f"email/{rest}", "html")]
    if folder == "letters":
        return [(f"email/{rest}", "txt"), (f"email/{rest}", "html"), (name, "html")]
    return [(name, "txt"), (name, "html")]


def check_template_name(
    templates_dir: Path, *, name: str, channel: Channel | str, languages: Iterable[str] = LANGUAGES
) -> None:
    """Raises TemplateProblem unless `name` exists, suits `channel`, and has every file in every language."""
    channel = Channel(channel)
    known = list_templates(templates_dir)
    folders = CHANNEL_FOLDERS[channel]
    if name.partition("/")[0] not in folders:
        raise TemplateProblem(
            name,
            None,
            None,
            said(
                "tpl_wrong_folder",
                channel=channel.value,
                folders=lambda language: text("tpl_folders_or", language).join(f"{f}/" for f in folders),
            ),
        )
    if name not in known:
        suggestions = ", ".join(n for n in sorted(known) if n.partition("/")[0] in folders)
        known_names = suggestions or said("tpl_none")
        raise TemplateProblem(name, None, None, said("tpl_unknown", known=known_names))
    for language in languages:
        for needed, ext in required_files(name, channel):
            info = known.get(needed)
            if info is None or ext not in info.files.get(language, ()):
                missing = f"{templates_dir.name}/{template_file(needed, language, ext)}"
                raise TemplateProblem(name, None, None, said("tpl_file_missing", file=missing))


def _template_frame(tb: TracebackType | None, root: str) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file (Jinja rewrites them to template lines)."""
    file, line = None, None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(root):
            file, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return file, line


class Templates:
    """The templates of one directory: compiled once, rendered in the sandbox with errors made readable."""

    def __init__(
        self,
        templates_dir: Path,
        *,
        globals: Mapping[str, Any] | None = None,
        output_limit: int = OUTPUT_LIMIT,
    ) -> None:
        self.directory = Path(templates_dir).resolve()
        self.env = make_environment(self.directory, globals=globals)
        self.output_limit = output_limit
        self._compiled: dict[str, tuple[Template, dict[str, Any]]] = {}

    def display_name(self, file: str) -> str:
        return f"{self.directory.name}/{file}"

    def get(self, file: str) -> Template:
        return self._get(file)[0]

    def _get(self, file: str) -> tuple[Template, dict[str, Any]]:
        compiled = self._compiled.get(file)
        if compiled is None:
            try:
                template = self.env.get_template(file)
            except TemplateSyntaxError as exc:
                raise self._problem(exc, file) from exc
            except TemplateNotFound as exc:
                raise TemplateProblem(self.display_name(file), None, None, said("tpl_no_such_file")) from exc
            # Jinja merges the globals (a ChainMap) into every new context; flattening them once per
            # template instead makes a short SMS render about three times faster.
            compiled = self._compiled[file] = (template, dict(template.globals))
        return compiled

    def render(self, file: str, variables: Mapping[str, Any]) -> str:
        return self._run(file, variables)[0]

    def render_with_exports(self, file: str, variables: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """Also returns what the template set at top level (`{% set subject = "..." %}`)."""
        rendered, context = self._run(file, variables)
        return rendered, context.get_exported()

    def _run(self, file: str, variables: Mapping[str, Any]) -> tuple[str, Context]:
        template, globals = self._get(file)
        # What jinja2.runtime.new_context(shared=True) makes, without its argument shuffling (it is per company).
        context = self.env.context_class(
            self.env, {**globals, **variables}, template.name, template.blocks, globals
        )
        chunks: list[str] = []
        append = chunks.append
        size, limit = 0, self.output_limit
        try:
            for chunk in template.root_render_func(context):
                size += len(chunk)
                if size > limit:
                    raise TemplateProblem(
                        self.display_name(file), None, None, said("tpl_too_long", limit=limit)
                    )
                append(chunk)
        except TemplateProblem as problem:
            raise problem.for_company(variables.get("orgnr")) from None
        except Exception:
            try:
                self.env.handle_exception()  # re-raises with the traceback rewritten to template lines
            except Exception as exc:
                raise self._problem(exc, file, variables.get("orgnr")) from exc
        return "".join(chunks), context

    def _problem(self, exc: BaseException, file: str, orgnr: str | None = None) -> TemplateProblem:
        root = str(self.directory) + "/"
        where, line = _template_frame(exc.__traceback__, root)
        if isinstance(exc, TemplateSyntaxError):
            where, line = exc.filename or where, exc.lineno
        shown = self.display_name(where[len(root) :] if where and where.startswith(root) else file)
        variable: str | None = None
        detail = str(exc)
        message: Phrase | str
        if isinstance(exc, UndefinedError):
            match = _UNDEFINED.match(detail) or _NO_ATTRIBUTE.search(detail)
            variable = match["var"] if match else None
            message = said("tpl_undefined", variable=variable) if variable else detail
        elif isinstance(exc, TemplateSyntaxError):
            message = said("tpl_syntax", detail=exc.message)
        elif isinstance(exc, SecurityError):
            message = said("tpl_not_allowed", detail=exc.phrase if isinstance(exc, _Refused) else detail)
        elif isinstance(exc, TemplateNotFound):
            message = said("tpl_include_missing", name=exc.name)
        else:
            message = f"{type(exc).__name__}: {detail}"
        return TemplateProblem(shown, line, variable, message, orgnr)
