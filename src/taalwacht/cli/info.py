"""``taalwacht packs`` and ``taalwacht explain``: what is watched, why, and what to write."""

from __future__ import annotations

from typing import Annotated

import typer

from taalwacht.cli.common import (
    DbOption,
    IsolatedOption,
    PackOption,
    app,
    errors_as_exit,
    fail,
    load_service,
)
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.messages import text
from taalwacht.service import Service


@app.command(help=text("help.packs"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def packs(pack: PackOption = None, db: DbOption = None, isolated: IsolatedOption = False) -> None:
    """List the active term packs and their terms."""
    with errors_as_exit():
        service = load_service(isolated=isolated, pack=pack, db=db)
        _print_packs(service)


def _print_packs(service: Service) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    config = service.config
    if config.path:
        console.print(text("info.config", path=config.path), markup=False)
    for pack in service.settings.packs:
        n, about = len(pack.terms), pack.description
        title = text("info.pack-title", pack=pack.id, n=n, description=about).rstrip(" -")
        table = Table(title=title, title_justify="left", show_lines=False)
        for column in ("term", "lemma", "severity", "alternatives"):
            table.add_column(text(f"info.column-{column}"))
        for term in pack.terms:
            severity = config.severity.get(term.id, term.severity)
            alternatives = ", ".join(a.text for a in term.alternatives[:4])
            if len(term.alternatives) > 4:
                alternatives += ", ..."
            table.add_row(term.id, term.lemma, severity, alternatives)
        console.print(table)
        if pack.source:
            console.print(text("info.source", source=pack.source), markup=False)


def _describe_alternative(text: str, gender: str | None, plural: str | None, note: str) -> str:
    plural = plural if plural and plural != text else None
    grammar = ", ".join(x for x in (gender or "", f"mv. {plural}" if plural else "") if x)
    line = f"  - {text}"
    if grammar:
        line += f" ({grammar})"
    if note:
        line += f": {note}"
    return line


@app.command(help=text("help.explain-term"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def explain(
    term: Annotated[str, typer.Argument(metavar="TERM", help=text("help.term"))],
    pack: PackOption = None,
    db: DbOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Explain a term: why it is market-speak and what to write instead."""
    with errors_as_exit():
        service = load_service(isolated=isolated, pack=pack, db=db)
        config = service.config
        found = service.explain(term)
        if found is None:
            known = ", ".join(sorted(t.id for t in service.terms()))
            fail(text("errors.unknown-term", term=term, known=known))
        severity = config.severity.get(found.id, found.severity)
        head = f"{found.lemma} ({found.pos}"
        head += f", {found.gender})" if found.gender else ")"
        out = [
            text("info.term-head", head=head, pack=found.pack, term=found.id, severity=severity),
            "",
            text("info.why", reason=found.reason),
            "",
            text("info.alternatives"),
        ]
        out += [
            _describe_alternative(a.text, a.gender, a.plural, a.note) for a in found.alternatives
        ]
        preferred = config.prefer.get(found.id)
        if preferred:
            out += ["", text("info.preferred", path=config.path, preferred=preferred)]
        typer.echo("\n".join(out))
