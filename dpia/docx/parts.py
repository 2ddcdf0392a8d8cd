"""Pieces more than one document shows, as the macros in templates/shared/macros.html.j2."""

from __future__ import annotations

import dataclasses

from dpia.context.common import DocumentBase, LocatedFinding
from dpia.context.dpia import DpiaContext, HeatCell
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer
from dpia.load import Severity
from dpia.model import Text
from dpia.model.ai import Characteristics
from dpia.model.enums import Characteristic, Level, RiskLevel
from dpia.model.labels import GROUNDS
from dpia.model.meta import Contact
from dpia.rules.risk import MAP_LEVELS
from dpia.rules.screening import Item


def yesno(w: Writer, value: bool | None) -> Run:
    if value is None:
        return w.gap_run()
    return Run(w._("yes") if value else w._("no"))


def level(w: Writer, lvl: RiskLevel) -> Run:
    return Run(w.t.label(lvl), bold=lvl is RiskLevel.high)


def joined(w: Writer, runs_per_item: list[list[Run]], sep: str = "; ") -> list[Run]:
    """Items on one line; 'none' when there are none."""
    out: list[Run] = []
    for i, runs in enumerate(runs_per_item):
        out += [*([Run(sep)] if i else []), *runs]
    return out or [Run(w._("none"))]


def no_national_list(w: Writer) -> str:
    return w._(
        "No national DPIA list is encoded for this country; the screening rests on the EDPB"
        " criteria only."
    )


def screening_tables(w: Writer, edpb: list[Item], ap_list: list[Item]) -> None:
    """The EDPB criteria and the AP list, one table each."""
    for title, items in (
        (w._("EDPB criteria"), edpb),
        (w._("AP list (Stcrt. 2019, 64418)"), ap_list),
    ):
        if not items:  # a country without a national list encoded (as the macro)
            w.para(Run(no_national_list(w), small=True))
            continue
        w.para(Run(title, bold=True)).paragraph_format.keep_with_next = True
        rows: list[list[Cell]] = []
        for i in items:
            if i.reason:
                reason: Cell = w.answer_runs(i.reason)
            else:
                reason = "" if i.applies is None else None
            rows.append([w.t.label(i.key), yesno(w, i.applies), reason])
        w.table([w._("Criterion"), w._("Applies"), w._("Reason")], rows)


def equality_table(
    w: Writer,
    chars: Characteristics,
    expected: list[Characteristic],
    grounds: bool = False,
    dutch_first: bool = False,
) -> None:
    """Expected impact per protected characteristic; a missing mitigation is a gap where one is
    `expected`; `grounds` adds the Dutch grounds, `dutch_first` leads with them and puts the
    Equality Act's characteristic beside (as the context's dutch_grounds_lead says)."""
    if dutch_first:
        headers = [w._("Dutch ground"), w._("Equality Act 2010")]
    else:
        headers = [w._("Characteristic"), *([w._("Dutch ground")] if grounds else [])]
    headers += [w._("Expected impact"), w._("Evidence"), w._("Mitigation")]
    rows: list[list[Cell]] = []
    for ch in Characteristic:
        ground = w._(GROUNDS[ch])
        row: list[Cell]
        if dutch_first:
            row = [ground, Run(w.t.label(ch), small=True)]
        else:
            row = [w.t.label(ch), *([Run(ground, small=True)] if grounds else [])]
        ci = chars.get(ch)
        if ci is None:
            row += [None, "", ""]
        else:
            row += [
                w.t.label(ci.impact),
                w.answer_runs(ci.evidence),
                w.answer_runs(ci.mitigation) if ci.mitigation or ch in expected else DASH,
            ]
        rows.append(row)
    w.table(headers, rows)


def contact_line(w: Writer, c: Contact | None) -> list[Run]:
    """Name, e-mail, telephone; a gap when there is no way to reach the contact."""
    if not c or not (c.email or c.phone):
        return [w.gap_run()]
    parts = [x for x in (c.name, c.email, c.phone) if x]
    return [Run(", ".join(parts))]


def provenance(w: Writer, ctx: DocumentBase, key: str) -> list[Run]:
    """Beside an item of a school's document: its mark (local, adapted, not applicable) and
    the school's reason; nothing for an item adopted from the central assessment as it is."""
    central = ctx.central
    if central is None or key not in central.badges:
        return []
    runs = [Run(" "), Run(w._(central.badges[key]), bold=True, small=True)]
    reason = central.marks.get(key)
    if reason is not None:
        runs += [NL(), *w.answer_runs(reason)]
    return runs


def alert(w: Writer, title: str, entries: list[list[Run]]) -> None:
    """A warning the reader must not miss (the PDF's red-edged alert box): its title in bold
    red, then its points as a list."""
    w.para(Run(title, bold=True, gap=True)).paragraph_format.keep_with_next = True
    w.items(entries)


def findings_table(
    w: Writer, findings: list[LocatedFinding], questions: list[list[Run]] | None = None
) -> None:
    """The annex's findings: severity, message, and where in the questionnaire: with
    `questions` (one per finding, the question in words) as the DPIA's annex, the field, file,
    line and code below it; without, the field with code and line, as the other annexes."""
    _ = w._
    if not findings:
        w.para(_("No findings."))
        return
    rows: list[list[Cell]] = []
    for i, f in enumerate(findings):
        error = f.where.severity is Severity.error
        line = f"{_('line')} {f.where.pos.line}"
        if questions is None:
            severity = _("error") if error else _("warning")
            place = [Run(f.where.field or ""), NL(), Run(f"{f.finding.code} · {line}", small=True)]
        else:
            severity = _("Error") if error else _("Warning")
            file = f"{f.file}, " if f.file else ""
            where = f"{f.where.field} · {file}{line} · {f.finding.code}"
            place = [*questions[i], *([NL()] if questions[i] else []), Run(where, small=True)]
        rows.append([severity, f.finding.text(w.t.gettext), place])
    header = _("Field") if questions is None else _("Question")
    w.table([_("Severity"), _("Finding"), header], rows)


def heat_notes(w: Writer, maps: list[list[list[HeatCell]]]) -> None:
    """Below the heat-map images, as the PDF's figures: the ids of a crowded cell ("+N" in the
    image) listed by severity x likelihood, and the legend of the levels' letters."""
    scale = list(Level)
    crowded = [
        [Run(f"{w.t.label(scale[s])} \u00d7 {w.t.label(scale[lk])}: {', '.join(cell.overflow)}")]
        for cells in maps
        for s, row in enumerate(cells)
        for lk, cell in enumerate(row)
        if cell.overflow
    ]
    if crowded:
        w.items(crowded)
    legend = " · ".join(f"{w.t.label(x)[:1].upper()} {w.t.label(x)}" for x in MAP_LEVELS)
    w.para(Run(legend, small=True))


def numbered(w: Writer, number: int, title: str) -> None:
    """One of the Rijksmodel's 17 points, numbered as in the PDF."""
    w.heading(f"{number}  {title}", 2)


def note(w: Writer, value: Text | None) -> None:
    """The Rijksmodel's "additional information" under a point, where one is written."""
    if value is not None:
        w.qa(w._("Additional information"), value)


def listed(w: Writer, items: list[list[Run]], sep: str | Run = "; ", empty: Cell = None) -> Cell:
    """Items on one line, or each on its own with `sep` NL(); `empty` (a gap unless given) when
    there are none."""
    if not items:
        return empty
    between = Run(sep) if isinstance(sep, str) else sep
    out: list[Run] = []
    for i, runs in enumerate(items):
        out += [*([between] if i else []), *runs]
    return out


def small(runs: list[Run]) -> list[Run]:
    """Runs as the PDF's small print (a detail below a table cell's main text)."""
    return [dataclasses.replace(r, small=True) for r in runs]


def names(w: Writer, ctx: DpiaContext, subject_ids: list[str]) -> list[Run]:
    """Data subjects by their names, separated by semicolons."""
    out: list[Run] = []
    for i, sid in enumerate(subject_ids):
        out += [*([Run("; ")] if i else []), *w.answer_runs(ctx.subject_names[sid])]
    return out


def data_names(w: Writer, ctx: DpiaContext, data_ids: list[str]) -> list[Run]:
    """Categories of personal data by their names, separated by semicolons."""
    out: list[Run] = []
    for i, cid in enumerate(data_ids):
        out += [*([Run("; ")] if i else []), *w.answer_runs(ctx.data_names[cid])]
    return out


def detail(label: str, runs: list[Run]) -> list[Run]:
    """A labelled detail on a line of its own below a cell's main text, in small print."""
    return [NL(), Run(f"{label}: ", small=True), *small(runs)]


def operations_or_all(w: Writer, ids: list[str]) -> str:
    """An item's operations; none named means every one."""
    return ", ".join(ids) if ids else w._("all")


def general(w: Writer, answer: Text | None, per_item: list[object]) -> None:
    """The general answer of a point, unless the point is answered item by item only."""
    if answer is not None or not per_item:
        w.answer(answer)
