<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>Side columns of tabs, the gradient flow at full height on the right</source>
        <translation>左右に列状のタブ、右側に勾配の流れを全高で表示</translation>
    </message>
    <message>
        <source>The lesson, the diagram, the gradient flow and the loss at 150 % zoom, readable from the back; the other panels are in the View menu</source>
        <translation>レッスン、ネットワーク図、勾配の流れ、損失を150 %で表示し、後ろの席からも読めます。他のパネルは［表示］メニューにあります</translation>
    </message>
    <message>
        <source>Gradient flow and hidden states side by side, large</source>
        <translation>勾配の流れと隠れ状態を大きく並べて表示</translation>
    </message>
    <message>
        <source>Every plot at once in a row under the diagram (1920 px and wider)</source>
        <translation>すべてのグラフをネットワーク図の下に一列で表示（幅1920 px以上）</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>ノートPC</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>プロジェクター</translation>
    </message>
    <message>
        <source>Focus on gradients</source>
        <translation>勾配に注目</translation>
    </message>
    <message>
        <source>Wide screen</source>
        <translation>ワイド画面</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>学習した内容</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Copied: {line}</source>
        <translation>コピーしました: {line}</translation>
    </message>
    <message>
        <source>Cannot paste this setup</source>
        <translation>このセットアップは貼り付けられません</translation>
    </message>
    <message>
        <source>Paste setup</source>
        <translation>セットアップの貼り付け</translation>
    </message>
    <message>
        <source>Open lessons: a .zip, or any lesson (.md) of a folder</source>
        <translation>レッスンを開く: .zip、またはフォルダー内の任意のレッスン (.md)</translation>
    </message>
    <message>
        <source>Lessons (*.zip *.md)</source>
        <translation>レッスン (*.zip *.md)</translation>
    </message>
    <message>
        <source>Cannot open these lessons</source>
        <translation>これらのレッスンは開けません</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>RNN Sandbox speaks {language} from its next start. Restart now? Unsaved work is asked about first.</source>
        <translation>RNN Sandbox は次回の起動から{language}で表示されます。今すぐ再起動しますか？ 保存していない作業があれば先に確認します。</translation>
    </message>
    <message>
        <source>Loss plot…</source>
        <translation>損失のグラフ…</translation>
    </message>
    <message>
        <source>Export loss</source>
        <translation>損失をエクスポート</translation>
    </message>
    <message>
        <source>Hidden states plot…</source>
        <translation>隠れ状態のグラフ…</translation>
    </message>
    <message>
        <source>Export hidden states</source>
        <translation>隠れ状態をエクスポート</translation>
    </message>
    <message>
        <source>Gradient flow plot…</source>
        <translation>勾配の流れのグラフ…</translation>
    </message>
    <message>
        <source>Export gradient flow</source>
        <translation>勾配の流れをエクスポート</translation>
    </message>
    <message>
        <source>Gradient sources plot…</source>
        <translation>勾配の発生源のグラフ…</translation>
    </message>
    <message>
        <source>Export gradient sources</source>
        <translation>勾配の発生源をエクスポート</translation>
    </message>
    <message>
        <source>Prediction plot…</source>
        <translation>予測のグラフ…</translation>
    </message>
    <message>
        <source>Export prediction</source>
        <translation>予測をエクスポート</translation>
    </message>
    <message>
        <source>Attention heatmap…</source>
        <translation>アテンションのヒートマップ…</translation>
    </message>
    <message>
        <source>Export attention heatmap</source>
        <translation>アテンションのヒートマップをエクスポート</translation>
    </message>
    <message>
        <source>Accuracy by length plot…</source>
        <translation>長さ別正解率のグラフ…</translation>
    </message>
    <message>
        <source>Export accuracy by length</source>
        <translation>長さ別正解率をエクスポート</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)</source>
        <translation>PNG画像 (*.png);;SVG画像 (*.svg);;CSVデータ (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)/s</source>
        <translation><numerusform>%n ステップ/秒</numerusform></translation>
    </message>
    <message>
        <source>Watch: a run in ~30 s</source>
        <translation>観察：1回の学習を約30秒で</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速力</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Train continuously / pause</source>
        <translation>連続して学習／一時停止</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Train on exactly one batch</source>
        <translation>ちょうど1バッチだけ学習</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the initial weights for the seed</source>
        <translation>このシードの初期の重みに戻す</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>A fresh experiment for the current task</source>
        <translation>現在のタスクで新しい実験を始める</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Save R&amp;uns…</source>
        <translation>実行結果を保存(&amp;U)…</translation>
    </message>
    <message>
        <source>Every run of the session in one runs file (.rnns)</source>
        <translation>このセッションのすべての実行を1つの実行ファイル (.rnns) に</translation>
    </message>
    <message>
        <source>Open Ru&amp;ns…</source>
        <translation>実行結果を開く(&amp;N)…</translation>
    </message>
    <message>
        <source>Add the runs of a runs file (or an experiment) to the Runs panel</source>
        <translation>実行ファイル（または実験）の実行を［実行］パネルに追加</translation>
    </message>
    <message>
        <source>Repeat with N &amp;seeds…</source>
        <translation>N個のシードで繰り返す(&amp;S)…</translation>
    </message>
    <message>
        <source>Train the current settings with several seeds in parallel, shown as their mean and spread</source>
        <translation>現在の設定を複数のシードで並列に学習し、平均とばらつきで表示</translation>
    </message>
    <message>
        <source>Cancel training the runs</source>
        <translation>実行の学習を中止</translation>
    </message>
    <message>
        <source>Stop the seeds or lesson setups training in the background</source>
        <translation>バックグラウンドで学習中のシードやレッスンの設定を止める</translation>
    </message>
    <message>
        <source>Open &amp;lessons…</source>
        <translation>レッスンを開く(&amp;L)…</translation>
    </message>
    <message>
        <source>Add a teacher&apos;s lessons to the Lessons panel: a .zip of lessons, or any lesson (.md) of a folder of them</source>
        <translation>教師のレッスンをレッスンパネルに追加します: レッスンの .zip、またはレッスンのフォルダー内の任意のレッスン (.md)</translation>
    </message>
    <message>
        <source>&amp;Copy setup as text</source>
        <translation>セットアップをテキストでコピー(&amp;C)</translation>
    </message>
    <message>
        <source>The task and the settings that differ from its defaults as one line, to paste, put in a lesson or give to rnn-sandbox train --setup</source>
        <translation>タスクと、その既定値と異なる設定を 1 行で: 貼り付け、レッスンへの記載、rnn-sandbox train --setup に使えます</translation>
    </message>
    <message>
        <source>&amp;Paste setup</source>
        <translation>セットアップの貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Load the setup line on the clipboard (a new network; Undo brings the current one back)</source>
        <translation>クリップボードのセットアップ行を読み込みます (新しいネットワーク。元に戻すで現在のものに戻ります)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Train as fast as possible / back to the pace</source>
        <translation>できるだけ速く学習／元の速さに戻す</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>レイアウトをリセット</translation>
    </message>
    <message>
        <source>Every panel back in place, sized for the window as it is now</source>
        <translation>すべてのパネルを元の位置に戻し、今のウィンドウに合わせて大きさを整える</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>ダークテーマ</translation>
    </message>
    <message>
        <source>Light text on dark, everywhere</source>
        <translation>すべて暗い背景に明るい文字で表示</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全画面</translation>
    </message>
    <message>
        <source>The window over the whole screen</source>
        <translation>ウィンドウを画面全体に表示</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Larger text and lines</source>
        <translation>文字と線を大きく</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Smaller text and lines</source>
        <translation>文字と線を小さく</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>実際のサイズ</translation>
    </message>
    <message>
        <source>Explain the plots</source>
        <translation>グラフの説明を表示</translation>
    </message>
    <message>
        <source>A line under each plot on how to read it</source>
        <translation>各グラフの下に読み方を1行で表示</translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation>ツアー(&amp;T)</translation>
    </message>
    <message>
        <source>Open the first lesson: a guided start</source>
        <translation>最初のレッスンを開く：ガイド付きの入門</translation>
    </message>
    <message>
        <source>Help on this &amp;task</source>
        <translation>このタスクのヘルプ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;About RNN Sandbox</source>
        <translation>RNN Sandbox について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Comparison of runs…</source>
        <translation>実行の比較…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>比較をエクスポート</translation>
    </message>
    <message>
        <source>The comparison&apos;s plots as an image, or the runs&apos; histories side by side</source>
        <translation>比較のグラフを画像で、または各実行の履歴を並べて</translation>
    </message>
    <message>
        <source>Network diagram…</source>
        <translation>ネットワーク図…</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>ネットワーク図をエクスポート</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG画像 (*.png);;SVG画像 (*.svg)</translation>
    </message>
    <message>
        <source>Animation…</source>
        <translation>アニメーション…</translation>
    </message>
    <message>
        <source>Training history (CSV)…</source>
        <translation>学習履歴 (CSV)…</translation>
    </message>
    <message>
        <source>Export training history</source>
        <translation>学習履歴をエクスポート</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PyTorch script…</source>
        <translation>PyTorch スクリプト…</translation>
    </message>
    <message>
        <source>Export PyTorch script</source>
        <translation>PyTorch スクリプトをエクスポート</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python スクリプト (*.py)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>レイアウト(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source> Pace </source>
        <translation> 速さ </translation>
    </message>
    <message>
        <source>How fast training goes: slow enough to watch the plots move, or full speed</source>
        <translation>学習の速さ：グラフの動きを目で追える速さ、または全速力</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Close these lessons</source>
        <translation>これらのレッスンを閉じる</translation>
    </message>
    <message>
        <source>Take this teacher&apos;s lessons out of the panel (their files stay as they are)</source>
        <translation>この教師のレッスンをパネルから外します (ファイルはそのまま残ります)</translation>
    </message>
    <message>
        <source>This lesson has no setup of its own</source>
        <translation>このレッスンには独自のセットアップがありません</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {reason}</source>
        <translation>このセットアップは読み込めません: {reason}</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>{0}; dashed: {1}, scaled</source>
        <translation type="vanished">{0}; 破線: {1}（スケール調整済み）</translation>
    </message>
    <message>
        <source>States, first two principal axes</source>
        <translation>状態、最初の2つの主軸</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>Colour: the class, {0}</source>
        <translation>色: クラス、{0}</translation>
    </message>
    <message>
        <source>Colour: the step, dark early, yellow late</source>
        <translation>色: ステップ（暗い=初期、黄色=後期）</translation>
    </message>
    <message>
        <source>The states on their first two principal axes. {0}</source>
        <translation>最初の2つの主軸上の状態。{0}</translation>
    </message>
    <message>
        <source>{0}; the watched sample&apos;s path from □ to ☆.</source>
        <translation>{0}; 観察中のサンプルの軌跡は □ から ☆ へ。</translation>
    </message>
    <message>
        <source>Principal axes: {0}</source>
        <translation>主軸: {0}</translation>
    </message>
    <message>
        <source>States on 2 principal axes ({0})</source>
        <translation type="vanished">2つの主軸上の状態 ({0})</translation>
    </message>
    <message>
        <source>sample {0} step {1}</source>
        <translation>サンプル {0} ステップ {1}</translation>
    </message>
    <message>
        <source>Nearest states: {0}</source>
        <translation>最も近い状態: {0}</translation>
    </message>
    <message>
        <source>‖∂ output / ∂ input‖ of the watched sample</source>
        <translation type="vanished">観察中のサンプルの ‖∂ 出力 / ∂ 入力‖</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>入力ステップ</translation>
    </message>
    <message>
        <source>‖∂ output / ∂ input‖</source>
        <translation>‖∂ 出力 / ∂ 入力‖</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>出力ステップ</translation>
    </message>
    <message>
        <source>How far back the outputs look</source>
        <translation type="vanished">出力がどこまで遡って見るか</translation>
    </message>
    <message>
        <source>steps back</source>
        <translation>遡るステップ数</translation>
    </message>
    <message>
        <source>How far back</source>
        <translation>遡る範囲</translation>
    </message>
    <message>
        <source>share of the dependence</source>
        <translation>依存の割合</translation>
    </message>
    <message>
        <source>this network</source>
        <translation>このネットワーク</translation>
    </message>
    <message>
        <source>Layer and direction whose units are shown</source>
        <translation>ユニットを表示する層と方向</translation>
    </message>
    <message>
        <source>The unit the text is coloured by (or click one)</source>
        <translation>テキストの色分けに使うユニット（クリックでも選択可）</translation>
    </message>
    <message>
        <source>What the panel shows</source>
        <translation>パネルの表示内容</translation>
    </message>
    <message>
        <source>Units on the text</source>
        <translation>テキスト上のユニット</translation>
    </message>
    <message>
        <source>What each unit tracks</source>
        <translation>各ユニットが追うもの</translation>
    </message>
    <message>
        <source>Select and match</source>
        <translation>選択して照合</translation>
    </message>
    <message>
        <source>State space</source>
        <translation>状態空間</translation>
    </message>
    <message>
        <source>How far back it looks</source>
        <translation>どこまで遡って見るか</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>層:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>ユニット:</translation>
    </message>
    <message>
        <source>Shown once training runs or a step is taken.</source>
        <translation>学習を実行するか1ステップ進めると表示されます。</translation>
    </message>
    <message>
        <source>Every unit over the same steps (click one):</source>
        <translation>同じステップでの全ユニット（クリックで選択）:</translation>
    </message>
    <message>
        <source>Order the units by how closely they follow one feature, or each by its best one</source>
        <translation>ユニットを、ある特徴への追従度、またはそれぞれの最良の特徴で並べる</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特徴</translation>
    </message>
    <message>
        <source>Order by:</source>
        <translation>並べ替え:</translation>
    </message>
    <message>
        <source>r: correlation of the unit with the feature over every step of the samples (±1: follows it exactly).</source>
        <translation>r: サンプルの全ステップにわたるユニットと特徴の相関（±1: 完全に追従）。</translation>
    </message>
    <message>
        <source>A unit is on where its value is above this</source>
        <translation>値がこれを超えるところでユニットはオン</translation>
    </message>
    <message>
        <source>Drag over steps of the text to select a span: the units on over all of it are chosen, and every span where they are all on is listed.</source>
        <translation>テキストのステップをドラッグして区間を選択: その区間全体でオンのユニットが選ばれ、それらがすべてオンになる区間がすべて一覧表示されます。</translation>
    </message>
    <message>
        <source>On above:</source>
        <translation>オンの閾値:</translation>
    </message>
    <message>
        <source>class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Hover the plot for the nearest states.</source>
        <translation>プロット上にマウスを置くと最も近い状態を表示します。</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>色分け:</translation>
    </message>
    <message>
        <source>each unit&apos;s best</source>
        <translation>各ユニットの最良</translation>
    </message>
    <message>
        <source>Top: the watched sample. Bottom: the share of each output&apos;s dependence on the input d steps before it.</source>
        <translation>上: 観察中のサンプル。下: 各出力の d ステップ前の入力への依存の割合。</translation>
    </message>
    <message>
        <source>Unit {0} follows “{1}” best (r = {2:+.2f}); step {3}.</source>
        <translation>ユニット {0} は「{1}」に最もよく追従 (r = {2:+.2f})、ステップ {3}。</translation>
    </message>
    <message>
        <source>unit {0}</source>
        <translation>ユニット {0}</translation>
    </message>
    <message>
        <source>validation sample {0}</source>
        <translation>検証サンプル {0}</translation>
    </message>
    <message>
        <source>The text of {0} on the colour of unit {1} (blue &lt; 0 &lt; red):</source>
        <translation>{0} のテキストをユニット {1} の色で表示（青 &lt; 0 &lt; 赤）:</translation>
    </message>
    <message>
        <source>Unit {0} over the steps of {1} (dashed: {2}, scaled):</source>
        <translation>{1} のステップにおけるユニット {0}（破線: {2}、スケール調整済み）:</translation>
    </message>
    <message>
        <source>Unit {0} over the steps of {1}:</source>
        <translation>{1} のステップにおけるユニット {0}:</translation>
    </message>
    <message>
        <source>No span selected.</source>
        <translation>区間が選択されていません。</translation>
    </message>
    <message>
        <source>Units on over steps {0}–{1}: {2}. Matching spans: {3}.</source>
        <translation>ステップ {0}–{1} でオンのユニット: {2}。一致する区間: {3}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>sample {0}, steps {1}–{2}:{3}</source>
        <translation>サンプル {0}、ステップ {1}–{2}:{3}</translation>
    </message>
    <message>
        <source>step {0}: {1}, {2} = {3}</source>
        <translation>ステップ {0}: {1}、{2} = {3}</translation>
    </message>
    <message>
        <source>simple RNN</source>
        <translation>単純RNN</translation>
    </message>
    <message>
        <source>{0}, {1} units</source>
        <translation>{0}、{1} ユニット</translation>
    </message>
    <message>
        <source>{0}, 2 directions</source>
        <translation>{0}、双方向</translation>
    </message>
    <message>
        <source>{0} (earlier)</source>
        <translation type="vanished">{0}（以前）</translation>
    </message>
    <message>
        <source>This network has no recurrent states: it has no hidden units to show.</source>
        <translation>このネットワークには再帰的な状態がないため、表示する隠れユニットがありません。</translation>
    </message>
    <message>
        <source>written</source>
        <translation>書いた語</translation>
    </message>
    <message>
        <source>choice {0}</source>
        <translation>候補 {0}</translation>
    </message>
    <message>
        <source>Click a candidate: the network must write it at that step and writes the rest itself (what if)</source>
        <translation>候補をクリック: ネットワークはその位置でその語を書かされ、残りは自分で書きます（もしも）</translation>
    </message>
    <message>
        <source>Its own choices</source>
        <translation>自分の選択に戻す</translation>
    </message>
    <message>
        <source>Forget the forced words: greedy decoding again</source>
        <translation>強制した語を忘れる: 再び貪欲デコード</translation>
    </message>
    <message>
        <source>Beam width:</source>
        <translation>ビーム幅:</translation>
    </message>
    <message>
        <source>How many hypotheses beam search keeps at each step (1: greedy)</source>
        <translation>ビームサーチが各ステップで残す仮説の数（1: 貪欲）</translation>
    </message>
    <message>
        <source>word</source>
        <translation>語</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>log P of the path</source>
        <translation>経路の log P</translation>
    </message>
    <message>
        <source>The hypotheses beam search kept, step by step; the best one in bold</source>
        <translation>ビームサーチがステップごとに残した仮説。最良のものは太字</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>強制</translation>
    </message>
    <message>
        <source>&lt;b&gt;Greedy:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;貪欲:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>{0} at step {1}</source>
        <translation>ステップ {1} に {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if&lt;/b&gt; ({0}): {1}</source>
        <translation>&lt;b&gt;もしも&lt;/b&gt; ({0}): {1}</translation>
    </message>
    <message>
        <source>Beam search, width {0}: {1} (log P {2:.2f}); greedy: log P {3:.2f}</source>
        <translation>ビームサーチ（幅 {0}）: {1}（log P {2:.2f}）; 貪欲: log P {3:.2f}</translation>
    </message>
    <message>
        <source>Each row is a word the decoder wrote, each column a source word; the brighter, the more that word looked at it (α, each row sums to 1). Drag the slider to replay how the alignment formed.</source>
        <translation>各行はデコーダが書いた語、各列は入力文の語です。明るいほど、その語がそこを見ています（α、各行の和は 1）。スライダーで整列ができていく様子を再生できます。</translation>
    </message>
    <message>
        <source>Training step:</source>
        <translation>学習ステップ:</translation>
    </message>
    <message>
        <source>Replay the alignment as it formed; right end: live</source>
        <translation>整列ができていく様子を再生。右端: ライブ</translation>
    </message>
    <message>
        <source>Attention α of the watched sample</source>
        <translation>観察中のサンプルのアテンション α</translation>
    </message>
    <message>
        <source>source word</source>
        <translation>入力の語</translation>
    </message>
    <message>
        <source>word written</source>
        <translation>書いた語</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <source>How many sentences of each length the network writes exactly right: without attention, the long ones fail first.</source>
        <translation>各長さの文をネットワークが完全に正しく書ける割合。アテンションがないと、長い文から失敗します。</translation>
    </message>
    <message>
        <source>Sentence accuracy by source length</source>
        <translation>入力の長さ別の文正解率</translation>
    </message>
    <message>
        <source>source words</source>
        <translation>入力の語数</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Sentence accuracy by source length (step {0})</source>
        <translation>入力の長さ別の文正解率（ステップ {0}）</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>文の数</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings (a sequence-to-sequence task such as Translation) to see where each word it writes looks.</source>
        <translation>このネットワークにはアテンションがありません。デコーダはエンコーダの最後の状態しか見ません。設定で Attention を選ぶと（Translation のような系列変換タスクで）、書く各語がどこを見ているかが分かります。</translation>
    </message>
    <message>
        <source>This network has no attention: its decoder sees only the encoder&apos;s last state. Set Attention in Settings to see where each word it writes looks.</source>
        <translation>このネットワークにはアテンションがありません。デコーダはエンコーダの最後の状態しか見ません。設定で Attention を選ぶと、書く各語がどこを見ているかが分かります。</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>整列</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>書く</translation>
    </message>
    <message>
        <source>By length</source>
        <translation>長さ別</translation>
    </message>
    <message>
        <source>α = {0:.3f}: how much decoder step {1} looks at source step {2}</source>
        <translation>α = {0:.3f}: デコーダのステップ {1} が入力のステップ {2} をどれだけ見るか</translation>
    </message>
</context>
</TS>
