"""Controls bound to the fields of :class:`ExperimentConfig`, built from the schema in
:mod:`rnn_sandbox.fields`.

Each control edits one setting.  The panel does not judge a change: it hands
``{"section.name": value}`` on (``on_request``, the window's ``apply_config``, which asks
``session.propose``) and shows the answer; a refused value puts the control back and says
why above the form, never as a traceback.  The counting controls reach down to 0 on
purpose (``Setting.control_range``): stepping below the smallest useful value explains why
it is the smallest instead of silently stopping there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.budget import available_memory, duration_text, estimate
from rnn_sandbox.fields import (
    SECTIONS,
    SETTING,
    Setting,
    is_enabled,
    settings_of,
)
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import fit
from rnn_sandbox.ui.i18n import choice_text, setting_label, setting_tip, size_words, tr


class SettingsPanel(QWidget):
    """Form of the experiment's settings.  ``on_request(change, description)`` receives
    each edit as ``{"section.name": value}`` and returns the reason it was refused (shown,
    control reverted), ``""`` when the learner declined, or ``None``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_request: Callable[[dict[str, Any], str], str | None] = lambda c, d: None
        self.config = ExperimentConfig()
        self.controls: dict[str, QWidget] = {}
        # The network's size, the memory training it needs and the time a step takes.
        self.size_label = QLabel()
        self.size_label.setWordWrap(True)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        for section in SECTIONS:
            box = QGroupBox(tr(section.title()))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # In a narrow column a label goes above its control rather than pushing the form
            # wider than the column.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for f in settings_of(section):
                if not f.panel:
                    continue
                tip = setting_tip(f)
                w = self._make(f, tip)
                label = QLabel(setting_label(f))
                label.setToolTip(tip)
                form.addRow(label, w)
                self.controls[f.key] = w
            if section == "network":  # what these settings cost, beside the network
                form.addRow(QLabel(tr("Size")), self.size_label)
            outer.addWidget(box)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "color: #a93226; background: #fdecea; border: 1px solid #e6b0aa;"
            "border-radius: 3px; padding: 4px;"
        )
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        outer.addStretch(1)
        # The reason for a refusal stays above the form, in view however it is scrolled.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # Only up and down: the form fits its column's width (labels wrap, choices shorten).
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll_area, 1)

    def _make(self, f: Setting, tip: str) -> QWidget:
        """The control of ``f``, its tooltip ``tip`` (a drop-down adds its whole choice)."""
        w = self._control(f)
        if not isinstance(w, QComboBox):
            w.setToolTip(tip)
        return w

    def _control(self, f: Setting) -> QWidget:
        key = f.key
        if f.kind == "choice":
            combo = QComboBox()
            combo.setToolTip(setting_tip(f))
            for c in f.choices:
                combo.addItem(choice_text(c), c)
            combo.activated.connect(
                lambda _i, k=key, w=combo: self.request(k, w.currentData())
            )
            return fit.shrinkable(combo)
        if f.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda on, k=key: self.request(k, bool(on)))
            return check
        lo, hi = f.control_range()
        spin: QSpinBox | QDoubleSpinBox
        if f.kind == "int":
            spin = QSpinBox()
            spin.setRange(int(lo), int(hi))
            spin.setSingleStep(int(f.step))
        else:
            spin = QDoubleSpinBox()
            spin.setDecimals(f.decimals)
            spin.setRange(lo, hi)
            spin.setSingleStep(f.step)
            if f.live:  # tuned while watching the loss: steps scale with the value
                spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        spin.setKeyboardTracking(False)  # one change per finished edit, not per keystroke
        spin.setAccelerated(True)
        spin.valueChanged.connect(lambda v, k=key: self.request(k, v))
        return spin

    # -- binding ---------------------------------------------------------------------------
    def set_config(self, cfg: ExperimentConfig) -> None:
        """Show ``cfg`` (without emitting requests)."""
        self.config = cfg.copy()
        for key, w in self.controls.items():
            section, name = key.split(".")
            value = getattr(getattr(cfg, section), name)
            w.blockSignals(True)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                w.setValue(value)
            w.blockSignals(False)
        self._enable_dependent()
        self._show_size()

    def _show_size(self) -> None:
        est = estimate(self.config, timed=True)
        self.size_label.setText(tr("{parameters:,} parameters; training {estimate}").format(
            parameters=est.parameters, estimate=(
                tr("needs about {memory} of memory, {time} per step").format(
                    memory=size_words(est.total), time=duration_text(est.seconds_per_step))
                if est.seconds_per_step is not None else
                tr("needs about {memory} of memory").format(memory=size_words(est.total)))))
        self.size_label.setToolTip(tr(
            "Memory training needs: weights {weights}, their gradients {weights}, the "
            "optimizer {optimizer}, one batch {batch}, the data {data}, a saved copy "
            "{weights}, the program {program}. {available} is available now; settings that "
            "need more are refused. The time per step is measured on this computer.").format(
                weights=size_words(est.weights), optimizer=size_words(est.optimizer),
                batch=size_words(est.cache), data=size_words(est.data),
                program=size_words(est.baseline), available=size_words(available_memory())))

    def _enable_dependent(self) -> None:
        c = self.config
        forced = frozenset(get_task(c.task.name).shape(c.task)) if c.task.name else frozenset()
        for key, w in self.controls.items():
            w.setEnabled(is_enabled(SETTING[key], c, forced))

    def request(self, key: str, value: object) -> str | None:
        """Ask for ``key`` (``"section.field"``) to become ``value``; returns the refusal."""
        section, name = key.split(".")
        if getattr(getattr(self.config, section), name) == value:
            return None
        label = setting_label(SETTING[key])
        label = label.lower() if label == SETTING[key].label else label  # English: lower case
        error = self.on_request({key: value}, tr("Set {setting} to {value}").format(
            setting=label, value=choice_text(value)))
        if error is not None:  # "" means the user cancelled: revert without a message
            self.show_error(error or None)
            self.set_config(self.config)  # put the control back
            return error
        self.show_error(None)
        return None

    def show_error(self, message: str | None) -> None:
        if message:
            self.error_label.setText(tr("Not changed — {message}").format(message=message))
            self.error_label.show()
        else:
            self.error_label.clear()
            self.error_label.hide()
