<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Side columns of tabs, the gradient flow at full height on the right</source>
        <translation>Seitenspalten mit Reitern, der Gradientenfluss rechts in voller Höhe</translation>
    </message>
    <message>
        <source>The lesson, the diagram, the gradient flow and the loss at 150 % zoom, readable from the back; the other panels are in the View menu</source>
        <translation>Lektion, Diagramm, Gradientenfluss und Verlust bei 150 % Zoom, auch aus der letzten Reihe lesbar; die übrigen Bereiche sind im Menü Ansicht</translation>
    </message>
    <message>
        <source>Gradient flow and hidden states side by side, large</source>
        <translation>Gradientenfluss und verborgene Zustände groß nebeneinander</translation>
    </message>
    <message>
        <source>Every plot at once in a row under the diagram (1920 px and wider)</source>
        <translation>Alle Diagramme zugleich in einer Reihe unter dem Netzdiagramm (ab 1920 px Breite)</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Beamer</translation>
    </message>
    <message>
        <source>Focus on gradients</source>
        <translation>Gradienten im Fokus</translation>
    </message>
    <message>
        <source>Wide screen</source>
        <translation>Breitbild</translation>
    </message>
    <message>
        <source>RNN Sandbox experiments (*.rnnx);;All files (*)</source>
        <translation>RNN-Sandbox-Experimente (*.rnnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>RNN Sandbox runs (*.rnns);;RNN Sandbox experiments (*.rnnx);;All files (*)</source>
        <translation>RNN-Sandbox-Läufe (*.rnns);;RNN-Sandbox-Experimente (*.rnnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>Verborgene Zustände</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>Gradientenfluss</translation>
    </message>
    <message>
        <source>Gradient sources</source>
        <translation>Gradientenquellen</translation>
    </message>
    <message>
        <source>Eigenvalues</source>
        <translation>Eigenwerte</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>Was es gelernt hat</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Not changed: {error}</source>
        <translation>Nicht geändert: {error}</translation>
    </message>
    <message>
        <source>Load the lesson&apos;s setup</source>
        <translation>Setup der Lektion laden</translation>
    </message>
    <message>
        <source>Cannot load this setup</source>
        <translation>Dieses Setup lässt sich nicht laden</translation>
    </message>
    <message>
        <source>Load the lesson&apos;s setups</source>
        <translation>Setups der Lektion laden</translation>
    </message>
    <message>
        <source>Cannot load these setups</source>
        <translation>Diese Setups lassen sich nicht laden</translation>
    </message>
    <message>
        <source>Copied: {line}</source>
        <translation>Kopiert: {line}</translation>
    </message>
    <message>
        <source>Cannot paste this setup</source>
        <translation>Dieses Setup lässt sich nicht einfügen</translation>
    </message>
    <message>
        <source>Paste setup</source>
        <translation>Setup einfügen</translation>
    </message>
    <message>
        <source>Choose task “{title}”</source>
        <translation>Aufgabe „{title}“ wählen</translation>
    </message>
    <message>
        <source>Cannot use this task</source>
        <translation>Diese Aufgabe lässt sich nicht verwenden</translation>
    </message>
    <message>
        <source>{file}[*] — {app}</source>
        <translation>{file}[*] — {app}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Unexpected error: {message}</source>
        <translation>Unerwarteter Fehler: {message}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Experiment öffnen</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>Experiment speichern</translation>
    </message>
    <message>
        <source>Save runs</source>
        <translation>Läufe speichern</translation>
    </message>
    <message>
        <source>Open lessons: a .zip, or any lesson (.md) of a folder</source>
        <translation>Lektionen öffnen: eine .zip oder eine beliebige Lektion (.md) eines Ordners</translation>
    </message>
    <message>
        <source>Lessons (*.zip *.md)</source>
        <translation>Lektionen (*.zip *.md)</translation>
    </message>
    <message>
        <source>Cannot open these lessons</source>
        <translation>Diese Lektionen lassen sich nicht öffnen</translation>
    </message>
    <message>
        <source>Open runs</source>
        <translation>Läufe öffnen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>RNN Sandbox speaks {language} from its next start. Restart now? Unsaved work is asked about first.</source>
        <translation>RNN Sandbox spricht ab dem nächsten Start {language}. Jetzt neu starten? Nach ungesicherter Arbeit wird vorher gefragt.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Animation written to {written}</source>
        <translation>Animation gespeichert unter {written}</translation>
    </message>
    <message>
        <source>Loss plot…</source>
        <translation>Verlustdiagramm…</translation>
    </message>
    <message>
        <source>Export loss</source>
        <translation>Verlust exportieren</translation>
    </message>
    <message>
        <source>Hidden states plot…</source>
        <translation>Diagramm der verborgenen Zustände…</translation>
    </message>
    <message>
        <source>Export hidden states</source>
        <translation>Verborgene Zustände exportieren</translation>
    </message>
    <message>
        <source>Gradient flow plot…</source>
        <translation>Diagramm des Gradientenflusses…</translation>
    </message>
    <message>
        <source>Export gradient flow</source>
        <translation>Gradientenfluss exportieren</translation>
    </message>
    <message>
        <source>Gradient sources plot…</source>
        <translation>Diagramm der Gradientenquellen…</translation>
    </message>
    <message>
        <source>Export gradient sources</source>
        <translation>Gradientenquellen exportieren</translation>
    </message>
    <message>
        <source>Eigenvalues plot…</source>
        <translation>Eigenwerte-Diagramm…</translation>
    </message>
    <message>
        <source>Export eigenvalues</source>
        <translation>Eigenwerte exportieren</translation>
    </message>
    <message>
        <source>Prediction plot…</source>
        <translation>Vorhersagediagramm…</translation>
    </message>
    <message>
        <source>Export prediction</source>
        <translation>Vorhersage exportieren</translation>
    </message>
    <message>
        <source>Attention heatmap…</source>
        <translation>Aufmerksamkeits-Heatmap…</translation>
    </message>
    <message>
        <source>Export attention heatmap</source>
        <translation>Aufmerksamkeits-Heatmap exportieren</translation>
    </message>
    <message>
        <source>Beam search tree…</source>
        <translation>Baum der Strahlsuche…</translation>
    </message>
    <message>
        <source>Export beam search tree</source>
        <translation>Baum der Strahlsuche exportieren</translation>
    </message>
    <message>
        <source>Accuracy by length plot…</source>
        <translation>Diagramm der Genauigkeit nach Länge…</translation>
    </message>
    <message>
        <source>Export accuracy by length</source>
        <translation>Genauigkeit nach Länge exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;CSV-Daten (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)/s</source>
        <translation><numerusform>%n Schritt/s</numerusform><numerusform>%n Schritte/s</numerusform></translation>
    </message>
    <message>
        <source>Watch: a run in ~30 s</source>
        <translation>Zuschauen: ein Lauf in ~30 s</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>Volle Geschwindigkeit</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Forward ▸</source>
        <translation>Vorwärts ▸</translation>
    </message>
    <message>
        <source>Backward ◂</source>
        <translation>Rückwärts ◂</translation>
    </message>
    <message>
        <source>Show the training live: activations of the watched sample, weights</source>
        <translation>Das Training live zeigen: Aktivierungen des beobachteten Beispiels, Gewichte</translation>
    </message>
    <message>
        <source>Walk the forward pass step by step: each cell computes h_t from x_t and h_(t-1) (a simple RNN: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); LSTM and GRU: through their gates)</source>
        <translation>Den Vorwärtsdurchlauf Schritt für Schritt durchgehen: Jede Zelle berechnet h_t aus x_t und h_(t-1) (ein einfaches RNN: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); LSTM und GRU: über ihre Gates)</translation>
    </message>
    <message>
        <source>Walk backpropagation through time from the last step to the first: dL/dh_t (and dL/dc_t of an LSTM) and each weight&apos;s share of the gradient</source>
        <translation>Die Backpropagation durch die Zeit vom letzten zum ersten Schritt durchgehen: dL/dh_t (bei einem LSTM auch dL/dc_t) und der Anteil jedes Gewichts am Gradienten</translation>
    </message>
    <message>
        <source>Go to the start of the walk</source>
        <translation>Zum Anfang des Durchgangs</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>Einen Schritt zurück</translation>
    </message>
    <message>
        <source>One step on</source>
        <translation>Einen Schritt weiter</translation>
    </message>
    <message>
        <source>Go to the end of the walk</source>
        <translation>Zum Ende des Durchgangs</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Walk on by itself at the chosen speed</source>
        <translation>Von selbst im gewählten Tempo weitergehen</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> Schritte/s</translation>
    </message>
    <message>
        <source>Speed of play</source>
        <translation>Abspieltempo</translation>
    </message>
    <message>
        <source>Jump to a time step</source>
        <translation>Zu einem Zeitschritt springen</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Write each neuron&apos;s value on it while walking through the steps (forward: its activation, backward: dL/dh_t), to 4 significant digits; click a neuron for its equations with these numbers in them</source>
        <translation>Beim Durchgehen den Wert jedes Neurons daraufschreiben (vorwärts: seine Aktivierung, rückwärts: dL/dh_t), auf 4 signifikante Stellen; ein Klick auf ein Neuron zeigt seine Gleichungen mit diesen Zahlen</translation>
    </message>
    <message>
        <source>step 888/888</source>
        <translation>Schritt 888/888</translation>
    </message>
    <message>
        <source>step {value}/{n}</source>
        <translation>Schritt {value}/{n}</translation>
    </message>
    <message>
        <source>Train continuously / pause</source>
        <translation>Fortlaufend trainieren / anhalten</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Train on exactly one batch</source>
        <translation>Auf genau einem Batch trainieren</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the initial weights for the seed</source>
        <translation>Zurück zu den Anfangsgewichten dieses Seeds</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>A fresh experiment for the current task</source>
        <translation>Ein neues Experiment für die aktuelle Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Save R&amp;uns…</source>
        <translation>&amp;Läufe speichern…</translation>
    </message>
    <message>
        <source>Every run of the session in one runs file (.rnns)</source>
        <translation>Alle Läufe dieser Sitzung in einer Läufe-Datei (.rnns)</translation>
    </message>
    <message>
        <source>Open Ru&amp;ns…</source>
        <translation>Läufe ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Add the runs of a runs file (or an experiment) to the Runs panel</source>
        <translation>Die Läufe einer Läufe-Datei (oder ein Experiment) zum Bereich Läufe hinzufügen</translation>
    </message>
    <message>
        <source>Repeat with N &amp;seeds…</source>
        <translation>Mit N &amp;Seeds wiederholen…</translation>
    </message>
    <message>
        <source>Train the current settings with several seeds in parallel, shown as their mean and spread</source>
        <translation>Die aktuellen Einstellungen mit mehreren Seeds parallel trainieren, gezeigt als Mittelwert und Streuung</translation>
    </message>
    <message>
        <source>Cancel training the runs</source>
        <translation>Training der Läufe abbrechen</translation>
    </message>
    <message>
        <source>Stop the seeds or lesson setups training in the background</source>
        <translation>Die im Hintergrund trainierenden Seeds oder Lektions-Setups anhalten</translation>
    </message>
    <message>
        <source>Open &amp;lessons…</source>
        <translation>&amp;Lektionen öffnen…</translation>
    </message>
    <message>
        <source>Add a teacher&apos;s lessons to the Lessons panel: a .zip of lessons, or any lesson (.md) of a folder of them</source>
        <translation>Lektionen einer Lehrkraft zum Lektionen-Bereich hinzufügen: eine .zip mit Lektionen oder eine beliebige Lektion (.md) aus einem Ordner davon</translation>
    </message>
    <message>
        <source>&amp;Copy setup as text</source>
        <translation>Setup als Text &amp;kopieren</translation>
    </message>
    <message>
        <source>The task and the settings that differ from its defaults as one line, to paste, put in a lesson or give to rnn-sandbox train --setup</source>
        <translation>Die Aufgabe und die von ihren Vorgaben abweichenden Einstellungen als eine Zeile: zum Einfügen, für eine Lektion oder für rnn-sandbox train --setup</translation>
    </message>
    <message>
        <source>&amp;Paste setup</source>
        <translation>Setup &amp;einfügen</translation>
    </message>
    <message>
        <source>Load the setup line on the clipboard (a new network; Undo brings the current one back)</source>
        <translation>Die Setup-Zeile aus der Zwischenablage laden (ein neues Netz; Rückgängig holt das jetzige zurück)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Train as fast as possible / back to the pace</source>
        <translation>So schnell wie möglich trainieren / zurück zum gewählten Tempo</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Anordnung zurücksetzen</translation>
    </message>
    <message>
        <source>Every panel back in place, sized for the window as it is now</source>
        <translation>Alle Bereiche zurück an ihren Platz, passend zur aktuellen Fenstergröße</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
    <message>
        <source>Light text on dark, everywhere</source>
        <translation>Überall helle Schrift auf dunklem Grund</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>The window over the whole screen</source>
        <translation>Das Fenster über den ganzen Bildschirm</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Larger text and lines</source>
        <translation>Größere Schrift und Linien</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Smaller text and lines</source>
        <translation>Kleinere Schrift und Linien</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Explain the plots</source>
        <translation>Diagramme erklären</translation>
    </message>
    <message>
        <source>A line under each plot on how to read it</source>
        <translation>Unter jedem Diagramm eine Zeile, wie es zu lesen ist</translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation>&amp;Rundgang</translation>
    </message>
    <message>
        <source>Open the first lesson: a guided start</source>
        <translation>Die erste Lektion öffnen: ein geführter Einstieg</translation>
    </message>
    <message>
        <source>Help on this &amp;task</source>
        <translation>Hilfe zu dieser &amp;Aufgabe</translation>
    </message>
    <message>
        <source>&amp;About RNN Sandbox</source>
        <translation>Ü&amp;ber RNN Sandbox</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Comparison of runs…</source>
        <translation>Vergleich der Läufe…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Den Vergleich exportieren</translation>
    </message>
    <message>
        <source>The comparison&apos;s plots as an image, or the runs&apos; histories side by side</source>
        <translation>Die Diagramme des Vergleichs als Bild oder die Verläufe der Läufe nebeneinander</translation>
    </message>
    <message>
        <source>Network diagram…</source>
        <translation>Netzdiagramm…</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>Netzdiagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Animation…</source>
        <translation>Animation…</translation>
    </message>
    <message>
        <source>Training history (CSV)…</source>
        <translation>Trainingsverlauf (CSV)…</translation>
    </message>
    <message>
        <source>Export training history</source>
        <translation>Trainingsverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PyTorch script…</source>
        <translation>PyTorch-Skript…</translation>
    </message>
    <message>
        <source>Export PyTorch script</source>
        <translation>PyTorch-Skript exportieren</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python-Skript (*.py)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Anordnung</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source> Pace </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <source>How fast training goes: slow enough to watch the plots move, or full speed</source>
        <translation>Wie schnell trainiert wird: langsam genug, um den Diagrammen zuzusehen, oder mit voller Geschwindigkeit</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>Vorige Lektion</translation>
    </message>
    <message>
        <source>Choose a lesson (✓ done, • visited)</source>
        <translation>Eine Lektion wählen (✓ erledigt, • besucht)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Mark this lesson as done and go to the next one</source>
        <translation>Diese Lektion als erledigt markieren und zur nächsten gehen</translation>
    </message>
    <message>
        <source>The setups of this lesson</source>
        <translation>Die Setups dieser Lektion</translation>
    </message>
    <message>
        <source>Load this setup</source>
        <translation>Dieses Setup laden</translation>
    </message>
    <message>
        <source>Replace the current experiment by this lesson&apos;s task and settings</source>
        <translation>Das aktuelle Experiment durch Aufgabe und Einstellungen dieser Lektion ersetzen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Mark this lesson as done</source>
        <translation>Diese Lektion als erledigt markieren</translation>
    </message>
    <message>
        <source>Compare these setups</source>
        <translation>Diese Setups vergleichen</translation>
    </message>
    <message>
        <source>Load these setups as a comparison: train every setup of this lesson for its planned epochs, side by side in the background, and compare them in the Runs panel; the first one also becomes the current experiment</source>
        <translation>Diese Setups als Vergleich laden: jedes Setup dieser Lektion für seine geplanten Epochen nebeneinander im Hintergrund trainieren und im Bereich Läufe vergleichen; das erste wird auch das aktuelle Experiment</translation>
    </message>
    <message>
        <source>Close these lessons</source>
        <translation>Diese Lektionen schließen</translation>
    </message>
    <message>
        <source>Take this teacher&apos;s lessons out of the panel (their files stay as they are)</source>
        <translation>Die Lektionen dieser Lehrkraft aus dem Bereich nehmen (ihre Dateien bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source># {title}

The text of this lesson cannot be read: {e}</source>
        <translation># {title}

Der Text dieser Lektion lässt sich nicht lesen: {e}</translation>
    </message>
    <message>
        <source>This lesson has no setup of its own</source>
        <translation>Diese Lektion hat kein eigenes Setup</translation>
    </message>
    <message>
        <source>Load “{label}”: replaces the current experiment</source>
        <translation>„{label}“ laden: ersetzt das aktuelle Experiment</translation>
    </message>
    <message>
        <source>Load the chosen setup: replaces the current experiment</source>
        <translation>Das gewählte Setup laden: ersetzt das aktuelle Experiment</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {e}</source>
        <translation>Dieses Setup lässt sich nicht laden: {e}</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {reason}</source>
        <translation>Dieses Setup lässt sich nicht laden: {reason}</translation>
    </message>
    <message>
        <source>These setups cannot be loaded: {e}</source>
        <translation>Diese Setups lassen sich nicht laden: {e}</translation>
    </message>
    <message>
        <source>Finish ✓</source>
        <translation>Abschließen ✓</translation>
    </message>
    <message>
        <source>Lesson {number} of {len} · {n_done} done</source>
        <translation>Lektion {number} von {len} · {n_done} erledigt</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>States, first two principal axes</source>
        <translation>Zustände, erste zwei Hauptachsen</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>HK 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>HK 2</translation>
    </message>
    <message>
        <source>Colour: the class, {0}</source>
        <translation>Farbe: die Klasse, {0}</translation>
    </message>
    <message>
        <source>Colour: the step, dark early, yellow late</source>
        <translation>Farbe: der Schritt, dunkel früh, gelb spät</translation>
    </message>
    <message>
        <source>The states on their first two principal axes. {0}</source>
        <translation>Die Zustände auf ihren ersten zwei Hauptachsen. {0}</translation>
    </message>
    <message>
        <source>{0}; the watched sample&apos;s path from □ to ☆.</source>
        <translation>{0}; der Weg des beobachteten Beispiels von □ nach ☆.</translation>
    </message>
    <message>
        <source>Principal axes: {0}</source>
        <translation>Hauptachsen: {0}</translation>
    </message>
    <message>
        <source>sample {0} step {1}</source>
        <translation>Beispiel {0} Schritt {1}</translation>
    </message>
    <message>
        <source>Nearest states: {0}</source>
        <translation>Nächste Zustände: {0}</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>Eingabeschritt</translation>
    </message>
    <message>
        <source>‖∂ output / ∂ input‖</source>
        <translation>‖∂ Ausgabe / ∂ Eingabe‖</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>Ausgabeschritt</translation>
    </message>
    <message>
        <source>steps back</source>
        <translation>Schritte zurück</translation>
    </message>
    <message>
        <source>How far back</source>
        <translation>Wie weit zurück</translation>
    </message>
    <message>
        <source>share of the dependence</source>
        <translation>Anteil der Abhängigkeit</translation>
    </message>
    <message>
        <source>this network</source>
        <translation>dieses Netz</translation>
    </message>
    <message>
        <source>source step</source>
        <translation>Quellschritt</translation>
    </message>
    <message>
        <source>steps before the end of the source</source>
        <translation>Schritte vor dem Ende der Quelle</translation>
    </message>
    <message>
        <source>Layer and direction whose units are shown</source>
        <translation>Schicht und Richtung, deren Neuronen gezeigt werden</translation>
    </message>
    <message>
        <source>The unit the text is coloured by (or click one)</source>
        <translation>Das Neuron, nach dem der Text gefärbt ist (oder eines anklicken)</translation>
    </message>
    <message>
        <source>What the panel shows</source>
        <translation>Was der Bereich zeigt</translation>
    </message>
    <message>
        <source>Units on the text</source>
        <translation>Neuronen auf dem Text</translation>
    </message>
    <message>
        <source>What each unit tracks</source>
        <translation>Was jedes Neuron verfolgt</translation>
    </message>
    <message>
        <source>Select and match</source>
        <translation>Auswählen und finden</translation>
    </message>
    <message>
        <source>State space</source>
        <translation>Zustandsraum</translation>
    </message>
    <message>
        <source>How far back it looks</source>
        <translation>Wie weit es zurückblickt</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Neuron:</translation>
    </message>
    <message>
        <source>Shown once training runs or a step is taken.</source>
        <translation>Erscheint, sobald trainiert oder ein Schritt gemacht wird.</translation>
    </message>
    <message>
        <source>Every unit over the same steps (click one):</source>
        <translation>Jedes Neuron über dieselben Schritte (eines anklicken):</translation>
    </message>
    <message>
        <source>Order the units by how closely they follow one feature, or each by its best one</source>
        <translation>Die Neuronen danach ordnen, wie genau sie einem Merkmal folgen, oder jedes nach seinem besten</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Neuron</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Order by:</source>
        <translation>Ordnen nach:</translation>
    </message>
    <message>
        <source>r: correlation of the unit with the feature over every step of the samples (±1: follows it exactly).</source>
        <translation>r: Korrelation des Neurons mit dem Merkmal über alle Schritte der Beispiele (±1: folgt ihm genau).</translation>
    </message>
    <message>
        <source>A unit is on where its value is above this</source>
        <translation>Ein Neuron ist an, wo sein Wert darüber liegt</translation>
    </message>
    <message>
        <source>Drag over steps of the text to select a span: the units on over all of it are chosen, and every span where they are all on is listed.</source>
        <translation>Über Schritte des Textes ziehen, um einen Abschnitt auszuwählen: Die Neuronen, die im ganzen Abschnitt an sind, werden gewählt, und jeder Abschnitt, in dem sie alle an sind, wird aufgelistet.</translation>
    </message>
    <message>
        <source>On above:</source>
        <translation>An über:</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Hover the plot for the nearest states.</source>
        <translation>Mit der Maus über das Diagramm fahren für die nächsten Zustände.</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <source>each unit&apos;s best</source>
        <translation>dem besten jedes Neurons</translation>
    </message>
    <message>
        <source>Top: the watched sample. Bottom: the share of each output&apos;s dependence on the input d steps before it.</source>
        <translation>Oben: das beobachtete Beispiel. Unten: der Anteil der Abhängigkeit jeder Ausgabe von der Eingabe d Schritte davor.</translation>
    </message>
    <message>
        <source>How far back it looks is being worked out between training steps.</source>
        <translation>Wie weit es zurückblickt, wird zwischen den Trainingsschritten berechnet.</translation>
    </message>
    <message>
        <source>Worked out for the weights of step {0}.</source>
        <translation>Berechnet für die Gewichte von Schritt {0}.</translation>
    </message>
    <message>
        <source>Top: how strongly each output step of the watched sample depends on each step of its source, the decoder fed the previous target words as in training. Bottom: the share of each output&apos;s dependence on the source step d steps before the end of the source.</source>
        <translation>Oben: wie stark jeder Ausgabeschritt des beobachteten Beispiels von jedem Schritt seiner Quelle abhängt; der Decoder bekommt wie im Training die vorigen Zielwörter. Unten: der Anteil der Abhängigkeit jeder Ausgabe vom Quellschritt d Schritte vor dem Ende der Quelle.</translation>
    </message>
    <message>
        <source>Top: the watched sample, fed as in training: input step 1 is what the network starts from, step t + 1 the target of step t. Bottom: the share of each output&apos;s dependence on the input d steps before it.</source>
        <translation>Oben: das beobachtete Beispiel, gefüttert wie im Training: Eingabeschritt 1 ist das, womit das Netz beginnt, Schritt t + 1 das Ziel von Schritt t. Unten: der Anteil der Abhängigkeit jeder Ausgabe von der Eingabe d Schritte davor.</translation>
    </message>
    <message>
        <source>After the first step this network is fed zero vectors: every output depends on what it starts from only.</source>
        <translation>Nach dem ersten Schritt bekommt dieses Netz Nullvektoren: Jede Ausgabe hängt nur davon ab, womit es beginnt.</translation>
    </message>
    <message>
        <source>Unit {0} follows “{1}” best (r = {2:+.2f}); step {3}.</source>
        <translation>Neuron {0} folgt „{1}“ am besten (r = {2:+.2f}); Schritt {3}.</translation>
    </message>
    <message>
        <source>unit {0}</source>
        <translation>Neuron {0}</translation>
    </message>
    <message>
        <source>validation sample {0}</source>
        <translation>Validierungsbeispiel {0}</translation>
    </message>
    <message>
        <source>The text of {0} on the colour of unit {1} (blue &lt; 0 &lt; red):</source>
        <translation>Der Text von {0} in der Farbe von Neuron {1} (blau &lt; 0 &lt; rot):</translation>
    </message>
    <message>
        <source>Unit {0} over the steps of {1} (dashed: {2}, scaled):</source>
        <translation>Neuron {0} über die Schritte von {1} (gestrichelt: {2}, skaliert):</translation>
    </message>
    <message>
        <source>Unit {0} over the steps of {1}:</source>
        <translation>Neuron {0} über die Schritte von {1}:</translation>
    </message>
    <message>
        <source>No span selected.</source>
        <translation>Kein Abschnitt ausgewählt.</translation>
    </message>
    <message>
        <source>Units on over steps {0}–{1}: {2}. Matching spans: {3}.</source>
        <translation>Neuronen an über die Schritte {0}–{1}: {2}. Passende Abschnitte: {3}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>sample {0}, steps {1}–{2}:{3}</source>
        <translation>Beispiel {0}, Schritte {1}–{2}:{3}</translation>
    </message>
    <message>
        <source>step {0}: {1}, {2} = {3}</source>
        <translation>Schritt {0}: {1}, {2} = {3}</translation>
    </message>
    <message>
        <source>simple RNN</source>
        <translation>einfaches RNN</translation>
    </message>
    <message>
        <source>{0}, {1} units</source>
        <translation>{0}, {1} Neuronen</translation>
    </message>
    <message>
        <source>{0}, 2 directions</source>
        <translation>{0}, 2 Richtungen</translation>
    </message>
    <message>
        <source>This network has no recurrent states: it has no hidden units to show.</source>
        <translation>Dieses Netz hat keine rekurrenten Zustände: Es hat keine verborgenen Neuronen zu zeigen.</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>choice {0}</source>
        <translation>Wahl {0}</translation>
    </message>
    <message>
        <source>Click a candidate: the network must write it at that step and writes the rest itself (what if)</source>
        <translation>Einen Kandidaten anklicken: Das Netz muss ihn an diesem Schritt schreiben und schreibt den Rest selbst (was wäre, wenn)</translation>
    </message>
    <message>
        <source>Its own choices</source>
        <translation>Seine eigene Wahl</translation>
    </message>
    <message>
        <source>Forget the forced words: greedy decoding again</source>
        <translation>Die erzwungenen Wörter vergessen: wieder gierig dekodieren</translation>
    </message>
    <message>
        <source>Columns: output steps. Boxes: the beginnings the beam kept, each with its last word&apos;s probability, joined to the one it continues. Orange: beam search&apos;s sentence; dashed blue: greedy decoding&apos;s.</source>
        <translation>Spalten: Ausgabeschritte. Kästchen: die Satzanfänge, die der Strahl behielt, jeweils mit der Wahrscheinlichkeit ihres letzten Wortes, verbunden mit dem Anfang, den sie fortsetzen. Orange: der Satz der Strahlsuche; blau gestrichelt: der der gierigen Dekodierung.</translation>
    </message>
    <message>
        <source>Beam width:</source>
        <translation>Strahlbreite:</translation>
    </message>
    <message>
        <source>How many hypotheses beam search keeps at each step (1: greedy)</source>
        <translation>Wie viele Hypothesen die Strahlsuche an jedem Schritt behält (1: gierig)</translation>
    </message>
    <message>
        <source>{0}: probability {1:.3f} after the words before it; log P of the sentence so far {2:.2f}</source>
        <translation>{0}: Wahrscheinlichkeit {1:.3f} nach den Wörtern davor; log P des bisherigen Satzes {2:.2f}</translation>
    </message>
    <message>
        <source>greedy decoding writes {0} here (probability {1:.3f}), a beginning the beam did not keep</source>
        <translation>die gierige Dekodierung schreibt hier {0} (Wahrscheinlichkeit {1:.3f}), ein Anfang, den der Strahl nicht behielt</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>gierig</translation>
    </message>
    <message>
        <source>word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>continues node</source>
        <translation>setzt Knoten fort</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>log P of the path</source>
        <translation>log P des Pfades</translation>
    </message>
    <message>
        <source>The hypotheses beam search kept, step by step; the best one in bold</source>
        <translation>Die Hypothesen, die die Strahlsuche Schritt für Schritt behielt; die beste fett</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>erzwungen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Greedy:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Gierig:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>{0} at step {1}</source>
        <translation>{0} an Schritt {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if&lt;/b&gt; ({0}): {1}</source>
        <translation>&lt;b&gt;Was wäre, wenn&lt;/b&gt; ({0}): {1}</translation>
    </message>
    <message>
        <source>Beam search, width {0}: {1} (log P {2:.2f}); greedy: log P {3:.2f}</source>
        <translation>Strahlsuche, Breite {0}: {1} (log P {2:.2f}); gierig: log P {3:.2f}</translation>
    </message>
    <message>
        <source>Each row is a word the decoder wrote, each column a source word; the brighter, the more that word looked at it (α, each row sums to 1). Drag the slider to replay how the alignment formed.</source>
        <translation>Zeilen: geschriebene Wörter, Spalten: Quellwörter; je heller, desto mehr blickte das Wort dorthin (α, Zeilensumme 1). Der Regler zeigt, wie die Zuordnung entstand.</translation>
    </message>
    <message>
        <source>Training step:</source>
        <translation>Trainingsschritt:</translation>
    </message>
    <message>
        <source>Replay the alignment as it formed; right end: live</source>
        <translation>Die Zuordnung abspielen, wie sie entstand; rechtes Ende: live</translation>
    </message>
    <message>
        <source>Attention α of the watched sample</source>
        <translation>Attention α des beobachteten Beispiels</translation>
    </message>
    <message>
        <source>source word</source>
        <translation>Quellwort</translation>
    </message>
    <message>
        <source>word written</source>
        <translation>geschriebenes Wort</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>Schritt {0}</translation>
    </message>
    <message>
        <source>α of the watched sample</source>
        <translation>α des beobachteten Beispiels</translation>
    </message>
    <message>
        <source>Brightness: α from 0 (dark) to 1 (bright)</source>
        <translation>Helligkeit: α von 0 (dunkel) bis 1 (hell)</translation>
    </message>
    <message>
        <source>How many sentences of each length the network writes exactly right: without attention, the long ones fail first.</source>
        <translation>Wie viele Sätze jeder Länge das Netz genau richtig schreibt: Ohne Aufmerksamkeit scheitern zuerst die langen.</translation>
    </message>
    <message>
        <source>Sentence accuracy by source length</source>
        <translation>Satzgenauigkeit nach Quelllänge</translation>
    </message>
    <message>
        <source>source words</source>
        <translation>Quellwörter</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Sentence accuracy by source length (step {0})</source>
        <translation>Satzgenauigkeit nach Quelllänge (Schritt {0})</translation>
    </message>
    <message>
        <source>Accuracy by length (step {0})</source>
        <translation>Nach Länge (Schritt {0})</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings (a sequence-to-sequence task such as Translation) to see where each word it writes looks.</source>
        <translation>Dieses Netz hat keine Attention: Sein Decoder sieht nur den letzten Zustand des Encoders. Attention in den Einstellungen setzen (bei einer Sequenz-zu-Sequenz-Aufgabe wie Translation), um zu sehen, wohin jedes geschriebene Wort blickt.</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings to see where each word it writes looks.</source>
        <translation>Dieses Netz hat keine Attention: Sein Decoder sieht nur den letzten Zustand des Encoders. Attention in den Einstellungen setzen, um zu sehen, wohin jedes geschriebene Wort blickt.</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Beam</source>
        <translation>Strahl</translation>
    </message>
    <message>
        <source>By length</source>
        <translation>Nach Länge</translation>
    </message>
    <message>
        <source>α = {0:.3f}: how much decoder step {1} looks at source step {2}</source>
        <translation>α = {0:.3f}: wie stark Decoderschritt {1} auf Quellschritt {2} blickt</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>Vorwärtsdurchlauf</translation>
    </message>
    <message>
        <source>Backward pass (BPTT)</source>
        <translation>Rückwärtsdurchlauf (BPTT)</translation>
    </message>
    <message>
        <source>Forward, then backward</source>
        <translation>Vorwärts, dann rückwärts</translation>
    </message>
    <message>
        <source>GIF animation (*.gif);;Animated PNG (*.png);;PDF, one page per step (*.pdf)</source>
        <translation>GIF-Animation (*.gif);;Animiertes PNG (*.png);;PDF, eine Seite pro Schritt (*.pdf)</translation>
    </message>
    <message>
        <source>cannot write {name}: an animation is a .gif, an animated .png or a .pdf file</source>
        <translation>{name} kann nicht geschrieben werden: Eine Animation ist eine .gif-, eine animierte .png- oder eine .pdf-Datei</translation>
    </message>
    <message>
        <source>RNN Sandbox step-through</source>
        <translation>RNN Sandbox – schrittweiser Durchgang</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>Which walk of the step-through to record, one frame a step</source>
        <translation>Welcher Durchgang aufgezeichnet wird, ein Bild pro Schritt</translation>
    </message>
    <message>
        <source>Walk:</source>
        <translation>Durchgang:</translation>
    </message>
    <message>
        <source>The picture&apos;s size in pixels (a PDF page of that shape)</source>
        <translation>Die Bildgröße in Pixeln (eine PDF-Seite dieser Form)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source> s per step</source>
        <translation> s pro Schritt</translation>
    </message>
    <message>
        <source>How long each step stays on screen (GIF and APNG)</source>
        <translation>Wie lange jeder Schritt zu sehen ist (GIF und APNG)</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Finished: {epochs} ({steps}). Play trains on.</source>
        <translation>Fertig: {epochs} ({steps}). Start trainiert weiter.</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation><numerusform>%n Epoche</numerusform><numerusform>%n Epochen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation><numerusform>%n Schritt</numerusform><numerusform>%n Schritte</numerusform></translation>
    </message>
    <message>
        <source>Replace the trained model?</source>
        <translation>Das trainierte Modell ersetzen?</translation>
    </message>
    <message numerus="yes">
        <source>“{description}” builds a new network with fresh weights; the model trained for %n step(s) is replaced and kept in the Runs panel (Undo brings it back).</source>
        <translation><numerusform>„{description}“ baut ein neues Netz mit frischen Gewichten; das %n Schritt lang trainierte Modell wird ersetzt und im Bereich Läufe aufbewahrt (Rückgängig holt es zurück).</numerusform><numerusform>„{description}“ baut ein neues Netz mit frischen Gewichten; das %n Schritte lang trainierte Modell wird ersetzt und im Bereich Läufe aufbewahrt (Rückgängig holt es zurück).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Training on past the %n epoch(s) set (raise Epochs to plan a longer run).</source>
        <translation><numerusform>Training geht über die eingestellte %n Epoche hinaus weiter (für einen längeren Lauf die Epochen erhöhen).</numerusform><numerusform>Training geht über die eingestellten %n Epochen hinaus weiter (für einen längeren Lauf die Epochen erhöhen).</numerusform></translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>Training divergiert</translation>
    </message>
    <message>
        <source>Training was paused: {reason}

The weights of the last good step were kept, so you can change a setting and continue.</source>
        <translation>Das Training wurde angehalten: {reason}

Die Gewichte des letzten guten Schritts wurden behalten; Sie können eine Einstellung ändern und weitermachen.</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Training beendet</translation>
    </message>
    <message>
        <source>{what} A new one continues from step {step}, where training last paused or was saved; the steps trained since then are lost.</source>
        <translation>{what} Ein neuer macht ab Schritt {step} weiter, wo das Training zuletzt angehalten oder gespeichert wurde; die seitdem trainierten Schritte sind verloren.</translation>
    </message>
    <message>
        <source>pre-activation</source>
        <translation>Voraktivierung</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>new state</source>
        <translation>neuer Zustand</translation>
    </message>
    <message>
        <source>W (head)</source>
        <translation>W (Ausgabeschicht)</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>nächster Schritt</translation>
    </message>
    <message>
        <source>W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]</source>
        <translation>W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]</translation>
    </message>
    <message>
        <source>layer above</source>
        <translation>Schicht darüber</translation>
    </message>
    <message>
        <source>from the decoder / other paths (engine)</source>
        <translation>vom Decoder / anderen Pfaden (Engine)</translation>
    </message>
    <message>
        <source>this step&apos;s share of the gradients{value}</source>
        <translation>Anteil dieses Schritts an den Gradienten{value}</translation>
    </message>
    <message>
        <source>dL/da (hidden side)</source>
        <translation>dL/da (verborgene Seite)</translation>
    </message>
    <message>
        <source>dL/dh_t: everything that reads h_t</source>
        <translation>dL/dh_t: alles, was h_t liest</translation>
    </message>
    <message>
        <source>Truncated BPTT (every {truncation} steps): step {value} passes nothing back to step {value2}, so only what reads h_t at this step counts.</source>
        <translation>Abgeschnittene BPTT (alle {truncation} Schritte): Schritt {value} gibt nichts an Schritt {value2} zurück, also zählt nur, was h_t in diesem Schritt liest.</translation>
    </message>
    <message>
        <source>Σ_j W_ih(above)[j,i]·dL/dpre(above)_{t,j}</source>
        <translation>Σ_j W_ih(darüber)[j,i]·dL/dpre(darüber)_{t,j}</translation>
    </message>
    <message>
        <source>dL/dc_t: through h_t and along the cell state</source>
        <translation>dL/dc_t: über h_t und entlang des Zellzustands</translation>
    </message>
    <message>
        <source>dL/d(gate pre-activations)</source>
        <translation>dL/d(Voraktivierungen der Gates)</translation>
    </message>
    <message>
        <source>(from the forward step)</source>
        <translation>(aus dem Vorwärtsschritt)</translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation>Reset-Gate</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>Update-Gate</translation>
    </message>
    <message>
        <source>read-out</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>the loss&apos;s own derivative</source>
        <translation>die Ableitung des Verlusts selbst</translation>
    </message>
    <message>
        <source>Mean squared error: L = (1/N)·Σ (y − target)² over the real steps and outputs, N = {N:g}; so dL/dy = 2·(y − target)/N.</source>
        <translation>Mittlerer quadratischer Fehler: L = (1/N)·Σ (y − Ziel)² über die echten Schritte und Ausgaben, N = {N:g}; also dL/dy = 2·(y − Ziel)/N.</translation>
    </message>
    <message>
        <source>2·(y − target)/N</source>
        <translation>2·(y − Ziel)/N</translation>
    </message>
    <message>
        <source>y = {fmt}, target = {fmt2}, N = {N:g}</source>
        <translation>y = {fmt}, Ziel = {fmt2}, N = {N:g}</translation>
    </message>
    <message>
        <source>Softmax cross-entropy: L = −(1/N)·Σ log p[label] over the real steps, N = {N:g}; so dL/dy[c] = (p[c] − [c = label])/N.</source>
        <translation>Softmax-Kreuzentropie: L = −(1/N)·Σ log p[Label] über die echten Schritte, N = {N:g}; also dL/dy[c] = (p[c] − [c = Label])/N.</translation>
    </message>
    <message>
        <source>(p[{o}] − [{o} = label {label}])/N</source>
        <translation>(p[{o}] − [{o} = Label {label}])/N</translation>
    </message>
    <message>
        <source>CTC: dL/dy sums over every alignment of the target; the value is the engine&apos;s (no short formula).</source>
        <translation>CTC: dL/dy summiert über jede Ausrichtung des Ziels; der Wert stammt aus der Engine (keine kurze Formel).</translation>
    </message>
    <message>
        <source>CTC (engine)</source>
        <translation>CTC (Engine)</translation>
    </message>
    <message>
        <source>this step&apos;s share of the head&apos;s gradients</source>
        <translation>Anteil dieses Schritts an den Gradienten der Ausgabeschicht</translation>
    </message>
    <message>
        <source>output {unit}, step t = {value}</source>
        <translation>Ausgabe {unit}, Schritt t = {value}</translation>
    </message>
    <message>
        <source>{title}, unit {unit}, step t = {value}</source>
        <translation>{title}, Einheit {unit}, Schritt t = {value}</translation>
    </message>
    <message>
        <source>backward (BPTT)</source>
        <translation>rückwärts (BPTT)</translation>
    </message>
    <message>
        <source>; in yellow the column this step reads</source>
        <translation>; gelb: die Spalte, die dieser Schritt liest</translation>
    </message>
    <message>
        <source>; in yellow the row this step uses</source>
        <translation>; gelb: die Zeile, die dieser Schritt verwendet</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; &lt;small&gt;(rows × columns{what})&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; &lt;small&gt;(Zeilen × Spalten{what})&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Each result is its line&apos;s numbers worked out, to 4 significant digits: a calculator gives the same. In brackets, where it differs: the network&apos;s own value, computed with every digit.</source>
        <translation>Jedes Ergebnis ist die ausgerechnete Zeile, auf 4 signifikante Stellen: Ein Taschenrechner liefert dasselbe. In Klammern, wo es abweicht: der Wert des Netzes selbst, mit allen Stellen berechnet.</translation>
    </message>
    <message>
        <source> &lt;small&gt;(with every digit: {fmt})&lt;/small&gt;</source>
        <translation> &lt;small&gt;(mit allen Stellen: {fmt})&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Formel</translation>
    </message>
    <message>
        <source>Formula: </source>
        <translation>Formel: </translation>
    </message>
    <message>
        <source>folded, showing t={value}</source>
        <translation>gefaltet, zeigt t={value}</translation>
    </message>
    <message numerus="yes">
        <source>%n time step(s) are not drawn (same weights at every step)</source>
        <translation><numerusform>%n Zeitschritt wird nicht gezeichnet (gleiche Gewichte in jedem Schritt)</numerusform><numerusform>%n Zeitschritte werden nicht gezeichnet (gleiche Gewichte in jedem Schritt)</numerusform></translation>
    </message>
    <message>
        <source>⋯
{hidden_steps} steps</source>
        <translation>⋯
{hidden_steps} Schritte</translation>
    </message>
    <message>
        <source>how much of the candidate g enters the cell state</source>
        <translation>wie viel vom Kandidaten g in den Zellzustand eingeht</translation>
    </message>
    <message>
        <source>how much of c_(t-1) the cell keeps</source>
        <translation>wie viel von c_(t-1) die Zelle behält</translation>
    </message>
    <message>
        <source>the candidate value written into the cell state</source>
        <translation>der Kandidatenwert, der in den Zellzustand geschrieben wird</translation>
    </message>
    <message>
        <source>how much of tanh(c_t) the neuron shows as h_t</source>
        <translation>wie viel von tanh(c_t) das Neuron als h_t zeigt</translation>
    </message>
    <message>
        <source>how much of the old state the candidate n sees</source>
        <translation>wie viel vom alten Zustand der Kandidat n sieht</translation>
    </message>
    <message>
        <source>how much of h_(t-1) is kept (1 - z of the candidate n is taken)</source>
        <translation>wie viel von h_(t-1) behalten wird (vom Kandidaten n wird 1 - z übernommen)</translation>
    </message>
    <message>
        <source>the candidate state</source>
        <translation>der Kandidatenzustand</translation>
    </message>
    <message>
        <source>{title}, t={t}: |dL/dh_t| = {norm:.3g} ({share:.0f}% of the largest step)</source>
        <translation>{title}, t={t}: |dL/dh_t| = {norm:.3g} ({share:.0f} % des größten Schritts)</translation>
    </message>
    <message>
        <source>input {value}, averaged over the steps</source>
        <translation>Eingabe {value}, über die Schritte gemittelt</translation>
    </message>
    <message>
        <source>{title}, neuron {value}</source>
        <translation>{title}, Neuron {value}</translation>
    </message>
    <message>
        <source>output 1 (blank)</source>
        <translation>Ausgabe 1 (Blank)</translation>
    </message>
    <message>
        <source>output {value}</source>
        <translation>Ausgabe {value}</translation>
    </message>
    <message>
        <source>input {value}</source>
        <translation>Eingabe {value}</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>noch nicht berechnet</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>noch kein Wert</translation>
    </message>
    <message>
        <source>{title}, neuron {value}, t={value2}</source>
        <translation>{title}, Neuron {value}, t={value2}</translation>
    </message>
    <message>
        <source>cell state c_t of {where}</source>
        <translation>Zellzustand c_t von {where}</translation>
    </message>
    <message>
        <source>the LSTM&apos;s memory: c_t = f * c_(t-1) + i * g</source>
        <translation>das Gedächtnis des LSTM: c_t = f * c_(t-1) + i * g</translation>
    </message>
    <message>
        <source>dL/dc_t = {} (the gradient&apos;s highway through f)</source>
        <translation>dL/dc_t = {} (die Schnellstraße des Gradienten über f)</translation>
    </message>
    <message>
        <source>gate {name} of {where}</source>
        <translation>Gate {name} von {where}</translation>
    </message>
    <message>
        <source>dL/d(pre-activation of {letter}) = {fmt}</source>
        <translation>dL/d(Voraktivierung von {letter}) = {fmt}</translation>
    </message>
    <message>
        <source>its activation was {fmt}</source>
        <translation>seine Aktivierung war {fmt}</translation>
    </message>
    <message>
        <source>fed back: the previous step&apos;s output (the target in training)</source>
        <translation>zurückgeführt: die Ausgabe des vorigen Schritts (im Training das Ziel)</translation>
    </message>
    <message>
        <source>start of decoding: a zero vector</source>
        <translation>Beginn des Decodierens: ein Nullvektor</translation>
    </message>
    <message>
        <source>no input at this step (zero vector)</source>
        <translation>keine Eingabe in diesem Schritt (Nullvektor)</translation>
    </message>
    <message>
        <source>value = {}</source>
        <translation>Wert = {}</translation>
    </message>
    <message>
        <source>probability = {value:.3f}</source>
        <translation>Wahrscheinlichkeit = {value:.3f}</translation>
    </message>
    <message>
        <source>no activation yet</source>
        <translation>noch keine Aktivierung</translation>
    </message>
    <message>
        <source>gate {name:9s} = {fmt}</source>
        <translation>Gate {name:9s} = {fmt}</translation>
    </message>
    <message>
        <source>cell state c_t  = {fmt}</source>
        <translation>Zellzustand c_t = {fmt}</translation>
    </message>
    <message>
        <source>pre-activation = {fmt}</source>
        <translation>Voraktivierung = {fmt}</translation>
    </message>
    <message>
        <source>dL/dc_t   = {fmt}  (cell state)</source>
        <translation>dL/dc_t   = {fmt}  (Zellzustand)</translation>
    </message>
    <message>
        <source>|dL/dh_t| of the layer = {norm:.3g}</source>
        <translation>|dL/dh_t| der Schicht = {norm:.3g}</translation>
    </message>
    <message>
        <source>weight = {fmt}</source>
        <translation>Gewicht = {fmt}</translation>
    </message>
    <message>
        <source>gradient (last batch) = {fmt}</source>
        <translation>Gradient (letzter Batch) = {fmt}</translation>
    </message>
    <message>
        <source>gradient share of step t={value} (this sample) = {fmt}</source>
        <translation>Gradientenanteil von Schritt t={value} (dieses Beispiel) = {fmt}</translation>
    </message>
    <message>
        <source>gradient over all steps (this sample) = {fmt}</source>
        <translation>Gradient über alle Schritte (dieses Beispiel) = {fmt}</translation>
    </message>
    <message>
        <source>{param}: {value}×{value2} weights</source>
        <translation>{param}: {value}×{value2} Gewichte</translation>
    </message>
    <message>
        <source>mean = {fmt}, rms = {float:.4g}, largest |w| = {float2:.4g}</source>
        <translation>Mittelwert = {fmt}, RMS = {float:.4g}, größtes |w| = {float2:.4g}</translation>
    </message>
    <message>
        <source>  gate {name}: rms {float:.4g}</source>
        <translation>  Gate {name}: RMS {float:.4g}</translation>
    </message>
    <message>
        <source>gradient norm (last batch) = {float:.4g}</source>
        <translation>Gradientennorm (letzter Batch) = {float:.4g}</translation>
    </message>
    <message>
        <source>gradient share of step t={value}: norm {float:.4g}</source>
        <translation>Gradientenanteil von Schritt t={value}: Norm {float:.4g}</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>Zeitschritt</translation>
    </message>
    <message>
        <source>, cell state c_t</source>
        <translation>, Zellzustand c_t</translation>
    </message>
    <message>
        <source>, gate {name}</source>
        <translation>, Gate {name}</translation>
    </message>
    <message>
        <source>{name}[{j}]: {len} weights, mean {mean:+.3f}, largest {value:+.3f}</source>
        <translation>{name}[{j}]: {len} Gewichte, Mittelwert {mean:+.3f}, größtes {value:+.3f}</translation>
    </message>
    <message>
        <source>Inputs have no incoming weights; their values come from the task.</source>
        <translation>Eingaben haben keine eingehenden Gewichte; ihre Werte kommen aus der Aufgabe.</translation>
    </message>
    <message>
        <source>{upper} cell: {len} gates, each with its own weights</source>
        <translation>{upper}-Zelle: {len} Gates, jedes mit eigenen Gewichten</translation>
    </message>
    <message>
        <source>bias b_ih + b_hh: {bias:+.3f}   ({nonlinearity})</source>
        <translation>Bias b_ih + b_hh: {bias:+.3f}   ({nonlinearity})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>dense: all steps at once (averaged)</source>
        <translation>dicht: alle Schritte auf einmal (gemittelt)</translation>
    </message>
    <message>
        <source>dense: all steps at once</source>
        <translation>dicht: alle Schritte auf einmal</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>Ausgabe y</translation>
    </message>
    <message>
        <source>dense layer
{H} neurons
(no recurrence)</source>
        <translation>dichte Schicht
{H} Neuronen
(keine Rekurrenz)</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>Eingabe x</translation>
    </message>
    <message>
        <source>step {n} enters the average of all steps: their order is lost</source>
        <translation>Schritt {n} geht in den Mittelwert aller Schritte ein: ihre Reihenfolge geht verloren</translation>
    </message>
    <message>
        <source>Add a hidden neuron</source>
        <translation>Ein verborgenes Neuron hinzufügen</translation>
    </message>
    <message>
        <source>Remove a hidden neuron</source>
        <translation>Ein verborgenes Neuron entfernen</translation>
    </message>
    <message>
        <source>folded: any t</source>
        <translation>gefaltet: beliebiges t</translation>
    </message>
    <message>
        <source>backward direction: the state of step {value} enters step {t}</source>
        <translation>Rückwärtsrichtung: der Zustand von Schritt {value} geht in Schritt {t} ein</translation>
    </message>
    <message>
        <source>forward direction: the state of step {t} enters step {value}</source>
        <translation>Vorwärtsrichtung: der Zustand von Schritt {t} geht in Schritt {value} ein</translation>
    </message>
    <message>
        <source>Truncated BPTT (every {k} steps): no gradient flows back from step {a} to step {b} of this layer</source>
        <translation>Abgeschnittene BPTT (alle {k} Schritte): kein Gradient fließt von Schritt {a} zu Schritt {b} dieser Schicht zurück</translation>
    </message>
    <message>
        <source>the output is fed back as the next step&apos;s input (the target under teacher forcing)</source>
        <translation>die Ausgabe wird als Eingabe des nächsten Schritts zurückgeführt (beim Teacher Forcing das Ziel)</translation>
    </message>
    <message>
        <source>the encoder&apos;s final state of layer {value} starts the decoder&apos;s layer {value}</source>
        <translation>der Endzustand von Schicht {value} des Encoders startet Schicht {value} des Decoders</translation>
    </message>
    <message>
        <source> (the two directions are added)</source>
        <translation> (die beiden Richtungen werden addiert)</translation>
    </message>
    <message>
        <source>the backward direction&apos;s final state (at the first step) is added to the forward one for decoder layer {value}</source>
        <translation>der Endzustand der Rückwärtsrichtung (im ersten Schritt) wird für Decoder-Schicht {value} zu dem der Vorwärtsrichtung addiert</translation>
    </message>
    <message>
        <source>input x
(decoder: previous y)</source>
        <translation>Eingabe x
(Decoder: voriges y)</translation>
    </message>
    <message>
        <source>blank</source>
        <comment>CTC: the output that writes nothing</comment>
        <translation>Blank</translation>
    </message>
    <message numerus="yes">
        <source>%n LSTM cell(s)</source>
        <translation><numerusform>%n LSTM-Zelle</numerusform><numerusform>%n LSTM-Zellen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n GRU unit(s)</source>
        <translation><numerusform>%n GRU-Einheit</numerusform><numerusform>%n GRU-Einheiten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n neuron(s)</source>
        <translation><numerusform>%n Neuron</numerusform><numerusform>%n Neuronen</numerusform></translation>
    </message>
    <message>
        <source> (every layer has the same size)</source>
        <translation> (jede Schicht hat dieselbe Größe)</translation>
    </message>
    <message>
        <source> Click an LSTM neuron to open it: gates i f g o below, the cell state c beside.</source>
        <translation> Ein Klick öffnet ein LSTM-Neuron: darunter die Gates i f g o, daneben der Zellzustand c.</translation>
    </message>
    <message>
        <source> Click a GRU neuron to open it: its gates r z n below.</source>
        <translation> Ein Klick öffnet ein GRU-Neuron: darunter seine Gates r z n.</translation>
    </message>
    <message>
        <source>Blue positive, orange negative; thicker lines are larger weights. Hover a line for its weight and gradient, click a neuron for its history.</source>
        <translation>Blau positiv, orange negativ; dickere Linien sind größere Gewichte. Über einer Linie verweilen zeigt Gewicht und Gradient, ein Klick auf ein Neuron seinen Verlauf.</translation>
    </message>
    <message>
        <source>each neuron computes h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); grey is not computed yet. Hover a neuron for its numbers.</source>
        <translation>jedes Neuron berechnet h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); grau ist noch nicht berechnet. Über einem Neuron verweilen zeigt seine Zahlen.</translation>
    </message>
    <message>
        <source>neurons show dL/dh_t, lines each weight&apos;s share of the gradient at this step; fading far from the loss means vanishing gradients.</source>
        <translation>Neuronen zeigen dL/dh_t, Linien den Anteil jedes Gewichts am Gradienten in diesem Schritt; Verblassen fern vom Verlust bedeutet verschwindende Gradienten.</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− Schicht</translation>
    </message>
    <message>
        <source>Remove the top layer</source>
        <translation>Die oberste Schicht entfernen</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ Schicht</translation>
    </message>
    <message>
        <source>Add a layer on top (at most {value})</source>
        <translation>Oben eine Schicht hinzufügen (höchstens {value})</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>Bidirektional</translation>
    </message>
    <message>
        <source>Switch between a simple (left to right) and a bidirectional network</source>
        <translation>Zwischen einem einfachen (von links nach rechts) und einem bidirektionalen Netz wechseln</translation>
    </message>
    <message>
        <source>Folded</source>
        <translation>Gefaltet</translation>
    </message>
    <message>
        <source>Show the compact loop diagram instead of one column per time step</source>
        <translation>Das kompakte Schleifendiagramm statt einer Spalte pro Zeitschritt zeigen</translation>
    </message>
    <message>
        <source>Steps shown:</source>
        <translation>Gezeigte Schritte:</translation>
    </message>
    <message>
        <source>How many time steps to draw; longer sequences show the first and last steps around an ellipsis</source>
        <translation>Wie viele Zeitschritte gezeichnet werden; längere Sequenzen zeigen die ersten und letzten Schritte um eine Auslassung</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole diagram in the view (its text may get smaller than at 100 %; the wheel zooms)</source>
        <translation>Das ganze Diagramm in der Ansicht zeigen (die Schrift kann kleiner als bei 100 % werden; das Mausrad zoomt)</translation>
    </message>
    <message>
        <source>RNN Sandbox network diagram</source>
        <translation>RNN Sandbox – Netzdiagramm</translation>
    </message>
    <message>
        <source>could not write the image {path}</source>
        <translation>das Bild {path} konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>No weights to show: {e}</source>
        <translation>Keine Gewichte anzuzeigen: {e}</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>Nicht möglich: {reason}</translation>
    </message>
    <message>
        <source>Add hidden neuron to</source>
        <translation>Verborgenes Neuron hinzufügen zu</translation>
    </message>
    <message>
        <source>Remove hidden neuron from</source>
        <translation>Verborgenes Neuron entfernen aus</translation>
    </message>
    <message>
        <source>{verb} layer {value} (all layers {old} → {value2})</source>
        <translation>{verb} Schicht {value} (alle Schichten {old} → {value2})</translation>
    </message>
    <message>
        <source>Add layer {k}</source>
        <translation>Schicht {k} hinzufügen</translation>
    </message>
    <message>
        <source>Remove layer {value}</source>
        <translation>Schicht {value} entfernen</translation>
    </message>
    <message>
        <source>Make the network bidirectional</source>
        <translation>Das Netz bidirektional machen</translation>
    </message>
    <message>
        <source>Make the network simple (one direction)</source>
        <translation>Das Netz einfach machen (eine Richtung)</translation>
    </message>
    <message>
        <source>The dense baseline has no time steps to walk through: it reads the whole sequence at once.</source>
        <translation>Die dichte Baseline hat keine Zeitschritte zum Durchgehen: Sie liest die ganze Sequenz auf einmal.</translation>
    </message>
    <message>
        <source>The step-through needs a sample: choose a task first.</source>
        <translation>Der schrittweise Durchgang braucht ein Beispiel: Wählen Sie zuerst eine Aufgabe.</translation>
    </message>
    <message>
        <source>The step-through cannot run this sample: {e}</source>
        <translation>Der schrittweise Durchgang kann dieses Beispiel nicht ausführen: {e}</translation>
    </message>
    <message>
        <source>each {cell} cell sets its gates from x_t and h_(t-1), then its new state; click a neuron to show its gates, hover for their values.</source>
        <translation>jede {cell}-Zelle setzt ihre Gates aus x_t und h_(t-1), dann ihren neuen Zustand; ein Klick auf ein Neuron zeigt seine Gates, Verweilen ihre Werte.</translation>
    </message>
    <message>
        <source>each {cell} cell sets its gates from x_t alone, then its new state from them and h_(t-1); click a neuron to show its gates, hover for their values.</source>
        <translation>jede {cell}-Zelle setzt ihre Gates allein aus x_t, dann aus ihnen und h_(t-1) ihren neuen Zustand; ein Klick auf ein Neuron zeigt seine Gates, Verweilen ihre Werte.</translation>
    </message>
    <message>
        <source>Forward {where}t={value}: </source>
        <translation>Vorwärts {where}t={value}: </translation>
    </message>
    <message>
        <source>neurons show dL/dh_t, gates dL/d(pre-activation)</source>
        <translation>Neuronen zeigen dL/dh_t, Gates dL/d(Voraktivierung)</translation>
    </message>
    <message>
        <source>, the square beside an LSTM neuron dL/dc_t</source>
        <translation>, das Quadrat neben einem LSTM-Neuron dL/dc_t</translation>
    </message>
    <message>
        <source>; ribbons each step&apos;s share of the gate weights&apos; gradient.</source>
        <translation>; Bänder den Anteil jedes Schritts am Gradienten der Gate-Gewichte.</translation>
    </message>
    <message>
        <source> Truncated BPTT cuts every {k} steps: nothing flows back across a cut</source>
        <translation> Abgeschnittene BPTT schneidet alle {k} Schritte: nichts fließt über einen Schnitt zurück</translation>
    </message>
    <message>
        <source>, and no gradient reaches a step before t={value}.</source>
        <translation>, und kein Gradient erreicht einen Schritt vor t={value}.</translation>
    </message>
    <message>
        <source>Backward {where}t={value}: |dL/dh| </source>
        <translation>Rückwärts {where}t={value}: |dL/dh| </translation>
    </message>
    <message>
        <source>About the task: {title}</source>
        <translation>Über die Aufgabe: {title}</translation>
    </message>
    <message>
        <source># {title}

{summary}</source>
        <translation># {title}

{summary}</translation>
    </message>
    <message>
        <source>Repeat with N seeds</source>
        <translation>Mit N Seeds wiederholen</translation>
    </message>
    <message>
        <source>Train the current settings with this many seeds, side by side in worker processes;
their mean and spread show which differences between runs are real.

Seeds:</source>
        <translation>Die aktuellen Einstellungen mit so vielen Seeds trainieren, nebeneinander in eigenen Prozessen;
ihr Mittelwert und ihre Streuung zeigen, welche Unterschiede zwischen Läufen echt sind.

Seeds:</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Build a recurrent network neuron by neuron, train it live and watch its loss, hidden states and the gradient flowing back through time.&lt;/p&gt;&lt;p&gt;The engine is plain NumPy with backpropagation through time written out by hand; trained weights load into &lt;code&gt;torch.nn.RNN&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Ein rekurrentes Netz Neuron für Neuron bauen, live trainieren und dabei Verlust, verborgene Zustände und den durch die Zeit zurückfließenden Gradienten beobachten.&lt;/p&gt;&lt;p&gt;Die Engine ist reines NumPy, die Backpropagation durch die Zeit von Hand ausgeschrieben; trainierte Gewichte lassen sich in &lt;code&gt;torch.nn.RNN&lt;/code&gt; laden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungesicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The current experiment has changes that were not saved.</source>
        <translation>Das aktuelle Experiment hat ungesicherte Änderungen.</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Die Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Autosave failed: {e}</source>
        <translation>Automatisches Speichern fehlgeschlagen: {e}</translation>
    </message>
    <message>
        <source>Restore the last session?</source>
        <translation>Die letzte Sitzung wiederherstellen?</translation>
    </message>
    <message>
        <source>The program ended before the last experiment was saved. Restore it from the automatic copy made during training?</source>
        <translation>Das Programm wurde beendet, bevor das letzte Experiment gespeichert war. Aus der automatischen Kopie vom Training wiederherstellen?</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>{reason}

The automatic copy is kept as {kept}.</source>
        <translation>{reason}

Die automatische Kopie bleibt als {kept} erhalten.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details zeigen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Copy the technical details to the clipboard, e.g. for a bug report</source>
        <translation>Die technischen Details in die Zwischenablage kopieren, z. B. für einen Fehlerbericht</translation>
    </message>
    <message>
        <source> (in the {thread} thread)</source>
        <translation> (im Thread {thread})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;{where}&lt;br&gt;{escape}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;{where}&lt;br&gt;{escape}</translation>
    </message>
    <message>
        <source>The program keeps running; what you were doing may not have finished. Saving your work now is a good idea.</source>
        <translation>Das Programm läuft weiter; was Sie gerade getan haben, ist vielleicht nicht fertig geworden. Jetzt zu speichern ist eine gute Idee.</translation>
    </message>
    <message>
        <source>&lt;br&gt;The details are also in &lt;code&gt;{escape}&lt;/code&gt;.</source>
        <translation>&lt;br&gt;Die Details stehen auch in &lt;code&gt;{escape}&lt;/code&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) since this box opened; the newest is shown.</source>
        <translation><numerusform>%n Fehler, seit dieses Fenster offen ist; der neueste wird gezeigt.</numerusform><numerusform>%n Fehler, seit dieses Fenster offen ist; der neueste wird gezeigt.</numerusform></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details verbergen</translation>
    </message>
    <message>
        <source>Unexpected error: {name}</source>
        <translation>Unerwarteter Fehler: {name}</translation>
    </message>
    <message>
        <source> [thread {thread}]</source>
        <translation> [Thread {thread}]</translation>
    </message>
    <message>
        <source>on or off</source>
        <translation>an oder aus</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>beliebige Zahl</translation>
    </message>
    <message>
        <source>above {low}</source>
        <translation>über {low}</translation>
    </message>
    <message>
        <source>{low} or more</source>
        <translation>{low} oder mehr</translation>
    </message>
    <message>
        <source>below {high}</source>
        <translation>unter {high}</translation>
    </message>
    <message>
        <source>up to {high}</source>
        <translation>bis {high}</translation>
    </message>
    <message>
        <source>above {low}, {top}</source>
        <translation>über {low}, {top}</translation>
    </message>
    <message>
        <source>from {low}, {top}</source>
        <translation>ab {low}, {top}</translation>
    </message>
    <message>
        <source>{range} {unit}</source>
        <translation>{range} {unit}</translation>
    </message>
    <message>
        <source>{help}; {range}</source>
        <translation>{help}; {range}</translation>
    </message>
    <message>
        <source>{help}; can be changed while training and takes effect at the next step</source>
        <translation>{help}; lässt sich während des Trainings ändern und wirkt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <source>{value:.2g} {unit}</source>
        <translation>{value:.2g} {unit}</translation>
    </message>
    <message>
        <source>{value:,.0f} {unit}</source>
        <translation>{value:,.0f} {unit}</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation><numerusform>%n Byte</numerusform><numerusform>%n Byte</numerusform></translation>
    </message>
    <message>
        <source>{rule}: {metric}</source>
        <translation>{rule}: {metric}</translation>
    </message>
    <message>
        <source>{metric} {value:.3g}</source>
        <translation>{metric} {value:.3g}</translation>
    </message>
    <message>
        <source>{metric} {value:.3g} (baseline {baseline:.3g})</source>
        <translation>{metric} {value:.3g} (Baseline {baseline:.3g})</translation>
    </message>
    <message>
        <source>val {metric} {value:.3g} (higher is better)</source>
        <translation>Val.-{metric} {value:.3g} (höher ist besser)</translation>
    </message>
    <message>
        <source>val {metric} {value:.3g} (lower is better)</source>
        <translation>Val.-{metric} {value:.3g} (niedriger ist besser)</translation>
    </message>
    <message>
        <source>as good as the baseline</source>
        <translation>so gut wie die Baseline</translation>
    </message>
    <message>
        <source>better by {d:.3g}</source>
        <translation>um {d:.3g} besser</translation>
    </message>
    <message>
        <source>worse by {d:.3g}</source>
        <translation>um {d:.3g} schlechter</translation>
    </message>
    <message>
        <source>{line} · baseline &quot;{rule}&quot; {value:.3g} · {versus}</source>
        <translation>{line} · Baseline „{rule}“ {value:.3g} · {versus}</translation>
    </message>
    <message>
        <source>epoch {current} (past the {planned} set)</source>
        <translation>Epoche {current} (über die eingestellten {planned} hinaus)</translation>
    </message>
    <message>
        <source>epoch {current} of {planned}</source>
        <translation>Epoche {current} von {planned}</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>Persistenz</translation>
    </message>
    <message>
        <source>same as yesterday</source>
        <translation>wie gestern</translation>
    </message>
    <message>
        <source>How much of the loss&apos;s gradient reaches each time step. Falling to the left: vanishing (early inputs barely learn); rising: exploding (clip or lower the rate). An LSTM&apos;s cell state (dashed) carries it back as far as the forget gates stay open.</source>
        <translation>Wie viel vom Gradienten des Verlusts jeden Zeitschritt erreicht. Nach links fallend: verschwindend (frühe Eingaben lernen kaum); steigend: explodierend (clippen oder die Lernrate senken). Der Zellzustand eines LSTM (gestrichelt) trägt ihn so weit zurück, wie die Forget-Gates offen bleiben.</translation>
    </message>
    <message>
        <source>Heatmap layer:</source>
        <translation>Heatmap-Schicht:</translation>
    </message>
    <message>
        <source>∂h_T/∂h_t as kept fractions</source>
        <translation>∂h_T/∂h_t als behaltene Anteile</translation>
    </message>
    <message>
        <source>Instead of the gradient, draw how much of h_t reaches the last state h_T: the product of the kept fractions of the steps in between, (1 − z) for minGRU and f/(f+i) for minLSTM, averaged over the units, for the watched sample. Only for these cells: their gates read only x_t, so nothing else carries h_t forward.</source>
        <translation>Statt des Gradienten zeigen, wie viel von h_t den letzten Zustand h_T erreicht: das Produkt der behaltenen Anteile der Schritte dazwischen, (1 − z) bei minGRU und f/(f+i) bei minLSTM, gemittelt über die Neuronen, für das beobachtete Beispiel. Nur für diese Zellen: Ihre Gates lesen nur x_t, also trägt nichts anderes h_t weiter.</translation>
    </message>
    <message>
        <source>Gradient at each step |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</source>
        <translation>Gradient in jedem Schritt |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;| over training</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;| im Verlauf des Trainings</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>Gradient norm per weight</source>
        <translation>Gradientennorm pro Gewicht</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ‖∇W‖</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ‖∇W‖</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;■ {label}&lt;/span&gt;</source>
        <translation>&lt;span style='color:{colour}'&gt;■ {label}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt; = ∏ kept fractions</source>
        <translation>∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt; = ∏ behaltene Anteile</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>Per step: |dL/dh&lt;sub&gt;t&lt;/sub&gt;| ━  cell |dL/dc&lt;sub&gt;t&lt;/sub&gt;| - -</source>
        <translation>Pro Schritt: |dL/dh&lt;sub&gt;t&lt;/sub&gt;| ━  Zelle |dL/dc&lt;sub&gt;t&lt;/sub&gt;| - -</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; gradient</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; Gradient</translation>
    </message>
    <message>
        <source>{label}: cell state c</source>
        <translation>{label}: Zellzustand c</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/d{what}&lt;sub&gt;t&lt;/sub&gt;| over training</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; |dL/d{what}&lt;sub&gt;t&lt;/sub&gt;| im Verlauf des Trainings</translation>
    </message>
    <message>
        <source>|dL/dh_t| {n}</source>
        <translation>|dL/dh_t| {n}</translation>
    </message>
    <message>
        <source>|dL/dc_t| {n}</source>
        <translation>|dL/dc_t| {n}</translation>
    </message>
    <message>
        <source>Each row is one hidden neuron, each column a time step, colour its value h_t. Click a row to follow that neuron over time.</source>
        <translation>Jede Zeile ist ein verborgenes Neuron, jede Spalte ein Zeitschritt, die Farbe sein Wert h_t. Ein Klick auf eine Zeile verfolgt dieses Neuron über die Zeit.</translation>
    </message>
    <message>
        <source>Layer and direction whose states are shown</source>
        <translation>Schicht und Richtung, deren Zustände gezeigt werden</translation>
    </message>
    <message>
        <source>Validation sample:</source>
        <translation>Validierungsbeispiel:</translation>
    </message>
    <message>
        <source>Which validation sample is watched while training</source>
        <translation>Welches Validierungsbeispiel während des Trainings beobachtet wird</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Hidden state, cell state (LSTM) or one gate of the gated cell, per unit and step</source>
        <translation>Verborgener Zustand, Zellzustand (LSTM) oder ein Gate der Zelle, pro Einheit und Schritt</translation>
    </message>
    <message>
        <source>Hidden states h&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>Verborgene Zustände h&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>verborgene Einheit</translation>
    </message>
    <message>
        <source>Unit 0 over time</source>
        <translation>Einheit 0 über die Zeit</translation>
    </message>
    <message>
        <source>Gates of unit 0</source>
        <translation>Gates von Einheit 0</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>hidden state h_t</source>
        <translation>verborgener Zustand h_t</translation>
    </message>
    <message>
        <source>cell state c_t</source>
        <translation>Zellzustand c_t</translation>
    </message>
    <message>
        <source>h, c (dashed)</source>
        <translation>h, c (gestrichelt)</translation>
    </message>
    <message>
        <source>{capitalize} {letter}&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>{capitalize} {letter}&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source> (0 closed, 1 open)</source>
        <translation> (0 zu, 1 offen)</translation>
    </message>
    <message>
        <source>Cell state c&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>Zellzustand c&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>Unit {unit} over time</source>
        <translation>Einheit {unit} über die Zeit</translation>
    </message>
    <message>
        <source>Gates of unit {unit}</source>
        <translation>Gates von Einheit {unit}</translation>
    </message>
    <message>
        <source>Which steps a weight learns from: row s, column t is how much output step s&apos;s loss changes the weight where step t uses it. Fading away from the diagonal: vanishing gradients; an LSTM&apos;s cell state reaches further back.</source>
        <translation>Aus welchen Schritten ein Gewicht lernt: Zeile s, Spalte t ist, wie stark der Verlust von Ausgabeschritt s das Gewicht dort ändert, wo Schritt t es verwendet. Verblassen abseits der Diagonale: verschwindende Gradienten; der Zellzustand eines LSTM reicht weiter zurück.</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Gewicht:</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ‖contribution‖ of step t to L&lt;sub&gt;s&lt;/sub&gt;</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ‖Beitrag‖ von Schritt t zu L&lt;sub&gt;s&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>input step t (where the weight is used)</source>
        <translation>Eingabeschritt t (wo das Gewicht verwendet wird)</translation>
    </message>
    <message>
        <source>output step s</source>
        <translation>Ausgabeschritt s</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ‖contribution‖</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ‖Beitrag‖</translation>
    </message>
    <message>
        <source>The whole sequence&apos;s loss: contribution of step t</source>
        <translation>Verlust der ganzen Sequenz: Beitrag von Schritt t</translation>
    </message>
    <message>
        <source>decoder step {value}</source>
        <translation>Decoder-Schritt {value}</translation>
    </message>
    <message>
        <source>encoder step {value}</source>
        <translation>Encoder-Schritt {value}</translation>
    </message>
    <message>
        <source>the sequence&apos;s loss</source>
        <translation>der Verlust der Sequenz</translation>
    </message>
    <message>
        <source>L at output step {step}</source>
        <translation>L bei Ausgabeschritt {step}</translation>
    </message>
    <message>
        <source>{loss}, {where}: ‖contribution‖ = {value:.3g}</source>
        <translation>{loss}, {where}: ‖Beitrag‖ = {value:.3g}</translation>
    </message>
    <message>
        <source>input step t</source>
        <translation>Eingabeschritt t</translation>
    </message>
    <message>
        <source>|contribution| {value}</source>
        <translation>|Beitrag| {value}</translation>
    </message>
    <message>
        <source>Training loss of every batch and its trend; validation loss on data the network never trains on. Validation rising while training falls means memorising.</source>
        <translation>Trainingsverlust jedes Batches und sein Trend; Validierungsverlust auf Daten, auf denen das Netz nie trainiert. Steigt die Validierung, während das Training fällt, lernt das Netz auswendig.</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>Den Verlust auf einer logarithmischen Achse zeigen</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Geglättet</translation>
    </message>
    <message>
        <source>Exponential moving average of the training loss</source>
        <translation>Exponentieller gleitender Mittelwert des Trainingsverlusts</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>pro Batch</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>- - baseline</source>
        <translation>- - Baseline</translation>
    </message>
    <message>
        <source>Validation metric</source>
        <translation>Validierungsmetrik</translation>
    </message>
    <message>
        <source>Loss ({loss_name})</source>
        <translation>Verlust ({loss_name})</translation>
    </message>
    <message>
        <source>Baseline: {name} = {value:.4g}, what a trivial rule scores</source>
        <translation>Baseline: {name} = {value:.4g}, was eine triviale Regel erreicht</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot; {value:.3g}</source>
        <translation>Baseline „{rule}“ {value:.3g}</translation>
    </message>
    <message>
        <source>baseline {float:.3g}</source>
        <translation>Baseline {float:.3g}</translation>
    </message>
    <message>
        <source>What the network answers now for the watched validation sample, and the truth (the input in grey).</source>
        <translation>Was das Netz jetzt für das beobachtete Validierungsbeispiel antwortet, und die Wahrheit (die Eingabe in Grau).</translation>
    </message>
    <message>
        <source>Train a step to see what the network predicts.</source>
        <translation>Einen Schritt trainieren, um zu sehen, was das Netz vorhersagt.</translation>
    </message>
    <message>
        <source>Further measures of this task on the validation set, from the last validation</source>
        <translation>Weitere Maße dieser Aufgabe auf der Validierungsmenge, aus der letzten Validierung</translation>
    </message>
    <message>
        <source>Forecast × and truth ●</source>
        <translation>Prognose × und Wahrheit ●</translation>
    </message>
    <message>
        <source>Output × and target ●</source>
        <translation>Ausgabe × und Ziel ●</translation>
    </message>
    <message>
        <source>P(class), green: true</source>
        <translation>P(Klasse), grün: richtig</translation>
    </message>
    <message>
        <source>P(class) per step: □ true, × network</source>
        <translation>P(Klasse) pro Schritt: □ richtig, × Netz</translation>
    </message>
    <message>
        <source>P(label) per frame × best</source>
        <translation>P(Label) pro Frame × beste</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>label (0 = blank)</source>
        <translation>Label (0 = Blank)</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>(cannot show this prediction: {e})</source>
        <translation>(diese Vorhersage lässt sich nicht zeigen: {e})</translation>
    </message>
    <message>
        <source>Validation: {numbers}</source>
        <translation>Validierung: {numbers}</translation>
    </message>
    <message>
        <source>Validation (step {step}): {numbers}</source>
        <translation>Validierung (Schritt {step}): {numbers}</translation>
    </message>
    <message>
        <source>class ({shown} of {classes})</source>
        <translation>Klasse ({shown} von {classes})</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message numerus="yes">
        <source>{name}: mean ± std of %n seed(s)</source>
        <translation><numerusform>{name}: Mittelwert ± Std.-Abw. über %n Seed</numerusform><numerusform>{name}: Mittelwert ± Std.-Abw. über %n Seeds</numerusform></translation>
    </message>
    <message>
        <source>Gradient reaching each time step</source>
        <translation>Gradient, der jeden Zeitschritt erreicht</translation>
    </message>
    <message>
        <source>baseline {value:.3g}</source>
        <translation>Baseline {value:.3g}</translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation>Validierungsmetrik</translation>
    </message>
    <message>
        <source> (higher is better)</source>
        <translation> (höher ist besser)</translation>
    </message>
    <message>
        <source> (lower is better)</source>
        <translation> (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Loss ({name})</source>
        <translation>Verlust ({name})</translation>
    </message>
    <message>
        <source>loss (log)</source>
        <translation>Verlust (log)</translation>
    </message>
    <message>
        <source>Gradient per time step: none recorded</source>
        <translation>Gradient pro Zeitschritt: keiner aufgezeichnet</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>Schritt {step}</translation>
    </message>
    <message>
        <source>steps {first}–{last}</source>
        <translation>Schritte {first}–{last}</translation>
    </message>
    <message>
        <source>Gradient at {at}</source>
        <translation>Gradient bei {at}</translation>
    </message>
    <message>
        <source>Gradient reaching each time step, at {at}</source>
        <translation>Gradient, der jeden Zeitschritt erreicht, bei {at}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No runs to compare yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Train, then change a setting: each run is kept here, and the runs you show in the Runs panel are drawn on top of each other, with their settings side by side.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch keine Läufe zum Vergleichen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trainieren Sie und ändern Sie dann eine Einstellung: Jeder Lauf wird hier aufbewahrt, und die Läufe, die Sie im Bereich Läufe zeigen, werden übereinander gezeichnet, mit ihren Einstellungen nebeneinander.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A shaded band is the spread over seeds: a difference smaller than it may be luck. Tick or untick runs in the Runs panel to choose what is compared.</source>
        <translation>Ein schattiertes Band ist die Streuung über Seeds: Ein kleinerer Unterschied kann Zufall sein. Im Bereich Läufe Läufe an- oder abhaken, um zu wählen, was verglichen wird.</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>nach Schritt</translation>
    </message>
    <message>
        <source>by time (s)</source>
        <translation>nach Zeit (s)</translation>
    </message>
    <message>
        <source>Compare by training step, or by seconds spent training (a larger network may learn in fewer steps but more time)</source>
        <translation>Nach Trainingsschritt oder nach Trainingssekunden vergleichen (ein größeres Netz lernt vielleicht in weniger Schritten, aber mehr Zeit)</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>Log. Verlust</translation>
    </message>
    <message>
        <source>Gradient at</source>
        <translation>Gradient bei</translation>
    </message>
    <message>
        <source>The training step whose gradients are shown (each run&apos;s nearest recorded step at or before it)</source>
        <translation>Der Trainingsschritt, dessen Gradienten gezeigt werden (bei jedem Lauf der nächste aufgezeichnete Schritt davor oder genau dort)</translation>
    </message>
    <message>
        <source>The settings of each run; those that differ are bold on a tint</source>
        <translation>Die Einstellungen jedes Laufs; abweichende sind fett auf getöntem Grund</translation>
    </message>
    <message>
        <source>solid: training loss (its trend; faint: each batch) · dotted: validation loss · dashed: baseline</source>
        <translation>durchgezogen: Trainingsverlust (sein Trend; blass: jeder Batch) · gepunktet: Validierungsverlust · gestrichelt: Baseline</translation>
    </message>
    <message>
        <source>solid: training loss · dotted: validation loss · dashed: baseline</source>
        <translation>durchgezogen: Trainingsverlust · gepunktet: Validierungsverlust · gestrichelt: Baseline</translation>
    </message>
    <message>
        <source>final {metric}</source>
        <translation>{metric} am Ende</translation>
    </message>
    <message>
        <source>final metric</source>
        <translation>Metrik am Ende</translation>
    </message>
    <message>
        <source>steps trained</source>
        <translation>trainierte Schritte</translation>
    </message>
    <message numerus="yes">
        <source>%n other setting(s)</source>
        <translation><numerusform>%n weitere Einstellung</numerusform><numerusform>%n weitere Einstellungen</numerusform></translation>
    </message>
    <message>
        <source>equal</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>{name}: seed {seed}</source>
        <translation>{name}: Seed {seed}</translation>
    </message>
    <message>
        <source>, group {group}</source>
        <translation>, Gruppe {group}</translation>
    </message>
    <message>
        <source>differs between the runs</source>
        <translation>unterscheidet sich zwischen den Läufen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>{option} (task option)</source>
        <translation>{option} (Aufgabenoption)</translation>
    </message>
    <message>
        <source>the picture could not be encoded as PNG</source>
        <translation>das Bild ließ sich nicht als PNG kodieren</translation>
    </message>
    <message>
        <source>RNN Sandbox: comparison of runs</source>
        <translation>RNN Sandbox: Vergleich der Läufe</translation>
    </message>
    <message>
        <source>task {name}→{name2}</source>
        <translation>Aufgabe {name}→{name2}</translation>
    </message>
    <message>
        <source>{value} more</source>
        <translation>{value} weitere</translation>
    </message>
    <message>
        <source>no {setting}</source>
        <translation>ohne {setting}</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” becomes the current experiment; the model trained for %n step(s) is kept in the Runs panel (Undo brings it back).</source>
        <translation><numerusform>„{name}“ wird das aktuelle Experiment; das %n Schritt lang trainierte Modell bleibt im Bereich Läufe (Rückgängig holt es zurück).</numerusform><numerusform>„{name}“ wird das aktuelle Experiment; das %n Schritte lang trainierte Modell bleibt im Bereich Läufe (Rückgängig holt es zurück).</numerusform></translation>
    </message>
    <message>
        <source>Cannot restore the run</source>
        <translation>Der Lauf lässt sich nicht wiederherstellen</translation>
    </message>
    <message>
        <source>Restore run “{name}”</source>
        <translation>Lauf „{name}“ wiederherstellen</translation>
    </message>
    <message>
        <source>Delete run “{name}”</source>
        <translation>Lauf „{name}“ löschen</translation>
    </message>
    <message>
        <source>Delete {len} runs</source>
        <translation>{len} Läufe löschen</translation>
    </message>
    <message>
        <source>Cannot save the runs</source>
        <translation>Die Läufe lassen sich nicht speichern</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n run(s) to {file}.</source>
        <translation><numerusform>%n Lauf in {file} gespeichert.</numerusform><numerusform>%n Läufe in {file} gespeichert.</numerusform></translation>
    </message>
    <message>
        <source>Cannot open the runs</source>
        <translation>Die Läufe lassen sich nicht öffnen</translation>
    </message>
    <message numerus="yes">
        <source>Added %n run(s) from {file}.</source>
        <translation><numerusform>%n Lauf aus {file} hinzugefügt.</numerusform><numerusform>%n Läufe aus {file} hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <source>Discard the runs?</source>
        <translation>Die Läufe verwerfen?</translation>
    </message>
    <message>
        <source>The Runs panel holds 1 run that was not saved (File → Save Runs… keeps it).</source>
        <translation>Der Bereich Läufe enthält 1 ungesicherten Lauf (Datei → Läufe speichern… bewahrt ihn auf).</translation>
    </message>
    <message numerus="yes">
        <source>The Runs panel holds %n runs that were not saved (File → Save Runs… keeps them).</source>
        <translation><numerusform>Der Bereich Läufe enthält %n ungesicherten Lauf (Datei → Läufe speichern… bewahrt ihn auf).</numerusform><numerusform>Der Bereich Läufe enthält %n ungesicherte Läufe (Datei → Läufe speichern… bewahrt sie auf).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{base} × %n seed(s)</source>
        <translation><numerusform>{base} × %n Seed</numerusform><numerusform>{base} × %n Seeds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{base} × %n seed(s) ({k})</source>
        <translation><numerusform>{base} × %n Seed ({k})</numerusform><numerusform>{base} × %n Seeds ({k})</numerusform></translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>lesson setups</source>
        <translation>Lektions-Setups</translation>
    </message>
    <message>
        <source>Runs are training</source>
        <translation>Läufe trainieren gerade</translation>
    </message>
    <message>
        <source>The {job_what} of the last request are still training: wait for them or cancel them first.</source>
        <translation>Die {job_what} der letzten Anfrage trainieren noch: Warten Sie auf sie oder brechen Sie sie zuerst ab.</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>Nicht genug Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The {job_what} were not started: {reason}.</source>
        <translation>Die {job_what} wurden nicht gestartet: {reason}.</translation>
    </message>
    <message>
        <source>Cannot start training the runs</source>
        <translation>Das Training der Läufe lässt sich nicht starten</translation>
    </message>
    <message>
        <source>{job_what}: {finished} of {total} done</source>
        <translation>{job_what}: {finished} von {total} fertig</translation>
    </message>
    <message>
        <source>The runs could not all be trained</source>
        <translation>Nicht alle Läufe ließen sich trainieren</translation>
    </message>
    <message>
        <source>{job_what}: cancelled after {finished} of {total}.</source>
        <translation>{job_what}: abgebrochen nach {finished} von {total}.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>The step (and seconds) at which the metric had come {share:.0%} of the way from the baseline to its final value: of two runs that end alike, the one that got there sooner learned faster</source>
        <translation>Der Schritt (und die Sekunden), bei dem die Metrik {share:.0%} des Wegs von der Baseline zu ihrem Endwert zurückgelegt hatte: Von zwei Läufen, die gleich enden, hat der früher angekommene schneller gelernt</translation>
    </message>
    <message>
        <source>{value} (base {baseline})</source>
        <translation>{value} (Basis {baseline})</translation>
    </message>
    <message>
        <source>step {step:.0f}</source>
        <translation>Schritt {step:.0f}</translation>
    </message>
    <message>
        <source>Every run of this session: tick to show it in the comparison, double-click a name (F2) to rename, Delete to delete</source>
        <translation>Alle Läufe dieser Sitzung: abhaken, um sie im Vergleich zu zeigen, Doppelklick auf einen Namen (F2) zum Umbenennen, Entf zum Löschen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Make the selected run the current experiment (it goes on training where it stopped; the current one is kept)</source>
        <translation>Den gewählten Lauf zum aktuellen Experiment machen (er trainiert dort weiter, wo er aufgehört hat; das aktuelle bleibt erhalten)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected run</source>
        <translation>Den gewählten Lauf umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected runs (Undo brings them back)</source>
        <translation>Die gewählten Läufe löschen (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Repeat with N seeds…</source>
        <translation>Mit N Seeds wiederholen…</translation>
    </message>
    <message>
        <source>Train the current settings with several seeds at once, to see which differences are real</source>
        <translation>Die aktuellen Einstellungen mit mehreren Seeds zugleich trainieren, um zu sehen, welche Unterschiede echt sind</translation>
    </message>
    <message>
        <source>Save runs…</source>
        <translation>Läufe speichern…</translation>
    </message>
    <message>
        <source>Save every run in one runs file (.rnns)</source>
        <translation>Alle Läufe in einer Läufe-Datei (.rnns) speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the runs training now</source>
        <translation>Das Training der Läufe jetzt beenden</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>“{name}”: a run has this name already, or it is empty.</source>
        <translation>„{name}“: Ein Lauf hat diesen Namen schon, oder er ist leer.</translation>
    </message>
    <message>
        <source>The group is shown in the comparison (untick to hide its seeds)</source>
        <translation>Die Gruppe wird im Vergleich gezeigt (abhaken, um ihre Seeds auszublenden)</translation>
    </message>
    <message numerus="yes">
        <source>%n seed(s) of one setup (seeds {seeds}): click to fold them away</source>
        <translation><numerusform>%n Seed eines Setups (Seeds {seeds}): Klick zum Einklappen</numerusform><numerusform>%n Seeds eines Setups (Seeds {seeds}): Klick zum Einklappen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n seed(s) of one setup (seeds {seeds}): click to list them</source>
        <translation><numerusform>%n Seed eines Setups (Seeds {seeds}): Klick zum Auflisten</numerusform><numerusform>%n Seeds eines Setups (Seeds {seeds}): Klick zum Auflisten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{metric} at the last step: mean ± standard deviation over the %n seed(s)</source>
        <translation><numerusform>{metric} im letzten Schritt: Mittelwert ± Standardabweichung über %n Seed</numerusform><numerusform>{metric} im letzten Schritt: Mittelwert ± Standardabweichung über die %n Seeds</numerusform></translation>
    </message>
    <message>
        <source>{tip} (the mean over the seeds)</source>
        <translation>{tip} (der Mittelwert über die Seeds)</translation>
    </message>
    <message>
        <source>Shown in the comparison (untick to hide it)</source>
        <translation>Im Vergleich gezeigt (abhaken, um ihn auszublenden)</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>Seed {seed}</translation>
    </message>
    <message>
        <source>One seed of the group above</source>
        <translation>Ein Seed der Gruppe darüber</translation>
    </message>
    <message>
        <source>{metric} on the validation set at the last step; {baseline}: {value:.4g}</source>
        <translation>{metric} auf der Validierungsmenge im letzten Schritt; {baseline}: {value:.4g}</translation>
    </message>
    <message>
        <source>{metric} on the validation set at the last step</source>
        <translation>{metric} auf der Validierungsmenge im letzten Schritt</translation>
    </message>
    <message>
        <source>The current experiment (training in the window) · group {group}</source>
        <translation>Das aktuelle Experiment (trainiert im Fenster) · Gruppe {group}</translation>
    </message>
    <message>
        <source>The current experiment (training in the window)</source>
        <translation>Das aktuelle Experiment (trainiert im Fenster)</translation>
    </message>
    <message>
        <source>Seed {seed} · group {group}</source>
        <translation>Seed {seed} · Gruppe {group}</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>Seed {seed}</translation>
    </message>
    <message>
        <source>What the network reads first; it writes on from there</source>
        <translation>Was das Netz zuerst liest; von dort schreibt es weiter</translation>
    </message>
    <message>
        <source>Below 1: safer, more repetitive; above 1: more adventurous; 0: always the most likely next character</source>
        <translation>Unter 1: sicherer, eintöniger; über 1: wagemutiger; 0: immer das wahrscheinlichste nächste Zeichen</translation>
    </message>
    <message>
        <source>At most how many characters (or words) the network writes after the prompt</source>
        <translation>Wie viele Zeichen (oder Wörter) das Netz nach dem Anfang höchstens schreibt</translation>
    </message>
    <message>
        <source>The same seed, prompt, temperature and weights write the same text</source>
        <translation>Gleicher Seed, Anfang, Temperatur und gleiche Gewichte schreiben denselben Text</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Let the network write with its weights now</source>
        <translation>Das Netz mit seinen jetzigen Gewichten schreiben lassen</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Anfang:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Type a prompt and press Write.</source>
        <translation>Einen Anfang eingeben und Schreiben drücken.</translation>
    </message>
    <message>
        <source>This task&apos;s network does not write.</source>
        <translation>Das Netz dieser Aufgabe schreibt nicht.</translation>
    </message>
    <message>
        <source>Cannot write: {e}</source>
        <translation>Schreiben nicht möglich: {e}</translation>
    </message>
    <message>
        <source>the weights of step {step}, temperature {temperature:g}, seed {seed}</source>
        <translation>den Gewichten von Schritt {step}, Temperatur {temperature:g}, Seed {seed}</translation>
    </message>
    <message>
        <source>Writing with {how}…</source>
        <translation>Schreibt mit {how}…</translation>
    </message>
    <message numerus="yes">
        <source>Written with {how}: %n word(s) after the prompt.</source>
        <translation><numerusform>Geschrieben mit {how}: %n Wort nach dem Anfang.</numerusform><numerusform>Geschrieben mit {how}: %n Wörter nach dem Anfang.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Written with {how}: %n character(s) after the prompt.</source>
        <translation><numerusform>Geschrieben mit {how}: %n Zeichen nach dem Anfang.</numerusform><numerusform>Geschrieben mit {how}: %n Zeichen nach dem Anfang.</numerusform></translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>{parameters:,} parameters; training {estimate}</source>
        <translation>{parameters:,} Parameter; Training {estimate}</translation>
    </message>
    <message>
        <source>needs about {memory} of memory, {time} per step</source>
        <translation>braucht etwa {memory} Speicher, {time} pro Schritt</translation>
    </message>
    <message>
        <source>needs about {memory} of memory</source>
        <translation>braucht etwa {memory} Speicher</translation>
    </message>
    <message>
        <source>Memory training needs: weights {weights}, their gradients {weights}, the optimizer {optimizer}, one batch {batch}, the data {data}, a saved copy {weights}, the program {program}. {available} is available now; settings that need more are refused. The time per step is measured on this computer.</source>
        <translation>Speicher, den das Training braucht: Gewichte {weights}, ihre Gradienten {weights}, der Optimierer {optimizer}, ein Batch {batch}, die Daten {data}, eine gespeicherte Kopie {weights}, das Programm {program}. Jetzt sind {available} frei; Einstellungen, die mehr brauchen, werden abgelehnt. Die Zeit pro Schritt ist auf diesem Computer gemessen.</translation>
    </message>
    <message>
        <source>Set {setting} to {value}</source>
        <translation>{setting} auf {value} setzen</translation>
    </message>
    <message>
        <source>Not changed — {message}</source>
        <translation>Nicht geändert – {message}</translation>
    </message>
    <message>
        <source>Use this task</source>
        <translation>Diese Aufgabe verwenden</translation>
    </message>
    <message>
        <source>Build a new experiment for the selected task</source>
        <translation>Ein neues Experiment für die gewählte Aufgabe bauen</translation>
    </message>
    <message>
        <source>Further numbers of this task on the validation set, from the latest weights</source>
        <translation>Weitere Zahlen dieser Aufgabe auf der Validierungsmenge, mit den neuesten Gewichten</translation>
    </message>
    <message>
        <source>train loss —</source>
        <translation>Trainingsverlust –</translation>
    </message>
    <message>
        <source>val loss —</source>
        <translation>Val.-Verlust –</translation>
    </message>
    <message>
        <source>train loss {value:.4g}</source>
        <translation>Trainingsverlust {value:.4g}</translation>
    </message>
    <message>
        <source>val loss {value:.4g}</source>
        <translation>Val.-Verlust {value:.4g}</translation>
    </message>
    <message>
        <source>{steps_per_second:.0f} steps/s</source>
        <translation>{steps_per_second:.0f} Schritte/s</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Further numbers of this task on the validation set, from the latest weights:
</source>
        <translation>Weitere Zahlen dieser Aufgabe auf der Validierungsmenge, mit den neuesten Gewichten:
</translation>
    </message>
    <message numerus="yes">
        <source>%n {cell} cell(s)</source>
        <translation><numerusform>%n {cell}-Zelle</numerusform><numerusform>%n {cell}-Zellen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n {cell} unit(s)</source>
        <translation><numerusform>%n {cell}-Einheit</numerusform><numerusform>%n {cell}-Einheiten</numerusform></translation>
    </message>
    <message>
        <source> Click any {cell} neuron to open it: gates {gates} below, the cell state c beside.</source>
        <translation> Ein Klick öffnet ein {cell}-Neuron: darunter die Gates {gates}, daneben der Zellzustand c.</translation>
    </message>
    <message>
        <source> Click any {cell} neuron to open it: its gates {gates} below.</source>
        <translation> Ein Klick öffnet ein {cell}-Neuron: darunter seine Gates {gates}.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>forget</source>
        <translation>Forget</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>input gate</source>
        <translation>Input-Gate</translation>
    </message>
    <message>
        <source>forget gate</source>
        <translation>Forget-Gate</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>output gate</source>
        <translation>Output-Gate</translation>
    </message>
    <message>
        <source>dense layer</source>
        <translation>dichte Schicht</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Ausgabeschicht</translation>
    </message>
    <message>
        <source>head bias</source>
        <translation>Bias der Ausgabeschicht</translation>
    </message>
    <message>
        <source>encoder</source>
        <comment>the diagram&apos;s heading</comment>
        <translation>Encoder</translation>
    </message>
    <message>
        <source>decoder</source>
        <comment>the diagram&apos;s heading</comment>
        <translation>Decoder</translation>
    </message>
    <message>
        <source>encoder layer {n} (backward)</source>
        <translation>Encoder-Schicht {n} (rückwärts)</translation>
    </message>
    <message>
        <source>encoder layer {n}</source>
        <translation>Encoder-Schicht {n}</translation>
    </message>
    <message>
        <source>decoder layer {n} (backward)</source>
        <translation>Decoder-Schicht {n} (rückwärts)</translation>
    </message>
    <message>
        <source>decoder layer {n}</source>
        <translation>Decoder-Schicht {n}</translation>
    </message>
    <message>
        <source>layer {n} (backward)</source>
        <translation>Schicht {n} (rückwärts)</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>Schicht {n}</translation>
    </message>
    <message>
        <source>attn {symbol}</source>
        <comment>the attention&apos;s weights</comment>
        <translation>Aufm. {symbol}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (exit code {code}).</source>
        <translation>Der Trainingsprozess endete unerwartet (Exit-Code {code}).</translation>
    </message>
    <message>
        <source>Unexpected error: {type_name}</source>
        <translation>Unerwarteter Fehler: {type_name}</translation>
    </message>
    <message>
        <source>Many-to-one</source>
        <translation>Many-to-one (viele auf eins)</translation>
    </message>
    <message>
        <source>One-to-many</source>
        <translation>One-to-many (eins auf viele)</translation>
    </message>
    <message>
        <source>Many-to-many (aligned)</source>
        <translation>Many-to-many (ausgerichtet)</translation>
    </message>
    <message>
        <source>Sequence-to-sequence</source>
        <translation>Sequence-to-Sequence</translation>
    </message>
    <message>
        <source>CTC (frames to labels)</source>
        <translation>CTC (Frames zu Labels)</translation>
    </message>
    <message>
        <source>uniform ±1/√H (PyTorch)</source>
        <translation>gleichverteilt ±1/√H (PyTorch)</translation>
    </message>
    <message>
        <source>Xavier/Glorot</source>
        <translation>Xavier/Glorot</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>orthogonal</translation>
    </message>
    <message>
        <source>scaled to spectral radius</source>
        <translation>auf Spektralradius skaliert</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD mit Momentum</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>minGRU (gates read only x)</source>
        <translation>minGRU (Gates lesen nur x)</translation>
    </message>
    <message>
        <source>minLSTM (gates read only x)</source>
        <translation>minLSTM (Gates lesen nur x)</translation>
    </message>
    <message>
        <source>dense (no recurrence)</source>
        <translation>dicht (keine Rekurrenz)</translation>
    </message>
    <message>
        <source>mean of the steps</source>
        <translation>Mittelwert der Schritte</translation>
    </message>
    <message>
        <source>steps side by side</source>
        <translation>Schritte nebeneinander</translation>
    </message>
    <message>
        <source>none (final state only)</source>
        <translation>keine (nur der Endzustand)</translation>
    </message>
    <message>
        <source>dot product sᵀh</source>
        <translation>Skalarprodukt sᵀh</translation>
    </message>
    <message>
        <source>general sᵀW h</source>
        <translation>allgemein sᵀW h</translation>
    </message>
    <message>
        <source>additive vᵀtanh(W s + U h)</source>
        <translation>additiv vᵀtanh(W s + U h)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>The recurrent unit of each layer</source>
        <translation>Die rekurrente Einheit jeder Schicht</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Verborgene Größe</translation>
    </message>
    <message>
        <source>Hidden neurons per layer and direction</source>
        <translation>Verborgene Neuronen pro Schicht und Richtung</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>Neuronen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Stacked recurrent layers</source>
        <translation>Gestapelte rekurrente Schichten</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>A second layer reads the sequence backwards; their states are concatenated</source>
        <translation>Eine zweite Schicht liest die Sequenz rückwärts; ihre Zustände werden aneinandergehängt</translation>
    </message>
    <message>
        <source>Sequence-to-sequence: at every step the decoder weighs all encoder steps and reads their weighted sum (none: the encoder&apos;s final state is all it gets)</source>
        <translation>Sequence-to-Sequence: In jedem Schritt gewichtet der Decoder alle Encoder-Schritte und liest ihre gewichtete Summe (keine: Er bekommt nur den Endzustand des Encoders)</translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation>Nichtlinearität</translation>
    </message>
    <message>
        <source>Activation of the hidden state</source>
        <translation>Aktivierung des verborgenen Zustands</translation>
    </message>
    <message>
        <source>Dense input</source>
        <translation>Dichte Eingabe</translation>
    </message>
    <message>
        <source>How the dense baseline squeezes a sequence into one vector: the mean of the steps (order lost) or all steps side by side (fixed length)</source>
        <translation>Wie die dichte Baseline eine Sequenz in einen Vektor presst: Mittelwert der Schritte (Reihenfolge geht verloren) oder alle Schritte nebeneinander (feste Länge)</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>Initialisierung</translation>
    </message>
    <message>
        <source>How the weights start</source>
        <translation>Wie die Gewichte beginnen</translation>
    </message>
    <message>
        <source>Spectral radius</source>
        <translation>Spektralradius</translation>
    </message>
    <message>
        <source>Largest |eigenvalue| of W_hh with &apos;scaled to spectral radius&apos; initialisation: above 1 gradients tend to explode, below 1 to vanish</source>
        <translation>Größter |Eigenwert| von W_hh bei der Initialisierung „auf Spektralradius skaliert“: über 1 neigen Gradienten zum Explodieren, unter 1 zum Verschwinden</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>How inputs and outputs line up in time</source>
        <translation>Wie Eingaben und Ausgaben zeitlich zueinander liegen</translation>
    </message>
    <message>
        <source>What the training minimises</source>
        <translation>Was das Training minimiert</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rückführung</translation>
    </message>
    <message>
        <source>One-to-many: what is fed in after the first step (the previous output or zeros)</source>
        <translation>One-to-many: was nach dem ersten Schritt eingespeist wird (die vorige Ausgabe oder Nullen)</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Input neurons (one per feature of a step)</source>
        <translation>Eingabeneuronen (eines pro Merkmal eines Schritts)</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Output neurons</source>
        <translation>Ausgabeneuronen</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Number format of the weights and the data</source>
        <translation>Zahlenformat der Gewichte und der Daten</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Update rule</source>
        <translation>Aktualisierungsregel</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Step size of each update</source>
        <translation>Schrittweite jeder Aktualisierung</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>For SGD with momentum</source>
        <translation>Für SGD mit Momentum</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Sequences per training step</source>
        <translation>Sequenzen pro Trainingsschritt</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training set in a run (Play pauses after them)</source>
        <translation>Durchläufe durch die Trainingsmenge in einem Lauf (Start hält danach an)</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>BPTT truncation</source>
        <translation>BPTT-Abschneiden</translation>
    </message>
    <message>
        <source>Backpropagate through at most this many steps (0: the whole sequence)</source>
        <translation>Höchstens durch so viele Schritte zurückpropagieren (0: die ganze Sequenz)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Gradient Clipping</translation>
    </message>
    <message>
        <source>Rescale the gradient when its norm exceeds this (0: off)</source>
        <translation>Den Gradienten neu skalieren, wenn seine Norm dies übersteigt (0: aus)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Seeds the data, the initial weights and the batch order</source>
        <translation>Startwert für die Daten, die Anfangsgewichte und die Batch-Reihenfolge</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>Sequenzlänge</translation>
    </message>
    <message>
        <source>Time steps per sequence</source>
        <translation>Zeitschritte pro Sequenz</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Sequences in the data set (train + validation)</source>
        <translation>Sequenzen im Datensatz (Training + Validierung)</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Share of the samples kept aside to measure generalisation</source>
        <translation>Anteil der Beispiele, der zum Messen der Generalisierung beiseitegelegt wird</translation>
    </message>
    <message>
        <source>Sine-wave forecast</source>
        <translation>Sinuswellen-Prognose</translation>
    </message>
    <message>
        <source>Predict a noisy periodic signal a few steps ahead from a window of it.</source>
        <translation>Ein verrauschtes periodisches Signal aus einem Ausschnitt einige Schritte vorhersagen.</translation>
    </message>
    <message>
        <source>Remember the marked token</source>
        <translation>Das markierte Zeichen merken</translation>
    </message>
    <message>
        <source>Recall a marked symbol after a long run of distractors: LSTM/GRU vs simple RNN.</source>
        <translation>Ein markiertes Symbol nach einer langen Reihe von Ablenkern wiedergeben: LSTM/GRU gegen einfaches RNN.</translation>
    </message>
    <message>
        <source>Your own CSV</source>
        <translation>Ihre eigene CSV</translation>
    </message>
    <message>
        <source>Forecast a column of your own CSV file from a window of its recent rows.</source>
        <translation>Eine Spalte Ihrer eigenen CSV-Datei aus einem Ausschnitt der letzten Zeilen vorhersagen.</translation>
    </message>
    <message>
        <source>Weather station: temperature tomorrow</source>
        <translation>Wetterstation: Temperatur morgen</translation>
    </message>
    <message>
        <source>Read four days of temperature, pressure, wind and humidity; forecast 24 h ahead.</source>
        <translation>Vier Tage Temperatur, Luftdruck, Wind und Feuchte lesen; 24 h vorhersagen.</translation>
    </message>
    <message>
        <source>Sentiment of short posts</source>
        <translation>Stimmung kurzer Beiträge</translation>
    </message>
    <message>
        <source>Positive or negative? Short posts where &apos;not&apos; and &apos;really&apos; change the meaning.</source>
        <translation>Positiv oder negativ? Kurze Beiträge, in denen „not“ und „really“ die Bedeutung ändern.</translation>
    </message>
    <message>
        <source>Order matters</source>
        <translation>Die Reihenfolge zählt</translation>
    </message>
    <message>
        <source>Same words, different order, different label: which came first, cat or dog?</source>
        <translation>Gleiche Wörter, andere Reihenfolge, anderes Label: Was kam zuerst, Katze oder Hund?</translation>
    </message>
    <message>
        <source>Tiny network for BPTT</source>
        <translation>Winziges Netz für BPTT</translation>
    </message>
    <message>
        <source>First step&apos;s a minus last step&apos;s b: 2 inputs, 4 steps, 3 hidden, 1 output.</source>
        <translation>a des ersten Schritts minus b des letzten: 2 Eingaben, 4 Schritte, 3 verborgene, 1 Ausgabe.</translation>
    </message>
    <message>
        <source>Write like a nursery rhyme</source>
        <translation>Schreiben wie ein Kinderreim</translation>
    </message>
    <message>
        <source>Character by character: from a first letter, continue in the style of a text.</source>
        <translation>Zeichen für Zeichen: Von einem ersten Buchstaben aus im Stil eines Textes weiterschreiben.</translation>
    </message>
    <message>
        <source>Caption a scene</source>
        <translation>Eine Szene beschriften</translation>
    </message>
    <message>
        <source>From one vector (colour, shape, size, count) write a caption word by word.</source>
        <translation>Aus einem Vektor (Farbe, Form, Größe, Anzahl) Wort für Wort eine Bildunterschrift schreiben.</translation>
    </message>
    <message>
        <source>Who is Teddy? (name tagging)</source>
        <translation>Wer ist Teddy? (Namen markieren)</translation>
    </message>
    <message>
        <source>Tag the words of a person&apos;s name; some names only show themselves by the next word.</source>
        <translation>Die Wörter eines Personennamens markieren; manche Namen verraten sich erst durch das nächste Wort.</translation>
    </message>
    <message>
        <source>Word-order translation</source>
        <translation>Übersetzung der Wortstellung</translation>
    </message>
    <message>
        <source>Read an English-order sentence, write it in verb-final or verb-second order.</source>
        <translation>Einen Satz in englischer Wortstellung lesen und ihn mit Verb am Ende oder an zweiter Stelle schreiben.</translation>
    </message>
    <message>
        <source>Spell the spoken word (CTC)</source>
        <translation>Das gesprochene Wort buchstabieren (CTC)</translation>
    </message>
    <message>
        <source>Turn noisy sound frames into letters without being told where each letter is.</source>
        <translation>Verrauschte Klang-Frames in Buchstaben verwandeln, ohne zu erfahren, wo jeder Buchstabe liegt.</translation>
    </message>
    <message>
        <source>the last value stays</source>
        <translation>der letzte Wert bleibt</translation>
    </message>
    <message>
        <source>always the most common class</source>
        <translation>immer die häufigste Klasse</translation>
    </message>
    <message>
        <source>the target stays</source>
        <translation>das Ziel bleibt</translation>
    </message>
    <message>
        <source>the better of persistence and same as yesterday</source>
        <translation>das Bessere aus Persistenz und „wie gestern“</translation>
    </message>
    <message>
        <source>always the more common class</source>
        <translation>immer die häufigere Klasse</translation>
    </message>
    <message>
        <source>always 0</source>
        <translation>immer 0</translation>
    </message>
    <message>
        <source>always a space</source>
        <translation>immer ein Leerzeichen</translation>
    </message>
    <message>
        <source>always the most frequent caption</source>
        <translation>immer die häufigste Bildunterschrift</translation>
    </message>
    <message>
        <source>each word&apos;s most common tag</source>
        <translation>das häufigste Tag jedes Worts</translation>
    </message>
    <message>
        <source>copy the source order</source>
        <translation>die Wortstellung der Quelle übernehmen</translation>
    </message>
    <message>
        <source>always the most frequent word</source>
        <translation>immer das häufigste Wort</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>word accuracy</source>
        <translation>Wortgenauigkeit</translation>
    </message>
    <message>
        <source>MAE (std units)</source>
        <translation>MAE (Std.-Einheiten)</translation>
    </message>
    <message>
        <source>token accuracy</source>
        <translation>Token-Genauigkeit</translation>
    </message>
    <message>
        <source>ambiguous-word accuracy</source>
        <translation>Genauigkeit bei mehrdeutigen Wörtern</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>letter error rate</source>
        <translation>Buchstabenfehlerrate</translation>
    </message>
    <message>
        <source>next-character accuracy</source>
        <translation>Genauigkeit des nächsten Zeichens</translation>
    </message>
    <message>
        <source>sentence accuracy</source>
        <translation>Satzgenauigkeit</translation>
    </message>
    <message>
        <source>MAE (std. dev.)</source>
        <translation>MAE (Std.-Abw.)</translation>
    </message>
    <message>
        <source>at least one hidden neuron</source>
        <translation>mindestens ein verborgenes Neuron</translation>
    </message>
    <message>
        <source>at most 1024 hidden neurons</source>
        <translation>höchstens 1024 verborgene Neuronen</translation>
    </message>
    <message>
        <source>1 to 3 layers</source>
        <translation>1 bis 3 Schichten</translation>
    </message>
    <message>
        <source>at least one input neuron</source>
        <translation>mindestens ein Eingabeneuron</translation>
    </message>
    <message>
        <source>at least one output neuron</source>
        <translation>mindestens ein Ausgabeneuron</translation>
    </message>
    <message>
        <source>must be positive (and below 100)</source>
        <translation>muss positiv sein (und unter 100)</translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation>mindestens 1</translation>
    </message>
    <message>
        <source>at most 100000</source>
        <translation>höchstens 100000</translation>
    </message>
    <message>
        <source>absurdly large number</source>
        <translation>unsinnig große Zahl</translation>
    </message>
    <message>
        <source>0 (full) or a positive k</source>
        <translation>0 (ganz) oder ein positives k</translation>
    </message>
    <message>
        <source>0 (off) or a positive norm</source>
        <translation>0 (aus) oder eine positive Norm</translation>
    </message>
    <message>
        <source>must be a non-negative integer</source>
        <translation>muss eine nicht negative ganze Zahl sein</translation>
    </message>
    <message>
        <source>the sequence needs at least one time step</source>
        <translation>die Sequenz braucht mindestens einen Zeitschritt</translation>
    </message>
    <message>
        <source>at most 10000 time steps</source>
        <translation>höchstens 10000 Zeitschritte</translation>
    </message>
    <message>
        <source>at least 4 samples are needed</source>
        <translation>mindestens 4 Beispiele werden gebraucht</translation>
    </message>
    <message>
        <source>at most 1,000,000 samples</source>
        <translation>höchstens 1.000.000 Beispiele</translation>
    </message>
    <message>
        <source>must lie between 0 and 1</source>
        <translation>muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>attention: where the decoder looks</source>
        <translation>Attention: wohin der Decoder schaut</translation>
    </message>
    <message>
        <source>Attention: the scores e compare the decoder&apos;s state s_t with each source step; α = their softmax; the context c_t mixes the encoder&apos;s states by α; the head reads h̃_t, the context combined with s_t.</source>
        <translation>Attention: Die Scores e vergleichen den Zustand s_t des Decoders mit jedem Quellschritt; α = ihr Softmax; der Kontext c_t mischt die Zustände des Encoders nach α; die Ausgabeschicht liest h̃_t, den mit s_t kombinierten Kontext.</translation>
    </message>
    <message>
        <source>The gates read only {xin}, never {prev}: no W_hh. The new state is linear in {prev}, so all steps can be computed at once (a scan).</source>
        <translation>Die Gates lesen nur {xin}, nie {prev}: kein W_hh. Der neue Zustand ist linear in {prev}, also lassen sich alle Schritte auf einmal berechnen (ein Scan).</translation>
    </message>
    <message>
        <source>read-out + next step·(fraction it keeps) + layer above</source>
        <translation>Ausgabe + nächster Schritt·(behaltener Anteil) + Schicht darüber</translation>
    </message>
    <message>
        <source>this step&apos;s share of the gradients ({title})</source>
        <translation>Anteil dieses Schritts an den Gradienten ({title})</translation>
    </message>
    <message>
        <source>{title} — {summary}</source>
        <translation>{title} — {summary}</translation>
    </message>
    <message>
        <source>--processes goes with --seeds (how many seeds train at once)</source>
        <translation>--processes gehört zu --seeds (wie viele Seeds gleichzeitig trainieren)</translation>
    </message>
    <message>
        <source>training diverged: {reason}</source>
        <translation>das Training ist divergiert: {reason}</translation>
    </message>
    <message>
        <source>--batch must be at least 1 and --entries at least 0</source>
        <translation>--batch muss mindestens 1 und --entries mindestens 0 sein</translation>
    </message>
    <message>
        <source>worst: {name} {error} (ok, tolerance {tolerance})</source>
        <translation>schlechteste: {name} {error} (in Ordnung, Toleranz {tolerance})</translation>
    </message>
    <message>
        <source>worst: {name} {error} (FAILED, tolerance {tolerance})</source>
        <translation>schlechteste: {name} {error} (FEHLGESCHLAGEN, Toleranz {tolerance})</translation>
    </message>
    <message>
        <source>{task}: resuming at step {step}; {needs}</source>
        <translation>{task}: weiter ab Schritt {step}; {needs}</translation>
    </message>
    <message>
        <source>export: say what to write: --torch OUT.py, --weights OUT.npz, --csv</source>
        <translation>export: sagen Sie, was geschrieben werden soll: --torch OUT.py, --weights OUT.npz, --csv</translation>
    </message>
    <message>
        <source>the weights file</source>
        <translation>die Gewichtsdatei</translation>
    </message>
    <message>
        <source>the experiment</source>
        <translation>das Experiment</translation>
    </message>
    <message>
        <source>PyTorch script written to {script}, weights and sample to {weights}</source>
        <translation>PyTorch-Skript nach {script} geschrieben, Gewichte und Beispiel nach {weights}</translation>
    </message>
    <message>
        <source>run it with: python {script}</source>
        <translation>ausführen mit: python {script}</translation>
    </message>
    <message>
        <source>weights written to {file}</source>
        <translation>Gewichte nach {file} geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>history (%n step(s)) written to {file}</source>
        <translation><numerusform>Verlauf (%n Schritt) nach {file} geschrieben</numerusform><numerusform>Verlauf (%n Schritte) nach {file} geschrieben</numerusform></translation>
    </message>
    <message>
        <source>--index must lie in 0..{last} for the validation set</source>
        <translation>--index muss für die Validierungsmenge in 0..{last} liegen</translation>
    </message>
    <message>
        <source>--index must lie in 0..{last} for the training set</source>
        <translation>--index muss für die Trainingsmenge in 0..{last} liegen</translation>
    </message>
    <message>
        <source>attention (% of each written word&apos;s look at the source words)</source>
        <translation>Attention (wie viel % seines Blicks jedes geschriebene Wort auf die Quellwörter richtet)</translation>
    </message>
    <message>
        <source>file</source>
        <comment>info</comment>
        <translation>Datei</translation>
    </message>
    <message>
        <source>format</source>
        <comment>info</comment>
        <translation>Format</translation>
    </message>
    <message>
        <source>{version} (written by RNN Sandbox {app}, {date})</source>
        <translation>{version} (geschrieben von RNN Sandbox {app}, {date})</translation>
    </message>
    <message>
        <source>{version} (written by RNN Sandbox {app})</source>
        <translation>{version} (geschrieben von RNN Sandbox {app})</translation>
    </message>
    <message>
        <source>task</source>
        <comment>info</comment>
        <translation>Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>{task}, {samples} samples of %n step(s), seed {seed}</source>
        <translation><numerusform>{task}, {samples} Beispiele zu %n Schritt, Seed {seed}</numerusform><numerusform>{task}, {samples} Beispiele zu %n Schritten, Seed {seed}</numerusform></translation>
    </message>
    <message>
        <source>options</source>
        <comment>info</comment>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>{architecture}, {cell}, hidden {hidden}, layers {layers}, bidirectional, {inputs} in / {outputs} out, {loss} loss, {dtype}</source>
        <translation>{architecture}, {cell}, verborgen {hidden}, Schichten {layers}, bidirektional, {inputs} ein / {outputs} aus, Verlust {loss}, {dtype}</translation>
    </message>
    <message>
        <source>{architecture}, {cell}, hidden {hidden}, layers {layers}, {inputs} in / {outputs} out, {loss} loss, {dtype}</source>
        <translation>{architecture}, {cell}, verborgen {hidden}, Schichten {layers}, {inputs} ein / {outputs} aus, Verlust {loss}, {dtype}</translation>
    </message>
    <message>
        <source>network</source>
        <comment>info</comment>
        <translation>Netz</translation>
    </message>
    <message>
        <source>, attention: {attention}</source>
        <translation>, Attention: {attention}</translation>
    </message>
    <message>
        <source>training</source>
        <comment>info</comment>
        <translation>Training</translation>
    </message>
    <message>
        <source>{optimizer} lr {rate}, batch {batch}, clip {clip}, bptt {bptt}</source>
        <translation>{optimizer} Lernrate {rate}, Batch {batch}, Clipping {clip}, BPTT {bptt}</translation>
    </message>
    <message>
        <source>full</source>
        <comment>bptt</comment>
        <translation>ganz</translation>
    </message>
    <message>
        <source>progress</source>
        <comment>info</comment>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>step {step}, {epoch}</source>
        <translation>Schritt {step}, {epoch}</translation>
    </message>
    <message>
        <source>last loss</source>
        <comment>info</comment>
        <translation>letzter Verlust</translation>
    </message>
    <message>
        <source>{loss} (training batch)</source>
        <translation>{loss} (Trainingsbatch)</translation>
    </message>
    <message>
        <source>loss {loss} at step {step}</source>
        <translation>Verlust {loss} in Schritt {step}</translation>
    </message>
    <message>
        <source>loss {loss} at step {step}, metric {metric}</source>
        <translation>Verlust {loss} in Schritt {step}, Metrik {metric}</translation>
    </message>
    <message>
        <source>last val</source>
        <comment>info</comment>
        <translation>letzte Val.</translation>
    </message>
    <message>
        <source>parameters</source>
        <comment>info</comment>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>{parameters}, data stored in the file</source>
        <translation>{parameters}, Daten in der Datei gespeichert</translation>
    </message>
    <message>
        <source>{score} (at step {step}; the network is too large to rebuild here: checked, not rebuilt)</source>
        <translation>{score} (in Schritt {step}; das Netz ist zu groß, um es hier neu aufzubauen: geprüft, nicht neu aufgebaut)</translation>
    </message>
    <message>
        <source>runs</source>
        <comment>info</comment>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>{count}, each checked (not rebuilt)</source>
        <translation>{count}, jeder geprüft (nicht neu aufgebaut)</translation>
    </message>
    <message>
        <source>--seconds must lie between 0.01 and 60</source>
        <translation>--seconds muss zwischen 0.01 und 60 liegen</translation>
    </message>
    <message>
        <source>--out: use a .gif, .png (animated) or .pdf file, not &apos;{file}&apos;</source>
        <translation>--out: eine .gif-, (animierte) .png- oder .pdf-Datei verwenden, nicht '{file}'</translation>
    </message>
    <message>
        <source>--index must lie in 0..{last}</source>
        <translation>--index muss in 0..{last} liegen</translation>
    </message>
    <message>
        <source>animate needs the app&apos;s dependencies (PySide6, Pillow): {reason}</source>
        <translation>animate braucht die Abhängigkeiten der App (PySide6, Pillow): {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) of the alignment forming written to {file}</source>
        <translation><numerusform>%n Bild der entstehenden Ausrichtung nach {file} geschrieben</numerusform><numerusform>%n Bilder der entstehenden Ausrichtung nach {file} geschrieben</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (forward walk) written to {file}</source>
        <translation><numerusform>%n Bild (Vorwärtsdurchgang) nach {file} geschrieben</numerusform><numerusform>%n Bilder (Vorwärtsdurchgang) nach {file} geschrieben</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (backward walk) written to {file}</source>
        <translation><numerusform>%n Bild (Rückwärtsdurchgang) nach {file} geschrieben</numerusform><numerusform>%n Bilder (Rückwärtsdurchgang) nach {file} geschrieben</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (both walks) written to {file}</source>
        <translation><numerusform>%n Bild (beide Durchgänge) nach {file} geschrieben</numerusform><numerusform>%n Bilder (beide Durchgänge) nach {file} geschrieben</numerusform></translation>
    </message>
    <message>
        <source>--option expects KEY=VALUE, got &apos;{text}&apos;</source>
        <translation>--option erwartet KEY=VALUE, erhalten: '{text}'</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep</source>
        <translation>mehr als {depth} Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>the task cannot use these settings: {reason}</source>
        <translation>die Aufgabe kann diese Einstellungen nicht verwenden: {reason}</translation>
    </message>
    <message>
        <source>{estimate} ({memory} available)</source>
        <translation>{estimate} ({memory} verfügbar)</translation>
    </message>
    <message>
        <source>the graphical app cannot start ({reason}). Install the project with its dependencies (PySide6, pyqtgraph), or use a command: rnn-sandbox --help</source>
        <translation>die grafische App kann nicht starten ({reason}). Installieren Sie das Projekt mit seinen Abhängigkeiten (PySide6, pyqtgraph) oder verwenden Sie einen Befehl: rnn-sandbox --help</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>standard error</source>
        <translation>Standardfehlerausgabe</translation>
    </message>
    <message>
        <source>the output could not be printed: {stream}: {reason}</source>
        <translation>die Ausgabe ließ sich nicht schreiben: {stream}: {reason}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>noch nicht verfügbar</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>Fehler: {message}</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Positionsargumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>folgende Argumente werden gebraucht: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>eines der Argumente %s wird gebraucht</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>nicht erlaubt zusammen mit Argument %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>ein Argument erwartet</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>höchstens ein Argument erwartet</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>mindestens ein Argument erwartet</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>ausdrückliches Argument %r ignoriert</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger %(type)s-Wert: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Wahl: %(value)r (zur Wahl: %(choices)s)</translation>
    </message>
    <message>
        <source>picture size in pixels ({default})</source>
        <translation>Bildgröße in Pixeln ({default})</translation>
    </message>
    <message>
        <source>--size: write the size as WIDTHxHEIGHT, like {example}, not &apos;{text}&apos;</source>
        <translation>--size: die Größe als BREITExHÖHE schreiben, etwa {example}, nicht '{text}'</translation>
    </message>
    <message>
        <source>{option} must be at least 1</source>
        <translation>{option} muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>--steps: at most {most} steps more after the {already} already trained (files record up to {limit} steps), not {steps}</source>
        <translation>--steps: nach den {already} schon trainierten höchstens {most} weitere Schritte (Dateien halten bis zu {limit} Schritte fest), nicht {steps}</translation>
    </message>
    <message>
        <source>--steps: at most {most} steps (files record up to {limit} steps), not {steps}</source>
        <translation>--steps: höchstens {most} Schritte (Dateien halten bis zu {limit} Schritte fest), nicht {steps}</translation>
    </message>
    <message>
        <source>network (defaults: the task&apos;s)</source>
        <translation>Netz (Vorgaben: die der Aufgabe)</translation>
    </message>
    <message>
        <source>task</source>
        <comment>a group of options</comment>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>task name (see `rnn-sandbox tasks`)</source>
        <translation>Name der Aufgabe (siehe `rnn-sandbox tasks`)</translation>
    </message>
    <message>
        <source>a whole setup as one line, as Edit → Copy setup as text writes it, e.g. &apos;long_memory;cell=rnn;hidden=32;seed=3&apos;; the options given beside it change it</source>
        <translation>ein ganzes Setup als eine Zeile, wie Bearbeiten → Setup als Text kopieren sie schreibt, z. B. 'long_memory;cell=rnn;hidden=32;seed=3'; daneben angegebene Optionen ändern es</translation>
    </message>
    <message>
        <source>task-specific setting; VALUE is read as JSON if it parses (5, 0.1, true), else as text; may repeat</source>
        <translation>aufgabenspezifische Einstellung; VALUE wird als JSON gelesen, wenn es sich so lesen lässt (5, 0.1, true), sonst als Text; wiederholbar</translation>
    </message>
    <message>
        <source>experiment file (.rnnx) or weights with PyTorch names (.npz)</source>
        <translation>Experimentdatei (.rnnx) oder Gewichte mit PyTorch-Namen (.npz)</translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation>kein Fortschrittsbalken</translation>
    </message>
    <message>
        <source>seeds</source>
        <comment>a group of options</comment>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>train seeds SEED..SEED+N-1 in parallel (1..{most}) and report the metric as mean ± spread; --save then writes a runs file (.rnns)</source>
        <translation>die Seeds SEED..SEED+N-1 parallel trainieren (1..{most}) und die Metrik als Mittelwert ± Streuung angeben; --save schreibt dann eine Läufe-Datei (.rnns)</translation>
    </message>
    <message>
        <source>worker processes for --seeds (default: all cores)</source>
        <translation>Arbeitsprozesse für --seeds (Vorgabe: alle Kerne)</translation>
    </message>
    <message>
        <source>the language of the messages: en, de, ja (default: the system&apos;s)</source>
        <translation>die Sprache der Meldungen: en, de, ja (Vorgabe: die des Systems)</translation>
    </message>
    <message>
        <source>the language of the window and the messages: en, de, ja (default: the one chosen in View → Language, else the system&apos;s)</source>
        <translation>die Sprache des Fensters und der Meldungen: en, de, ja (Vorgabe: die unter Ansicht → Sprache gewählte, sonst die des Systems)</translation>
    </message>
    <message>
        <source>Build, train and watch recurrent neural networks. Without a command, the app starts.</source>
        <translation>Rekurrente neuronale Netze bauen, trainieren und beobachten. Ohne Befehl startet die App.</translation>
    </message>
    <message>
        <source>list the tasks, grouped by type</source>
        <translation>die Aufgaben nach Art gruppiert auflisten</translation>
    </message>
    <message>
        <source>train a network on a task</source>
        <translation>ein Netz auf einer Aufgabe trainieren</translation>
    </message>
    <message>
        <source>training (defaults: the task&apos;s)</source>
        <translation>Training (Vorgaben: die der Aufgabe)</translation>
    </message>
    <message>
        <source>train N mini-batches</source>
        <translation>N Mini-Batches trainieren</translation>
    </message>
    <message>
        <source>compare BPTT gradients with finite differences</source>
        <translation>BPTT-Gradienten mit finiten Differenzen vergleichen</translation>
    </message>
    <message>
        <source>samples used (3)</source>
        <translation>verwendete Beispiele (3)</translation>
    </message>
    <message>
        <source>entries checked per parameter, chosen at random (40; 0 = all)</source>
        <translation>geprüfte Einträge je Parameter, zufällig gewählt (40; 0 = alle)</translation>
    </message>
    <message>
        <source>continue training a saved experiment</source>
        <translation>ein gespeichertes Experiment weiter trainieren</translation>
    </message>
    <message>
        <source>change the learning rate</source>
        <translation>die Lernrate ändern</translation>
    </message>
    <message>
        <source>write here instead of back into FILE</source>
        <translation>hierhin schreiben statt zurück in FILE</translation>
    </message>
    <message>
        <source>export a saved experiment</source>
        <translation>ein gespeichertes Experiment exportieren</translation>
    </message>
    <message>
        <source>PyTorch script</source>
        <translation>PyTorch-Skript</translation>
    </message>
    <message>
        <source>weights (PyTorch names)</source>
        <translation>Gewichte (PyTorch-Namen)</translation>
    </message>
    <message>
        <source>training history</source>
        <translation>Trainingsverlauf</translation>
    </message>
    <message>
        <source>first validation sample to include</source>
        <translation>erstes mitzunehmendes Validierungsbeispiel</translation>
    </message>
    <message>
        <source>show the network&apos;s answer for one sample</source>
        <translation>die Antwort des Netzes für ein Beispiel zeigen</translation>
    </message>
    <message>
        <source>describe a saved experiment (or runs file)</source>
        <translation>ein gespeichertes Experiment (oder eine Läufe-Datei) beschreiben</translation>
    </message>
    <message>
        <source>the diagram&apos;s step-through as an animation (GIF, APNG) or a PDF with one page per step</source>
        <translation>die Schritt-für-Schritt-Ansicht des Diagramms als Animation (GIF, APNG) oder als PDF mit einer Seite je Schritt</translation>
    </message>
    <message>
        <source>walk the forward pass (the default)</source>
        <translation>den Vorwärtsdurchlauf durchgehen (Vorgabe)</translation>
    </message>
    <message>
        <source>walk backpropagation through time, last step first</source>
        <translation>die Rückpropagation durch die Zeit durchgehen, letzter Schritt zuerst</translation>
    </message>
    <message>
        <source>the forward walk, then the backward one</source>
        <translation>erst vorwärts, dann rückwärts durchgehen</translation>
    </message>
    <message>
        <source>the attention&apos;s alignment of the sample forming over training (the run trained again from its seed)</source>
        <translation>wie die Ausrichtung der Attention für das Beispiel im Training entsteht (der Lauf wird von seinem Seed aus neu trainiert)</translation>
    </message>
    <message>
        <source>seconds each step is shown (0.8)</source>
        <translation>Sekunden, die jeder Schritt gezeigt wird (0.8)</translation>
    </message>
    <message>
        <source>validation sample to walk through (0)</source>
        <translation>durchzugehendes Validierungsbeispiel (0)</translation>
    </message>
    <message>
        <source>.gif, animated .png or .pdf (one page per step)</source>
        <translation>.gif, animiertes .png oder .pdf (eine Seite je Schritt)</translation>
    </message>
    <message>
        <source>compare runs of experiment (.rnnx) and runs (.rnns) files</source>
        <translation>Läufe aus Experimentdateien (.rnnx) und Läufe-Dateien (.rnns) vergleichen</translation>
    </message>
    <message>
        <source>experiment files (one run each) and runs files</source>
        <translation>Experimentdateien (je ein Lauf) und Läufe-Dateien</translation>
    </message>
    <message>
        <source>the overlay as a picture</source>
        <translation>die Überlagerung als Bild</translation>
    </message>
    <message>
        <source>the overlay as SVG</source>
        <translation>die Überlagerung als SVG</translation>
    </message>
    <message>
        <source>the histories side by side, a column per run and quantity</source>
        <translation>die Verläufe nebeneinander, eine Spalte je Lauf und Größe</translation>
    </message>
    <message>
        <source>plot against the training step (default) or wall-clock seconds</source>
        <translation>über dem Trainingsschritt (Vorgabe) oder den verstrichenen Sekunden auftragen</translation>
    </message>
    <message>
        <source>what the hidden units of a saved network follow</source>
        <translation>was die verborgenen Einheiten eines gespeicherten Netzes verfolgen</translation>
    </message>
    <message>
        <source>the state to read, e.g. l0 or l1_reverse (default: the top one)</source>
        <translation>der zu lesende Zustand, z. B. l0 oder l1_reverse (Vorgabe: der oberste)</translation>
    </message>
    <message>
        <source>validation samples looked at (32)</source>
        <translation>betrachtete Validierungsbeispiele (32)</translation>
    </message>
    <message>
        <source>validation sample drawn by --png (0)</source>
        <translation>von --png gezeichnetes Validierungsbeispiel (0)</translation>
    </message>
    <message>
        <source>unit the text is coloured by in --png (default: the best follower)</source>
        <translation>Einheit, nach der --png den Text färbt (Vorgabe: die am besten folgende)</translation>
    </message>
    <message>
        <source>print only the N closest followers (0 = every unit)</source>
        <translation>nur die N am besten folgenden Einheiten ausgeben (0 = jede Einheit)</translation>
    </message>
    <message>
        <source>the text coloured by a unit beside the states&apos; projection</source>
        <translation>den von einer Einheit gefärbten Text neben der Projektion der Zustände</translation>
    </message>
    <message>
        <source>--save: use a .rnnx (experiment) or .npz (weights) file, not &apos;{file}&apos;</source>
        <translation>--save: eine .rnnx- (Experiment) oder .npz-Datei (Gewichte) verwenden, nicht '{file}'</translation>
    </message>
    <message>
        <source>{option} {file} would overwrite {other} {earlier}</source>
        <translation>{option} {file} würde {other} {earlier} überschreiben</translation>
    </message>
    <message>
        <source>--save: with --seeds {n} save the runs in a {kind} file (an experiment file holds one run), not &apos;{file}&apos;</source>
        <translation>--save: mit --seeds {n} die Läufe in einer {kind}-Datei speichern (eine Experimentdatei fasst einen Lauf), nicht '{file}'</translation>
    </message>
    <message>
        <source>--save: with --seeds {n} save the runs in a {kind} file or a .rnnx file, not &apos;{file}&apos;</source>
        <translation>--save: mit --seeds {n} die Läufe in einer {kind}- oder .rnnx-Datei speichern, nicht '{file}'</translation>
    </message>
    <message>
        <source>--save {file} would overwrite the data file {data}</source>
        <translation>--save {file} würde die Datendatei {data} überschreiben</translation>
    </message>
    <message>
        <source>weights saved to {file} (PyTorch state_dict names)</source>
        <translation>Gewichte in {file} gespeichert (Namen des PyTorch-state_dict)</translation>
    </message>
    <message>
        <source>experiment saved to {file}</source>
        <translation>Experiment in {file} gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) saved to {file}</source>
        <translation><numerusform>%n Lauf in {file} gespeichert</numerusform><numerusform>%n Läufe in {file} gespeichert</numerusform></translation>
    </message>
    <message>
        <source>{file} was saved by another program while this command worked; this result is in {other} instead</source>
        <translation>{file} wurde von einem anderen Programm gespeichert, während dieser Befehl lief; dieses Ergebnis steht stattdessen in {other}</translation>
    </message>
    <message>
        <source>{network} bidirectional</source>
        <translation>{network} bidirektional</translation>
    </message>
    <message numerus="yes">
        <source>{task}: {network}, {parameters} parameters, %n step(s); {needs}</source>
        <translation><numerusform>{task}: {network}, {parameters} Parameter, %n Schritt; {needs}</numerusform><numerusform>{task}: {network}, {parameters} Parameter, %n Schritte; {needs}</numerusform></translation>
    </message>
    <message>
        <source>step {done}/{total}  loss {loss}</source>
        <translation>Schritt {done}/{total}  Verlust {loss}</translation>
    </message>
    <message>
        <source>step {step} ({epochs} epochs)</source>
        <translation>Schritt {step} ({epochs} Epochen)</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>run</source>
        <comment>a column</comment>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>differs</source>
        <comment>a column</comment>
        <translation>unterscheidet sich</translation>
    </message>
    <message>
        <source>steps</source>
        <comment>a column</comment>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>final {metric}</source>
        <comment>a column</comment>
        <translation>{metric} am Ende</translation>
    </message>
    <message>
        <source>final metric</source>
        <comment>a column</comment>
        <translation>Metrik am Ende</translation>
    </message>
    <message>
        <source>baseline</source>
        <comment>a column</comment>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>the runs have the same settings</source>
        <translation>die Läufe haben dieselben Einstellungen</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>Verlust {value}</translation>
    </message>
    <message>
        <source>baseline {value}</source>
        <translation>Baseline {value}</translation>
    </message>
    <message>
        <source>({seconds} s)</source>
        <translation>({seconds} s)</translation>
    </message>
    <message numerus="yes">
        <source>{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; higher is better)</source>
        <translation><numerusform>{metric} über %n Seed: {mean} ± {std} (Min. {min}, Max. {max}; höher ist besser)</numerusform><numerusform>{metric} über %n Seeds: {mean} ± {std} (Min. {min}, Max. {max}; höher ist besser)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; lower is better)</source>
        <translation><numerusform>{metric} über %n Seed: {mean} ± {std} (Min. {min}, Max. {max}; niedriger ist besser)</numerusform><numerusform>{metric} über %n Seeds: {mean} ± {std} (Min. {min}, Max. {max}; niedriger ist besser)</numerusform></translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is as good as the baseline</source>
        <translation>Baseline „{rule}“: Mittelwert {mean}; der Mittelwert ist so gut wie die Baseline</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is better than the baseline by {margin}</source>
        <translation>Baseline „{rule}“: Mittelwert {mean}; der Mittelwert ist um {margin} besser als die Baseline</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is worse than the baseline by {margin}</source>
        <translation>Baseline „{rule}“: Mittelwert {mean}; der Mittelwert ist um {margin} schlechter als die Baseline</translation>
    </message>
    <message>
        <source>{option}: use a .{kind} file, not &apos;{file}&apos;</source>
        <translation>{option}: eine .{kind}-Datei verwenden, nicht '{file}'</translation>
    </message>
    <message>
        <source>the input {file}</source>
        <translation>die Eingabe {file}</translation>
    </message>
    <message numerus="yes">
        <source>histories of %n run(s) written to {file}</source>
        <translation><numerusform>Verläufe von %n Lauf nach {file} geschrieben</numerusform><numerusform>Verläufe von %n Läufen nach {file} geschrieben</numerusform></translation>
    </message>
    <message>
        <source>comparison drawn to {file} ({width}x{height})</source>
        <translation>Vergleich nach {file} gezeichnet ({width}x{height})</translation>
    </message>
    <message>
        <source>--png/--svg need the app&apos;s dependencies (PySide6, pyqtgraph): {reason}</source>
        <translation>--png/--svg brauchen die Abhängigkeiten der App (PySide6, pyqtgraph): {reason}</translation>
    </message>
    <message>
        <source>each {estimate} ({memory} available: {processes} at a time, not {wanted})</source>
        <translation>je {estimate} ({memory} verfügbar: {processes} gleichzeitig, nicht {wanted})</translation>
    </message>
    <message>
        <source>each {estimate} ({memory} available)</source>
        <translation>je {estimate} ({memory} verfügbar)</translation>
    </message>
    <message>
        <source>--seeds must lie between 1 and {most}</source>
        <translation>--seeds muss zwischen 1 und {most} liegen</translation>
    </message>
    <message>
        <source>--seeds {n} from --seed {first}: seed {seed}: {reason}</source>
        <translation>--seeds {n} ab --seed {first}: Seed {seed}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{task}: {network}, %n step(s), seeds {first}..{last} in {processes}; {note}</source>
        <translation><numerusform>{task}: {network}, %n Schritt, Seeds {first}..{last} in {processes}; {note}</numerusform><numerusform>{task}: {network}, %n Schritte, Seeds {first}..{last} in {processes}; {note}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation><numerusform>%n Prozess</numerusform><numerusform>%n Prozessen</numerusform></translation>
    </message>
    <message>
        <source>{task}, seeds {first}..{last}</source>
        <translation>{task}, Seeds {first}..{last}</translation>
    </message>
    <message>
        <source>{run} done ({finished}/{total})</source>
        <translation>{run} fertig ({finished}/{total})</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>sie ist geschlossen</translation>
    </message>
    <message>
        <source>--samples must lie between 1 and 1000</source>
        <translation>--samples muss zwischen 1 und 1000 liegen</translation>
    </message>
    <message>
        <source>--top must be 0 (every unit) or more</source>
        <translation>--top muss 0 (jede Einheit) oder mehr sein</translation>
    </message>
    <message>
        <source>--layer must be one of {names}</source>
        <translation>--layer muss eines von {names} sein</translation>
    </message>
    <message>
        <source>--unit must lie in 0..{last}</source>
        <translation>--unit muss in 0..{last} liegen</translation>
    </message>
    <message>
        <source>{file}: {task}, {cell}, state {layer} ({units}), step {step}, {samples}</source>
        <translation>{file}: {task}, {cell}, Zustand {layer} ({units}), Schritt {step}, {samples}</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n Einheit</numerusform><numerusform>%n Einheiten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n validation sample(s)</source>
        <translation><numerusform>%n Validierungsbeispiel</numerusform><numerusform>%n Validierungsbeispiele</numerusform></translation>
    </message>
    <message>
        <source>unit</source>
        <comment>a column</comment>
        <translation>Einh.</translation>
    </message>
    <message>
        <source>best feature</source>
        <comment>a column</comment>
        <translation>bestes Merkmal</translation>
    </message>
    <message>
        <source>feature</source>
        <comment>a column</comment>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>closest unit</source>
        <comment>a column</comment>
        <translation>nächste Einheit</translation>
    </message>
    <message>
        <source>unit {unit} on the text and the projection written to {file}</source>
        <translation>Einheit {unit} auf dem Text und die Projektion nach {file} geschrieben</translation>
    </message>
    <message>
        <source>--png needs the app&apos;s dependencies (PySide6): {reason}</source>
        <translation>--png braucht die Abhängigkeiten der App (PySide6): {reason}</translation>
    </message>
    <message>
        <source>experiment settings must be a JSON object</source>
        <translation>die Einstellungen eines Experiments müssen ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>settings format version {version} is not supported (this program reads version {supported})</source>
        <translation>die Formatversion {version} der Einstellungen wird nicht unterstützt (dieses Programm liest Version {supported})</translation>
    </message>
    <message>
        <source>unknown section(s) in settings: {names}</source>
        <translation>unbekannte Abschnitte in den Einstellungen: {names}</translation>
    </message>
    <message>
        <source>settings are not valid JSON: {error}</source>
        <translation>die Einstellungen sind kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <source>{samples} sequences of {steps} steps would take about {size} MB of memory (at most {limit} MB); fewer samples or shorter sequences</source>
        <translation>{samples} Sequenzen mit {steps} Schritten bräuchten etwa {size} MB Speicher (höchstens {limit} MB); weniger Beispiele oder kürzere Sequenzen</translation>
    </message>
    <message>
        <source>the dense baseline reads a whole sequence and gives one output: it only fits many-to-one tasks</source>
        <translation>die dichte Baseline liest eine ganze Sequenz und gibt eine Ausgabe: sie passt nur zu Many-to-one-Aufgaben</translation>
    </message>
    <message>
        <source>a one-to-many network generates step by step, so it cannot look ahead (bidirectional is not possible)</source>
        <translation>ein One-to-many-Netz erzeugt Schritt für Schritt und kann nicht vorausschauen (bidirektional ist nicht möglich)</translation>
    </message>
    <message>
        <source>feeding the output back needs as many inputs as outputs</source>
        <translation>die Ausgabe zurückzuführen braucht so viele Eingaben wie Ausgaben</translation>
    </message>
    <message>
        <source>attention lets a decoder look back at an encoder: only sequence-to-sequence networks have one</source>
        <translation>Attention lässt einen Decoder auf einen Encoder zurückblicken: nur Sequence-to-Sequence-Netze haben einen</translation>
    </message>
    <message>
        <source>dot scores multiply the decoder&apos;s state with an encoder output of the same size, so the encoder must read one way; with a bidirectional encoder choose general or additive</source>
        <translation>Dot-Scores multiplizieren den Zustand des Decoders mit einer gleich großen Ausgabe des Encoders, daher muss der Encoder in eine Richtung lesen; mit einem bidirektionalen Encoder general oder additive wählen</translation>
    </message>
    <message>
        <source>CTC reads an output at every frame (many-to-many)</source>
        <translation>CTC liest in jedem Frame eine Ausgabe (many-to-many)</translation>
    </message>
    <message>
        <source>CTC needs the blank plus a label</source>
        <translation>CTC braucht das Blank und mindestens ein Label</translation>
    </message>
    <message>
        <source>classification needs 2+ classes</source>
        <translation>eine Klassifikation braucht mindestens 2 Klassen</translation>
    </message>
    <message>
        <source>settings section &apos;{name}&apos; must be an object</source>
        <translation>der Einstellungsabschnitt '{name}' muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown setting(s) in &apos;{section}&apos;: {names}</source>
        <translation>unbekannte Einstellungen in '{section}': {names}</translation>
    </message>
    <message>
        <source>the number is out of range</source>
        <translation>die Zahl liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>expected {expected}, got {given}</source>
        <translation>{expected} erwartet, {given} erhalten</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>eines von {choices}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>muss eine endliche Zahl sein</translation>
    </message>
    <message>
        <source>must be above {bound}</source>
        <translation>muss größer als {bound} sein</translation>
    </message>
    <message>
        <source>must be below {bound}</source>
        <translation>muss kleiner als {bound} sein</translation>
    </message>
    <message>
        <source>at least {bound}</source>
        <translation>mindestens {bound}</translation>
    </message>
    <message>
        <source>at most {bound}</source>
        <translation>höchstens {bound}</translation>
    </message>
    <message>
        <source>must lie in {interval}</source>
        <translation>muss in {interval} liegen</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>ist ein Ordner</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>schreibgeschütztes Dateisystem</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>kein Platz mehr auf dem Datenträger</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} lässt sich nicht lesen: {reason}</translation>
    </message>
    <message>
        <source>cannot save {path}: {reason}</source>
        <translation>{path} lässt sich nicht speichern: {reason}</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>{path}: the file is too large ({size} bytes, at most {limit})</source>
        <translation>{path}: die Datei ist zu groß ({size} Bytes, höchstens {limit})</translation>
    </message>
    <message>
        <source>{path}: the file is too large (at most {limit} bytes)</source>
        <translation>{path}: die Datei ist zu groß (höchstens {limit} Bytes)</translation>
    </message>
    <message>
        <source>{name} was not saved: the written file would not reopen ({reason}); the previous file is unchanged</source>
        <translation>{name} wurde nicht gespeichert: die geschriebene Datei ließ sich nicht wieder öffnen ({reason}); die bisherige Datei ist unverändert</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>der Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>parameter {name} has the wrong name or shape {shape}</source>
        <translation>der Parameter {name} hat den falschen Namen oder die falsche Form {shape}</translation>
    </message>
    <message>
        <source>this is not an experiment file (missing {entries})</source>
        <translation>das ist keine Experimentdatei ({entries} fehlt)</translation>
    </message>
    <message>
        <source>the file entry &apos;{name}&apos; declares {size} bytes, more than its settings can produce (at most {most})</source>
        <translation>der Dateieintrag '{name}' gibt {size} Bytes an, mehr als seine Einstellungen erzeugen können (höchstens {most})</translation>
    </message>
    <message>
        <source>the file holds more optimizer buffers than its network has</source>
        <translation>die Datei enthält mehr Optimierer-Puffer, als ihr Netz hat</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; holds more records than an experiment with a history of {most} steps can</source>
        <translation>'{entry}' enthält mehr Datensätze, als ein Experiment mit einem Verlauf von {most} Schritten haben kann</translation>
    </message>
    <message>
        <source>unknown file format version {version}</source>
        <translation>unbekannte Dateiformat-Version {version}</translation>
    </message>
    <message>
        <source>the file was written in format version {version} by a newer program (version {app}); this program reads up to version {read}. Please update RNN Sandbox.</source>
        <translation>die Datei wurde im Format Version {version} von einem neueren Programm (Version {app}) geschrieben; dieses Programm liest bis Version {read}. Bitte RNN Sandbox aktualisieren.</translation>
    </message>
    <message>
        <source>invalid settings: {reason}</source>
        <translation>ungültige Einstellungen: {reason}</translation>
    </message>
    <message>
        <source>cannot rebuild the experiment: {reason}</source>
        <translation>das Experiment lässt sich nicht neu aufbauen: {reason}</translation>
    </message>
    <message>
        <source>cannot rebuild the experiment from its settings ({reason})</source>
        <translation>das Experiment lässt sich aus seinen Einstellungen nicht neu aufbauen ({reason})</translation>
    </message>
    <message>
        <source>invalid trainer state ({reason})</source>
        <translation>ungültiger Zustand des Trainers ({reason})</translation>
    </message>
    <message>
        <source>the stored data come without their description (data_meta)</source>
        <translation>die gespeicherten Daten kommen ohne ihre Beschreibung (data_meta)</translation>
    </message>
    <message>
        <source>unexpected array &apos;{name}&apos; in the stored data</source>
        <translation>unerwartetes Array '{name}' in den gespeicherten Daten</translation>
    </message>
    <message>
        <source>the stored data lack the train inputs or targets</source>
        <translation>den gespeicherten Daten fehlen die Eingaben oder Ziele des Trainings</translation>
    </message>
    <message>
        <source>the stored data lack the val inputs or targets</source>
        <translation>den gespeicherten Daten fehlen die Eingaben oder Ziele der Validierung</translation>
    </message>
    <message>
        <source>this is not an experiment file (not a zip archive)</source>
        <translation>das ist keine Experimentdatei (kein ZIP-Archiv)</translation>
    </message>
    <message>
        <source>this is not a runs file (not a zip archive)</source>
        <translation>das ist keine Läufe-Datei (kein ZIP-Archiv)</translation>
    </message>
    <message>
        <source>this is not a lesson pack (not a zip archive)</source>
        <translation>das ist kein Lektionspaket (kein ZIP-Archiv)</translation>
    </message>
    <message>
        <source>this is not an experiment file (wrong format name)</source>
        <translation>das ist keine Experimentdatei (falscher Formatname)</translation>
    </message>
    <message>
        <source>this is not a runs file (wrong format name)</source>
        <translation>das ist keine Läufe-Datei (falscher Formatname)</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>the runs file</source>
        <translation>die Läufe-Datei</translation>
    </message>
    <message>
        <source>the lesson pack</source>
        <translation>das Lektionspaket</translation>
    </message>
    <message>
        <source>the weights</source>
        <translation>die Gewichte</translation>
    </message>
    <message>
        <source>the optimizer state</source>
        <translation>der Zustand des Optimierers</translation>
    </message>
    <message>
        <source>the stored data</source>
        <translation>die gespeicherten Daten</translation>
    </message>
    <message>
        <source>the gradient summaries</source>
        <translation>die Gradienten-Zusammenfassungen</translation>
    </message>
    <message>
        <source>the file is damaged or truncated ({detail})</source>
        <translation>die Datei ist beschädigt oder abgeschnitten ({detail})</translation>
    </message>
    <message>
        <source>the file is damaged or truncated (it ends inside an archive it holds)</source>
        <translation>die Datei ist beschädigt oder abgeschnitten (sie endet in einem Archiv, das sie enthält)</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is shorter than declared</source>
        <translation>der Eintrag '{name}' ist kürzer als angegeben</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; contains NaN or infinite values</source>
        <translation>das Array '{name}' enthält NaN oder unendliche Werte</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is longer than declared</source>
        <translation>der Eintrag '{name}' ist länger als angegeben</translation>
    </message>
    <message>
        <source>{what} has {count} entries (at most {most})</source>
        <translation>{what}: {count} Einträge (höchstens {most})</translation>
    </message>
    <message>
        <source>{what} contains &apos;{name}&apos; twice</source>
        <translation>{what}: '{name}' kommt zweimal vor</translation>
    </message>
    <message>
        <source>{what} contains an unexpected entry &apos;{name}&apos;</source>
        <translation>{what}: unerwarteter Eintrag '{name}'</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; is encrypted</source>
        <translation>{what}: der Eintrag '{name}' ist verschlüsselt</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; uses an unsupported compression</source>
        <translation>{what}: der Eintrag '{name}' ist auf eine nicht unterstützte Art komprimiert</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; declares {size} bytes (at most {most} for its settings)</source>
        <translation>{what}: der Eintrag '{name}' gibt {size} Bytes an (höchstens {most} bei seinen Einstellungen)</translation>
    </message>
    <message>
        <source>{what} declares {size} bytes in all (at most {most})</source>
        <translation>{what}: insgesamt {size} Bytes angegeben (höchstens {most})</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is shorter or longer than declared</source>
        <translation>der Eintrag '{name}' ist kürzer oder länger als angegeben</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an unknown .npy version {version}</source>
        <translation>das Array '{name}' hat eine unbekannte .npy-Version {version}</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has a damaged header: {reason}</source>
        <translation>das Array '{name}' hat einen beschädigten Kopf: {reason}</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an unsupported type {dtype}</source>
        <translation>das Array '{name}' hat einen nicht unterstützten Typ {dtype}</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an invalid shape {shape}</source>
        <translation>das Array '{name}' hat eine ungültige Form {shape}</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; should hold {expected} bytes but holds {actual} (truncated?)</source>
        <translation>das Array '{name}' sollte {expected} Bytes enthalten, enthält aber {actual} (abgeschnitten?)</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; is truncated</source>
        <translation>das Array '{name}' ist abgeschnitten</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; is longer than its header says</source>
        <translation>das Array '{name}' ist länger, als sein Kopf angibt</translation>
    </message>
    <message>
        <source>{what} is not a readable .npz archive: {reason}</source>
        <translation>{what}: kein lesbares .npz-Archiv: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a number JSON allows</source>
        <translation>{name} ist keine Zahl, die JSON erlaubt</translation>
    </message>
    <message>
        <source>it holds too many numbers</source>
        <translation>es enthält zu viele Zahlen</translation>
    </message>
    <message>
        <source>{number} is out of range</source>
        <translation>{number} liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; is not valid JSON ({reason})</source>
        <translation>'{entry}' ist kein gültiges JSON ({reason})</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; must hold a JSON object</source>
        <translation>'{entry}' muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>the network of “{title}” does not write</source>
        <translation>das Netz von „{title}“ schreibt nicht</translation>
    </message>
    <message>
        <source>task settings are for &apos;{given}&apos;, not &apos;{task}&apos;</source>
        <translation>die Aufgabeneinstellungen gelten für '{given}', nicht für '{task}'</translation>
    </message>
    <message>
        <source>wrote</source>
        <comment>the column of written words</comment>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>there is no task named &apos;{name}&apos; (known tasks: {known})</source>
        <translation>es gibt keine Aufgabe namens '{name}' (bekannte Aufgaben: {known})</translation>
    </message>
    <message>
        <source>needs about {size} of memory</source>
        <translation>braucht etwa {size} Speicher</translation>
    </message>
    <message>
        <source>needs about {size} of memory, {duration} per step</source>
        <translation>braucht etwa {size} Speicher, {duration} je Schritt</translation>
    </message>
    <message>
        <source>the weights, their gradients and the optimizer</source>
        <translation>die Gewichte, ihre Gradienten und den Optimierer</translation>
    </message>
    <message>
        <source>one batch&apos;s forward and backward pass</source>
        <translation>den Vorwärts- und Rückwärtsdurchlauf einer Batch</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>den Datensatz</translation>
    </message>
    <message numerus="yes">
        <source>these settings need about {need} of memory for %n run(s), and {have} is available: the program itself needs about {base}; close other programs to free memory</source>
        <translation><numerusform>diese Einstellungen brauchen für %n Lauf etwa {need} Speicher, und {have} sind verfügbar: das Programm selbst braucht etwa {base}; schließen Sie andere Programme, um Speicher freizugeben</numerusform><numerusform>diese Einstellungen brauchen für %n Läufe etwa {need} Speicher, und {have} sind verfügbar: das Programm selbst braucht etwa {base}; schließen Sie andere Programme, um Speicher freizugeben</numerusform></translation>
    </message>
    <message>
        <source>these settings need about {need} of memory, and {have} is available: the program itself needs about {base}; close other programs to free memory</source>
        <translation>diese Einstellungen brauchen etwa {need} Speicher, und {have} sind verfügbar: das Programm selbst braucht etwa {base}; schließen Sie andere Programme, um Speicher freizugeben</translation>
    </message>
    <message>
        <source>lower the hidden size or the layers, or turn off bidirectional</source>
        <translation>die verborgene Größe oder die Schichten verringern oder bidirektional ausschalten</translation>
    </message>
    <message>
        <source>lower the batch size, the sequence length or the hidden size</source>
        <translation>die Batchgröße, die Sequenzlänge oder die verborgene Größe verringern</translation>
    </message>
    <message>
        <source>lower the samples or the sequence length</source>
        <translation>die Beispiele oder die Sequenzlänge verringern</translation>
    </message>
    <message numerus="yes">
        <source>these settings need about {need} of memory for %n run(s) (most of it for {part}: {size}), and {have} is available; {advice}</source>
        <translation><numerusform>diese Einstellungen brauchen für %n Lauf etwa {need} Speicher (das meiste für {part}: {size}), und {have} sind verfügbar; {advice}</numerusform><numerusform>diese Einstellungen brauchen für %n Läufe etwa {need} Speicher (das meiste für {part}: {size}), und {have} sind verfügbar; {advice}</numerusform></translation>
    </message>
    <message>
        <source>these settings need about {need} of memory (most of it for {part}: {size}), and {have} is available; {advice}</source>
        <translation>diese Einstellungen brauchen etwa {need} Speicher (das meiste für {part}: {size}), und {have} sind verfügbar; {advice}</translation>
    </message>
    <message>
        <source>CSV file not found: {file}</source>
        <translation>CSV-Datei nicht gefunden: {file}</translation>
    </message>
    <message>
        <source>{file} is not a text file (it is not UTF-8 encoded)</source>
        <translation>{file} ist keine Textdatei (nicht UTF-8-kodiert)</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file: {reason}</source>
        <translation>{file} ist keine lesbare CSV-Datei: {reason}</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} ist leer</translation>
    </message>
    <message>
        <source>{file} has no header: row 1 holds numbers ({numbers}); the first row must name the columns</source>
        <translation>{file} hat keine Kopfzeile: Zeile 1 enthält Zahlen ({numbers}); die erste Zeile muss die Spalten benennen</translation>
    </message>
    <message>
        <source>{file}: column {column} has no name in the header (row 1)</source>
        <translation>{file}: Spalte {column} hat in der Kopfzeile (Zeile 1) keinen Namen</translation>
    </message>
    <message>
        <source>{file}: the header names column &apos;{column}&apos; twice</source>
        <translation>{file}: die Kopfzeile nennt die Spalte '{column}' zweimal</translation>
    </message>
    <message>
        <source>{file} has no column named &apos;{column}&apos;; its columns are: {columns}</source>
        <translation>{file} hat keine Spalte namens '{column}'; ihre Spalten sind: {columns}</translation>
    </message>
    <message>
        <source>{file} has a header but no data rows</source>
        <translation>{file} hat eine Kopfzeile, aber keine Datenzeilen</translation>
    </message>
    <message>
        <source>{file}: row {row} is empty</source>
        <translation>{file}: Zeile {row} ist leer</translation>
    </message>
    <message>
        <source>{file}: row {row} has {cells} cells but the header names {columns} columns</source>
        <translation>{file}: Zeile {row} hat {cells} Zellen, aber die Kopfzeile nennt {columns} Spalten</translation>
    </message>
    <message>
        <source>{file}: gap at row {row}, column &apos;{column}&apos; (the cell is empty)</source>
        <translation>{file}: Lücke in Zeile {row}, Spalte '{column}' (die Zelle ist leer)</translation>
    </message>
    <message>
        <source>{file}: row {row}, column &apos;{column}&apos; holds text (&apos;{text}&apos;), not a number</source>
        <translation>{file}: Zeile {row}, Spalte '{column}' enthält Text ('{text}'), keine Zahl</translation>
    </message>
    <message>
        <source>{file}: row {row}, column &apos;{column}&apos; holds &apos;{text}&apos;, which is not a finite number</source>
        <translation>{file}: Zeile {row}, Spalte '{column}' enthält '{text}', keine endliche Zahl</translation>
    </message>
    <message>
        <source>choose at least one feature column</source>
        <translation>wählen Sie mindestens eine Merkmalsspalte</translation>
    </message>
    <message>
        <source>feature columns must be given by name</source>
        <translation>Merkmalsspalten müssen mit Namen angegeben werden</translation>
    </message>
    <message>
        <source>choose a target column</source>
        <translation>wählen Sie eine Zielspalte</translation>
    </message>
    <message>
        <source>horizon must be a whole number of rows, at least 1 (got {value})</source>
        <translation>horizon muss eine ganze Zahl von Zeilen sein, mindestens 1 (erhalten: {value})</translation>
    </message>
    <message>
        <source>{file} has {rows} data rows: too few for a window of {window} rows plus a horizon of {horizon} (at least {least} rows give the 4 windows needed for training and validation)</source>
        <translation>{file} hat {rows} Datenzeilen: zu wenige für ein Fenster von {window} Zeilen plus einen Horizont von {horizon} (mindestens {least} Zeilen ergeben die 4 Fenster, die Training und Validierung brauchen)</translation>
    </message>
    <message>
        <source>{file}: column &apos;{column}&apos; holds values too large to standardise (up to {largest}); rescale the column</source>
        <translation>{file}: Spalte '{column}' enthält Werte, die zum Standardisieren zu groß sind (bis {largest}); skalieren Sie die Spalte um</translation>
    </message>
    <message>
        <source>the CSV data&apos;s description lacks or mistypes &apos;{key}&apos;</source>
        <translation>in der Beschreibung der CSV-Daten fehlt '{key}' oder hat den falschen Typ</translation>
    </message>
    <message>
        <source>{file}: last row of the window: {values}</source>
        <translation>{file}: letzte Zeile des Fensters: {values}</translation>
    </message>
    <message numerus="yes">
        <source>{column} %n row(s) later: {value}</source>
        <translation><numerusform>{column} %n Zeile später: {value}</numerusform><numerusform>{column} %n Zeilen später: {value}</numerusform></translation>
    </message>
    <message>
        <source>{column}: forecast {forecast}   truth {truth}   error {error}</source>
        <translation>{column}: Prognose {forecast}   Wahrheit {truth}   Fehler {error}</translation>
    </message>
    <message>
        <source>Try a lower learning rate, turn on gradient clipping, or a smaller spectral radius.</source>
        <translation>Versuchen Sie eine kleinere Lernrate, schalten Sie Gradient Clipping ein oder nehmen Sie einen kleineren Spektralradius.</translation>
    </message>
    <message>
        <source>the loss became {loss} at step {step}: the weights grew too large.</source>
        <translation>der Verlust wurde in Schritt {step} zu {loss}: die Gewichte wurden zu groß.</translation>
    </message>
    <message>
        <source>the gradient of {name} became {kind} at step {step} (the loss was {loss}): the gradients exploded.</source>
        <translation>der Gradient von {name} wurde in Schritt {step} {kind} (der Verlust war {loss}): die Gradienten sind explodiert.</translation>
    </message>
    <message>
        <source>the update at step {step} would make the optimizer&apos;s {buffer} buffer of {name} {kind} (the loss was {loss}); the weights are those of step {previous}.</source>
        <translation>die Aktualisierung in Schritt {step} würde den {buffer}-Puffer des Optimierers für {name} {kind} machen (der Verlust war {loss}); die Gewichte sind die von Schritt {previous}.</translation>
    </message>
    <message>
        <source>the update at step {step} would make the weight {name} {kind} (the loss was {loss}); the weights are those of step {previous}.</source>
        <translation>die Aktualisierung in Schritt {step} würde das Gewicht {name} {kind} machen (der Verlust war {loss}); die Gewichte sind die von Schritt {previous}.</translation>
    </message>
    <message>
        <source>a setup line is text</source>
        <translation>eine Setup-Zeile ist Text</translation>
    </message>
    <message>
        <source>the setup line is {length} characters long (at most {most}); a setup line names a task and a few settings</source>
        <translation>die Setup-Zeile ist {length} Zeichen lang (höchstens {most}); eine Setup-Zeile nennt eine Aufgabe und einige Einstellungen</translation>
    </message>
    <message>
        <source>the setup line is empty: it starts with a task, like long_memory;cell=lstm;hidden=32</source>
        <translation>die Setup-Zeile ist leer: sie beginnt mit einer Aufgabe, etwa long_memory;cell=lstm;hidden=32</translation>
    </message>
    <message>
        <source>the task</source>
        <translation>die Aufgabe</translation>
    </message>
    <message>
        <source>a setup line starts with its task, not &apos;{name}&apos; (tasks: {tasks})</source>
        <translation>eine Setup-Zeile beginnt mit ihrer Aufgabe, nicht mit '{name}' (Aufgaben: {tasks})</translation>
    </message>
    <message>
        <source>there is no task &apos;{name}&apos; (tasks: {tasks})</source>
        <translation>es gibt keine Aufgabe '{name}' (Aufgaben: {tasks})</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>ein Name</translation>
    </message>
    <message>
        <source>&apos;{item}&apos;: write each setting as NAME=VALUE, like hidden=32</source>
        <translation>'{item}': jede Einstellung als NAME=WERT schreiben, etwa hidden=32</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is given twice</source>
        <translation>'{name}' ist zweimal angegeben</translation>
    </message>
    <message>
        <source>{task} cannot use these options: {reason}</source>
        <translation>{task} kann diese Optionen nicht verwenden: {reason}</translation>
    </message>
    <message>
        <source>the task {task} decides it ({value} for these settings); leave it out</source>
        <translation>die Aufgabe {task} legt das fest ({value} bei diesen Einstellungen); lassen Sie es weg</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not true or false</source>
        <translation>'{text}' ist weder true noch false</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a whole number</source>
        <translation>'{text}' ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>'{text}' ist keine Zahl</translation>
    </message>
    <message>
        <source>{text} is not allowed: {reason}</source>
        <translation>{text} ist nicht erlaubt: {reason}</translation>
    </message>
    <message>
        <source>{value} is not a value an option can take</source>
        <translation>{value} ist kein Wert, den eine Option annehmen kann</translation>
    </message>
    <message>
        <source>the value is nested too deeply</source>
        <translation>der Wert ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the %-escapes are not UTF-8 text</source>
        <translation>die %-Escapes sind kein UTF-8-Text</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is neither a setting nor an option of {task} (settings: {settings}; options of {task}: {options})</source>
        <translation>'{name}' ist weder eine Einstellung noch eine Option von {task} (Einstellungen: {settings}; Optionen von {task}: {options})</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is neither a setting nor an option of {task} (settings: {settings})</source>
        <translation>'{name}' ist weder eine Einstellung noch eine Option von {task} (Einstellungen: {settings})</translation>
    </message>
    <message>
        <source>a scene is a number (one to {most}), perhaps a size ({sizes}), a colour ({colours}) and a shape ({shapes}), e.g. &quot;two big red circles&quot;</source>
        <translation>eine Szene ist eine Zahl (one bis {most}), vielleicht eine Größe ({sizes}), eine Farbe ({colours}) und eine Form ({shapes}), z. B. "two big red circles"</translation>
    </message>
    <message>
        <source>unknown words: {words}; {scene}</source>
        <translation>unbekannte Wörter: {words}; {scene}</translation>
    </message>
    <message>
        <source>caption: seq_len must be at least {need} (the longest caption)</source>
        <translation>caption: seq_len muss mindestens {need} sein (die längste Beschreibung)</translation>
    </message>
    <message>
        <source>caption: too few samples to hold out &apos;{holdout}&apos;</source>
        <translation>caption: zu wenige Beispiele, um '{holdout}' zurückzuhalten</translation>
    </message>
    <message>
        <source>temperature must be 0 or more</source>
        <translation>die Temperatur muss 0 oder mehr sein</translation>
    </message>
    <message>
        <source>scene: {scene}</source>
        <translation>Szene: {scene}</translation>
    </message>
    <message>
        <source>caption:</source>
        <translation>Bildunterschrift:</translation>
    </message>
    <message>
        <source>network: &quot;{written}&quot;   truth: &quot;{truth}&quot;   (exact)</source>
        <translation>Netz: „{written}“   Wahrheit: „{truth}“   (genau)</translation>
    </message>
    <message>
        <source>network: &quot;{written}&quot;   truth: &quot;{truth}&quot;   (wrong)</source>
        <translation>Netz: „{written}“   Wahrheit: „{truth}“   (falsch)</translation>
    </message>
    <message>
        <source>caption: holdout must be a colour and a shape, e.g. &apos;blue triangle&apos; (colours {colours}; shapes {shapes}), not &apos;{text}&apos;</source>
        <translation>caption: holdout muss eine Farbe und eine Form sein, z. B. 'blue triangle' (Farben {colours}; Formen {shapes}), nicht '{text}'</translation>
    </message>
    <message>
        <source>colour={colour} shape={shape} size={size} count={count}</source>
        <translation>Farbe={colour} Form={shape} Größe={size} Anzahl={count}</translation>
    </message>
    <message>
        <source>sentences need up to {steps} steps</source>
        <translation>Sätze brauchen bis zu {steps} Schritte</translation>
    </message>
    <message>
        <source>name_share must lie between 0 and 1</source>
        <translation>name_share muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>should be {tag}</source>
        <translation>sollte {tag} sein</translation>
    </message>
    <message>
        <source>(name or noun?)</source>
        <translation>(Name oder Nomen?)</translation>
    </message>
    <message>
        <source>all tags right</source>
        <translation>alle Labels richtig</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) wrong</source>
        <translation><numerusform>%n Label falsch</numerusform><numerusform>%n Labels falsch</numerusform></translation>
    </message>
    <message>
        <source>cat first</source>
        <translation>Katze zuerst</translation>
    </message>
    <message>
        <source>dog first</source>
        <translation>Hund zuerst</translation>
    </message>
    <message>
        <source>order_matters needs 2 &lt;= min_len &lt;= seq_len</source>
        <translation>order_matters braucht 2 &lt;= min_len &lt;= seq_len</translation>
    </message>
    <message>
        <source>network: {guess} ({share})   truth: {truth}   (right)</source>
        <translation>Netz: {guess} ({share})   Wahrheit: {truth}   (richtig)</translation>
    </message>
    <message>
        <source>network: {guess} ({share})   truth: {truth}   (wrong)</source>
        <translation>Netz: {guess} ({share})   Wahrheit: {truth}   (falsch)</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>sentiment: max_clauses must lie between 1 and 5</source>
        <translation>sentiment: max_clauses muss zwischen 1 und 5 liegen</translation>
    </message>
    <message numerus="yes">
        <source>sentiment: posts of %n clause(s) need seq_len &gt;= {least}</source>
        <translation><numerusform>sentiment: Beiträge aus %n Teilsatz brauchen seq_len &gt;= {least}</numerusform><numerusform>sentiment: Beiträge aus %n Teilsätzen brauchen seq_len &gt;= {least}</numerusform></translation>
    </message>
    <message>
        <source>min_frames must be at least 1 and at most max_frames</source>
        <translation>min_frames muss mindestens 1 und höchstens max_frames sein</translation>
    </message>
    <message>
        <source>{need} frames are needed for {letters}-letter words at up to {most} frames per letter</source>
        <translation>für Wörter mit {letters} Buchstaben bei bis zu {most} Frames je Buchstabe werden {need} Frames gebraucht</translation>
    </message>
    <message numerus="yes">
        <source>&apos;{word}&apos;: %n frame(s) of {features} features</source>
        <translation><numerusform>„{word}“: %n Frame mit {features} Merkmalen</numerusform><numerusform>„{word}“: %n Frames mit je {features} Merkmalen</numerusform></translation>
    </message>
    <message>
        <source>right</source>
        <comment>a prediction</comment>
        <translation>richtig</translation>
    </message>
    <message>
        <source>wrong</source>
        <comment>a prediction</comment>
        <translation>falsch</translation>
    </message>
    <message>
        <source>frames</source>
        <comment>a CTC row</comment>
        <translation>Frames</translation>
    </message>
    <message>
        <source>collapsed</source>
        <comment>a CTC row</comment>
        <translation>zusammengefasst</translation>
    </message>
    <message>
        <source>target</source>
        <comment>a CTC row</comment>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>text_generation: there is no text &apos;{text}&apos; (known: {known})</source>
        <translation>text_generation: es gibt keinen Text '{text}' (bekannt: {known})</translation>
    </message>
    <message>
        <source>text_generation: seq_len {steps} is longer than the training text allows</source>
        <translation>text_generation: seq_len {steps} ist länger, als der Trainingstext erlaubt</translation>
    </message>
    <message>
        <source>text_generation: seq_len {steps} is longer than the validation text allows</source>
        <translation>text_generation: seq_len {steps} ist länger, als der Validierungstext erlaubt</translation>
    </message>
    <message>
        <source>start &quot;{first}&quot; → &quot;{rest}&quot;</source>
        <translation>Anfang „{first}“ → „{rest}“</translation>
    </message>
    <message>
        <source>text:</source>
        <comment>above the guesses</comment>
        <translation>Text:</translation>
    </message>
    <message>
        <source>guesses:</source>
        <translation>Vermutungen:</translation>
    </message>
    <message>
        <source>({hits}/{total} next characters right)</source>
        <translation>({hits}/{total} nächste Zeichen richtig)</translation>
    </message>
    <message>
        <source>text is written by a one-to-many classification network</source>
        <translation>Text schreibt ein One-to-many-Klassifikationsnetz</translation>
    </message>
    <message>
        <source>the network&apos;s size does not match this alphabet</source>
        <translation>die Größe des Netzes passt nicht zu diesem Alphabet</translation>
    </message>
    <message>
        <source>give at least one start character</source>
        <translation>geben Sie mindestens ein Startzeichen an</translation>
    </message>
    <message>
        <source>not in the text&apos;s alphabet: {shown} (the network knows only the {count} characters of its text)</source>
        <translation>nicht im Alphabet des Textes: {shown} (das Netz kennt nur die {count} Zeichen seines Textes)</translation>
    </message>
    <message>
        <source>tiny_bptt needs at least 2 time steps (a first and a last)</source>
        <translation>tiny_bptt braucht mindestens 2 Zeitschritte (einen ersten und einen letzten)</translation>
    </message>
    <message>
        <source>(a, b) per step: {steps} → a₁ − b_last = {target}</source>
        <translation>(a, b) je Schritt: {steps} → a₁ − b_last = {target}</translation>
    </message>
    <message>
        <source>network {network}   truth {truth}   error {error}</source>
        <translation>Netz {network}   Wahrheit {truth}   Fehler {error}</translation>
    </message>
    <message>
        <source>adverb</source>
        <translation>Adverb</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>verb</source>
        <translation>Verb</translation>
    </message>
    <message>
        <source>adjective</source>
        <translation>Adjektiv</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>words: the longest sentence has {low} to {high} words, not {given}</source>
        <translation>words: der längste Satz hat {low} bis {high} Wörter, nicht {given}</translation>
    </message>
    <message>
        <source>target must be one of {targets}, not &apos;{given}&apos;</source>
        <translation>target muss eines von {targets} sein, nicht '{given}'</translation>
    </message>
    <message>
        <source>source sentences need up to {steps} steps</source>
        <translation>Quellsätze brauchen bis zu {steps} Schritte</translation>
    </message>
    <message>
        <source>words</source>
        <comment>a column</comment>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>sentences</source>
        <comment>a column</comment>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>sentence accuracy by source length</source>
        <translation>Satzgenauigkeit nach Länge des Quellsatzes</translation>
    </message>
    <message>
        <source>source</source>
        <comment>a translation row</comment>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>network</source>
        <comment>a translation row</comment>
        <translation>Netz</translation>
    </message>
    <message>
        <source>expected</source>
        <comment>a translation row</comment>
        <translation>erwartet</translation>
    </message>
    <message>
        <source>({order} order)</source>
        <translation>(Wortstellung {order})</translation>
    </message>
    <message>
        <source>all right</source>
        <translation>alles richtig</translation>
    </message>
    <message>
        <source>order wrong (the right words):</source>
        <translation>Wortstellung falsch (die richtigen Wörter):</translation>
    </message>
    <message>
        <source>order wrong:</source>
        <translation>Wortstellung falsch:</translation>
    </message>
    <message>
        <source>word {place}: &apos;{wrote}&apos; should be &apos;{expected}&apos;</source>
        <translation>Wort {place}: „{wrote}“ sollte „{expected}“ sein</translation>
    </message>
    <message numerus="yes">
        <source>order right, %n word(s) wrong:</source>
        <translation><numerusform>Wortstellung richtig, %n Wort falsch:</numerusform><numerusform>Wortstellung richtig, %n Wörter falsch:</numerusform></translation>
    </message>
    <message>
        <source>weather: resolution must be one of {choices}</source>
        <translation>weather: resolution muss eines von {choices} sein</translation>
    </message>
    <message>
        <source>weather: horizon_hours must lie between 1 and 72</source>
        <translation>weather: horizon_hours muss zwischen 1 und 72 liegen</translation>
    </message>
    <message>
        <source>mean of the hour up to {clock}: {reading}</source>
        <translation>Mittel der Stunde bis {clock}: {reading}</translation>
    </message>
    <message>
        <source>last reading at {clock}: {reading}</source>
        <translation>letzter Messwert um {clock}: {reading}</translation>
    </message>
    <message>
        <source>{hours} h of readings ({resolution}), {low} to {high} °C</source>
        <translation>{hours} h Messwerte ({resolution}), {low} bis {high} °C</translation>
    </message>
    <message>
        <source>temperature {hours} h later: {value} °C</source>
        <translation>Temperatur {hours} h später: {value} °C</translation>
    </message>
    <message>
        <source>now {now} °C → forecast for +{hours} h: {forecast} °C   measured {measured} °C   error {error} °C</source>
        <translation>jetzt {now} °C → Prognose für +{hours} h: {forecast} °C   gemessen {measured} °C   Fehler {error} °C</translation>
    </message>
    <message>
        <source>pressure {pressure} hPa ({change} hPa in {hours} h), wind {wind} m/s</source>
        <translation>Luftdruck {pressure} hPa ({change} hPa in {hours} h), Wind {wind} m/s</translation>
    </message>
    <message>
        <source>sample index {index} is outside 0..{last}</source>
        <translation>der Beispielindex {index} liegt außerhalb von 0..{last}</translation>
    </message>
    <message>
        <source>exporting &apos;{cell}&apos; cells is not supported</source>
        <translation>der Export von '{cell}'-Zellen wird nicht unterstützt</translation>
    </message>
    <message>
        <source>{run}: training diverged: {reason}</source>
        <translation>{run}: das Training ist divergiert: {reason}</translation>
    </message>
    <message>
        <source>the runs were cancelled</source>
        <translation>die Läufe wurden abgebrochen</translation>
    </message>
    <message>
        <source>the train data&apos;s {array} hold NaN or infinite values as {dtype} numbers; rescale the data or use float64</source>
        <translation>die Trainingsdaten ({array}) enthalten als {dtype}-Zahlen NaN oder unendliche Werte; skalieren Sie die Daten um oder verwenden Sie float64</translation>
    </message>
    <message>
        <source>the val data&apos;s {array} hold NaN or infinite values as {dtype} numbers; rescale the data or use float64</source>
        <translation>die Validierungsdaten ({array}) enthalten als {dtype}-Zahlen NaN oder unendliche Werte; skalieren Sie die Daten um oder verwenden Sie float64</translation>
    </message>
    <message>
        <source>a network without recurrent states has no hidden units to read</source>
        <translation>ein Netz ohne rekurrente Zustände hat keine verborgenen Einheiten zum Lesen</translation>
    </message>
    <message>
        <source>lessons (.md) and pictures (.png, .jpg, .gif)</source>
        <translation>Lektionen (.md) und Bilder (.png, .jpg, .gif)</translation>
    </message>
    <message>
        <source>{file}: lessons come as a folder of .md files or one .zip of them</source>
        <translation>{file}: Lektionen kommen als Ordner mit .md-Dateien oder als ein .zip davon</translation>
    </message>
    <message>
        <source>the name &apos;{name}…&apos; is too long</source>
        <translation>der Name '{name}…' ist zu lang</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a path outside the pack</source>
        <translation>'{name}' ist ein Pfad außerhalb des Pakets</translation>
    </message>
    <message>
        <source>the name &apos;{name}&apos; has control characters</source>
        <translation>der Name '{name}' enthält Steuerzeichen</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; lies more than {depth} folders deep</source>
        <translation>'{name}' liegt mehr als {depth} Ordner tief</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a lesson or a picture: a pack holds only {kinds}</source>
        <translation>'{name}' ist weder eine Lektion noch ein Bild: ein Paket enthält nur {kinds}</translation>
    </message>
    <message>
        <source>the pack holds more than {size} MB</source>
        <translation>das Paket ist größer als {size} MB</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a link: a pack holds its files themselves</source>
        <translation>'{name}' ist ein Link: ein Paket enthält seine Dateien selbst</translation>
    </message>
    <message>
        <source>the folder holds more than {most} files: is it a folder of lessons?</source>
        <translation>der Ordner enthält mehr als {most} Dateien: ist es ein Ordner mit Lektionen?</translation>
    </message>
    <message>
        <source>{file} is damaged ({detail})</source>
        <translation>{file} ist beschädigt ({detail})</translation>
    </message>
    <message>
        <source>the pack has {entries} entries (at most {most} files)</source>
        <translation>das Paket hat {entries} Einträge (höchstens {most} Dateien)</translation>
    </message>
    <message>
        <source>the pack holds {count} files (at most {most})</source>
        <translation>das Paket enthält {count} Dateien (höchstens {most})</translation>
    </message>
    <message>
        <source>the pack holds no lessons: a lesson is a Markdown file (.md); a pack holds only {kinds}</source>
        <translation>das Paket enthält keine Lektionen: eine Lektion ist eine Markdown-Datei (.md); ein Paket enthält nur {kinds}</translation>
    </message>
    <message>
        <source>the pack holds {count} lessons (at most {most})</source>
        <translation>das Paket enthält {count} Lektionen (höchstens {most})</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not the picture its name says</source>
        <translation>'{name}' ist nicht das Bild, das sein Name verspricht</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8</source>
        <translation>{file} ist kein UTF-8-Text (Byte {byte} lässt sich nicht lesen); speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
        <source>{file} is not text (it holds NUL characters)</source>
        <translation>{file} ist kein Text (die Datei enthält NUL-Zeichen)</translation>
    </message>
    <message>
        <source>{file}, line {row}: lessons are Markdown without HTML (found &apos;{found}…&apos;); write a lone &lt; as &amp;lt;</source>
        <translation>{file}, Zeile {row}: Lektionen sind Markdown ohne HTML (gefunden: '{found}…'); ein einzelnes &lt; als &amp;lt; schreiben</translation>
    </message>
    <message>
        <source>{file}: the setup link &apos;{link}&apos; cannot be read: {reason}</source>
        <translation>{file}: der Setup-Link '{link}' lässt sich nicht lesen: {reason}</translation>
    </message>
    <message>
        <source>{file} shows a picture from elsewhere ({picture}): pictures must be files in the pack</source>
        <translation>{file} zeigt ein Bild von anderswo ({picture}): Bilder müssen Dateien im Paket sein</translation>
    </message>
    <message>
        <source>{file} shows a picture outside the pack ({picture})</source>
        <translation>{file} zeigt ein Bild außerhalb des Pakets ({picture})</translation>
    </message>
    <message>
        <source>{file} shows the picture &apos;{picture}&apos;, which is not in the pack</source>
        <translation>{file} zeigt das Bild '{picture}', das nicht im Paket ist</translation>
    </message>
    <message>
        <source>A simple RNN multiplies its state, and the error travelling back, by W_hh at every step. Eigenvalues inside the unit circle shrink what they meet (vanishing), outside it they let it grow (exploding); the spectral radius ρ is the largest |λ|.</source>
        <translation>Ein einfaches RNN multipliziert seinen Zustand und den zurücklaufenden Fehler bei jedem Schritt mit W_hh. Eigenwerte innerhalb des Einheitskreises lassen schrumpfen, was sie treffen (verschwindend), außerhalb lassen sie es wachsen (explodierend); der Spektralradius ρ ist das größte |λ|.</translation>
    </message>
    <message>
        <source>Eigenvalues are shown for the simple RNN. An LSTM&apos;s or a GRU&apos;s W_hh stacks one block per gate, and minGRU and minLSTM have none: their gates read only x_t.</source>
        <translation>Eigenwerte werden für das einfache RNN gezeigt. Das W_hh eines LSTM oder GRU stapelt einen Block je Gate, und minGRU und minLSTM haben keines: Ihre Gates lesen nur x_t.</translation>
    </message>
    <message>
        <source>Eigenvalues λ of W&lt;sub&gt;hh&lt;/sub&gt;</source>
        <translation>Eigenwerte λ von W&lt;sub&gt;hh&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>real part</source>
        <translation>Realteil</translation>
    </message>
    <message>
        <source>imaginary part</source>
        <translation>Imaginärteil</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;■&lt;/span&gt; {label}: ρ = {radius}</source>
        <translation>&lt;span style='color:{colour}'&gt;■&lt;/span&gt; {label}: ρ = {radius}</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>this is an experiment file (.rnnx), not a runs file (.rnns)</source>
        <translation>das ist eine Experimentdatei (.rnnx), keine Läufe-Datei (.rnns)</translation>
    </message>
    <message>
        <source>this is not a runs file (missing {entry})</source>
        <translation>das ist keine Läufe-Datei ({entry} fehlt)</translation>
    </message>
    <message>
        <source>run {name}: {reason}</source>
        <translation>Lauf {name}: {reason}</translation>
    </message>
    <message>
        <source>the runs file lists no runs</source>
        <translation>die Läufe-Datei nennt keine Läufe</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>Lauf {number}</translation>
    </message>
    <message>
        <source>{run} is not a valid record</source>
        <translation>{run} ist kein gültiger Datensatz</translation>
    </message>
    <message>
        <source>the name must be text of 1 to {most} characters</source>
        <translation>der Name muss ein Text aus 1 bis {most} Zeichen sein</translation>
    </message>
    <message>
        <source>two runs are called {name}</source>
        <translation>zwei Läufe heißen {name}</translation>
    </message>
    <message>
        <source>the colour must be a whole number in 0..{most}</source>
        <translation>die Farbe muss eine ganze Zahl in 0..{most} sein</translation>
    </message>
    <message>
        <source>the group must be text or null</source>
        <translation>die Gruppe muss Text oder null sein</translation>
    </message>
    <message>
        <source>hidden must be true or false</source>
        <translation>hidden muss true oder false sein</translation>
    </message>
    <message>
        <source>its entry {entry} is not in the file</source>
        <translation>sein Eintrag {entry} ist nicht in der Datei</translation>
    </message>
    <message>
        <source>the entry {entry} belongs to two runs</source>
        <translation>der Eintrag {entry} gehört zu zwei Läufen</translation>
    </message>
    <message>
        <source>the entry {entry} belongs to no run</source>
        <translation>der Eintrag {entry} gehört zu keinem Lauf</translation>
    </message>
    <message>
        <source>the stored train data</source>
        <translation>die gespeicherten Trainingsdaten</translation>
    </message>
    <message>
        <source>the stored val data</source>
        <translation>die gespeicherten Validierungsdaten</translation>
    </message>
    <message>
        <source>inputs shaped {shape} do not fit {targets} targets and {features} input features</source>
        <translation>Eingaben der Form {shape} passen nicht zu {targets} Zielen und {features} Eingabemerkmalen</translation>
    </message>
    <message>
        <source>inputs or targets are of the wrong type</source>
        <translation>Eingaben oder Ziele haben den falschen Typ</translation>
    </message>
    <message>
        <source>the mask does not match the inputs</source>
        <translation>die Maske passt nicht zu den Eingaben</translation>
    </message>
    <message>
        <source>the target mask does not match the targets</source>
        <translation>die Zielmaske passt nicht zu den Zielen</translation>
    </message>
    <message>
        <source>class labels outside 0..{last}</source>
        <translation>Klassenlabels außerhalb von 0..{last}</translation>
    </message>
    <message>
        <source>the stored data do not fit the network ({reason})</source>
        <translation>die gespeicherten Daten passen nicht zum Netz ({reason})</translation>
    </message>
    <message>
        <source>{what} is not floating point ({dtype})</source>
        <translation>{what}: keine Gleitkommazahlen ({dtype})</translation>
    </message>
    <message>
        <source>{what} contains NaN or infinite values (or values too large for {dtype})</source>
        <translation>{what}: enthält NaN oder unendliche Werte (oder Werte, die für {dtype} zu groß sind)</translation>
    </message>
    <message>
        <source>the file holds more weights than its network has</source>
        <translation>die Datei enthält mehr Gewichte, als ihr Netz hat</translation>
    </message>
    <message>
        <source>the settings name a data file that is not a .csv file, and the data are not stored in the experiment file</source>
        <translation>die Einstellungen nennen eine Datendatei, die keine .csv-Datei ist, und die Daten sind nicht in der Experimentdatei gespeichert</translation>
    </message>
    <message>
        <source>the data&apos;s description: {key} must be a whole number</source>
        <translation>die Beschreibung der Daten: {key} muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>the data&apos;s description: {key} must list names</source>
        <translation>die Beschreibung der Daten: {key} muss Namen auflisten</translation>
    </message>
    <message>
        <source>the data&apos;s description does not fit the task ({reason})</source>
        <translation>die Beschreibung der Daten passt nicht zur Aufgabe ({reason})</translation>
    </message>
    <message>
        <source>parameter {name}</source>
        <translation>Parameter {name}</translation>
    </message>
    <message>
        <source>the weights do not fit the network: {reason}</source>
        <translation>die Gewichte passen nicht zum Netz: {reason}</translation>
    </message>
    <message>
        <source>must be an integer in [{low}, {high}], got {value}</source>
        <translation>muss eine ganze Zahl in [{low}, {high}] sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>the trainer state is missing or not an object</source>
        <translation>der Zustand des Trainers fehlt oder ist kein Objekt</translation>
    </message>
    <message>
        <source>trainer.order must list every training sample once</source>
        <translation>trainer.order muss jedes Trainingsbeispiel genau einmal nennen</translation>
    </message>
    <message>
        <source>trainer.order is not a permutation of the samples</source>
        <translation>trainer.order ist keine Permutation der Beispiele</translation>
    </message>
    <message>
        <source>trainer.pos lies beyond the training samples</source>
        <translation>trainer.pos liegt hinter den Trainingsbeispielen</translation>
    </message>
    <message>
        <source>trainer.rng must be an object</source>
        <translation>trainer.rng muss ein Objekt sein</translation>
    </message>
    <message>
        <source>trainer.rng is not a valid generator state ({reason})</source>
        <translation>trainer.rng ist kein gültiger Zustand eines Zufallsgenerators ({reason})</translation>
    </message>
    <message>
        <source>trainer.elapsed must be a number of seconds in [0, {most}]</source>
        <translation>trainer.elapsed muss eine Zahl von Sekunden in [0, {most}] sein</translation>
    </message>
    <message>
        <source>unexpected optimizer buffer &apos;{key}&apos; for {kind}</source>
        <translation>unerwarteter Optimierer-Puffer '{key}' für {kind}</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos; has the wrong shape or type</source>
        <translation>der Optimierer-Puffer '{key}' hat die falsche Form oder den falschen Typ</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos;</source>
        <translation>Optimierer-Puffer '{key}'</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos; holds negative squares</source>
        <translation>der Optimierer-Puffer '{key}' enthält negative Quadrate</translation>
    </message>
    <message>
        <source>the training history must be a list</source>
        <translation>der Trainingsverlauf muss eine Liste sein</translation>
    </message>
    <message>
        <source>the training history holds {count} steps (a file keeps at most {most})</source>
        <translation>der Trainingsverlauf enthält {count} Schritte (eine Datei hält höchstens {most} fest)</translation>
    </message>
    <message>
        <source>history entry {index} is not a valid record</source>
        <translation>der Verlaufseintrag {index} ist kein gültiger Datensatz</translation>
    </message>
    <message>
        <source>history entry {index}: {key} must be a whole number in 0..{most}</source>
        <translation>Verlaufseintrag {index}: {key} muss eine ganze Zahl in 0..{most} sein</translation>
    </message>
    <message>
        <source>history entry {index}: {key}</source>
        <translation>Verlaufseintrag {index}: {key}</translation>
    </message>
    <message>
        <source>history entry {index}: seconds must be in [0, {most}]</source>
        <translation>Verlaufseintrag {index}: seconds muss in [0, {most}] liegen</translation>
    </message>
    <message>
        <source>history entry {index}: step {step} is not a step of this run (it reached step {reached}, and steps rise)</source>
        <translation>Verlaufseintrag {index}: Schritt {step} ist kein Schritt dieses Laufs (er erreichte Schritt {reached}, und die Schritte steigen)</translation>
    </message>
    <message>
        <source>the gradient summaries must hold &apos;steps&apos; and &apos;values&apos;</source>
        <translation>die Gradienten-Zusammenfassungen müssen 'steps' und 'values' enthalten</translation>
    </message>
    <message>
        <source>the gradient summaries must be at most {most} steps of at most {longest} time steps each</source>
        <translation>die Gradienten-Zusammenfassungen dürfen höchstens {most} Schritte mit je höchstens {longest} Zeitschritten umfassen</translation>
    </message>
    <message>
        <source>the gradient summaries must be finite, non-negative norms</source>
        <translation>die Gradienten-Zusammenfassungen müssen endliche, nicht negative Normen sein</translation>
    </message>
    <message>
        <source>the gradient summaries&apos; steps are not steps of this run</source>
        <translation>die Schritte der Gradienten-Zusammenfassungen sind keine Schritte dieses Laufs</translation>
    </message>
    <message>
        <source>the baselines must be a list</source>
        <translation>die Baselines müssen eine Liste sein</translation>
    </message>
    <message>
        <source>baseline {number} is not a valid record</source>
        <translation>die Baseline {number} ist kein gültiger Datensatz</translation>
    </message>
    <message>
        <source>baseline {number}: value</source>
        <translation>Baseline {number}: value</translation>
    </message>
    <message>
        <source>the metric must have a name and a direction</source>
        <translation>die Metrik braucht einen Namen und eine Richtung</translation>
    </message>
    <message>
        <source>the metric must be an object</source>
        <translation>die Metrik muss ein Objekt sein</translation>
    </message>
    <message>
        <source>the file was changed since it was read</source>
        <translation>die Datei wurde geändert, seit sie gelesen wurde</translation>
    </message>
    <message>
        <source>the runs file was changed since it was read</source>
        <translation>die Läufe-Datei wurde geändert, seit sie gelesen wurde</translation>
    </message>
    <message>
        <source>The {cell}&apos;s new state and its gradients are shown as the engine computes them; its equations are in its module, rnn_sandbox/engine/{module}.py.</source>
        <translation>Den neuen Zustand der {cell}-Zelle und ihre Gradienten zeigt diese Ansicht so, wie die Engine sie berechnet; ihre Gleichungen stehen in ihrem Modul, rnn_sandbox/engine/{module}.py.</translation>
    </message>
    <message>
        <source>from the gates and {prev} (engine)</source>
        <translation>aus den Gates und {prev} (Engine)</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>read-out + next step + layer above (engine)</source>
        <translation>Ausgabe + nächster Schritt + Schicht darüber (Engine)</translation>
    </message>
    <message>
        <source>(engine)</source>
        <translation>(Engine)</translation>
    </message>
    <message>
        <source>{symbols} → marked {symbol}</source>
        <translation>{symbols} → markiert {symbol}</translation>
    </message>
    <message>
        <source>network says {guess} ({share}), the marked one was {truth}: right</source>
        <translation>das Netz sagt {guess} ({share}), markiert war {truth}: richtig</translation>
    </message>
    <message>
        <source>network says {guess} ({share}), the marked one was {truth}: wrong</source>
        <translation>das Netz sagt {guess} ({share}), markiert war {truth}: falsch</translation>
    </message>
    <message numerus="yes">
        <source>… {window} → value %n step(s) later: {value}</source>
        <translation><numerusform>… {window} → Wert %n Schritt später: {value}</numerusform><numerusform>… {window} → Wert %n Schritte später: {value}</numerusform></translation>
    </message>
    <message>
        <source>forecast {forecast}   truth {truth}   error {error}</source>
        <translation>Prognose {forecast}   Wahrheit {truth}   Fehler {error}</translation>
    </message>
</context>
</TS>
