"""*What it learned*: the watched text coloured by a unit and every unit as a small strip,
the units ranked by the feature they follow, select a span and find it elsewhere, the
states' projection and how far back the outputs look.

The training process sends what this shows (:class:`~rnn_sandbox.tasks.units.Learned`,
on a snapshot, while the panel is in view); the panel only thresholds and draws.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.tasks.units import Learned, Span, match_spans, units_following, units_on
from rnn_sandbox.ui import fit
from rnn_sandbox.ui.i18n import tr
from rnn_sandbox.ui.learned.charts import LookBackPlot, SpacePlot, UnitTrace
from rnn_sandbox.ui.learned.strips import SmallMultiples, TextStrip, levels_of
from rnn_sandbox.ui.words import engine_title


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that scrolls up and down only (the panel
    behind the loss's tab is laid out narrower than it will be shown)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    flow = fit.FlowLayout(row)
    flow.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        flow.addWidget(w)
    return row


def look_back_note(learned: Learned) -> str:
    """What the look-back page's plots show, for the kind of network ``learned`` is of."""
    if learned.no_connectivity:
        return learned.no_connectivity.capitalize() + "."
    if learned.connectivity is None:
        return tr("How far back it looks is being worked out between training steps.")
    return _look_back_kind(learned) + " " + tr(
        "Worked out for the weights of step {0}.").format(learned.connectivity_step)


def _look_back_kind(learned: Learned) -> str:
    if learned.inputs == "source":
        return tr("Top: how strongly each output step of the watched sample depends on each "
                  "step of its source, the decoder fed the previous target words as in "
                  "training. Bottom: the share of each output's dependence on the source "
                  "step d steps before the end of the source.")
    if learned.inputs != "fed":
        return tr("Top: the watched sample. Bottom: the share of each output's dependence "
                  "on the input d steps before it.")
    text = tr("Top: the watched sample, fed as in training: input step 1 is what the "
              "network starts from, step t + 1 the target of step t. Bottom: the share of "
              "each output's dependence on the input d steps before it.")
    c = learned.connectivity
    if c is not None and c.shape[1] > 1 and not np.any(c[:, 1:]):
        text += " " + tr("After the first step this network is fed zero vectors: every "
                         "output depends on what it starts from only.")
    return text


class LearnedView(QWidget):
    """The dock's widget: a row to choose the page, the layer and the unit, then the page."""

    unitChosen = Signal(str, int)  # layer (state name), unit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.learned: Learned | None = None
        self.unit = 0
        self.sample = 0  # the probed sample the text tabs show
        self.span: tuple[int, int] | None = None
        self.span_sample = 0  # the probed sample the span was selected in
        self.layer_combo = fit.shrinkable(QComboBox())
        self.layer_combo.setToolTip(tr("Layer and direction whose units are shown"))
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw())
        self.unit_spin = QSpinBox()
        self.unit_spin.setToolTip(tr("The unit the text is coloured by (or click one)"))
        self.unit_spin.valueChanged.connect(self.choose_unit)
        self.summary = _wrapping("")
        # One page at a time, chosen in a drop-down: five tabs would not fit a laptop's dock.
        self.pages = QStackedWidget()
        self.page_combo = fit.shrinkable(QComboBox(), 10)
        self.page_combo.setToolTip(tr("What the panel shows"))
        for title, page in ((tr("Units on the text"), self._text_page()),
                            (tr("What each unit tracks"), self._units_page()),
                            (tr("Select and match"), self._match_page()),
                            (tr("State space"), self._space_page()),
                            (tr("How far back it looks"), self._back_page())):
            self.page_combo.addItem(title)
            self.pages.addWidget(page)
        self.page_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self._stale: set[int] = set()  # pages whose drawing waits until they are shown
        self.pages.currentChanged.connect(self._draw_page)
        top = _row(self.page_combo, QLabel(tr("Layer:")), self.layer_combo,
                   QLabel(tr("Unit:")), self.unit_spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        # Narrow enough that, tabbed with the loss, it leaves the row's width to be shared
        # evenly (a wider least size makes Qt give its stack more).
        self.setMinimumSize(180, 200)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Modest: sharing a place with the loss, the panel must not claim the row's width
        that the panels beside it need (its pages scroll)."""
        return QSize(240, 240)

    # -- pages -------------------------------------------------------------------------
    def _text_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.text_title = _wrapping("")
        self.text = TextStrip()
        self.trace = UnitTrace()
        self.multiples = SmallMultiples()
        self.multiples.unitChosen.connect(self.choose_unit)
        self.text.spanSelected.connect(self.select_span)
        self.text.hide()  # until the first look shows whether the steps are a text
        self.trace.hide()
        self.text_title.setText(tr("Shown once training runs or a step is taken."))
        v.addWidget(self.text_title)
        v.addWidget(self.text)
        v.addWidget(self.trace)
        v.addWidget(_wrapping(tr("Every unit over the same steps (click one):")))
        v.addWidget(self.multiples)
        v.addStretch(1)
        return _scrolling(page)

    def _units_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.feature_combo = fit.shrinkable(QComboBox())
        self.feature_combo.setToolTip(tr("Order the units by how closely they follow "
                                              "one feature, or each by its best one"))
        self.feature_combo.currentIndexChanged.connect(lambda _: self._fill_table())
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("unit"), tr("feature"), "r"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellClicked.connect(lambda r, _c: self._table_clicked(r))
        self.table.setMinimumHeight(120)
        v.addWidget(_row(QLabel(tr("Order by:")), self.feature_combo))
        v.addWidget(self.table, 1)
        v.addWidget(_wrapping(tr("r: correlation of the unit with the feature over "
                                      "every step of the samples (±1: follows it exactly).")))
        return page

    def _match_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(-10.0, 10.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.5)
        self.threshold.setToolTip(tr("A unit is on where its value is above this"))
        self.threshold.valueChanged.connect(lambda _: self._match())
        self.match_text = TextStrip()
        self.match_text.spanSelected.connect(self.select_span)
        self.on_label = _wrapping("")
        self.matches = QListWidget()
        self.matches.setMinimumHeight(100)
        self.matches.itemActivated.connect(self._open_match)
        self.matches.itemClicked.connect(self._open_match)
        v.addWidget(_wrapping(tr("Drag over steps of the text to select a span: the "
                                      "units on over all of it are chosen, and every span "
                                      "where they are all on is listed.")))
        v.addWidget(_row(QLabel(tr("On above:")), self.threshold))
        v.addWidget(self.match_text)
        v.addWidget(self.on_label)
        v.addWidget(self.matches, 1)
        return _scrolling(page)

    def _space_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.colour_combo = QComboBox()
        self.colour_combo.addItems([tr("step"), tr("class")])
        self.colour_combo.currentIndexChanged.connect(lambda _: self._draw_space())
        self.space = SpacePlot()
        self.near_label = _wrapping(tr("Hover the plot for the nearest states."))
        self.space.hovered.connect(self.near_label.setText)
        v.addWidget(_row(QLabel(tr("Colour by:")), self.colour_combo))
        v.addWidget(self.space, 1)
        v.addWidget(self.near_label)
        return _scrolling(page)

    def _back_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.back_note = _wrapping("")
        self.back = LookBackPlot()
        self.back.setMinimumHeight(320)
        v.addWidget(self.back_note)
        v.addWidget(self.back, 1)
        self.back_page = _scrolling(page)
        return self.back_page

    # -- showing -----------------------------------------------------------------------
    def clear(self, note: str = "") -> None:
        """A new experiment: nothing of the previous network stays (but the look-back
        curves kept for comparison)."""
        self.learned = None
        self.span = None
        self.sample = self.span_sample = 0
        self.summary.setText(note)
        self.text.hide()
        self.trace.hide()
        self.text_title.setText(tr("Shown once training runs or a step is taken."))
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.blockSignals(False)
        self.matches.clear()
        self.table.setRowCount(0)
        self.back.show_connectivity(None, "")
        self.back.show_others({})

    def show_learned(self, learned: Learned, label: str = "") -> None:
        self.learned = learned
        names = learned.names
        current = self.layer()
        if [self.layer_combo.itemData(i) for i in range(self.layer_combo.count())] != names:
            self.layer_combo.blockSignals(True)
            self.layer_combo.clear()
            for name in names:  # shown by its title, in the window's language
                self.layer_combo.addItem(engine_title(learned.titles.get(name, name)), name)
            self.layer_combo.setCurrentIndex(names.index(current) if current in names
                                             else len(names) - 1)
            self.layer_combo.blockSignals(False)
        features = [tr("each unit's best")] + list(learned.features)
        if [self.feature_combo.itemText(i) for i in range(self.feature_combo.count())] \
                != features:
            self.feature_combo.blockSignals(True)
            chosen = self.feature_combo.currentText()
            self.feature_combo.clear()
            self.feature_combo.addItems(features)
            if chosen in features:
                self.feature_combo.setCurrentIndex(features.index(chosen))
            self.feature_combo.blockSignals(False)
        self.colour_combo.setEnabled(learned.labels is not None)
        if learned.labels is None:
            self.colour_combo.setCurrentIndex(0)
        self.back.show_connectivity(learned.connectivity, label, learned.inputs)
        self.back.show_others(learned.others)
        self.back_note.setText(look_back_note(learned))
        self._redraw()

    def layer(self) -> str:
        """The state name (the anatomy's) of the layer and direction shown."""
        return self.layer_combo.currentData() or ""

    def showing_look_back(self) -> bool:
        """Whether the page in view is *How far back it looks*."""
        return self.pages.currentWidget() is self.back_page

    def states(self) -> np.ndarray | None:
        if self.learned is None or self.layer() not in self.learned.states:
            return None
        return self.learned.states[self.layer()]

    def choose_unit(self, unit: int) -> None:
        h = self.states()
        if h is not None:
            unit = int(np.clip(unit, 0, h.shape[2] - 1))
        if unit == self.unit and self.unit_spin.value() == unit:
            return
        self.unit = int(unit)
        self.unit_spin.blockSignals(True)
        self.unit_spin.setValue(self.unit)
        self.unit_spin.blockSignals(False)
        self._draw_unit()
        self.unitChosen.emit(self.layer(), self.unit)

    def choose(self, layer: str, unit: int) -> None:
        """A unit chosen elsewhere (the hidden-state heatmap, the diagram)."""
        i = self.layer_combo.findText(layer)
        if i >= 0 and i != self.layer_combo.currentIndex():
            self.layer_combo.setCurrentIndex(i)
        self.choose_unit(unit)

    def select_span(self, start: int, end: int) -> None:
        self.span = (int(start), int(end))
        self.span_sample = self.sample
        self.match_text.set_span(self.span)
        self.text.set_span(self.span)
        self._match()

    def _redraw(self) -> None:
        h = self.states()
        if h is None:
            return
        self.unit_spin.blockSignals(True)
        self.unit_spin.setRange(0, h.shape[2] - 1)
        self.unit = min(self.unit, h.shape[2] - 1)
        self.unit_spin.setValue(self.unit)
        self.unit_spin.blockSignals(False)
        self._draw_unit()
        # The table, the matches and the projection are drawn when their page is shown:
        # a new look arrives about once a second while training.
        self._stale = {1, 2, 3}
        self._draw_page(self.pages.currentIndex())

    def _draw_page(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        {1: self._fill_table, 2: self._match, 3: self._draw_space}[index]()

    def _tokens(self, sample: int) -> list[str]:
        assert self.learned is not None
        n = int(self.learned.mask[sample].sum())
        if self.learned.tokens is not None:
            return self.learned.tokens[sample][:n]
        return [str(t + 1) for t in range(n)]

    def _draw_unit(self) -> None:
        h, learned = self.states(), self.learned
        if h is None or learned is None:
            return
        u, i = self.unit, self.sample
        best = {uf.unit: uf for uf in learned.best(self.layer())}.get(u)
        self.summary.setText(tr("Unit {0} follows “{1}” best (r = {2:+.2f}); step {3}.")
                             .format(u, best.feature, best.r, learned.step) if best else "")
        tokens = self._tokens(i)
        values = h[i, : len(tokens), u]
        levels = levels_of(h[..., u])
        what = tr("unit {0}").format(u)
        text = learned.tokens is not None
        self.text.setVisible(text)
        self.trace.setVisible(not text)
        where = tr("validation sample {0}").format(learned.indices[i])
        if text:
            self.text_title.setText(tr("The text of {0} on the colour of unit {1} "
                                            "(blue < 0 < red):").format(where, u))
            self.text.show_values(tokens, values, levels, what)
        else:
            series = learned.features.get(next(
                (k for k in learned.features if k.startswith("input")), ""), None)
            name = next((k for k in learned.features if k.startswith("input")), "")
            self.text_title.setText(
                tr("Unit {0} over the steps of {1} (dashed: {2}, scaled):").format(
                    u, where, name) if series is not None else
                tr("Unit {0} over the steps of {1}:").format(u, where))
            self.trace.show_unit(values, None if series is None else series[i, : len(tokens)],
                                 what, name)
        self.match_text.show_values(tokens, values, levels, what)
        mine = self.span if self.span_sample == i else None
        self.match_text.set_span(mine)
        self.text.set_span(mine)
        self.multiples.show_states(h[i, : len(tokens)], u)

    def _fill_table(self) -> None:
        learned = self.learned
        if learned is None or self.layer() not in learned.correlations:
            return
        corr = learned.correlations[self.layer()]
        names = list(learned.features)
        k = self.feature_combo.currentIndex() - 1
        if 0 <= k < len(names):
            rows = [(u, names[k], float(corr[k, u]))
                    for u in units_following(corr, names, names[k])]
        else:
            rows = [(uf.unit, uf.feature, uf.r) for uf in learned.best(self.layer())]
        self.table.setRowCount(len(rows))
        for r, (u, feature, value) in enumerate(rows):
            for c, text in enumerate((str(u), feature, f"{value:+.2f}")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _table_clicked(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.choose_unit(int(item.data(Qt.ItemDataRole.UserRole)))

    def chosen_units(self) -> list[int]:
        """The units on over all of the selected span (none without a span)."""
        h = self.states()
        if h is None or self.span is None:
            return []
        return units_on(h[self.span_sample], *self.span, self.threshold.value())

    def found(self) -> list[Span]:
        h, learned = self.states(), self.learned
        units = self.chosen_units()
        if h is None or learned is None or self.span is None:
            return []
        return match_spans(h, learned.mask, units, self.threshold.value(),
                           self.span[1] - self.span[0])

    def _match(self) -> None:
        self.matches.clear()
        if self.span is None or self.learned is None:
            self.on_label.setText(tr("No span selected."))
            return
        units = self.chosen_units()
        spans = self.found()
        self.on_label.setText(
            tr("Units on over steps {0}–{1}: {2}. Matching spans: {3}.").format(
                self.span[0] + 1, self.span[1], ", ".join(map(str, units)) or tr("none"),
                len(spans)))
        for s in spans[:500]:
            tokens = self._tokens(s.sample)
            shown = ("" if self.learned.tokens is None else
                     " " + "".join(tokens[s.start:s.end]) if all(
                         len(t) == 1 for t in tokens) else " " + " ".join(tokens[s.start:s.end]))
            item = QListWidgetItem(tr("sample {0}, steps {1}–{2}:{3}").format(
                self.learned.indices[s.sample], s.start + 1, s.end, shown))
            item.setData(Qt.ItemDataRole.UserRole, (s.sample, s.start, s.end))
            self.matches.addItem(item)

    def _open_match(self, item: QListWidgetItem) -> None:
        sample, start, end = item.data(Qt.ItemDataRole.UserRole)
        self.open_span(int(sample), int(start), int(end))

    def open_span(self, sample: int, start: int, end: int) -> None:
        """Show probed sample ``sample`` with steps ``start``…``end`` framed (the
        selection that was matched stays as it was)."""
        self.sample = sample
        self._draw_unit()
        self.match_text.set_span((start, end))
        self.text.set_span((start, end))

    def _draw_space(self) -> None:
        learned = self.learned
        if learned is None or self.layer() not in learned.projections:
            return
        self.space.show_projection(
            learned.projections[self.layer()], learned.mask, learned.labels,
            learned.label_names, self.colour_combo.currentIndex() == 1,
            learned.tokens, learned.indices)
