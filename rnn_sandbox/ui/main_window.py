"""The main window: the layout of the panels, the menus and the toolbar, wired to the
experiment controller (:mod:`rnn_sandbox.ui.controller`), which owns the experiment, the
undo history, the file and the training process.  The window shows; it decides nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from rnn_sandbox import io as files
from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.setup_line import SetupLineError, parse_setup_line, setup_line
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import animation, dialogs, errors, i18n, layout, views
from rnn_sandbox.ui.attention import AttentionPanel, AttentionView
from rnn_sandbox.ui.controller import ExperimentController
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.dialogs import APP_NAME
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.learned import LearnedPanelView, LearnedView
from rnn_sandbox.ui.lessons_dock import LessonsDock
from rnn_sandbox.ui.menus import Handlers, WindowActions
from rnn_sandbox.ui.plots import (
    EigenvaluePlot,
    GradientFlowPlot,
    HiddenStatePlot,
    ItemizedPlot,
    LossPlot,
    PlotPanel,
)
from rnn_sandbox.ui.prediction_view import PredictionView
from rnn_sandbox.ui.presentation import Presentation
from rnn_sandbox.ui.runs.compare_view import ComparisonView
from rnn_sandbox.ui.runs.panel import RunsPanel
from rnn_sandbox.ui.sample_panel import SamplePanel, offer
from rnn_sandbox.ui.settings_panel import SettingsPanel
from rnn_sandbox.ui.task_picker import TaskPicker

FILE_FILTER = QT_TR_NOOP("RNN Sandbox experiments (*.rnnx);;All files (*)")
RUNS_FILTER = QT_TR_NOOP("RNN Sandbox runs (*.rnns);;RNN Sandbox experiments (*.rnnx);;All files "
                         "(*)")
RUNS_EXTENSION = ".rnns"
COMPARISON_MIN_WIDTH = 360
AUTOSAVE_MS = 60_000
ICONS = {"information": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning,
         "critical": QMessageBox.Icon.Critical}


class MainWindow(QMainWindow):
    def __init__(
        self,
        config: ExperimentConfig | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else QSettings("RNN Sandbox", APP_NAME)
        # Overridable in tests: ask before discarding a trained model / unsaved work.
        self.confirm: Callable[[str, str], bool] = self._ask
        # Overridable in tests: how errors and warnings reach the learner.
        self.modal_messages = True
        self.last_message: tuple[str, str] | None = None
        self.message_box: QMessageBox | None = None
        self.controller = c = ExperimentController(
            self.settings, config, lambda title, text: self.confirm(title, text), self)
        c.document.changed.connect(self._update_title)
        c.liveChanged.connect(self._on_live_change)
        c.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        c.message.connect(lambda title, text, level: self.show_message(title, text,
                                                                       ICONS[level]))

        self._build_central()
        self._build_docks()
        self.presentation = Presentation(self, self.panels(), self.diagram)
        self.commands = WindowActions(self, self._handlers(), c.undo_stack, list(self.plots),
                                      [*self.docks, self.sample_dock])
        # View → Sample brings the panel back after it was closed, for a task that writes.
        sample_entry = self.sample_dock.toggleViewAction()
        sample_entry.setEnabled(bool(self.sample_panel.applies))
        self.sample_panel.appliesChanged.connect(sample_entry.setEnabled)
        c.runningChanged.connect(self.commands.show_running)
        self.commands.layout_menu.aboutToShow.connect(self.offer_presets)
        self.offer_presets()
        c.runs.jobChanged.connect(lambda: self.commands.show_job(c.runs.job is not None))
        self.status_view = views.StatusView(
            self.statusBar().addPermanentWidget,
            lambda: (c.step, c.epoch, c.config.training.epochs))
        c.views = [
            views.SettingsView(self.settings_panel, self.task_picker),
            self.status_view,
            views.LossView(self.loss_plot),
            views.HiddenView(self.hidden_plot),
            views.PredictionPanelView(self.prediction_view),
            views.DiagramView(self.diagram),
            views.GradientView(self.gradient_plot),
            views.ItemizedView(self.itemized_plot),
            views.EigenvalueView(self.eigen_plot),
            self.sample_panel,
            LearnedPanelView(self.learned_view, self._request_learned),
            AttentionView(self.attention_panel),
        ]
        self.resize(layout.first_size(self))
        self.arrange(layout.DEFAULT_PRESET)
        self._apply(layout.restore(self, self.settings))
        c.install(c.experiment, record=False)
        self._update_title()
        if c.first_run:
            self.start_tour()
        # Unexpected errors are shown by the reporter; one in the training process pauses
        # training, which can go on after it.
        reporter = errors.current()
        if reporter is not None:
            reporter.reported.connect(self._on_unexpected_error)
        # Autosave: a crash or a killed session costs at most a minute of training.
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(c.document.autosave)
        self.autosave_timer.start()
        QTimer.singleShot(0, c.document.offer_recovery)

    # -- construction ----------------------------------------------------------------------
    def _build_central(self) -> None:
        self.diagram = DiagramWidget(self)
        self.diagram.configEdited.connect(self._apply_from_diagram)
        self.setCentralWidget(self.diagram)

    def _build_docks(self) -> None:
        L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.task_picker = TaskPicker()
        self.task_picker.taskChosen.connect(self.choose_task)
        self.settings_panel = SettingsPanel()
        self.settings_panel.on_request = self.controller.apply_config
        self.loss_plot = LossPlot()
        self.hidden_plot = HiddenStatePlot()
        self.hidden_plot.sampleChanged.connect(self._watch_sample)
        self.gradient_plot = GradientFlowPlot()
        self.prediction_view = PredictionView()
        self.tasks_dock = layout.dock(self, tr("Tasks"), layout.TASKS, self.task_picker, L)
        self.settings_dock = layout.dock(self, tr("Settings"), layout.SETTINGS,
            self.settings_panel, R)
        self.prediction_dock = layout.dock(self,
            tr("Prediction"), layout.PREDICTION, self.prediction_view, B
        )
        self.loss_dock = layout.dock(self, tr("Loss"), layout.LOSS, self.loss_plot, B)
        self.hidden_dock = layout.dock(self, tr("Hidden states"), layout.HIDDEN, self.hidden_plot,
            B)
        self.gradient_dock = layout.dock(self, tr("Gradient flow"), layout.GRADIENT,
                                         self.gradient_plot, B)
        self.itemized_plot = ItemizedPlot()
        self.itemized_dock = layout.dock(self, tr("Gradient sources"), layout.ITEMIZED,
                                         self.itemized_plot, B)
        # Itemized gradients cost a backward pass per output step: asked for only while shown.
        self.itemized_plot.weightChanged.connect(self._request_itemized)
        self.itemized_dock.visibilityChanged.connect(self._request_itemized)
        # The eigenvalues of W_hh: beside the gradient flow they explain.
        self.eigen_plot = EigenvaluePlot()
        self.eigen_dock = layout.dock(self, tr("Eigenvalues"), layout.EIGEN, self.eigen_plot, B)
        self.docks = [self.tasks_dock, self.settings_dock, self.loss_dock, self.hidden_dock,
                      self.gradient_dock, self.itemized_dock, self.eigen_dock,
                      self.prediction_dock]
        self.lessons = LessonsDock(self.settings)
        self.lessons.setMinimumWidth(240)  # its row of buttons must not widen the column
        self.lessons.presetRequested.connect(self._load_lesson_setup)
        self.lessons.comparisonRequested.connect(self._load_lesson_comparison)
        self.lessons_dock = layout.dock(self, tr("Lessons"), layout.LESSONS, self.lessons, L)
        self.docks.insert(1, self.lessons_dock)  # layout.arrange puts them in place
        # The runs of the session, and the comparison of those shown.
        self.comparison = ComparisonView()
        # In the gradient flow's column at 1280 px: its row of controls may be a little
        # tight rather than push the column (and the diagram) aside.
        self.comparison.setMinimumWidth(COMPARISON_MIN_WIDTH)
        self.compare_dock = layout.dock(self, tr("Compare runs"), layout.COMPARE, self.comparison,
            B)
        self.runs_panel = RunsPanel(self.controller, self.comparison)
        self.runs_panel.seedsRequested.connect(self.repeat_seeds_dialog)
        self.runs_panel.saveRequested.connect(self.save_runs_dialog)
        self.runs_dock = layout.dock(self, tr("Runs"), layout.RUNS, self.runs_panel, L)
        self.compare_dock.visibilityChanged.connect(self._compare_shown)
        self.docks += [self.runs_dock, self.compare_dock]
        # What the hidden units learned: asked of the training only while in view.
        self.learned_view = LearnedView()
        self.learned_dock = layout.dock(self, tr("What it learned"), layout.LEARNED,
                                        self.learned_view, B)
        self.learned_dock.visibilityChanged.connect(self._request_learned)
        self.learned_view.pages.currentChanged.connect(self._request_learned)
        self.controller.runs.changed.connect(self._request_learned)
        self.hidden_plot.unitChosen.connect(self.learned_view.choose)
        self.diagram.neuronChosen.connect(self.learned_view.choose)
        self.docks.append(self.learned_dock)
        # The network writes after a prompt: beside the prediction, for tasks that write.
        self.sample_panel = SamplePanel()
        self.sample_dock = layout.dock(self, tr("Sample"), layout.SAMPLE, self.sample_panel, B)
        self.sample_dock.hide()  # until a task that writes is shown
        self.sample_panel.appliesChanged.connect(
            lambda applies: offer(self, self.sample_dock, self.prediction_dock, applies))
        # Where the decoder looks: beside the loss, in front when a network that attends is
        # shown; for one that does not, it says how to make it attend.
        self.attention_panel = AttentionPanel()
        self.attention_dock = layout.dock(self, tr("Attention"), layout.ATTENTION,
                                          self.attention_panel, B)
        self.attention_panel.appliesChanged.connect(self._offer_attention)
        self.docks.append(self.attention_dock)
        self.plots: dict[str, PlotPanel] = {
            "Loss": self.loss_plot,
            "Hidden states": self.hidden_plot,
            "Gradient flow": self.gradient_plot,
            "Gradient sources": self.itemized_plot,
            "Eigenvalues": self.eigen_plot,
            "Prediction": self.prediction_view,
            "Attention": self.attention_panel.alignment,
            "Beam tree": self.attention_panel.beam,
            "Accuracy by length": self.attention_panel.lengths,
        }

    def _handlers(self) -> Handlers:
        """What the window's actions do."""
        c = self.controller
        look = self.presentation
        return Handlers(
            toggle_play=c.toggle_play, step_once=c.step_once, reset=c.reset,
            new=c.new_experiment, open=self.open_dialog, save=self.save,
            save_as=self.save_as_dialog, quit=self.close, open_runs=self.open_runs_dialog,
            save_runs=self.save_runs_dialog, repeat_with_seeds=self.repeat_seeds_dialog,
            cancel_runs=c.runs.cancel_job, set_pace=c.set_pace,
            recent_files=c.document.recent_files, open_path=c.document.open_path,
            export=self.export_to, export_plot=self.export_plot,
            write_comparison=self.comparison.export, write_diagram=self.diagram.export_image,
            export_animation=self.export_animation, write_history=c.export_history,
            write_torch=c.export_torch, arrange=self.arrange, set_theme=self.set_theme,
            zoom=lambda: look.zoom, set_zoom=look.set_zoom, set_captions=look.set_captions,
            set_full_screen=look.set_full_screen, tour=self.start_tour,
            task_name=lambda: c.config.task.name, set_language=self.set_language,
            open_lessons=self.open_lessons_dialog, copy_setup=self.copy_setup,
            paste_setup=lambda: self.paste_setup())

    def _compare_shown(self, visible: bool) -> None:
        if visible:
            self.runs_panel.draw_comparison()

    # -- edits -----------------------------------------------------------------------------
    def _apply_from_diagram(self, cfg: ExperimentConfig, description: str) -> None:
        """A gesture in the diagram: same path as the settings; a refusal is shown and
        the diagram goes back to the current network."""
        error = self.controller.apply_config(cfg, description)
        if error is not None:
            if error:
                self.settings_panel.show_error(error)
                self.statusBar().showMessage(tr("Not changed: {error}").format(error=error), 10_000)
            self.diagram.set_config(self.controller.config)

    def _load_lesson_setup(self, cfg: ExperimentConfig) -> None:
        error = self.controller.apply_config(cfg, tr("Load the lesson's setup"), fresh=True)
        if error:
            self.show_message(tr("Cannot load this setup"), error, QMessageBox.Icon.Warning)

    def _load_lesson_comparison(self, items: list[tuple[str, ExperimentConfig]]) -> None:
        """A lesson's setups trained together as one comparison; the first one is also
        the current experiment."""
        if not items:
            return
        error = self.controller.apply_config(items[0][1], tr("Load the lesson's setups"))
        if error:
            self.show_message(tr("Cannot load these setups"), error, QMessageBox.Icon.Warning)
            return
        if error is None and self.controller.runs.compare_setups(items):
            self.show_comparison()

    def copy_setup(self) -> str:
        """Edit → Copy setup as text: the current setup as one line on the clipboard."""
        line = setup_line(self.controller.config)
        QGuiApplication.clipboard().setText(line)
        self.statusBar().showMessage(tr("Copied: {line}").format(line=line), 10_000)
        return line

    def paste_setup(self, line: str | None = None) -> str | None:
        """Edit → Paste setup: the setup line on the clipboard (or ``line``) becomes the
        experiment, with undo; a line that cannot be read changes nothing and says why.
        Returns why not (``""``: the learner declined)."""
        if line is None:
            line = QGuiApplication.clipboard().text()
        try:
            cfg = parse_setup_line(line)
        except SetupLineError as e:
            self.show_message(tr("Cannot paste this setup"), str(e),
                              QMessageBox.Icon.Warning)
            return str(e)
        error = self.controller.apply_config(cfg, tr("Paste setup"), fresh=True)
        if error:
            self.show_message(tr("Cannot paste this setup"), error,
                              QMessageBox.Icon.Warning)
        return error

    def repeat_seeds_dialog(self) -> None:
        """Training → Repeat with N seeds…: how many, then train them in worker
        processes."""
        n = dialogs.seed_count(self)
        if n and self.controller.runs.repeat_with_seeds(n):
            self.show_comparison()

    def show_comparison(self) -> None:
        """Bring the runs and their comparison into view."""
        for d in (self.runs_dock, self.compare_dock):
            if not d.isVisible():
                d.show()
            d.raise_()
        self.runs_panel.draw_comparison()

    def choose_task(self, name: str) -> str | None:
        task = get_task(name)
        error = self.controller.apply_config(task.default_config(),
                                             tr("Choose task “{title}”").format(
                                                 title=i18n.task_title(task)))
        if error:
            self.show_message(tr("Cannot use this task"), error, QMessageBox.Icon.Warning)
        self.task_picker.set_current(self.controller.config.task.name)
        return error

    def _on_live_change(self) -> None:
        self.settings_panel.set_config(self.controller.config)
        self.status_view.show_counts()

    def _request_itemized(self, *_: object) -> None:
        """Ask the training for the chosen weight's itemized gradients while the panel is
        in view, for nothing when it is not."""
        worker = getattr(self.controller, "worker", None)
        if worker is None:
            return
        name = self.itemized_plot.chosen
        shown = views.shown(self.itemized_dock)
        worker.set_itemize({name} if name and shown else set())
        if name and shown and not worker.is_running():  # paused: a fresh look to draw now
            worker.set_sample_index(self.hidden_plot.sample_spin.value())

    def _request_learned(self, *_: object) -> None:
        """Ask the training for what the units learned while the panel is in view."""
        worker = getattr(self.controller, "worker", None)
        if worker is None:
            return
        shown = views.shown(self.learned_dock)
        worker.set_learned(shown)
        # How far back the networks look costs the most: worked out only for its page.
        back = shown and self.learned_view.showing_look_back()
        worker.set_look_back(back)
        worker.set_look_back_runs(self._runs_to_compare() if back else [])
        if shown and not worker.is_running():  # paused: a fresh look to draw now
            worker.set_sample_index(self.hidden_plot.sample_spin.value())

    def _offer_attention(self, applies: bool) -> None:
        """The Attention dock comes to the front when the network starts to attend."""
        if applies and self.attention_dock.isVisible():
            self.attention_dock.raise_()

    def _runs_to_compare(self) -> list[tuple[str, bytes]]:
        """The runs the Runs panel shows, of the current task: their networks' look back
        is drawn beside the current one's (a few at most)."""
        c = self.controller
        found = []
        for run in c.runs.runs:
            if run.hidden or run.config.task.name != c.config.task.name:
                continue
            try:
                found.append((run.name, run.state_bytes()))
            except OSError:
                continue  # its file is gone: the run cannot be read back
        return found[:6]

    def _watch_sample(self, index: int) -> None:
        sample = self.controller.watch_sample(index)
        self.diagram.set_context(self.controller.config, sample)

    def _update_title(self) -> None:
        path = self.controller.document.path
        self.setWindowTitle(tr("{file}[*] — {app}").format(
            file=path.name if path else tr("Untitled"), app=APP_NAME))
        self.setWindowModified(self.controller.document.dirty)

    # -- messages ------------------------------------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_message(self, title: str, text: str,
                     icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        """Tell the learner something; the box is window-modal but does not block the
        event loop (training signals and tests keep running)."""
        self.last_message = (title, text)
        self.statusBar().showMessage(f"{title}: {text.splitlines()[0]}", 15_000)
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box
        if self.modal_messages:
            box.open()  # window-modal, returns at once
        else:
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.show()

    def start_tour(self) -> None:
        """Show the lessons panel on the first lesson (its setup is one click away)."""
        self.lessons_dock.setFloating(False)
        self.lessons_dock.show()
        self.lessons_dock.raise_()
        if self.lessons_dock.width() < 340:  # room for the text and its buttons
            self.resizeDocks([self.lessons_dock], [340], Qt.Orientation.Horizontal)
        self.lessons.show_lesson(self.lessons.lessons[0].id)

    @Slot(object)
    def _on_unexpected_error(self, report: errors.ErrorReport) -> None:
        """After an unexpected error (the dialog shows it): say so where the eye is, and
        show training paused if the error paused it."""
        self.statusBar().showMessage(tr("Unexpected error: {message}").format(
            message=report.message), 15_000)
        if report.thread == self.controller.training.relay.objectName():
            self.commands.show_running(self.controller.worker.is_running())

    # -- files -------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open experiment"),
                                              self.controller.document.folder(), tr(FILE_FILTER))
        if path:
            self.controller.document.open_path(path)

    def save(self) -> bool:
        if self.controller.document.path is None:
            return self.save_as_dialog()
        return self.controller.document.save(self.controller.document.path)

    def save_as_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save experiment"),
                                              self.controller.document.folder(), tr(FILE_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += files.EXTENSION
        return self.controller.document.save(path)

    def save_runs_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save runs"),
                                              self.controller.document.folder(), tr(RUNS_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += RUNS_EXTENSION
        return self.controller.runs.save_runs(path)

    def open_lessons_dialog(self) -> bool:
        """File → Open lessons…: a .zip of lessons, or any lesson of a folder of them."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open lessons: a .zip, or any lesson (.md) of a folder"),
            self.controller.document.folder(), tr("Lessons (*.zip *.md)"))
        return bool(path) and self.open_lessons(path)

    def open_lessons(self, path: str | Path) -> bool:
        """Add the lessons at ``path`` to the Lessons panel and show it; a pack that
        cannot be read changes nothing and says why."""
        error = self.lessons.open_pack(path)
        if error is not None:
            self.show_message(tr("Cannot open these lessons"), error,
                              QMessageBox.Icon.Warning)
            return False
        self.lessons_dock.show()
        self.lessons_dock.raise_()
        return True

    def open_runs_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open runs"),
                                              self.controller.document.folder(), tr(RUNS_FILTER))
        if not path:
            return False
        if self.controller.runs.open_runs(path):
            self.show_comparison()
            return True
        return False

    def panels(self) -> list[PlotPanel]:
        """Every plot panel the theme, the zoom and the captions reach."""
        return [*self.plots.values(), self.comparison]

    # -- presentation ----------------------------------------------------------------------
    def arrange(self, preset: str = layout.DEFAULT_PRESET) -> None:
        """Every dock where ``preset`` puts it, at the preset's zoom and captions."""
        size = self.size()
        # The docks are placed at the smaller of the old and the new zoom: Focus on
        # gradients placed at the Projector's 150 % needs 1521 px and would widen the
        # window past a 1366 px screen, for good.
        if layout.PRESETS[preset].zoom < self.presentation.zoom:
            self.presentation.set_zoom(layout.PRESETS[preset].zoom)
        p = layout.arrange(self, [*self.docks, self.sample_dock], preset)
        self.sample_dock.setVisible(bool(self.sample_panel.applies))  # for tasks that write
        for d in self.docks:
            if d.objectName() in p.fronts() and d.isVisible():
                d.raise_()
        self.presentation.set_zoom(p.zoom)
        self.set_captions(p.captions)
        self.resize(size)  # as layout.arrange keeps it

    def offer_presets(self) -> None:
        """View → Layout offers the presets this screen can show (Wide screen needs 1920
        px); the others stay in the menu, greyed, saying why."""
        screen = self.screen()
        width = screen.availableGeometry().width() if screen is not None else 1 << 16
        for a in self.commands.layout_menu.actions():
            preset = layout.PRESETS.get(str(a.data()))
            if preset is not None:
                a.setEnabled(preset.fits(width))

    def set_language(self, code: str) -> None:
        """View → Language: remembered for the next start, which the learner may make
        now (the window's texts are made once, in the language of the start)."""
        i18n.remember(self.settings, code)
        if code == i18n.current():
            return
        name = i18n.NAMES.get(code, code)
        self.confirm_restart(tr("Language"), tr(
            "RNN Sandbox speaks {language} from its next start. Restart now? Unsaved work "
            "is asked about first.").format(language=name))

    def confirm_restart(self, title: str, text: str) -> None:
        """Ask, then close and start the program again with the same arguments."""
        if self.confirm(title, text) and self.close():
            QProcess.startDetached(sys.executable, sys.orig_argv[1:])

    def set_theme(self, name: str) -> None:
        self.commands.dark.setChecked(name == "dark")
        self.presentation.set_theme(name)

    def set_captions(self, on: bool) -> None:
        self.commands.captions.setChecked(on)
        self.presentation.set_captions(on)

    def _apply(self, preferences: layout.Preferences) -> None:
        """The last session's theme, zoom, captions and pace."""
        self.set_theme(preferences.theme)
        if preferences.zoom != self.presentation.zoom:
            self.presentation.set_zoom(preferences.zoom)
        self.set_captions(preferences.captions)
        self.commands.set_pace_index(preferences.pace)

    def _preferences(self) -> layout.Preferences:
        look = self.presentation
        return layout.Preferences(look.theme, look.zoom, look.captions,
                                  self.commands.pace_box.currentIndex())

    # -- exports -------------------------------------------------------------------------
    def export_plot(self, name: str, path: str | Path) -> None:
        self.plots[name].export(path)

    def export_to(self, title: str, filters: str, write: Callable[[str], object]) -> None:
        """Ask where, write there; a failure is said, not raised."""
        path, _ = QFileDialog.getSaveFileName(self, title, self.controller.document.folder(),
                                              filters)
        if path:
            try:
                write(path)
            except (OSError, ValueError) as e:
                self.show_message(tr("Cannot export"), str(e), QMessageBox.Icon.Critical)

    def export_animation(self) -> Path | None:
        """File → Export → Animation… of the diagram's step-through."""
        written = animation.export_animation(
            self, self.diagram, self.controller.document.folder(),
            lambda text: self.show_message(tr("Cannot export"), text, QMessageBox.Icon.Critical))
        if written is not None:
            self.statusBar().showMessage(tr("Animation written to {written}").format(
                written=written), 10_000)
        return written

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not (self.controller.document.check_unsaved() and self.controller.runs.check_unsaved()):
            event.ignore()
            return
        layout.save(self, self.settings, self._preferences(),
                    self.controller.config.to_json(indent=None))
        self.autosave_timer.stop()
        self.controller.close()
        if self.message_box is not None:
            self.message_box.close()
        event.accept()

    def shutdown(self) -> bool:
        """Stop the training process and its relay thread; True when both have ended."""
        self.autosave_timer.stop()
        return self.controller.shutdown()
