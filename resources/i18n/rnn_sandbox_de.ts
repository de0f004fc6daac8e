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
        <source>What it learned</source>
        <translation>Was es gelernt hat</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
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
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>RNN Sandbox speaks {language} from its next start. Restart now? Unsaved work is asked about first.</source>
        <translation>RNN Sandbox spricht ab dem nächsten Start {language}. Jetzt neu starten? Nach ungesicherter Arbeit wird vorher gefragt.</translation>
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
        <source>Play</source>
        <translation>Start</translation>
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
        <source>Close these lessons</source>
        <translation>Diese Lektionen schließen</translation>
    </message>
    <message>
        <source>Take this teacher&apos;s lessons out of the panel (their files stay as they are)</source>
        <translation>Die Lektionen dieser Lehrkraft aus dem Bereich nehmen (ihre Dateien bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>This lesson has no setup of its own</source>
        <translation>Diese Lektion hat kein eigenes Setup</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {reason}</source>
        <translation>Dieses Setup lässt sich nicht laden: {reason}</translation>
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
        <source>{0}; dashed: {1}, scaled</source>
        <translation type="vanished">{0}; gestrichelt: {1}, skaliert</translation>
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
        <source>States on 2 principal axes ({0})</source>
        <translation type="vanished">Zustände auf 2 Hauptachsen ({0})</translation>
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
        <source>‖∂ output / ∂ input‖ of the watched sample</source>
        <translation type="vanished">‖∂ Ausgabe / ∂ Eingabe‖ des beobachteten Beispiels</translation>
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
        <source>How far back the outputs look</source>
        <translation type="vanished">Wie weit die Ausgaben zurückblicken</translation>
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
        <source>{0} (earlier)</source>
        <translation type="vanished">{0} (früher)</translation>
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
        <source>Beam width:</source>
        <translation>Strahlbreite:</translation>
    </message>
    <message>
        <source>How many hypotheses beam search keeps at each step (1: greedy)</source>
        <translation>Wie viele Hypothesen die Strahlsuche an jedem Schritt behält (1: gierig)</translation>
    </message>
    <message>
        <source>word</source>
        <translation>Wort</translation>
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
        <translation>Jede Zeile ist ein Wort, das der Decoder schrieb, jede Spalte ein Quellwort; je heller, desto mehr blickte das Wort darauf (α, jede Zeile ergibt 1). Den Regler ziehen, um zu sehen, wie die Zuordnung entstand.</translation>
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
        <translation>Aufmerksamkeit α des beobachteten Beispiels</translation>
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
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings (a sequence-to-sequence task such as Translation) to see where each word it writes looks.</source>
        <translation>Dieses Netz hat keine Aufmerksamkeit: Sein Decoder sieht nur den letzten Zustand des Encoders. Attention in den Einstellungen setzen (bei einer Sequenz-zu-Sequenz-Aufgabe wie Translation), um zu sehen, wohin jedes geschriebene Wort blickt.</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings to see where each word it writes looks.</source>
        <translation>Dieses Netz hat keine Aufmerksamkeit: Sein Decoder sieht nur den letzten Zustand des Encoders. Attention in den Einstellungen setzen, um zu sehen, wohin jedes geschriebene Wort blickt.</translation>
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
        <source>By length</source>
        <translation>Nach Länge</translation>
    </message>
    <message>
        <source>α = {0:.3f}: how much decoder step {1} looks at source step {2}</source>
        <translation>α = {0:.3f}: wie stark Decoderschritt {1} auf Quellschritt {2} blickt</translation>
    </message>
</context>
</TS>
