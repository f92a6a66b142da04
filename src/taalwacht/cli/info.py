"""``taalwacht packs`` and ``taalwacht explain``: what is watched, why, and what to write."""

from __future__ import annotations

from typing import Annotated

import typer

from taalwacht.cli.common import IsolatedOption, PackOption, app, errors_as_exit, fail
from taalwacht.service import Service


@app.command()
def packs(pack: PackOption = None, isolated: IsolatedOption = False) -> None:
    """List the active term packs and their terms."""
    with errors_as_exit():
        service, _ = Service.load(isolated=isolated, extra_packs=pack or ())
        _print_packs(service)


def _print_packs(service: Service) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    config = service.config
    if config.path:
        console.print(f"config: {config.path}", markup=False)
    for pack in service.settings.packs:
        title = f"{pack.id} ({len(pack.terms)} terms) - {pack.description}".rstrip(" -")
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("term")
        table.add_column("lemma")
        table.add_column("severity")
        table.add_column("alternatives")
        for term in pack.terms:
            severity = config.severity.get(term.id, term.severity)
            alternatives = ", ".join(a.text for a in term.alternatives[:4])
            if len(term.alternatives) > 4:
                alternatives += ", ..."
            table.add_row(term.id, term.lemma, severity, alternatives)
        console.print(table)
        if pack.source:
            console.print(f"source: {pack.source}", markup=False)


def _describe_alternative(text: str, gender: str | None, plural: str | None, note: str) -> str:
    plural = plural if plural and plural != text else None
    grammar = ", ".join(x for x in (gender or "", f"mv. {plural}" if plural else "") if x)
    line = f"  - {text}"
    if grammar:
        line += f" ({grammar})"
    if note:
        line += f": {note}"
    return line


@app.command()
def explain(
    term: Annotated[str, typer.Argument(help="A term id or word, e.g. klant.")],
    pack: PackOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Explain a term: why it is market-speak and what to write instead."""
    with errors_as_exit():
        service, _ = Service.load(isolated=isolated, extra_packs=pack or ())
        config = service.config
        found = service.explain(term)
        if found is None:
            known = ", ".join(sorted(t.id for t in service.terms()))
            fail(f"unknown term '{term}' (known terms: {known})")
        severity = config.severity.get(found.id, found.severity)
        head = f"{found.lemma} ({found.pos}"
        head += f", {found.gender})" if found.gender else ")"
        out = [
            f"{head} - pack {found.pack}, term {found.id}, severity {severity}",
            "",
            f"Waarom: {found.reason}",
            "",
            "Alternatieven:",
        ]
        out += [
            _describe_alternative(a.text, a.gender, a.plural, a.note) for a in found.alternatives
        ]
        preferred = config.prefer.get(found.id)
        if preferred:
            out += ["", f"Voorkeur in {config.path}: {preferred}"]
        typer.echo("\n".join(out))
