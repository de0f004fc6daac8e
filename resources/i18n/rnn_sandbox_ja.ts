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
        <source>RNN Sandbox experiments (*.rnnx);;All files (*)</source>
        <translation>RNN Sandbox 実験ファイル (*.rnnx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>RNN Sandbox runs (*.rnns);;RNN Sandbox experiments (*.rnnx);;All files (*)</source>
        <translation>RNN Sandbox 実行ファイル (*.rnns);;RNN Sandbox 実験ファイル (*.rnnx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>隠れ状態</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>勾配の流れ</translation>
    </message>
    <message>
        <source>Gradient sources</source>
        <translation>勾配の発生源</translation>
    </message>
    <message>
        <source>Eigenvalues</source>
        <translation>固有値</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>実行の比較</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>学習した内容</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Not changed: {error}</source>
        <translation>変更されませんでした：{error}</translation>
    </message>
    <message>
        <source>Load the lesson&apos;s setup</source>
        <translation>レッスンの設定を読み込む</translation>
    </message>
    <message>
        <source>Cannot load this setup</source>
        <translation>この設定を読み込めません</translation>
    </message>
    <message>
        <source>Load the lesson&apos;s setups</source>
        <translation>レッスンの設定一式を読み込む</translation>
    </message>
    <message>
        <source>Cannot load these setups</source>
        <translation>これらの設定を読み込めません</translation>
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
        <source>Choose task “{title}”</source>
        <translation>タスク「{title}」を選ぶ</translation>
    </message>
    <message>
        <source>Cannot use this task</source>
        <translation>このタスクは使えません</translation>
    </message>
    <message>
        <source>{file}[*] — {app}</source>
        <translation>{file}[*] — {app}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Unexpected error: {message}</source>
        <translation>予期しないエラー：{message}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>実験を開く</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>実験を保存</translation>
    </message>
    <message>
        <source>Save runs</source>
        <translation>実行結果を保存</translation>
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
        <source>Open runs</source>
        <translation>実行結果を開く</translation>
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
        <source>Cannot export</source>
        <translation>エクスポートできません</translation>
    </message>
    <message>
        <source>Animation written to {written}</source>
        <translation>アニメーションを {written} に書き出しました</translation>
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
        <source>Eigenvalues plot…</source>
        <translation>固有値のプロット…</translation>
    </message>
    <message>
        <source>Export eigenvalues</source>
        <translation>固有値をエクスポート</translation>
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
        <source>Beam search tree…</source>
        <translation>ビームサーチの木…</translation>
    </message>
    <message>
        <source>Export beam search tree</source>
        <translation>ビームサーチの木を書き出す</translation>
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
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Forward ▸</source>
        <translation>順伝播 ▸</translation>
    </message>
    <message>
        <source>Backward ◂</source>
        <translation>逆伝播 ◂</translation>
    </message>
    <message>
        <source>Show the training live: activations of the watched sample, weights</source>
        <translation>学習をライブで表示：注目しているサンプルの活性と重み</translation>
    </message>
    <message>
        <source>Walk the forward pass step by step: each cell computes h_t from x_t and h_(t-1) (a simple RNN: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); LSTM and GRU: through their gates)</source>
        <translation>順伝播を1ステップずつたどる：各セルは x_t と h_(t-1) から h_t を計算します（単純RNN：h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh)、LSTMとGRU：ゲートを通して）</translation>
    </message>
    <message>
        <source>Walk backpropagation through time from the last step to the first: dL/dh_t (and dL/dc_t of an LSTM) and each weight&apos;s share of the gradient</source>
        <translation>通時的誤差逆伝播を最後のステップから最初へたどる：dL/dh_t（LSTMでは dL/dc_t も）と各重みの勾配への寄与</translation>
    </message>
    <message>
        <source>Go to the start of the walk</source>
        <translation>最初に戻る</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>1ステップ戻る</translation>
    </message>
    <message>
        <source>One step on</source>
        <translation>1ステップ進む</translation>
    </message>
    <message>
        <source>Go to the end of the walk</source>
        <translation>最後へ進む</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Walk on by itself at the chosen speed</source>
        <translation>選んだ速さで自動的に進む</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> ステップ/秒</translation>
    </message>
    <message>
        <source>Speed of play</source>
        <translation>再生の速さ</translation>
    </message>
    <message>
        <source>Jump to a time step</source>
        <translation>時間ステップへ移動</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Write each neuron&apos;s value on it while walking through the steps (forward: its activation, backward: dL/dh_t), to 4 significant digits; click a neuron for its equations with these numbers in them</source>
        <translation>ステップをたどる間、各ニューロンの値を有効数字4桁で表示（順伝播：活性、逆伝播：dL/dh_t）。ニューロンをクリックすると、これらの数値を入れた式を表示</translation>
    </message>
    <message>
        <source>step 888/888</source>
        <translation>ステップ 888/888</translation>
    </message>
    <message>
        <source>step {value}/{n}</source>
        <translation>ステップ {value}/{n}</translation>
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
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
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
        <source>Previous lesson</source>
        <translation>前のレッスン</translation>
    </message>
    <message>
        <source>Choose a lesson (✓ done, • visited)</source>
        <translation>レッスンを選ぶ（✓ 完了、• 閲覧済み）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <source>Mark this lesson as done and go to the next one</source>
        <translation>このレッスンを完了にして次へ進む</translation>
    </message>
    <message>
        <source>The setups of this lesson</source>
        <translation>このレッスンの設定</translation>
    </message>
    <message>
        <source>Load this setup</source>
        <translation>この設定を読み込む</translation>
    </message>
    <message>
        <source>Replace the current experiment by this lesson&apos;s task and settings</source>
        <translation>現在の実験をこのレッスンのタスクと設定に置き換える</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Mark this lesson as done</source>
        <translation>このレッスンを完了にする</translation>
    </message>
    <message>
        <source>Compare these setups</source>
        <translation>これらの設定を比較</translation>
    </message>
    <message>
        <source>Load these setups as a comparison: train every setup of this lesson for its planned epochs, side by side in the background, and compare them in the Runs panel; the first one also becomes the current experiment</source>
        <translation>これらの設定を比較として読み込む：このレッスンの各設定を予定のエポック数だけバックグラウンドで並べて学習し、［実行］パネルで比較します。最初の設定は現在の実験にもなります</translation>
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
        <source># {title}

The text of this lesson cannot be read: {e}</source>
        <translation># {title}

このレッスンの本文を読み込めません：{e}</translation>
    </message>
    <message>
        <source>This lesson has no setup of its own</source>
        <translation>このレッスンには独自のセットアップがありません</translation>
    </message>
    <message>
        <source>Load “{label}”: replaces the current experiment</source>
        <translation>「{label}」を読み込む：現在の実験を置き換えます</translation>
    </message>
    <message>
        <source>Load the chosen setup: replaces the current experiment</source>
        <translation>選んだ設定を読み込む：現在の実験を置き換えます</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {e}</source>
        <translation>この設定を読み込めません：{e}</translation>
    </message>
    <message>
        <source>This setup cannot be loaded: {reason}</source>
        <translation>このセットアップは読み込めません: {reason}</translation>
    </message>
    <message>
        <source>These setups cannot be loaded: {e}</source>
        <translation>これらの設定を読み込めません：{e}</translation>
    </message>
    <message>
        <source>Finish ✓</source>
        <translation>終了 ✓</translation>
    </message>
    <message>
        <source>Lesson {number} of {len} · {n_done} done</source>
        <translation>レッスン {number} / {len} · {n_done} 個完了</translation>
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
        <source>sample {0} step {1}</source>
        <translation>サンプル {0} ステップ {1}</translation>
    </message>
    <message>
        <source>Nearest states: {0}</source>
        <translation>最も近い状態: {0}</translation>
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
        <source>source step</source>
        <translation>入力文のステップ</translation>
    </message>
    <message>
        <source>steps before the end of the source</source>
        <translation>入力文の終わりから何ステップ前か</translation>
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
        <translation>層：</translation>
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
        <source>How far back it looks is being worked out between training steps.</source>
        <translation>どこまでさかのぼるかを学習ステップの合間に計算中。</translation>
    </message>
    <message>
        <source>Worked out for the weights of step {0}.</source>
        <translation>ステップ {0} の重みで計算。</translation>
    </message>
    <message>
        <source>Top: how strongly each output step of the watched sample depends on each step of its source, the decoder fed the previous target words as in training. Bottom: the share of each output&apos;s dependence on the source step d steps before the end of the source.</source>
        <translation>上: 観察中のサンプルの各出力ステップが入力文の各ステップにどれだけ依存するか(デコーダには学習時と同じく一つ前の正解の語を与える)。下: 各出力の依存のうち、入力文の終わりから d ステップ前の入力に向かう割合。</translation>
    </message>
    <message>
        <source>Top: the watched sample, fed as in training: input step 1 is what the network starts from, step t + 1 the target of step t. Bottom: the share of each output&apos;s dependence on the input d steps before it.</source>
        <translation>上: 学習時と同じ入力を与えた観察中のサンプル。入力ステップ 1 はネットワークが始める入力、ステップ t + 1 はステップ t の正解。下: 各出力の d ステップ前の入力への依存の割合。</translation>
    </message>
    <message>
        <source>After the first step this network is fed zero vectors: every output depends on what it starts from only.</source>
        <translation>このネットワークは最初のステップの後はゼロベクトルを受け取るので、どの出力も最初の入力だけに依存する。</translation>
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
        <source>Columns: output steps. Boxes: the beginnings the beam kept, each with its last word&apos;s probability, joined to the one it continues. Orange: beam search&apos;s sentence; dashed blue: greedy decoding&apos;s.</source>
        <translation>列: 出力ステップ。箱: ビームが残した文の書き出し。最後の語の確率を添え、続けている書き出しと線で結ぶ。オレンジ: ビームサーチの文、青の破線: 貪欲デコードの文。</translation>
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
        <source>{0}: probability {1:.3f} after the words before it; log P of the sentence so far {2:.2f}</source>
        <translation>{0}: 前の語に続く確率 {1:.3f}; ここまでの文の log P {2:.2f}</translation>
    </message>
    <message>
        <source>greedy decoding writes {0} here (probability {1:.3f}), a beginning the beam did not keep</source>
        <translation>貪欲デコードはここで {0} を書く（確率 {1:.3f}）。ビームが残さなかった書き出し</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>貪欲</translation>
    </message>
    <message>
        <source>word</source>
        <translation>語</translation>
    </message>
    <message>
        <source>node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>continues node</source>
        <translation>続けるノード</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>選択</translation>
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
        <source>α of the watched sample</source>
        <translation>観察中のサンプルの α</translation>
    </message>
    <message>
        <source>Brightness: α from 0 (dark) to 1 (bright)</source>
        <translation>明るさ：α は 0（暗い）から 1（明るい）まで</translation>
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
        <source>Accuracy by length (step {0})</source>
        <translation>長さ別の正解率（ステップ {0}）</translation>
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
        <source>Beam</source>
        <translation>ビーム</translation>
    </message>
    <message>
        <source>By length</source>
        <translation>長さ別</translation>
    </message>
    <message>
        <source>α = {0:.3f}: how much decoder step {1} looks at source step {2}</source>
        <translation>α = {0:.3f}: デコーダのステップ {1} が入力のステップ {2} をどれだけ見るか</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>順伝播</translation>
    </message>
    <message>
        <source>Backward pass (BPTT)</source>
        <translation>逆伝播 (BPTT)</translation>
    </message>
    <message>
        <source>Forward, then backward</source>
        <translation>順伝播のあと逆伝播</translation>
    </message>
    <message>
        <source>GIF animation (*.gif);;Animated PNG (*.png);;PDF, one page per step (*.pdf)</source>
        <translation>GIFアニメーション (*.gif);;アニメーションPNG (*.png);;PDF（1ステップ1ページ） (*.pdf)</translation>
    </message>
    <message>
        <source>cannot write {name}: an animation is a .gif, an animated .png or a .pdf file</source>
        <translation>{name} を書き出せません：アニメーションは .gif、アニメーション .png、.pdf のいずれかです</translation>
    </message>
    <message>
        <source>RNN Sandbox step-through</source>
        <translation>RNN Sandbox ステップ実行</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>アニメーションをエクスポート</translation>
    </message>
    <message>
        <source>Which walk of the step-through to record, one frame a step</source>
        <translation>どのたどり方を記録するか（1ステップ1フレーム）</translation>
    </message>
    <message>
        <source>Walk:</source>
        <translation>たどり方：</translation>
    </message>
    <message>
        <source>The picture&apos;s size in pixels (a PDF page of that shape)</source>
        <translation>画像のサイズ（ピクセル）。PDFのページもこの縦横比</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ：</translation>
    </message>
    <message>
        <source> s per step</source>
        <translation> 秒/ステップ</translation>
    </message>
    <message>
        <source>How long each step stays on screen (GIF and APNG)</source>
        <translation>各ステップを表示する時間（GIFとAPNG）</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>速さ：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Finished: {epochs} ({steps}). Play trains on.</source>
        <translation>完了：{epochs}（{steps}）。再生で学習を続けます。</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation><numerusform>%n エポック</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation><numerusform>%n ステップ</numerusform></translation>
    </message>
    <message>
        <source>Replace the trained model?</source>
        <translation>学習済みのモデルを置き換えますか？</translation>
    </message>
    <message numerus="yes">
        <source>“{description}” builds a new network with fresh weights; the model trained for %n step(s) is replaced and kept in the Runs panel (Undo brings it back).</source>
        <translation><numerusform>「{description}」は新しい重みでネットワークを作り直します。%n ステップ学習したモデルは置き換えられ、［実行］パネルに保存されます（元に戻すで復元できます）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Training on past the %n epoch(s) set (raise Epochs to plan a longer run).</source>
        <translation><numerusform>設定した %n エポックを超えて学習を続けます（長く学習するにはエポック数を増やしてください）。</numerusform></translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>学習が発散しました</translation>
    </message>
    <message>
        <source>Training was paused: {reason}

The weights of the last good step were kept, so you can change a setting and continue.</source>
        <translation>学習を一時停止しました：{reason}

最後の正常なステップの重みを残してあるので、設定を変えて続けられます。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>学習が止まりました</translation>
    </message>
    <message>
        <source>{what} A new one continues from step {step}, where training last paused or was saved; the steps trained since then are lost.</source>
        <translation>{what} 新しいプロセスが、最後に一時停止または保存したステップ {step} から続けます。それ以降に学習したステップは失われました。</translation>
    </message>
    <message>
        <source>pre-activation</source>
        <translation>活性化前の値</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>活性化</translation>
    </message>
    <message>
        <source>new state</source>
        <translation>新しい状態</translation>
    </message>
    <message>
        <source>W (head)</source>
        <translation>W（出力層）</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]</source>
        <translation>W_ih({title})[{row},{col}]·dL/dpre({title})[{row}]</translation>
    </message>
    <message>
        <source>layer above</source>
        <translation>上の層</translation>
    </message>
    <message>
        <source>from the decoder / other paths (engine)</source>
        <translation>デコーダー／他の経路から（エンジン）</translation>
    </message>
    <message>
        <source>this step&apos;s share of the gradients{value}</source>
        <translation>このステップの勾配への寄与{value}</translation>
    </message>
    <message>
        <source>dL/da (hidden side)</source>
        <translation>dL/da（隠れ側）</translation>
    </message>
    <message>
        <source>dL/dh_t: everything that reads h_t</source>
        <translation>dL/dh_t：h_t を読むすべて</translation>
    </message>
    <message>
        <source>Truncated BPTT (every {truncation} steps): step {value} passes nothing back to step {value2}, so only what reads h_t at this step counts.</source>
        <translation>打ち切りBPTT（{truncation} ステップごと）：ステップ {value} からステップ {value2} へは何も戻らないため、このステップで h_t を読むものだけが効きます。</translation>
    </message>
    <message>
        <source>Σ_j W_ih(above)[j,i]·dL/dpre(above)_{t,j}</source>
        <translation>Σ_j W_ih(上)[j,i]·dL/dpre(上)_{t,j}</translation>
    </message>
    <message>
        <source>dL/dc_t: through h_t and along the cell state</source>
        <translation>dL/dc_t：h_t を通して、またセル状態に沿って</translation>
    </message>
    <message>
        <source>dL/d(gate pre-activations)</source>
        <translation>dL/d(ゲートの活性化前の値)</translation>
    </message>
    <message>
        <source>(from the forward step)</source>
        <translation>（順伝播のステップから）</translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation>リセットゲート</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>更新ゲート</translation>
    </message>
    <message>
        <source>read-out</source>
        <translation>読み出し</translation>
    </message>
    <message>
        <source>the loss&apos;s own derivative</source>
        <translation>損失そのものの微分</translation>
    </message>
    <message>
        <source>Mean squared error: L = (1/N)·Σ (y − target)² over the real steps and outputs, N = {N:g}; so dL/dy = 2·(y − target)/N.</source>
        <translation>平均二乗誤差：L = (1/N)·Σ (y − 目標)²（実際のステップと出力について）、N = {N:g}。よって dL/dy = 2·(y − 目標)/N。</translation>
    </message>
    <message>
        <source>2·(y − target)/N</source>
        <translation>2·(y − 目標)/N</translation>
    </message>
    <message>
        <source>y = {fmt}, target = {fmt2}, N = {N:g}</source>
        <translation>y = {fmt}、目標 = {fmt2}、N = {N:g}</translation>
    </message>
    <message>
        <source>Softmax cross-entropy: L = −(1/N)·Σ log p[label] over the real steps, N = {N:g}; so dL/dy[c] = (p[c] − [c = label])/N.</source>
        <translation>ソフトマックス交差エントロピー：L = −(1/N)·Σ log p[ラベル]（実際のステップについて）、N = {N:g}。よって dL/dy[c] = (p[c] − [c = ラベル])/N。</translation>
    </message>
    <message>
        <source>(p[{o}] − [{o} = label {label}])/N</source>
        <translation>(p[{o}] − [{o} = ラベル {label}])/N</translation>
    </message>
    <message>
        <source>CTC: dL/dy sums over every alignment of the target; the value is the engine&apos;s (no short formula).</source>
        <translation>CTC：dL/dy は目標のあらゆるアラインメントについての和です。値はエンジンによるものです（短い式はありません）。</translation>
    </message>
    <message>
        <source>CTC (engine)</source>
        <translation>CTC（エンジン）</translation>
    </message>
    <message>
        <source>this step&apos;s share of the head&apos;s gradients</source>
        <translation>このステップの出力層の勾配への寄与</translation>
    </message>
    <message>
        <source>output {unit}, step t = {value}</source>
        <translation>出力 {unit}、ステップ t = {value}</translation>
    </message>
    <message>
        <source>{title}, unit {unit}, step t = {value}</source>
        <translation>{title}、ユニット {unit}、ステップ t = {value}</translation>
    </message>
    <message>
        <source>backward (BPTT)</source>
        <translation>逆伝播 (BPTT)</translation>
    </message>
    <message>
        <source>; in yellow the column this step reads</source>
        <translation>。黄色はこのステップが読む列</translation>
    </message>
    <message>
        <source>; in yellow the row this step uses</source>
        <translation>。黄色はこのステップが使う行</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; &lt;small&gt;(rows × columns{what})&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; &lt;small&gt;（行 × 列{what}）&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Each result is its line&apos;s numbers worked out, to 4 significant digits: a calculator gives the same. In brackets, where it differs: the network&apos;s own value, computed with every digit.</source>
        <translation>各結果はその行の数値を有効数字4桁で計算したもので、電卓でも同じになります。異なる場合は括弧内に、全桁で計算したネットワーク自身の値を示します。</translation>
    </message>
    <message>
        <source> &lt;small&gt;(with every digit: {fmt})&lt;/small&gt;</source>
        <translation> &lt;small&gt;（全桁：{fmt}）&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>式</translation>
    </message>
    <message>
        <source>Formula: </source>
        <translation>式：</translation>
    </message>
    <message>
        <source>folded, showing t={value}</source>
        <translation>折りたたみ、t={value} を表示</translation>
    </message>
    <message numerus="yes">
        <source>%n time step(s) are not drawn (same weights at every step)</source>
        <translation><numerusform>%n 個の時間ステップは描画していません（どのステップも同じ重み）</numerusform></translation>
    </message>
    <message>
        <source>⋯
{hidden_steps} steps</source>
        <translation>⋯
{hidden_steps} ステップ</translation>
    </message>
    <message>
        <source>how much of the candidate g enters the cell state</source>
        <translation>候補 g のうちどれだけをセル状態に入れるか</translation>
    </message>
    <message>
        <source>how much of c_(t-1) the cell keeps</source>
        <translation>セルが c_(t-1) をどれだけ保つか</translation>
    </message>
    <message>
        <source>the candidate value written into the cell state</source>
        <translation>セル状態に書き込まれる候補値</translation>
    </message>
    <message>
        <source>how much of tanh(c_t) the neuron shows as h_t</source>
        <translation>tanh(c_t) のうちどれだけを h_t として出すか</translation>
    </message>
    <message>
        <source>how much of the old state the candidate n sees</source>
        <translation>候補 n が古い状態をどれだけ見るか</translation>
    </message>
    <message>
        <source>how much of h_(t-1) is kept (1 - z of the candidate n is taken)</source>
        <translation>h_(t-1) をどれだけ保つか（候補 n からは 1 - z を取る）</translation>
    </message>
    <message>
        <source>the candidate state</source>
        <translation>候補の状態</translation>
    </message>
    <message>
        <source>{title}, t={t}: |dL/dh_t| = {norm:.3g} ({share:.0f}% of the largest step)</source>
        <translation>{title}、t={t}：|dL/dh_t| = {norm:.3g}（最大のステップの {share:.0f}%）</translation>
    </message>
    <message>
        <source>input {value}, averaged over the steps</source>
        <translation>入力 {value}（ステップで平均）</translation>
    </message>
    <message>
        <source>{title}, neuron {value}</source>
        <translation>{title}、ニューロン {value}</translation>
    </message>
    <message>
        <source>output 1 (blank)</source>
        <translation>出力 1（空白）</translation>
    </message>
    <message>
        <source>output {value}</source>
        <translation>出力 {value}</translation>
    </message>
    <message>
        <source>input {value}</source>
        <translation>入力 {value}</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>まだ計算していません</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>まだ値がありません</translation>
    </message>
    <message>
        <source>{title}, neuron {value}, t={value2}</source>
        <translation>{title}、ニューロン {value}、t={value2}</translation>
    </message>
    <message>
        <source>cell state c_t of {where}</source>
        <translation>{where} のセル状態 c_t</translation>
    </message>
    <message>
        <source>the LSTM&apos;s memory: c_t = f * c_(t-1) + i * g</source>
        <translation>LSTMの記憶：c_t = f * c_(t-1) + i * g</translation>
    </message>
    <message>
        <source>dL/dc_t = {} (the gradient&apos;s highway through f)</source>
        <translation>dL/dc_t = {}（f を通る勾配の高速道路）</translation>
    </message>
    <message>
        <source>gate {name} of {where}</source>
        <translation>{where} のゲート {name}</translation>
    </message>
    <message>
        <source>dL/d(pre-activation of {letter}) = {fmt}</source>
        <translation>dL/d({letter} の活性化前の値) = {fmt}</translation>
    </message>
    <message>
        <source>its activation was {fmt}</source>
        <translation>活性は {fmt} でした</translation>
    </message>
    <message>
        <source>fed back: the previous step&apos;s output (the target in training)</source>
        <translation>フィードバック：前のステップの出力（学習中は目標値）</translation>
    </message>
    <message>
        <source>start of decoding: a zero vector</source>
        <translation>デコード開始：ゼロベクトル</translation>
    </message>
    <message>
        <source>no input at this step (zero vector)</source>
        <translation>このステップには入力がありません（ゼロベクトル）</translation>
    </message>
    <message>
        <source>value = {}</source>
        <translation>値 = {}</translation>
    </message>
    <message>
        <source>probability = {value:.3f}</source>
        <translation>確率 = {value:.3f}</translation>
    </message>
    <message>
        <source>no activation yet</source>
        <translation>まだ活性がありません</translation>
    </message>
    <message>
        <source>gate {name:9s} = {fmt}</source>
        <translation>ゲート {name:9s} = {fmt}</translation>
    </message>
    <message>
        <source>cell state c_t  = {fmt}</source>
        <translation>セル状態 c_t = {fmt}</translation>
    </message>
    <message>
        <source>pre-activation = {fmt}</source>
        <translation>活性化前の値 = {fmt}</translation>
    </message>
    <message>
        <source>dL/dc_t   = {fmt}  (cell state)</source>
        <translation>dL/dc_t   = {fmt}（セル状態）</translation>
    </message>
    <message>
        <source>|dL/dh_t| of the layer = {norm:.3g}</source>
        <translation>層の |dL/dh_t| = {norm:.3g}</translation>
    </message>
    <message>
        <source>weight = {fmt}</source>
        <translation>重み = {fmt}</translation>
    </message>
    <message>
        <source>gradient (last batch) = {fmt}</source>
        <translation>勾配（直前のバッチ） = {fmt}</translation>
    </message>
    <message>
        <source>gradient share of step t={value} (this sample) = {fmt}</source>
        <translation>ステップ t={value} の勾配への寄与（このサンプル） = {fmt}</translation>
    </message>
    <message>
        <source>gradient over all steps (this sample) = {fmt}</source>
        <translation>全ステップの勾配（このサンプル） = {fmt}</translation>
    </message>
    <message>
        <source>{param}: {value}×{value2} weights</source>
        <translation>{param}：{value}×{value2} 個の重み</translation>
    </message>
    <message>
        <source>mean = {fmt}, rms = {float:.4g}, largest |w| = {float2:.4g}</source>
        <translation>平均 = {fmt}、RMS = {float:.4g}、最大の |w| = {float2:.4g}</translation>
    </message>
    <message>
        <source>  gate {name}: rms {float:.4g}</source>
        <translation>  ゲート {name}：RMS {float:.4g}</translation>
    </message>
    <message>
        <source>gradient norm (last batch) = {float:.4g}</source>
        <translation>勾配ノルム（直前のバッチ） = {float:.4g}</translation>
    </message>
    <message>
        <source>gradient share of step t={value}: norm {float:.4g}</source>
        <translation>ステップ t={value} の勾配への寄与：ノルム {float:.4g}</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>時間ステップ</translation>
    </message>
    <message>
        <source>, cell state c_t</source>
        <translation>、セル状態 c_t</translation>
    </message>
    <message>
        <source>, gate {name}</source>
        <translation>、ゲート {name}</translation>
    </message>
    <message>
        <source>{name}[{j}]: {len} weights, mean {mean:+.3f}, largest {value:+.3f}</source>
        <translation>{name}[{j}]：重み {len} 個、平均 {mean:+.3f}、最大 {value:+.3f}</translation>
    </message>
    <message>
        <source>Inputs have no incoming weights; their values come from the task.</source>
        <translation>入力には入ってくる重みがありません。値はタスクから来ます。</translation>
    </message>
    <message>
        <source>{upper} cell: {len} gates, each with its own weights</source>
        <translation>{upper} セル：ゲート {len} 個、それぞれに固有の重み</translation>
    </message>
    <message>
        <source>bias b_ih + b_hh: {bias:+.3f}   ({nonlinearity})</source>
        <translation>バイアス b_ih + b_hh：{bias:+.3f}   ({nonlinearity})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>dense: all steps at once (averaged)</source>
        <translation>全結合：全ステップを一度に（平均）</translation>
    </message>
    <message>
        <source>dense: all steps at once</source>
        <translation>全結合：全ステップを一度に</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>出力 y</translation>
    </message>
    <message>
        <source>dense layer
{H} neurons
(no recurrence)</source>
        <translation>全結合層
ニューロン {H} 個
（再帰なし）</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>入力 x</translation>
    </message>
    <message>
        <source>step {n} enters the average of all steps: their order is lost</source>
        <translation>ステップ {n} は全ステップの平均に入ります：順序は失われます</translation>
    </message>
    <message>
        <source>Add a hidden neuron</source>
        <translation>隠れニューロンを1つ追加</translation>
    </message>
    <message>
        <source>Remove a hidden neuron</source>
        <translation>隠れニューロンを1つ削除</translation>
    </message>
    <message>
        <source>folded: any t</source>
        <translation>折りたたみ：任意の t</translation>
    </message>
    <message>
        <source>backward direction: the state of step {value} enters step {t}</source>
        <translation>逆方向：ステップ {value} の状態がステップ {t} に入ります</translation>
    </message>
    <message>
        <source>forward direction: the state of step {t} enters step {value}</source>
        <translation>順方向：ステップ {t} の状態がステップ {value} に入ります</translation>
    </message>
    <message>
        <source>Truncated BPTT (every {k} steps): no gradient flows back from step {a} to step {b} of this layer</source>
        <translation>打ち切りBPTT（{k} ステップごと）：この層ではステップ {a} からステップ {b} へ勾配が戻りません</translation>
    </message>
    <message>
        <source>the output is fed back as the next step&apos;s input (the target under teacher forcing)</source>
        <translation>出力は次のステップの入力として戻されます（教師強制では目標値）</translation>
    </message>
    <message>
        <source>the encoder&apos;s final state of layer {value} starts the decoder&apos;s layer {value}</source>
        <translation>エンコーダーの層 {value} の最終状態がデコーダーの層 {value} を始めます</translation>
    </message>
    <message>
        <source> (the two directions are added)</source>
        <translation>（2方向を足し合わせます）</translation>
    </message>
    <message>
        <source>the backward direction&apos;s final state (at the first step) is added to the forward one for decoder layer {value}</source>
        <translation>逆方向の最終状態（最初のステップ）は、デコーダーの層 {value} のために順方向のものに足されます</translation>
    </message>
    <message>
        <source>input x
(decoder: previous y)</source>
        <translation>入力 x
（デコーダー：前の y）</translation>
    </message>
    <message>
        <source>blank</source>
        <comment>CTC: the output that writes nothing</comment>
        <translation>空白</translation>
    </message>
    <message numerus="yes">
        <source>%n LSTM cell(s)</source>
        <translation><numerusform>LSTMセル %n 個</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n GRU unit(s)</source>
        <translation><numerusform>GRUユニット %n 個</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n neuron(s)</source>
        <translation><numerusform>ニューロン %n 個</numerusform></translation>
    </message>
    <message>
        <source> (every layer has the same size)</source>
        <translation>（どの層も同じ大きさです）</translation>
    </message>
    <message>
        <source> Click an LSTM neuron to open it: gates i f g o below, the cell state c beside.</source>
        <translation> LSTMニューロンをクリックすると開きます：下にゲート i f g o、横にセル状態 c。</translation>
    </message>
    <message>
        <source> Click a GRU neuron to open it: its gates r z n below.</source>
        <translation> GRUニューロンをクリックすると開きます：下にゲート r z n。</translation>
    </message>
    <message>
        <source>Blue positive, orange negative; thicker lines are larger weights. Hover a line for its weight and gradient, click a neuron for its history.</source>
        <translation>青は正、オレンジは負。太い線ほど重みが大きい。線にマウスを重ねると重みと勾配、ニューロンをクリックすると履歴を表示。</translation>
    </message>
    <message>
        <source>each neuron computes h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); grey is not computed yet. Hover a neuron for its numbers.</source>
        <translation>各ニューロンは h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh) を計算します。灰色はまだ計算していません。ニューロンにマウスを重ねると数値を表示。</translation>
    </message>
    <message>
        <source>neurons show dL/dh_t, lines each weight&apos;s share of the gradient at this step; fading far from the loss means vanishing gradients.</source>
        <translation>ニューロンは dL/dh_t、線はこのステップでの各重みの勾配への寄与を示します。損失から遠いほど薄くなるのは勾配消失です。</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 層</translation>
    </message>
    <message>
        <source>Remove the top layer</source>
        <translation>一番上の層を削除</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 層</translation>
    </message>
    <message>
        <source>Add a layer on top (at most {value})</source>
        <translation>上に層を追加（最大 {value}）</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>双方向</translation>
    </message>
    <message>
        <source>Switch between a simple (left to right) and a bidirectional network</source>
        <translation>単方向（左から右）と双方向のネットワークを切り替え</translation>
    </message>
    <message>
        <source>Folded</source>
        <translation>折りたたみ</translation>
    </message>
    <message>
        <source>Show the compact loop diagram instead of one column per time step</source>
        <translation>時間ステップごとの列ではなく、ループのコンパクトな図を表示</translation>
    </message>
    <message>
        <source>Steps shown:</source>
        <translation>表示するステップ：</translation>
    </message>
    <message>
        <source>How many time steps to draw; longer sequences show the first and last steps around an ellipsis</source>
        <translation>描画する時間ステップ数。長い系列は省略記号をはさんで最初と最後のステップを表示</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Show the whole diagram in the view (its text may get smaller than at 100 %; the wheel zooms)</source>
        <translation>図全体を表示（文字が100 %より小さくなることがあります。ホイールで拡大縮小）</translation>
    </message>
    <message>
        <source>RNN Sandbox network diagram</source>
        <translation>RNN Sandbox ネットワーク図</translation>
    </message>
    <message>
        <source>could not write the image {path}</source>
        <translation>画像 {path} を書き出せませんでした</translation>
    </message>
    <message>
        <source>No weights to show: {e}</source>
        <translation>表示する重みがありません：{e}</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>できません：{reason}</translation>
    </message>
    <message>
        <source>Add hidden neuron to</source>
        <translation>隠れニューロンを追加：</translation>
    </message>
    <message>
        <source>Remove hidden neuron from</source>
        <translation>隠れニューロンを削除：</translation>
    </message>
    <message>
        <source>{verb} layer {value} (all layers {old} → {value2})</source>
        <translation>{verb}層 {value}（すべての層 {old} → {value2}）</translation>
    </message>
    <message>
        <source>Add layer {k}</source>
        <translation>層 {k} を追加</translation>
    </message>
    <message>
        <source>Remove layer {value}</source>
        <translation>層 {value} を削除</translation>
    </message>
    <message>
        <source>Make the network bidirectional</source>
        <translation>ネットワークを双方向にする</translation>
    </message>
    <message>
        <source>Make the network simple (one direction)</source>
        <translation>ネットワークを単方向にする</translation>
    </message>
    <message>
        <source>The dense baseline has no time steps to walk through: it reads the whole sequence at once.</source>
        <translation>全結合のベースラインにはたどる時間ステップがありません：系列全体を一度に読みます。</translation>
    </message>
    <message>
        <source>The step-through needs a sample: choose a task first.</source>
        <translation>ステップ実行にはサンプルが必要です：まずタスクを選んでください。</translation>
    </message>
    <message>
        <source>The step-through cannot run this sample: {e}</source>
        <translation>このサンプルはステップ実行できません：{e}</translation>
    </message>
    <message>
        <source>each {cell} cell sets its gates from x_t and h_(t-1), then its new state; click a neuron to show its gates, hover for their values.</source>
        <translation>各 {cell} セルは x_t と h_(t-1) からゲートを決め、次に新しい状態を決めます。ニューロンをクリックするとゲートを表示、マウスを重ねると値を表示。</translation>
    </message>
    <message>
        <source>each {cell} cell sets its gates from x_t alone, then its new state from them and h_(t-1); click a neuron to show its gates, hover for their values.</source>
        <translation>各 {cell} セルは x_t だけからゲートを決め、次にそれらと h_(t-1) から新しい状態を決めます。ニューロンをクリックするとゲートを表示、マウスを重ねると値を表示。</translation>
    </message>
    <message>
        <source>Forward {where}t={value}: </source>
        <translation>順伝播 {where}t={value}：</translation>
    </message>
    <message>
        <source>neurons show dL/dh_t, gates dL/d(pre-activation)</source>
        <translation>ニューロンは dL/dh_t、ゲートは dL/d(活性化前の値) を表示</translation>
    </message>
    <message>
        <source>, the square beside an LSTM neuron dL/dc_t</source>
        <translation>、LSTMニューロンの横の四角は dL/dc_t</translation>
    </message>
    <message>
        <source>; ribbons each step&apos;s share of the gate weights&apos; gradient.</source>
        <translation>。帯は各ステップのゲートの重みの勾配への寄与。</translation>
    </message>
    <message>
        <source> Truncated BPTT cuts every {k} steps: nothing flows back across a cut</source>
        <translation> 打ち切りBPTTは {k} ステップごとに切ります：切れ目を越えて何も戻りません</translation>
    </message>
    <message>
        <source>, and no gradient reaches a step before t={value}.</source>
        <translation>。t={value} より前のステップには勾配が届きません。</translation>
    </message>
    <message>
        <source>Backward {where}t={value}: |dL/dh| </source>
        <translation>逆伝播 {where}t={value}：|dL/dh| </translation>
    </message>
    <message>
        <source>About the task: {title}</source>
        <translation>タスクについて：{title}</translation>
    </message>
    <message>
        <source># {title}

{summary}</source>
        <translation># {title}

{summary}</translation>
    </message>
    <message>
        <source>Repeat with N seeds</source>
        <translation>N個のシードで繰り返す</translation>
    </message>
    <message>
        <source>Train the current settings with this many seeds, side by side in worker processes;
their mean and spread show which differences between runs are real.

Seeds:</source>
        <translation>現在の設定をこの数のシードで、別々のプロセスで並べて学習します。
その平均とばらつきから、実行どうしのどの違いが本物かが分かります。

シード数：</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Build a recurrent network neuron by neuron, train it live and watch its loss, hidden states and the gradient flowing back through time.&lt;/p&gt;&lt;p&gt;The engine is plain NumPy with backpropagation through time written out by hand; trained weights load into &lt;code&gt;torch.nn.RNN&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;再帰型ニューラルネットワークをニューロン単位で組み立て、ライブで学習させながら、損失、隠れ状態、時間をさかのぼって流れる勾配を観察します。&lt;/p&gt;&lt;p&gt;エンジンは素のNumPyで、通時的誤差逆伝播を手で書き下しています。学習した重みは &lt;code&gt;torch.nn.RNN&lt;/code&gt; に読み込めます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>保存していない変更を破棄しますか？</translation>
    </message>
    <message>
        <source>The current experiment has changes that were not saved.</source>
        <translation>現在の実験には保存していない変更があります。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Autosave failed: {e}</source>
        <translation>自動保存に失敗しました：{e}</translation>
    </message>
    <message>
        <source>Restore the last session?</source>
        <translation>前回のセッションを復元しますか？</translation>
    </message>
    <message>
        <source>The program ended before the last experiment was saved. Restore it from the automatic copy made during training?</source>
        <translation>前回の実験を保存する前にプログラムが終了しました。学習中に作られた自動コピーから復元しますか？</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>復元できません</translation>
    </message>
    <message>
        <source>{reason}

The automatic copy is kept as {kept}.</source>
        <translation>{reason}

自動コピーは {kept} として残してあります。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>詳細を表示</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Copy the technical details to the clipboard, e.g. for a bug report</source>
        <translation>技術的な詳細をクリップボードにコピー（バグ報告などに）</translation>
    </message>
    <message>
        <source> (in the {thread} thread)</source>
        <translation>（スレッド {thread} 内）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;{where}&lt;br&gt;{escape}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;{where}&lt;br&gt;{escape}</translation>
    </message>
    <message>
        <source>The program keeps running; what you were doing may not have finished. Saving your work now is a good idea.</source>
        <translation>プログラムは動き続けますが、直前の操作は完了していないかもしれません。今のうちに作業を保存することをお勧めします。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The details are also in &lt;code&gt;{escape}&lt;/code&gt;.</source>
        <translation>&lt;br&gt;詳細は &lt;code&gt;{escape}&lt;/code&gt; にもあります。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) since this box opened; the newest is shown.</source>
        <translation><numerusform>このウィンドウを開いてから %n 件のエラー。最新のものを表示しています。</numerusform></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
    <message>
        <source>Unexpected error: {name}</source>
        <translation>予期しないエラー：{name}</translation>
    </message>
    <message>
        <source> [thread {thread}]</source>
        <translation> [スレッド {thread}]</translation>
    </message>
    <message>
        <source>on or off</source>
        <translation>オンまたはオフ</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low}〜{high}</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>任意の数</translation>
    </message>
    <message>
        <source>above {low}</source>
        <translation>{low} より大きい</translation>
    </message>
    <message>
        <source>{low} or more</source>
        <translation>{low} 以上</translation>
    </message>
    <message>
        <source>below {high}</source>
        <translation>{high} 未満</translation>
    </message>
    <message>
        <source>up to {high}</source>
        <translation>{high} 以下</translation>
    </message>
    <message>
        <source>above {low}, {top}</source>
        <translation>{low} より大きく {top}</translation>
    </message>
    <message>
        <source>from {low}, {top}</source>
        <translation>{low} 以上 {top}</translation>
    </message>
    <message>
        <source>{range} {unit}</source>
        <translation>{range} {unit}</translation>
    </message>
    <message>
        <source>{help}; {range}</source>
        <translation>{help}。{range}</translation>
    </message>
    <message>
        <source>{help}; can be changed while training and takes effect at the next step</source>
        <translation>{help}。学習中に変更でき、次のステップから有効になります</translation>
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
        <translation><numerusform>%n バイト</numerusform></translation>
    </message>
    <message>
        <source>{rule}: {metric}</source>
        <translation>{rule}：{metric}</translation>
    </message>
    <message>
        <source>{metric} {value:.3g}</source>
        <translation>{metric} {value:.3g}</translation>
    </message>
    <message>
        <source>{metric} {value:.3g} (baseline {baseline:.3g})</source>
        <translation>{metric} {value:.3g}（ベースライン {baseline:.3g}）</translation>
    </message>
    <message>
        <source>val {metric} {value:.3g} (higher is better)</source>
        <translation>検証 {metric} {value:.3g}（高いほど良い）</translation>
    </message>
    <message>
        <source>val {metric} {value:.3g} (lower is better)</source>
        <translation>検証 {metric} {value:.3g}（低いほど良い）</translation>
    </message>
    <message>
        <source>as good as the baseline</source>
        <translation>ベースラインと同等</translation>
    </message>
    <message>
        <source>better by {d:.3g}</source>
        <translation>{d:.3g} 良い</translation>
    </message>
    <message>
        <source>worse by {d:.3g}</source>
        <translation>{d:.3g} 悪い</translation>
    </message>
    <message>
        <source>{line} · baseline &quot;{rule}&quot; {value:.3g} · {versus}</source>
        <translation>{line} · ベースライン「{rule}」{value:.3g} · {versus}</translation>
    </message>
    <message>
        <source>epoch {current} (past the {planned} set)</source>
        <translation>エポック {current}（設定の {planned} を超過）</translation>
    </message>
    <message>
        <source>epoch {current} of {planned}</source>
        <translation>エポック {current} / {planned}</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>持続予報</translation>
    </message>
    <message>
        <source>same as yesterday</source>
        <translation>昨日と同じ</translation>
    </message>
    <message>
        <source>How much of the loss&apos;s gradient reaches each time step. Falling to the left: vanishing (early inputs barely learn); rising: exploding (clip or lower the rate). An LSTM&apos;s cell state (dashed) carries it back as far as the forget gates stay open.</source>
        <translation>損失の勾配が各時間ステップにどれだけ届くか。左へ下がる：勾配消失（初めの入力はほとんど学習しない）。上がる：勾配爆発（クリップするか学習率を下げる）。LSTMのセル状態（破線）は忘却ゲートが開いている限り勾配を遠くまで運びます。</translation>
    </message>
    <message>
        <source>Heatmap layer:</source>
        <translation>ヒートマップの層：</translation>
    </message>
    <message>
        <source>∂h_T/∂h_t as kept fractions</source>
        <translation>∂h_T/∂h_t を保持率で</translation>
    </message>
    <message>
        <source>Instead of the gradient, draw how much of h_t reaches the last state h_T: the product of the kept fractions of the steps in between, (1 − z) for minGRU and f/(f+i) for minLSTM, averaged over the units, for the watched sample. Only for these cells: their gates read only x_t, so nothing else carries h_t forward.</source>
        <translation>勾配の代わりに、h_t のどれだけが最後の状態 h_T に届くかを描きます。間のステップの保持率の積（minGRU では (1 − z)、minLSTM では f/(f+i)）をユニットで平均したもので、観察中のサンプルについてです。これらのセルだけ：ゲートが x_t だけを読むので、ほかに h_t を先へ運ぶものはありません。</translation>
    </message>
    <message>
        <source>Gradient at each step |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</source>
        <translation>各ステップの勾配 |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>時間ステップ t</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;| over training</source>
        <translation>学習を通じた log&lt;sub&gt;10&lt;/sub&gt; |dL/dh&lt;sub&gt;t&lt;/sub&gt;|</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>学習ステップ</translation>
    </message>
    <message>
        <source>Gradient norm per weight</source>
        <translation>重みごとの勾配ノルム</translation>
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
        <translation>∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt; = ∏ 保持率</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ∂h&lt;sub&gt;T&lt;/sub&gt;/∂h&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>Per step: |dL/dh&lt;sub&gt;t&lt;/sub&gt;| ━  cell |dL/dc&lt;sub&gt;t&lt;/sub&gt;| - -</source>
        <translation>ステップごと：|dL/dh&lt;sub&gt;t&lt;/sub&gt;| ━  セル |dL/dc&lt;sub&gt;t&lt;/sub&gt;| - -</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; gradient</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; 勾配</translation>
    </message>
    <message>
        <source>{label}: cell state c</source>
        <translation>{label}：セル状態 c</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |dL/d{what}&lt;sub&gt;t&lt;/sub&gt;| over training</source>
        <translation>学習を通じた log&lt;sub&gt;10&lt;/sub&gt; |dL/d{what}&lt;sub&gt;t&lt;/sub&gt;|</translation>
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
        <translation>各行が隠れニューロン1つ、各列が時間ステップ、色がその値 h_t です。行をクリックするとそのニューロンを時間に沿って追えます。</translation>
    </message>
    <message>
        <source>Layer and direction whose states are shown</source>
        <translation>状態を表示する層と方向</translation>
    </message>
    <message>
        <source>Validation sample:</source>
        <translation>検証サンプル：</translation>
    </message>
    <message>
        <source>Which validation sample is watched while training</source>
        <translation>学習中に注目する検証サンプル</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示：</translation>
    </message>
    <message>
        <source>Hidden state, cell state (LSTM) or one gate of the gated cell, per unit and step</source>
        <translation>ユニットとステップごとの隠れ状態、セル状態（LSTM）、またはゲート付きセルのゲート1つ</translation>
    </message>
    <message>
        <source>Hidden states h&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>隠れ状態 h&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隠れユニット</translation>
    </message>
    <message>
        <source>Unit 0 over time</source>
        <translation>ユニット 0 の時間変化</translation>
    </message>
    <message>
        <source>Gates of unit 0</source>
        <translation>ユニット 0 のゲート</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <source>hidden state h_t</source>
        <translation>隠れ状態 h_t</translation>
    </message>
    <message>
        <source>cell state c_t</source>
        <translation>セル状態 c_t</translation>
    </message>
    <message>
        <source>h, c (dashed)</source>
        <translation>h、c（破線）</translation>
    </message>
    <message>
        <source>{capitalize} {letter}&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>{capitalize} {letter}&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source> (0 closed, 1 open)</source>
        <translation>（0 閉、1 開）</translation>
    </message>
    <message>
        <source>Cell state c&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>セル状態 c&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>Unit {unit} over time</source>
        <translation>ユニット {unit} の時間変化</translation>
    </message>
    <message>
        <source>Gates of unit {unit}</source>
        <translation>ユニット {unit} のゲート</translation>
    </message>
    <message>
        <source>Which steps a weight learns from: row s, column t is how much output step s&apos;s loss changes the weight where step t uses it. Fading away from the diagonal: vanishing gradients; an LSTM&apos;s cell state reaches further back.</source>
        <translation>重みがどのステップから学ぶか：行 s・列 t は、出力ステップ s の損失が、ステップ t でその重みが使われた箇所をどれだけ変えるかです。対角線から離れるほど薄いのは勾配消失。LSTMのセル状態はさらに遠くまで届きます。</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>重み：</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ‖contribution‖ of step t to L&lt;sub&gt;s&lt;/sub&gt;</source>
        <translation>ステップ t の L&lt;sub&gt;s&lt;/sub&gt; への log&lt;sub&gt;10&lt;/sub&gt; ‖寄与‖</translation>
    </message>
    <message>
        <source>input step t (where the weight is used)</source>
        <translation>入力ステップ t（重みが使われる場所）</translation>
    </message>
    <message>
        <source>output step s</source>
        <translation>出力ステップ s</translation>
    </message>
    <message>
        <source>log&lt;sub&gt;10&lt;/sub&gt; ‖contribution‖</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; ‖寄与‖</translation>
    </message>
    <message>
        <source>The whole sequence&apos;s loss: contribution of step t</source>
        <translation>系列全体の損失：ステップ t の寄与</translation>
    </message>
    <message>
        <source>decoder step {value}</source>
        <translation>デコーダーのステップ {value}</translation>
    </message>
    <message>
        <source>encoder step {value}</source>
        <translation>エンコーダーのステップ {value}</translation>
    </message>
    <message>
        <source>the sequence&apos;s loss</source>
        <translation>系列の損失</translation>
    </message>
    <message>
        <source>L at output step {step}</source>
        <translation>出力ステップ {step} の L</translation>
    </message>
    <message>
        <source>{loss}, {where}: ‖contribution‖ = {value:.3g}</source>
        <translation>{loss}、{where}：‖寄与‖ = {value:.3g}</translation>
    </message>
    <message>
        <source>input step t</source>
        <translation>入力ステップ t</translation>
    </message>
    <message>
        <source>|contribution| {value}</source>
        <translation>|寄与| {value}</translation>
    </message>
    <message>
        <source>Training loss of every batch and its trend; validation loss on data the network never trains on. Validation rising while training falls means memorising.</source>
        <translation>各バッチの学習損失とその傾向、そしてネットワークが学習に使わないデータでの検証損失。学習損失が下がるのに検証損失が上がるなら、丸暗記（過学習）です。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>損失を対数軸で表示</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Exponential moving average of the training loss</source>
        <translation>学習損失の指数移動平均</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>バッチごと</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>- - baseline</source>
        <translation>- - ベースライン</translation>
    </message>
    <message>
        <source>Validation metric</source>
        <translation>検証指標</translation>
    </message>
    <message>
        <source>Loss ({loss_name})</source>
        <translation>損失 ({loss_name})</translation>
    </message>
    <message>
        <source>Baseline: {name} = {value:.4g}, what a trivial rule scores</source>
        <translation>ベースライン：{name} = {value:.4g}（単純な規則で得られる値）</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot; {value:.3g}</source>
        <translation>ベースライン「{rule}」{value:.3g}</translation>
    </message>
    <message>
        <source>baseline {float:.3g}</source>
        <translation>ベースライン {float:.3g}</translation>
    </message>
    <message>
        <source>What the network answers now for the watched validation sample, and the truth (the input in grey).</source>
        <translation>注目している検証サンプルに対するネットワークの今の答えと正解（入力は灰色）。</translation>
    </message>
    <message>
        <source>Train a step to see what the network predicts.</source>
        <translation>1ステップ学習すると、ネットワークの予測が表示されます。</translation>
    </message>
    <message>
        <source>Further measures of this task on the validation set, from the last validation</source>
        <translation>このタスクの検証データでの他の指標（直前の検証から）</translation>
    </message>
    <message>
        <source>Forecast × and truth ●</source>
        <translation>予測 × と正解 ●</translation>
    </message>
    <message>
        <source>Output × and target ●</source>
        <translation>出力 × と目標 ●</translation>
    </message>
    <message>
        <source>P(class), green: true</source>
        <translation>P(クラス)、緑：正解</translation>
    </message>
    <message>
        <source>P(class) per step: □ true, × network</source>
        <translation>ステップごとの P(クラス)：□ 正解、× ネットワーク</translation>
    </message>
    <message>
        <source>P(label) per frame × best</source>
        <translation>フレームごとの P(ラベル) × 最良</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>確率</translation>
    </message>
    <message>
        <source>label (0 = blank)</source>
        <translation>ラベル（0 = 空白）</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>(cannot show this prediction: {e})</source>
        <translation>（この予測は表示できません：{e}）</translation>
    </message>
    <message>
        <source>Validation: {numbers}</source>
        <translation>検証：{numbers}</translation>
    </message>
    <message>
        <source>Validation (step {step}): {numbers}</source>
        <translation>検証（ステップ {step}）：{numbers}</translation>
    </message>
    <message>
        <source>class ({shown} of {classes})</source>
        <translation>クラス（{classes} 個中 {shown} 個）</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>経過時間 (秒)</translation>
    </message>
    <message numerus="yes">
        <source>{name}: mean ± std of %n seed(s)</source>
        <translation><numerusform>{name}：%n 個のシードの平均 ± 標準偏差</numerusform></translation>
    </message>
    <message>
        <source>Gradient reaching each time step</source>
        <translation>各時間ステップに届く勾配</translation>
    </message>
    <message>
        <source>baseline {value:.3g}</source>
        <translation>ベースライン {value:.3g}</translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation>検証指標</translation>
    </message>
    <message>
        <source> (higher is better)</source>
        <translation>（高いほど良い）</translation>
    </message>
    <message>
        <source> (lower is better)</source>
        <translation>（低いほど良い）</translation>
    </message>
    <message>
        <source>Loss ({name})</source>
        <translation>損失 ({name})</translation>
    </message>
    <message>
        <source>loss (log)</source>
        <translation>損失 (対数)</translation>
    </message>
    <message>
        <source>Gradient per time step: none recorded</source>
        <translation>時間ステップごとの勾配：記録なし</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>ステップ {step}</translation>
    </message>
    <message>
        <source>steps {first}–{last}</source>
        <translation>ステップ {first}–{last}</translation>
    </message>
    <message>
        <source>Gradient at {at}</source>
        <translation>{at} の勾配</translation>
    </message>
    <message>
        <source>Gradient reaching each time step, at {at}</source>
        <translation>各時間ステップに届く勾配（{at}）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No runs to compare yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Train, then change a setting: each run is kept here, and the runs you show in the Runs panel are drawn on top of each other, with their settings side by side.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;比較する実行はまだありません。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;学習してから設定を変えてみましょう。各実行はここに保存され、［実行］パネルで表示した実行が重ねて描かれ、設定が並べて示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A shaded band is the spread over seeds: a difference smaller than it may be luck. Tick or untick runs in the Runs panel to choose what is compared.</source>
        <translation>網掛けの帯はシード間のばらつきです。それより小さい差は偶然かもしれません。［実行］パネルでチェックを付け外しして、比較するものを選びます。</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>ステップ別</translation>
    </message>
    <message>
        <source>by time (s)</source>
        <translation>時間別 (秒)</translation>
    </message>
    <message>
        <source>Compare by training step, or by seconds spent training (a larger network may learn in fewer steps but more time)</source>
        <translation>学習ステップ、または学習にかかった秒数で比較（大きいネットワークは少ないステップでも長い時間で学習することがあります）</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>対数損失</translation>
    </message>
    <message>
        <source>Gradient at</source>
        <translation>勾配の時点</translation>
    </message>
    <message>
        <source>The training step whose gradients are shown (each run&apos;s nearest recorded step at or before it)</source>
        <translation>勾配を表示する学習ステップ（各実行で、そのステップ以前の最も近い記録）</translation>
    </message>
    <message>
        <source>The settings of each run; those that differ are bold on a tint</source>
        <translation>各実行の設定。異なるものは色付きの背景に太字</translation>
    </message>
    <message>
        <source>solid: training loss (its trend; faint: each batch) · dotted: validation loss · dashed: baseline</source>
        <translation>実線：学習損失（傾向、薄い線は各バッチ）· 点線：検証損失 · 破線：ベースライン</translation>
    </message>
    <message>
        <source>solid: training loss · dotted: validation loss · dashed: baseline</source>
        <translation>実線：学習損失 · 点線：検証損失 · 破線：ベースライン</translation>
    </message>
    <message>
        <source>final {metric}</source>
        <translation>最終 {metric}</translation>
    </message>
    <message>
        <source>final metric</source>
        <translation>最終指標</translation>
    </message>
    <message>
        <source>steps trained</source>
        <translation>学習ステップ数</translation>
    </message>
    <message numerus="yes">
        <source>%n other setting(s)</source>
        <translation><numerusform>その他の設定 %n 個</numerusform></translation>
    </message>
    <message>
        <source>equal</source>
        <translation>同じ</translation>
    </message>
    <message>
        <source>{name}: seed {seed}</source>
        <translation>{name}：シード {seed}</translation>
    </message>
    <message>
        <source>, group {group}</source>
        <translation>、グループ {group}</translation>
    </message>
    <message>
        <source>differs between the runs</source>
        <translation>実行によって異なる</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>{option} (task option)</source>
        <translation>{option}（タスクのオプション）</translation>
    </message>
    <message>
        <source>the picture could not be encoded as PNG</source>
        <translation>画像をPNGとしてエンコードできませんでした</translation>
    </message>
    <message>
        <source>RNN Sandbox: comparison of runs</source>
        <translation>RNN Sandbox：実行の比較</translation>
    </message>
    <message>
        <source>task {name}→{name2}</source>
        <translation>タスク {name}→{name2}</translation>
    </message>
    <message>
        <source>{value} more</source>
        <translation>ほか {value} 個</translation>
    </message>
    <message>
        <source>no {setting}</source>
        <translation>{setting}なし</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” becomes the current experiment; the model trained for %n step(s) is kept in the Runs panel (Undo brings it back).</source>
        <translation><numerusform>「{name}」が現在の実験になります。%n ステップ学習したモデルは［実行］パネルに残ります（元に戻すで復元できます）。</numerusform></translation>
    </message>
    <message>
        <source>Cannot restore the run</source>
        <translation>実行を復元できません</translation>
    </message>
    <message>
        <source>Restore run “{name}”</source>
        <translation>実行「{name}」を復元</translation>
    </message>
    <message>
        <source>Delete run “{name}”</source>
        <translation>実行「{name}」を削除</translation>
    </message>
    <message>
        <source>Delete {len} runs</source>
        <translation>{len} 個の実行を削除</translation>
    </message>
    <message>
        <source>Cannot save the runs</source>
        <translation>実行結果を保存できません</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n run(s) to {file}.</source>
        <translation><numerusform>%n 個の実行を {file} に保存しました。</numerusform></translation>
    </message>
    <message>
        <source>Cannot open the runs</source>
        <translation>実行結果を開けません</translation>
    </message>
    <message numerus="yes">
        <source>Added %n run(s) from {file}.</source>
        <translation><numerusform>{file} から %n 個の実行を追加しました。</numerusform></translation>
    </message>
    <message>
        <source>Discard the runs?</source>
        <translation>実行結果を破棄しますか？</translation>
    </message>
    <message>
        <source>The Runs panel holds 1 run that was not saved (File → Save Runs… keeps it).</source>
        <translation>［実行］パネルに保存していない実行が1個あります（ファイル → 実行結果を保存… で保存できます）。</translation>
    </message>
    <message numerus="yes">
        <source>The Runs panel holds %n runs that were not saved (File → Save Runs… keeps them).</source>
        <translation><numerusform>［実行］パネルに保存していない実行が %n 個あります（ファイル → 実行結果を保存… で保存できます）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{base} × %n seed(s)</source>
        <translation><numerusform>{base} × シード %n 個</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{base} × %n seed(s) ({k})</source>
        <translation><numerusform>{base} × シード %n 個 ({k})</numerusform></translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>lesson setups</source>
        <translation>レッスンの設定</translation>
    </message>
    <message>
        <source>Runs are training</source>
        <translation>実行を学習中です</translation>
    </message>
    <message>
        <source>The {job_what} of the last request are still training: wait for them or cancel them first.</source>
        <translation>前回の依頼の{job_what}がまだ学習中です：終わるまで待つか、先に中止してください。</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>メモリが足りません</translation>
    </message>
    <message>
        <source>The {job_what} were not started: {reason}.</source>
        <translation>{job_what}は開始されませんでした: {reason}。</translation>
    </message>
    <message>
        <source>Cannot start training the runs</source>
        <translation>実行の学習を開始できません</translation>
    </message>
    <message>
        <source>{job_what}: {finished} of {total} done</source>
        <translation>{job_what}：{total} 個中 {finished} 個完了</translation>
    </message>
    <message>
        <source>The runs could not all be trained</source>
        <translation>一部の実行を学習できませんでした</translation>
    </message>
    <message>
        <source>{job_what}: cancelled after {finished} of {total}.</source>
        <translation>{job_what}：{total} 個中 {finished} 個で中止しました。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>到達</translation>
    </message>
    <message>
        <source>The step (and seconds) at which the metric had come {share:.0%} of the way from the baseline to its final value: of two runs that end alike, the one that got there sooner learned faster</source>
        <translation>指標がベースラインから最終値までの {share:.0%} に達したステップ（と秒数）。同じように終わる2つの実行なら、早く到達した方が速く学習しています</translation>
    </message>
    <message>
        <source>{value} (base {baseline})</source>
        <translation>{value}（ベース {baseline}）</translation>
    </message>
    <message>
        <source>step {step:.0f}</source>
        <translation>ステップ {step:.0f}</translation>
    </message>
    <message>
        <source>Every run of this session: tick to show it in the comparison, double-click a name (F2) to rename, Delete to delete</source>
        <translation>このセッションのすべての実行：チェックで比較に表示、名前をダブルクリック（F2）で名前を変更、Deleteで削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Make the selected run the current experiment (it goes on training where it stopped; the current one is kept)</source>
        <translation>選んだ実行を現在の実験にする（止まったところから学習を続けます。今の実験は残ります）</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Rename the selected run</source>
        <translation>選んだ実行の名前を変更</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected runs (Undo brings them back)</source>
        <translation>選んだ実行を削除（元に戻すで復元できます）</translation>
    </message>
    <message>
        <source>Repeat with N seeds…</source>
        <translation>N個のシードで繰り返す…</translation>
    </message>
    <message>
        <source>Train the current settings with several seeds at once, to see which differences are real</source>
        <translation>現在の設定を複数のシードで同時に学習し、どの違いが本物かを確かめる</translation>
    </message>
    <message>
        <source>Save runs…</source>
        <translation>実行結果を保存…</translation>
    </message>
    <message>
        <source>Save every run in one runs file (.rnns)</source>
        <translation>すべての実行を1つの実行ファイル (.rnns) に保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the runs training now</source>
        <translation>実行の学習を今すぐ止める</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>“{name}”: a run has this name already, or it is empty.</source>
        <translation>「{name}」：この名前の実行がすでにあるか、名前が空です。</translation>
    </message>
    <message>
        <source>The group is shown in the comparison (untick to hide its seeds)</source>
        <translation>このグループは比較に表示されています（チェックを外すとシードを隠します）</translation>
    </message>
    <message numerus="yes">
        <source>%n seed(s) of one setup (seeds {seeds}): click to fold them away</source>
        <translation><numerusform>1つの設定のシード %n 個（シード {seeds}）：クリックで折りたたむ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n seed(s) of one setup (seeds {seeds}): click to list them</source>
        <translation><numerusform>1つの設定のシード %n 個（シード {seeds}）：クリックで一覧表示</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{metric} at the last step: mean ± standard deviation over the %n seed(s)</source>
        <translation><numerusform>最後のステップの{metric}：%n 個のシードの平均 ± 標準偏差</numerusform></translation>
    </message>
    <message>
        <source>{tip} (the mean over the seeds)</source>
        <translation>{tip}（シードの平均）</translation>
    </message>
    <message>
        <source>Shown in the comparison (untick to hide it)</source>
        <translation>比較に表示中（チェックを外すと隠します）</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>シード {seed}</translation>
    </message>
    <message>
        <source>One seed of the group above</source>
        <translation>上のグループのシードの1つ</translation>
    </message>
    <message>
        <source>{metric} on the validation set at the last step; {baseline}: {value:.4g}</source>
        <translation>最後のステップの検証データでの{metric}。{baseline}：{value:.4g}</translation>
    </message>
    <message>
        <source>{metric} on the validation set at the last step</source>
        <translation>最後のステップの検証データでの{metric}</translation>
    </message>
    <message>
        <source>The current experiment (training in the window) · group {group}</source>
        <translation>現在の実験（ウィンドウで学習中） · グループ {group}</translation>
    </message>
    <message>
        <source>The current experiment (training in the window)</source>
        <translation>現在の実験（ウィンドウで学習中）</translation>
    </message>
    <message>
        <source>Seed {seed} · group {group}</source>
        <translation>シード {seed} · グループ {group}</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>シード {seed}</translation>
    </message>
    <message>
        <source>What the network reads first; it writes on from there</source>
        <translation>ネットワークが最初に読む文。そこから続きを書きます</translation>
    </message>
    <message>
        <source>Below 1: safer, more repetitive; above 1: more adventurous; 0: always the most likely next character</source>
        <translation>1未満：無難で繰り返しが多い、1より大きい：冒険的、0：常に最も確率の高い次の文字</translation>
    </message>
    <message>
        <source>At most how many characters (or words) the network writes after the prompt</source>
        <translation>書き出しのあとにネットワークが書く最大の文字数（または単語数）</translation>
    </message>
    <message>
        <source>The same seed, prompt, temperature and weights write the same text</source>
        <translation>同じシード・書き出し・温度・重みなら同じ文章になります</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>書く</translation>
    </message>
    <message>
        <source>Let the network write with its weights now</source>
        <translation>今の重みでネットワークに書かせる</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>書き出し：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード：</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>長さ：</translation>
    </message>
    <message>
        <source>Type a prompt and press Write.</source>
        <translation>書き出しを入力して［書く］を押してください。</translation>
    </message>
    <message>
        <source>This task&apos;s network does not write.</source>
        <translation>このタスクのネットワークは文章を書きません。</translation>
    </message>
    <message>
        <source>Cannot write: {e}</source>
        <translation>書けません：{e}</translation>
    </message>
    <message>
        <source>the weights of step {step}, temperature {temperature:g}, seed {seed}</source>
        <translation>ステップ {step} の重み、温度 {temperature:g}、シード {seed}</translation>
    </message>
    <message>
        <source>Writing with {how}…</source>
        <translation>{how}で書いています…</translation>
    </message>
    <message numerus="yes">
        <source>Written with {how}: %n word(s) after the prompt.</source>
        <translation><numerusform>{how}で書きました：書き出しのあとに %n 語。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Written with {how}: %n character(s) after the prompt.</source>
        <translation><numerusform>{how}で書きました：書き出しのあとに %n 文字。</numerusform></translation>
    </message>
    <message>
        <source>Size</source>
        <translation>規模</translation>
    </message>
    <message>
        <source>{parameters:,} parameters; training {estimate}</source>
        <translation>パラメータ {parameters:,} 個。学習は{estimate}</translation>
    </message>
    <message>
        <source>needs about {memory} of memory, {time} per step</source>
        <translation>約 {memory} のメモリ、1ステップ {time}</translation>
    </message>
    <message>
        <source>needs about {memory} of memory</source>
        <translation>約 {memory} のメモリ</translation>
    </message>
    <message>
        <source>Memory training needs: weights {weights}, their gradients {weights}, the optimizer {optimizer}, one batch {batch}, the data {data}, a saved copy {weights}, the program {program}. {available} is available now; settings that need more are refused. The time per step is measured on this computer.</source>
        <translation>学習に必要なメモリ：重み {weights}、その勾配 {weights}、最適化手法 {optimizer}、1バッチ {batch}、データ {data}、保存用のコピー {weights}、プログラム {program}。現在 {available} が使えます。これより多く必要な設定は拒否されます。1ステップの時間はこのコンピューターで測定したものです。</translation>
    </message>
    <message>
        <source>Set {setting} to {value}</source>
        <translation>{setting}を{value}にする</translation>
    </message>
    <message>
        <source>Not changed — {message}</source>
        <translation>変更されませんでした — {message}</translation>
    </message>
    <message>
        <source>Use this task</source>
        <translation>このタスクを使う</translation>
    </message>
    <message>
        <source>Build a new experiment for the selected task</source>
        <translation>選んだタスクで新しい実験を作る</translation>
    </message>
    <message>
        <source>Further numbers of this task on the validation set, from the latest weights</source>
        <translation>このタスクの検証データでの他の数値（最新の重みによる）</translation>
    </message>
    <message>
        <source>train loss —</source>
        <translation>学習損失 —</translation>
    </message>
    <message>
        <source>val loss —</source>
        <translation>検証損失 —</translation>
    </message>
    <message>
        <source>train loss {value:.4g}</source>
        <translation>学習損失 {value:.4g}</translation>
    </message>
    <message>
        <source>val loss {value:.4g}</source>
        <translation>検証損失 {value:.4g}</translation>
    </message>
    <message>
        <source>{steps_per_second:.0f} steps/s</source>
        <translation>{steps_per_second:.0f} ステップ/秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Further numbers of this task on the validation set, from the latest weights:
</source>
        <translation>このタスクの検証データでの他の数値（最新の重みによる）：
</translation>
    </message>
    <message numerus="yes">
        <source>%n {cell} cell(s)</source>
        <translation><numerusform>{cell}セル %n 個</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n {cell} unit(s)</source>
        <translation><numerusform>{cell}ユニット %n 個</numerusform></translation>
    </message>
    <message>
        <source> Click any {cell} neuron to open it: gates {gates} below, the cell state c beside.</source>
        <translation> {cell}ニューロンをクリックすると開きます：下にゲート {gates}、横にセル状態 c。</translation>
    </message>
    <message>
        <source> Click any {cell} neuron to open it: its gates {gates} below.</source>
        <translation> {cell}ニューロンをクリックすると開きます：下にゲート {gates}。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>forget</source>
        <translation>忘却</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>セル</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>input gate</source>
        <translation>入力ゲート</translation>
    </message>
    <message>
        <source>forget gate</source>
        <translation>忘却ゲート</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>output gate</source>
        <translation>出力ゲート</translation>
    </message>
    <message>
        <source>dense layer</source>
        <translation>全結合層</translation>
    </message>
    <message>
        <source>head</source>
        <translation>出力層</translation>
    </message>
    <message>
        <source>head bias</source>
        <translation>出力層のバイアス</translation>
    </message>
    <message>
        <source>encoder</source>
        <comment>the diagram&apos;s heading</comment>
        <translation>エンコーダー</translation>
    </message>
    <message>
        <source>decoder</source>
        <comment>the diagram&apos;s heading</comment>
        <translation>デコーダー</translation>
    </message>
    <message>
        <source>encoder layer {n} (backward)</source>
        <translation>エンコーダー層 {n}（逆方向）</translation>
    </message>
    <message>
        <source>encoder layer {n}</source>
        <translation>エンコーダー層 {n}</translation>
    </message>
    <message>
        <source>decoder layer {n} (backward)</source>
        <translation>デコーダー層 {n}（逆方向）</translation>
    </message>
    <message>
        <source>decoder layer {n}</source>
        <translation>デコーダー層 {n}</translation>
    </message>
    <message>
        <source>layer {n} (backward)</source>
        <translation>層 {n}（逆方向）</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>層 {n}</translation>
    </message>
    <message>
        <source>attn {symbol}</source>
        <comment>the attention&apos;s weights</comment>
        <translation>アテンション {symbol}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (exit code {code}).</source>
        <translation>学習プロセスが予期せず終了しました（終了コード {code}）。</translation>
    </message>
    <message>
        <source>Unexpected error: {type_name}</source>
        <translation>予期しないエラー：{type_name}</translation>
    </message>
    <message>
        <source>Many-to-one</source>
        <translation>多対一</translation>
    </message>
    <message>
        <source>One-to-many</source>
        <translation>一対多</translation>
    </message>
    <message>
        <source>Many-to-many (aligned)</source>
        <translation>多対多（同期）</translation>
    </message>
    <message>
        <source>Sequence-to-sequence</source>
        <translation>系列変換 (seq2seq)</translation>
    </message>
    <message>
        <source>CTC (frames to labels)</source>
        <translation>CTC（フレームからラベルへ）</translation>
    </message>
    <message>
        <source>uniform ±1/√H (PyTorch)</source>
        <translation>一様分布 ±1/√H (PyTorch)</translation>
    </message>
    <message>
        <source>Xavier/Glorot</source>
        <translation>Xavier/Glorot</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>直交</translation>
    </message>
    <message>
        <source>scaled to spectral radius</source>
        <translation>スペクトル半径に合わせる</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>モーメンタム付きSGD</translation>
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
        <translation>minGRU（ゲートは x のみを読む）</translation>
    </message>
    <message>
        <source>minLSTM (gates read only x)</source>
        <translation>minLSTM（ゲートは x のみを読む）</translation>
    </message>
    <message>
        <source>dense (no recurrence)</source>
        <translation>全結合（再帰なし）</translation>
    </message>
    <message>
        <source>mean of the steps</source>
        <translation>ステップの平均</translation>
    </message>
    <message>
        <source>steps side by side</source>
        <translation>ステップを並べる</translation>
    </message>
    <message>
        <source>none (final state only)</source>
        <translation>なし（最終状態のみ）</translation>
    </message>
    <message>
        <source>dot product sᵀh</source>
        <translation>内積 sᵀh</translation>
    </message>
    <message>
        <source>general sᵀW h</source>
        <translation>一般形 sᵀW h</translation>
    </message>
    <message>
        <source>additive vᵀtanh(W s + U h)</source>
        <translation>加法型 vᵀtanh(W s + U h)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>セル</translation>
    </message>
    <message>
        <source>The recurrent unit of each layer</source>
        <translation>各層の再帰ユニット</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隠れ層のサイズ</translation>
    </message>
    <message>
        <source>Hidden neurons per layer and direction</source>
        <translation>層と方向ごとの隠れニューロン数</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>ニューロン</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層数</translation>
    </message>
    <message>
        <source>Stacked recurrent layers</source>
        <translation>積み重ねた再帰層</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>A second layer reads the sequence backwards; their states are concatenated</source>
        <translation>2つ目の層が系列を逆向きに読み、両者の状態を連結します</translation>
    </message>
    <message>
        <source>Sequence-to-sequence: at every step the decoder weighs all encoder steps and reads their weighted sum (none: the encoder&apos;s final state is all it gets)</source>
        <translation>系列変換：デコーダーは各ステップでエンコーダーの全ステップに重みを付け、その重み付き和を読みます（なし：エンコーダーの最終状態だけを受け取ります）</translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation>非線形性</translation>
    </message>
    <message>
        <source>Activation of the hidden state</source>
        <translation>隠れ状態の活性化関数</translation>
    </message>
    <message>
        <source>Dense input</source>
        <translation>全結合の入力</translation>
    </message>
    <message>
        <source>How the dense baseline squeezes a sequence into one vector: the mean of the steps (order lost) or all steps side by side (fixed length)</source>
        <translation>全結合のベースラインが系列を1つのベクトルにまとめる方法：ステップの平均（順序は失われる）、または全ステップを並べる（長さ固定）</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初期化</translation>
    </message>
    <message>
        <source>How the weights start</source>
        <translation>重みの初期値の決め方</translation>
    </message>
    <message>
        <source>Spectral radius</source>
        <translation>スペクトル半径</translation>
    </message>
    <message>
        <source>Largest |eigenvalue| of W_hh with &apos;scaled to spectral radius&apos; initialisation: above 1 gradients tend to explode, below 1 to vanish</source>
        <translation>初期化が「スペクトル半径に合わせる」のときの W_hh の最大 |固有値|：1より大きいと勾配は爆発しがちで、1より小さいと消失しがちです</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>How inputs and outputs line up in time</source>
        <translation>入力と出力の時間的な対応</translation>
    </message>
    <message>
        <source>What the training minimises</source>
        <translation>学習で最小化するもの</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>フィードバック</translation>
    </message>
    <message>
        <source>One-to-many: what is fed in after the first step (the previous output or zeros)</source>
        <translation>一対多：最初のステップの後に入力するもの（前の出力、またはゼロ）</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力数</translation>
    </message>
    <message>
        <source>Input neurons (one per feature of a step)</source>
        <translation>入力ニューロン（ステップの特徴1つにつき1個）</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>出力数</translation>
    </message>
    <message>
        <source>Output neurons</source>
        <translation>出力ニューロン</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Number format of the weights and the data</source>
        <translation>重みとデータの数値形式</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>Update rule</source>
        <translation>更新規則</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Step size of each update</source>
        <translation>各更新のステップ幅</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>For SGD with momentum</source>
        <translation>モーメンタム付きSGD用</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Sequences per training step</source>
        <translation>学習ステップごとの系列数</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Passes over the training set in a run (Play pauses after them)</source>
        <translation>1回の実行で学習データを通す回数（終わると再生は一時停止）</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>BPTT truncation</source>
        <translation>BPTTの打ち切り</translation>
    </message>
    <message>
        <source>Backpropagate through at most this many steps (0: the whole sequence)</source>
        <translation>最大でこのステップ数だけ逆伝播（0：系列全体）</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>勾配クリッピング</translation>
    </message>
    <message>
        <source>Rescale the gradient when its norm exceeds this (0: off)</source>
        <translation>勾配のノルムがこの値を超えたら縮める（0：オフ）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Seeds the data, the initial weights and the batch order</source>
        <translation>データ、初期の重み、バッチの順序の乱数シード</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>系列長</translation>
    </message>
    <message>
        <source>Time steps per sequence</source>
        <translation>系列ごとの時間ステップ数</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Sequences in the data set (train + validation)</source>
        <translation>データセットの系列数（学習＋検証）</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>検証データの割合</translation>
    </message>
    <message>
        <source>Share of the samples kept aside to measure generalisation</source>
        <translation>汎化性能を測るために取り分けておくサンプルの割合</translation>
    </message>
    <message>
        <source>Sine-wave forecast</source>
        <translation>正弦波の予測</translation>
    </message>
    <message>
        <source>Predict a noisy periodic signal a few steps ahead from a window of it.</source>
        <translation>ノイズのある周期信号を、その一部の区間から数ステップ先まで予測します。</translation>
    </message>
    <message>
        <source>Remember the marked token</source>
        <translation>印の付いた記号を覚える</translation>
    </message>
    <message>
        <source>Recall a marked symbol after a long run of distractors: LSTM/GRU vs simple RNN.</source>
        <translation>長い妨害記号の列のあとで、印の付いた記号を思い出す：LSTM/GRU と単純RNN の比較。</translation>
    </message>
    <message>
        <source>Your own CSV</source>
        <translation>自分のCSV</translation>
    </message>
    <message>
        <source>Forecast a column of your own CSV file from a window of its recent rows.</source>
        <translation>自分のCSVファイルの列を、直近の行の区間から予測します。</translation>
    </message>
    <message>
        <source>Weather station: temperature tomorrow</source>
        <translation>気象観測所：明日の気温</translation>
    </message>
    <message>
        <source>Read four days of temperature, pressure, wind and humidity; forecast 24 h ahead.</source>
        <translation>4日分の気温・気圧・風・湿度を読み、24時間先を予測します。</translation>
    </message>
    <message>
        <source>Sentiment of short posts</source>
        <translation>短い投稿の感情</translation>
    </message>
    <message>
        <source>Positive or negative? Short posts where &apos;not&apos; and &apos;really&apos; change the meaning.</source>
        <translation>肯定的か否定的か？ 'not' や 'really' で意味が変わる短い投稿。</translation>
    </message>
    <message>
        <source>Order matters</source>
        <translation>順序が大事</translation>
    </message>
    <message>
        <source>Same words, different order, different label: which came first, cat or dog?</source>
        <translation>同じ単語でも順序が違えばラベルも違う：先に来たのは猫か犬か？</translation>
    </message>
    <message>
        <source>Tiny network for BPTT</source>
        <translation>BPTT用の小さなネットワーク</translation>
    </message>
    <message>
        <source>First step&apos;s a minus last step&apos;s b: 2 inputs, 4 steps, 3 hidden, 1 output.</source>
        <translation>最初のステップの a から最後のステップの b を引く：入力2、ステップ4、隠れ3、出力1。</translation>
    </message>
    <message>
        <source>Write like a nursery rhyme</source>
        <translation>童謡のように書く</translation>
    </message>
    <message>
        <source>Character by character: from a first letter, continue in the style of a text.</source>
        <translation>1文字ずつ：最初の文字から、ある文章の文体で続きを書きます。</translation>
    </message>
    <message>
        <source>Caption a scene</source>
        <translation>場面に説明文を付ける</translation>
    </message>
    <message>
        <source>From one vector (colour, shape, size, count) write a caption word by word.</source>
        <translation>1つのベクトル（色・形・大きさ・個数）から、説明文を1語ずつ書きます。</translation>
    </message>
    <message>
        <source>Who is Teddy? (name tagging)</source>
        <translation>テディとは誰？（人名タグ付け）</translation>
    </message>
    <message>
        <source>Tag the words of a person&apos;s name; some names only show themselves by the next word.</source>
        <translation>人名の単語にタグを付けます。次の単語を見て初めて人名と分かるものもあります。</translation>
    </message>
    <message>
        <source>Word-order translation</source>
        <translation>語順の翻訳</translation>
    </message>
    <message>
        <source>Read an English-order sentence, write it in verb-final or verb-second order.</source>
        <translation>英語の語順の文を読み、動詞が最後、または2番目に来る語順で書きます。</translation>
    </message>
    <message>
        <source>Spell the spoken word (CTC)</source>
        <translation>話された単語をつづる (CTC)</translation>
    </message>
    <message>
        <source>Turn noisy sound frames into letters without being told where each letter is.</source>
        <translation>各文字がどこにあるかを教わらずに、ノイズのある音のフレームを文字に変えます。</translation>
    </message>
    <message>
        <source>the last value stays</source>
        <translation>最後の値のまま</translation>
    </message>
    <message>
        <source>always the most common class</source>
        <translation>常に最も多いクラス</translation>
    </message>
    <message>
        <source>the target stays</source>
        <translation>目標値のまま</translation>
    </message>
    <message>
        <source>the better of persistence and same as yesterday</source>
        <translation>持続予報と「昨日と同じ」の良い方</translation>
    </message>
    <message>
        <source>always the more common class</source>
        <translation>常に多い方のクラス</translation>
    </message>
    <message>
        <source>always 0</source>
        <translation>常に 0</translation>
    </message>
    <message>
        <source>always a space</source>
        <translation>常にスペース</translation>
    </message>
    <message>
        <source>always the most frequent caption</source>
        <translation>常に最も多い説明文</translation>
    </message>
    <message>
        <source>each word&apos;s most common tag</source>
        <translation>各単語で最も多いタグ</translation>
    </message>
    <message>
        <source>copy the source order</source>
        <translation>元の語順をそのまま写す</translation>
    </message>
    <message>
        <source>always the most frequent word</source>
        <translation>常に最も多い単語</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <source>word accuracy</source>
        <translation>単語正解率</translation>
    </message>
    <message>
        <source>MAE (std units)</source>
        <translation>MAE（標準偏差単位）</translation>
    </message>
    <message>
        <source>token accuracy</source>
        <translation>トークン正解率</translation>
    </message>
    <message>
        <source>ambiguous-word accuracy</source>
        <translation>多義語の正解率</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>letter error rate</source>
        <translation>文字誤り率</translation>
    </message>
    <message>
        <source>next-character accuracy</source>
        <translation>次の文字の正解率</translation>
    </message>
    <message>
        <source>sentence accuracy</source>
        <translation>文正解率</translation>
    </message>
    <message>
        <source>MAE (std. dev.)</source>
        <translation>MAE（標準偏差）</translation>
    </message>
    <message>
        <source>at least one hidden neuron</source>
        <translation>隠れニューロンは 1 個以上必要です</translation>
    </message>
    <message>
        <source>at most 1024 hidden neurons</source>
        <translation>隠れニューロンは 1024 個までです</translation>
    </message>
    <message>
        <source>1 to 3 layers</source>
        <translation>層は 1 から 3 までです</translation>
    </message>
    <message>
        <source>at least one input neuron</source>
        <translation>入力ニューロンは 1 個以上必要です</translation>
    </message>
    <message>
        <source>at least one output neuron</source>
        <translation>出力ニューロンは 1 個以上必要です</translation>
    </message>
    <message>
        <source>must be positive (and below 100)</source>
        <translation>正の数（100 未満）でなければなりません</translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation>1 以上です</translation>
    </message>
    <message>
        <source>at most 100000</source>
        <translation>100000 までです</translation>
    </message>
    <message>
        <source>absurdly large number</source>
        <translation>大きすぎる数です</translation>
    </message>
    <message>
        <source>0 (full) or a positive k</source>
        <translation>0（全体）か正の k です</translation>
    </message>
    <message>
        <source>0 (off) or a positive norm</source>
        <translation>0（オフ）か正のノルムです</translation>
    </message>
    <message>
        <source>must be a non-negative integer</source>
        <translation>0 以上の整数でなければなりません</translation>
    </message>
    <message>
        <source>the sequence needs at least one time step</source>
        <translation>系列には 1 つ以上の時間ステップが必要です</translation>
    </message>
    <message>
        <source>at most 10000 time steps</source>
        <translation>時間ステップは 10000 までです</translation>
    </message>
    <message>
        <source>at least 4 samples are needed</source>
        <translation>サンプルは 4 個以上必要です</translation>
    </message>
    <message>
        <source>at most 1,000,000 samples</source>
        <translation>サンプルは 1,000,000 個までです</translation>
    </message>
    <message>
        <source>must lie between 0 and 1</source>
        <translation>0 と 1 の間でなければなりません</translation>
    </message>
    <message>
        <source>attention: where the decoder looks</source>
        <translation>アテンション：デコーダーがどこを見るか</translation>
    </message>
    <message>
        <source>Attention: the scores e compare the decoder&apos;s state s_t with each source step; α = their softmax; the context c_t mixes the encoder&apos;s states by α; the head reads h̃_t, the context combined with s_t.</source>
        <translation>アテンション：スコア e はデコーダーの状態 s_t を元の各ステップと比べます。α はそのソフトマックス、文脈 c_t はエンコーダーの状態を α で混ぜたもの、出力層は文脈と s_t を組み合わせた h̃_t を読みます。</translation>
    </message>
    <message>
        <source>The gates read only {xin}, never {prev}: no W_hh. The new state is linear in {prev}, so all steps can be computed at once (a scan).</source>
        <translation>ゲートは {xin} だけを読み、{prev} は読みません：W_hh はありません。新しい状態は {prev} について線形なので、全ステップを一度に計算できます（スキャン）。</translation>
    </message>
    <message>
        <source>read-out + next step·(fraction it keeps) + layer above</source>
        <translation>出力 + 次のステップ·(保つ割合) + 上の層</translation>
    </message>
    <message>
        <source>this step&apos;s share of the gradients ({title})</source>
        <translation>このステップの勾配への寄与（{title}）</translation>
    </message>
    <message>
        <source>{title} — {summary}</source>
        <translation>{title} — {summary}</translation>
    </message>
    <message>
        <source>--processes goes with --seeds (how many seeds train at once)</source>
        <translation>--processes は --seeds と一緒に使います（同時に学習するシードの数）</translation>
    </message>
    <message>
        <source>training diverged: {reason}</source>
        <translation>学習が発散しました: {reason}</translation>
    </message>
    <message>
        <source>--batch must be at least 1 and --entries at least 0</source>
        <translation>--batch は 1 以上、--entries は 0 以上でなければなりません</translation>
    </message>
    <message>
        <source>worst: {name} {error} (ok, tolerance {tolerance})</source>
        <translation>最悪: {name} {error}（合格、許容誤差 {tolerance}）</translation>
    </message>
    <message>
        <source>worst: {name} {error} (FAILED, tolerance {tolerance})</source>
        <translation>最悪: {name} {error}（不合格、許容誤差 {tolerance}）</translation>
    </message>
    <message>
        <source>{task}: resuming at step {step}; {needs}</source>
        <translation>{task}: ステップ {step} から再開します。{needs}</translation>
    </message>
    <message>
        <source>export: say what to write: --torch OUT.py, --weights OUT.npz, --csv</source>
        <translation>export: 書き出すものを指定してください: --torch OUT.py、--weights OUT.npz、--csv</translation>
    </message>
    <message>
        <source>the weights file</source>
        <translation>重みのファイル</translation>
    </message>
    <message>
        <source>the experiment</source>
        <translation>実験</translation>
    </message>
    <message>
        <source>PyTorch script written to {script}, weights and sample to {weights}</source>
        <translation>PyTorch スクリプトを {script} に、重みとサンプルを {weights} に書き出しました</translation>
    </message>
    <message>
        <source>run it with: python {script}</source>
        <translation>実行するには: python {script}</translation>
    </message>
    <message>
        <source>weights written to {file}</source>
        <translation>重みを {file} に書き出しました</translation>
    </message>
    <message numerus="yes">
        <source>history (%n step(s)) written to {file}</source>
        <translation><numerusform>履歴（%n ステップ）を {file} に書き出しました</numerusform></translation>
    </message>
    <message>
        <source>--index must lie in 0..{last} for the validation set</source>
        <translation>検証データでは --index は 0..{last} の範囲です</translation>
    </message>
    <message>
        <source>--index must lie in 0..{last} for the training set</source>
        <translation>学習データでは --index は 0..{last} の範囲です</translation>
    </message>
    <message>
        <source>attention (% of each written word&apos;s look at the source words)</source>
        <translation>アテンション（書いた各単語が元の単語をそれぞれ何 % 見たか）</translation>
    </message>
    <message>
        <source>file</source>
        <comment>info</comment>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>format</source>
        <comment>info</comment>
        <translation>形式</translation>
    </message>
    <message>
        <source>{version} (written by RNN Sandbox {app}, {date})</source>
        <translation>{version}（RNN Sandbox {app} が書いたもの、{date}）</translation>
    </message>
    <message>
        <source>{version} (written by RNN Sandbox {app})</source>
        <translation>{version}（RNN Sandbox {app} が書いたもの）</translation>
    </message>
    <message>
        <source>task</source>
        <comment>info</comment>
        <translation>タスク</translation>
    </message>
    <message numerus="yes">
        <source>{task}, {samples} samples of %n step(s), seed {seed}</source>
        <translation><numerusform>{task}、%n ステップのサンプル {samples} 個、シード {seed}</numerusform></translation>
    </message>
    <message>
        <source>options</source>
        <comment>info</comment>
        <translation>オプション</translation>
    </message>
    <message>
        <source>{architecture}, {cell}, hidden {hidden}, layers {layers}, bidirectional, {inputs} in / {outputs} out, {loss} loss, {dtype}</source>
        <translation>{architecture}、{cell}、隠れ {hidden}、層 {layers}、双方向、入力 {inputs} / 出力 {outputs}、損失 {loss}、{dtype}</translation>
    </message>
    <message>
        <source>{architecture}, {cell}, hidden {hidden}, layers {layers}, {inputs} in / {outputs} out, {loss} loss, {dtype}</source>
        <translation>{architecture}、{cell}、隠れ {hidden}、層 {layers}、入力 {inputs} / 出力 {outputs}、損失 {loss}、{dtype}</translation>
    </message>
    <message>
        <source>network</source>
        <comment>info</comment>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>, attention: {attention}</source>
        <translation>、アテンション: {attention}</translation>
    </message>
    <message>
        <source>training</source>
        <comment>info</comment>
        <translation>学習</translation>
    </message>
    <message>
        <source>{optimizer} lr {rate}, batch {batch}, clip {clip}, bptt {bptt}</source>
        <translation>{optimizer} 学習率 {rate}、バッチ {batch}、クリップ {clip}、BPTT {bptt}</translation>
    </message>
    <message>
        <source>full</source>
        <comment>bptt</comment>
        <translation>全体</translation>
    </message>
    <message>
        <source>progress</source>
        <comment>info</comment>
        <translation>進み具合</translation>
    </message>
    <message>
        <source>step {step}, {epoch}</source>
        <translation>ステップ {step}、{epoch}</translation>
    </message>
    <message>
        <source>last loss</source>
        <comment>info</comment>
        <translation>最後の損失</translation>
    </message>
    <message>
        <source>{loss} (training batch)</source>
        <translation>{loss}（学習バッチ）</translation>
    </message>
    <message>
        <source>loss {loss} at step {step}</source>
        <translation>ステップ {step} で損失 {loss}</translation>
    </message>
    <message>
        <source>loss {loss} at step {step}, metric {metric}</source>
        <translation>ステップ {step} で損失 {loss}、指標 {metric}</translation>
    </message>
    <message>
        <source>last val</source>
        <comment>info</comment>
        <translation>最後の検証</translation>
    </message>
    <message>
        <source>parameters</source>
        <comment>info</comment>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>{parameters}, data stored in the file</source>
        <translation>{parameters}、データはファイルに保存済み</translation>
    </message>
    <message>
        <source>{score} (at step {step}; the network is too large to rebuild here: checked, not rebuilt)</source>
        <translation>{score}（ステップ {step}。ネットワークが大きすぎてここでは作り直せません: 検査済み、作り直しなし）</translation>
    </message>
    <message>
        <source>runs</source>
        <comment>info</comment>
        <translation>実行</translation>
    </message>
    <message>
        <source>{count}, each checked (not rebuilt)</source>
        <translation>{count} 個、それぞれ検査済み（作り直しなし）</translation>
    </message>
    <message>
        <source>--seconds must lie between 0.01 and 60</source>
        <translation>--seconds は 0.01 から 60 の間でなければなりません</translation>
    </message>
    <message>
        <source>--out: use a .gif, .png (animated) or .pdf file, not &apos;{file}&apos;</source>
        <translation>--out: '{file}' ではなく .gif、（アニメーション）.png、.pdf のファイルを使ってください</translation>
    </message>
    <message>
        <source>--index must lie in 0..{last}</source>
        <translation>--index は 0..{last} の範囲です</translation>
    </message>
    <message>
        <source>animate needs the app&apos;s dependencies (PySide6, Pillow): {reason}</source>
        <translation>animate にはアプリの依存パッケージ（PySide6、Pillow）が必要です: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) of the alignment forming written to {file}</source>
        <translation><numerusform>アラインメントができていく %n フレームを {file} に書き出しました</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (forward walk) written to {file}</source>
        <translation><numerusform>%n フレーム（順伝播のたどり）を {file} に書き出しました</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (backward walk) written to {file}</source>
        <translation><numerusform>%n フレーム（逆伝播のたどり）を {file} に書き出しました</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) (both walks) written to {file}</source>
        <translation><numerusform>%n フレーム（両方のたどり）を {file} に書き出しました</numerusform></translation>
    </message>
    <message>
        <source>--option expects KEY=VALUE, got &apos;{text}&apos;</source>
        <translation>--option には KEY=VALUE が必要ですが '{text}' でした</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep</source>
        <translation>{depth} 段より深く入れ子になっています</translation>
    </message>
    <message>
        <source>the task cannot use these settings: {reason}</source>
        <translation>タスクはこの設定を使えません: {reason}</translation>
    </message>
    <message>
        <source>{estimate} ({memory} available)</source>
        <translation>{estimate}（使えるメモリ {memory}）</translation>
    </message>
    <message>
        <source>the graphical app cannot start ({reason}). Install the project with its dependencies (PySide6, pyqtgraph), or use a command: rnn-sandbox --help</source>
        <translation>グラフィカルなアプリを起動できません（{reason}）。依存パッケージ（PySide6、pyqtgraph）と一緒にインストールするか、コマンドを使ってください: rnn-sandbox --help</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>standard error</source>
        <translation>標準エラー出力</translation>
    </message>
    <message>
        <source>the output could not be printed: {stream}: {reason}</source>
        <translation>出力を表示できませんでした: {stream}: {reason}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断しました</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>まだ使えません</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了します</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数が必要です: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のどれかが必要です</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>不明な引数です: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s と一緒には使えません</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>引数が 1 つ必要です</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>引数は 1 つまでです</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>引数が 1 つ以上必要です</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>明示された引数 %r は無視しました</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>あいまいなオプションです: %(option)s は %(matches)s のどれにも当たります</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(type)s の値として正しくありません: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>選べない値です: %(value)r（%(choices)s から選んでください）</translation>
    </message>
    <message>
        <source>picture size in pixels ({default})</source>
        <translation>画像の大きさ（ピクセル、{default}）</translation>
    </message>
    <message>
        <source>--size: write the size as WIDTHxHEIGHT, like {example}, not &apos;{text}&apos;</source>
        <translation>--size: 大きさは '{text}' ではなく {example} のように 幅x高さ で書いてください</translation>
    </message>
    <message>
        <source>{option} must be at least 1</source>
        <translation>{option} は 1 以上でなければなりません</translation>
    </message>
    <message>
        <source>--steps: at most {most} steps more after the {already} already trained (files record up to {limit} steps), not {steps}</source>
        <translation>--steps: 学習済みの {already} ステップに加えられるのは {steps} ではなく {most} ステップまでです（ファイルに記録できるのは {limit} ステップまで）</translation>
    </message>
    <message>
        <source>--steps: at most {most} steps (files record up to {limit} steps), not {steps}</source>
        <translation>--steps: {steps} ではなく {most} ステップまでです（ファイルに記録できるのは {limit} ステップまで）</translation>
    </message>
    <message>
        <source>network (defaults: the task&apos;s)</source>
        <translation>ネットワーク（既定値: タスクのもの）</translation>
    </message>
    <message>
        <source>task</source>
        <comment>a group of options</comment>
        <translation>タスク</translation>
    </message>
    <message>
        <source>task name (see `rnn-sandbox tasks`)</source>
        <translation>タスクの名前（`rnn-sandbox tasks` を参照）</translation>
    </message>
    <message>
        <source>a whole setup as one line, as Edit → Copy setup as text writes it, e.g. &apos;long_memory;cell=rnn;hidden=32;seed=3&apos;; the options given beside it change it</source>
        <translation>編集 → 設定をテキストでコピー が書くような 1 行の設定全体（例: 'long_memory;cell=rnn;hidden=32;seed=3'）。一緒に指定したオプションがそれを変えます</translation>
    </message>
    <message>
        <source>task-specific setting; VALUE is read as JSON if it parses (5, 0.1, true), else as text; may repeat</source>
        <translation>タスク固有の設定。VALUE は JSON として読めれば JSON（5、0.1、true）、読めなければテキストとして読みます。何度でも指定できます</translation>
    </message>
    <message>
        <source>experiment file (.rnnx) or weights with PyTorch names (.npz)</source>
        <translation>実験ファイル（.rnnx）または PyTorch の名前の重み（.npz）</translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation>進み具合のバーを出しません</translation>
    </message>
    <message>
        <source>seeds</source>
        <comment>a group of options</comment>
        <translation>シード</translation>
    </message>
    <message>
        <source>train seeds SEED..SEED+N-1 in parallel (1..{most}) and report the metric as mean ± spread; --save then writes a runs file (.rnns)</source>
        <translation>シード SEED..SEED+N-1 を並列に学習し（1..{most}）、指標を平均 ± ばらつきで示します。このとき --save は実行ファイル（.rnns）を書きます</translation>
    </message>
    <message>
        <source>worker processes for --seeds (default: all cores)</source>
        <translation>--seeds の作業プロセス数（既定: すべてのコア）</translation>
    </message>
    <message>
        <source>the language of the messages: en, de, ja (default: the system&apos;s)</source>
        <translation>メッセージの言語: en、de、ja（既定: システムの言語）</translation>
    </message>
    <message>
        <source>the language of the window and the messages: en, de, ja (default: the one chosen in View → Language, else the system&apos;s)</source>
        <translation>ウィンドウとメッセージの言語: en、de、ja（既定: 表示 → 言語 で選んだもの、なければシステムの言語）</translation>
    </message>
    <message>
        <source>Build, train and watch recurrent neural networks. Without a command, the app starts.</source>
        <translation>再帰型ニューラルネットワークを作り、学習させ、観察します。コマンドがなければアプリが起動します。</translation>
    </message>
    <message>
        <source>list the tasks, grouped by type</source>
        <translation>タスクを種類ごとに一覧します</translation>
    </message>
    <message>
        <source>train a network on a task</source>
        <translation>タスクでネットワークを学習させます</translation>
    </message>
    <message>
        <source>training (defaults: the task&apos;s)</source>
        <translation>学習（既定値: タスクのもの）</translation>
    </message>
    <message>
        <source>train N mini-batches</source>
        <translation>N 個のミニバッチを学習します</translation>
    </message>
    <message>
        <source>compare BPTT gradients with finite differences</source>
        <translation>BPTT の勾配を有限差分と比べます</translation>
    </message>
    <message>
        <source>samples used (3)</source>
        <translation>使うサンプル数（3）</translation>
    </message>
    <message>
        <source>entries checked per parameter, chosen at random (40; 0 = all)</source>
        <translation>パラメータごとに調べる要素の数、ランダムに選びます（40、0 = すべて）</translation>
    </message>
    <message>
        <source>continue training a saved experiment</source>
        <translation>保存した実験の学習を続けます</translation>
    </message>
    <message>
        <source>change the learning rate</source>
        <translation>学習率を変えます</translation>
    </message>
    <message>
        <source>write here instead of back into FILE</source>
        <translation>FILE に戻さずここに書きます</translation>
    </message>
    <message>
        <source>export a saved experiment</source>
        <translation>保存した実験を書き出します</translation>
    </message>
    <message>
        <source>PyTorch script</source>
        <translation>PyTorch スクリプト</translation>
    </message>
    <message>
        <source>weights (PyTorch names)</source>
        <translation>重み（PyTorch の名前）</translation>
    </message>
    <message>
        <source>training history</source>
        <translation>学習の履歴</translation>
    </message>
    <message>
        <source>first validation sample to include</source>
        <translation>含める最初の検証サンプル</translation>
    </message>
    <message>
        <source>show the network&apos;s answer for one sample</source>
        <translation>1 つのサンプルに対するネットワークの答えを示します</translation>
    </message>
    <message>
        <source>describe a saved experiment (or runs file)</source>
        <translation>保存した実験（または実行ファイル）の内容を示します</translation>
    </message>
    <message>
        <source>the diagram&apos;s step-through as an animation (GIF, APNG) or a PDF with one page per step</source>
        <translation>図のステップ実行をアニメーション（GIF、APNG）か、1 ステップ 1 ページの PDF にします</translation>
    </message>
    <message>
        <source>walk the forward pass (the default)</source>
        <translation>順伝播をたどります（既定）</translation>
    </message>
    <message>
        <source>walk backpropagation through time, last step first</source>
        <translation>時間方向の誤差逆伝播を最後のステップからたどります</translation>
    </message>
    <message>
        <source>the forward walk, then the backward one</source>
        <translation>順方向にたどってから逆方向にたどります</translation>
    </message>
    <message>
        <source>the attention&apos;s alignment of the sample forming over training (the run trained again from its seed)</source>
        <translation>学習の間にサンプルのアテンションのアラインメントができていく様子（実行をそのシードから学習し直します）</translation>
    </message>
    <message>
        <source>seconds each step is shown (0.8)</source>
        <translation>各ステップを表示する秒数（0.8）</translation>
    </message>
    <message>
        <source>validation sample to walk through (0)</source>
        <translation>たどる検証サンプル（0）</translation>
    </message>
    <message>
        <source>.gif, animated .png or .pdf (one page per step)</source>
        <translation>.gif、アニメーション .png、または .pdf（1 ステップ 1 ページ）</translation>
    </message>
    <message>
        <source>compare runs of experiment (.rnnx) and runs (.rnns) files</source>
        <translation>実験ファイル（.rnnx）と実行ファイル（.rnns）の実行を比べます</translation>
    </message>
    <message>
        <source>experiment files (one run each) and runs files</source>
        <translation>実験ファイル（それぞれ実行 1 つ）と実行ファイル</translation>
    </message>
    <message>
        <source>the overlay as a picture</source>
        <translation>重ねた図を画像で</translation>
    </message>
    <message>
        <source>the overlay as SVG</source>
        <translation>重ねた図を SVG で</translation>
    </message>
    <message>
        <source>the histories side by side, a column per run and quantity</source>
        <translation>履歴を並べて、実行と量ごとに 1 列</translation>
    </message>
    <message>
        <source>plot against the training step (default) or wall-clock seconds</source>
        <translation>学習ステップ（既定）か経過秒数に対して描きます</translation>
    </message>
    <message>
        <source>what the hidden units of a saved network follow</source>
        <translation>保存したネットワークの隠れユニットが何を追っているか</translation>
    </message>
    <message>
        <source>the state to read, e.g. l0 or l1_reverse (default: the top one)</source>
        <translation>読む状態、例えば l0 や l1_reverse（既定: 一番上のもの）</translation>
    </message>
    <message>
        <source>validation samples looked at (32)</source>
        <translation>見る検証サンプル数（32）</translation>
    </message>
    <message>
        <source>validation sample drawn by --png (0)</source>
        <translation>--png が描く検証サンプル（0）</translation>
    </message>
    <message>
        <source>unit the text is coloured by in --png (default: the best follower)</source>
        <translation>--png で文字を色分けするユニット（既定: 最もよく追うもの）</translation>
    </message>
    <message>
        <source>print only the N closest followers (0 = every unit)</source>
        <translation>最もよく追う N 個だけを表示します（0 = すべてのユニット）</translation>
    </message>
    <message>
        <source>the text coloured by a unit beside the states&apos; projection</source>
        <translation>ユニットで色分けした文字と、状態の射影を並べて</translation>
    </message>
    <message>
        <source>--save: use a .rnnx (experiment) or .npz (weights) file, not &apos;{file}&apos;</source>
        <translation>--save: '{file}' ではなく .rnnx（実験）か .npz（重み）のファイルを使ってください</translation>
    </message>
    <message>
        <source>{option} {file} would overwrite {other} {earlier}</source>
        <translation>{option} {file} は {other} {earlier} を上書きしてしまいます</translation>
    </message>
    <message>
        <source>--save: with --seeds {n} save the runs in a {kind} file (an experiment file holds one run), not &apos;{file}&apos;</source>
        <translation>--save: --seeds {n} では実行を '{file}' ではなく {kind} ファイルに保存してください（実験ファイルには実行が 1 つしか入りません）</translation>
    </message>
    <message>
        <source>--save: with --seeds {n} save the runs in a {kind} file or a .rnnx file, not &apos;{file}&apos;</source>
        <translation>--save: --seeds {n} では実行を '{file}' ではなく {kind} か .rnnx のファイルに保存してください</translation>
    </message>
    <message>
        <source>--save {file} would overwrite the data file {data}</source>
        <translation>--save {file} はデータファイル {data} を上書きしてしまいます</translation>
    </message>
    <message>
        <source>weights saved to {file} (PyTorch state_dict names)</source>
        <translation>重みを {file} に保存しました（PyTorch の state_dict の名前）</translation>
    </message>
    <message>
        <source>experiment saved to {file}</source>
        <translation>実験を {file} に保存しました</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) saved to {file}</source>
        <translation><numerusform>%n 個の実行を {file} に保存しました</numerusform></translation>
    </message>
    <message>
        <source>{file} was saved by another program while this command worked; this result is in {other} instead</source>
        <translation>このコマンドの実行中に別のプログラムが {file} を保存しました。この結果は代わりに {other} にあります</translation>
    </message>
    <message>
        <source>{network} bidirectional</source>
        <translation>{network} 双方向</translation>
    </message>
    <message numerus="yes">
        <source>{task}: {network}, {parameters} parameters, %n step(s); {needs}</source>
        <translation><numerusform>{task}: {network}、パラメータ {parameters} 個、%n ステップ。{needs}</numerusform></translation>
    </message>
    <message>
        <source>step {done}/{total}  loss {loss}</source>
        <translation>ステップ {done}/{total}  損失 {loss}</translation>
    </message>
    <message>
        <source>step {step} ({epochs} epochs)</source>
        <translation>ステップ {step}（{epochs} エポック）</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>run</source>
        <comment>a column</comment>
        <translation>実行</translation>
    </message>
    <message>
        <source>differs</source>
        <comment>a column</comment>
        <translation>違い</translation>
    </message>
    <message>
        <source>steps</source>
        <comment>a column</comment>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>final {metric}</source>
        <comment>a column</comment>
        <translation>最終の{metric}</translation>
    </message>
    <message>
        <source>final metric</source>
        <comment>a column</comment>
        <translation>最終の指標</translation>
    </message>
    <message>
        <source>baseline</source>
        <comment>a column</comment>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>the runs have the same settings</source>
        <translation>実行の設定はすべて同じです</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>損失 {value}</translation>
    </message>
    <message>
        <source>baseline {value}</source>
        <translation>ベースライン {value}</translation>
    </message>
    <message>
        <source>({seconds} s)</source>
        <translation>（{seconds} 秒）</translation>
    </message>
    <message numerus="yes">
        <source>{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; higher is better)</source>
        <translation><numerusform>%n シードの{metric}: {mean} ± {std}（最小 {min}、最大 {max}。高いほど良い）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; lower is better)</source>
        <translation><numerusform>%n シードの{metric}: {mean} ± {std}（最小 {min}、最大 {max}。低いほど良い）</numerusform></translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is as good as the baseline</source>
        <translation>ベースライン「{rule}」: 平均 {mean}。平均はベースラインと同じです</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is better than the baseline by {margin}</source>
        <translation>ベースライン「{rule}」: 平均 {mean}。平均はベースラインより {margin} 良い</translation>
    </message>
    <message>
        <source>baseline &quot;{rule}&quot;: mean {mean}; the mean is worse than the baseline by {margin}</source>
        <translation>ベースライン「{rule}」: 平均 {mean}。平均はベースラインより {margin} 悪い</translation>
    </message>
    <message>
        <source>{option}: use a .{kind} file, not &apos;{file}&apos;</source>
        <translation>{option}: '{file}' ではなく .{kind} のファイルを使ってください</translation>
    </message>
    <message>
        <source>the input {file}</source>
        <translation>入力 {file}</translation>
    </message>
    <message numerus="yes">
        <source>histories of %n run(s) written to {file}</source>
        <translation><numerusform>%n 個の実行の履歴を {file} に書き出しました</numerusform></translation>
    </message>
    <message>
        <source>comparison drawn to {file} ({width}x{height})</source>
        <translation>比較を {file} に描きました（{width}x{height}）</translation>
    </message>
    <message>
        <source>--png/--svg need the app&apos;s dependencies (PySide6, pyqtgraph): {reason}</source>
        <translation>--png/--svg にはアプリの依存パッケージ（PySide6、pyqtgraph）が必要です: {reason}</translation>
    </message>
    <message>
        <source>each {estimate} ({memory} available: {processes} at a time, not {wanted})</source>
        <translation>それぞれ {estimate}（使えるメモリ {memory}: 同時に {wanted} ではなく {processes}）</translation>
    </message>
    <message>
        <source>each {estimate} ({memory} available)</source>
        <translation>それぞれ {estimate}（使えるメモリ {memory}）</translation>
    </message>
    <message>
        <source>--seeds must lie between 1 and {most}</source>
        <translation>--seeds は 1 から {most} の間でなければなりません</translation>
    </message>
    <message>
        <source>--seeds {n} from --seed {first}: seed {seed}: {reason}</source>
        <translation>--seed {first} からの --seeds {n}: シード {seed}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{task}: {network}, %n step(s), seeds {first}..{last} in {processes}; {note}</source>
        <translation><numerusform>{task}: {network}、%n ステップ、シード {first}..{last} を {processes}で。{note}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation><numerusform>%n プロセス</numerusform></translation>
    </message>
    <message>
        <source>{task}, seeds {first}..{last}</source>
        <translation>{task}、シード {first}..{last}</translation>
    </message>
    <message>
        <source>{run} done ({finished}/{total})</source>
        <translation>{run} 完了（{finished}/{total}）</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>閉じられています</translation>
    </message>
    <message>
        <source>--samples must lie between 1 and 1000</source>
        <translation>--samples は 1 から 1000 の間でなければなりません</translation>
    </message>
    <message>
        <source>--top must be 0 (every unit) or more</source>
        <translation>--top は 0（すべてのユニット）以上でなければなりません</translation>
    </message>
    <message>
        <source>--layer must be one of {names}</source>
        <translation>--layer は {names} のいずれかです</translation>
    </message>
    <message>
        <source>--unit must lie in 0..{last}</source>
        <translation>--unit は 0..{last} の範囲です</translation>
    </message>
    <message>
        <source>{file}: {task}, {cell}, state {layer} ({units}), step {step}, {samples}</source>
        <translation>{file}: {task}、{cell}、状態 {layer}（{units}）、ステップ {step}、{samples}</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n ユニット</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n validation sample(s)</source>
        <translation><numerusform>検証サンプル %n 個</numerusform></translation>
    </message>
    <message>
        <source>unit</source>
        <comment>a column</comment>
        <translation>ユニット</translation>
    </message>
    <message>
        <source>best feature</source>
        <comment>a column</comment>
        <translation>最もよく追う特徴</translation>
    </message>
    <message>
        <source>feature</source>
        <comment>a column</comment>
        <translation>特徴</translation>
    </message>
    <message>
        <source>closest unit</source>
        <comment>a column</comment>
        <translation>最も近いユニット</translation>
    </message>
    <message>
        <source>unit {unit} on the text and the projection written to {file}</source>
        <translation>文字の上のユニット {unit} と射影を {file} に書き出しました</translation>
    </message>
    <message>
        <source>--png needs the app&apos;s dependencies (PySide6): {reason}</source>
        <translation>--png にはアプリの依存パッケージ（PySide6）が必要です: {reason}</translation>
    </message>
    <message>
        <source>experiment settings must be a JSON object</source>
        <translation>実験の設定は JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>settings format version {version} is not supported (this program reads version {supported})</source>
        <translation>設定の形式バージョン {version} には対応していません（このプログラムが読めるのはバージョン {supported} です）</translation>
    </message>
    <message>
        <source>unknown section(s) in settings: {names}</source>
        <translation>設定に不明な区分があります: {names}</translation>
    </message>
    <message>
        <source>settings are not valid JSON: {error}</source>
        <translation>設定が正しい JSON ではありません: {error}</translation>
    </message>
    <message>
        <source>{samples} sequences of {steps} steps would take about {size} MB of memory (at most {limit} MB); fewer samples or shorter sequences</source>
        <translation>{steps} ステップの系列 {samples} 個ではメモリが約 {size} MB 必要です（上限 {limit} MB）。サンプルを減らすか系列を短くしてください</translation>
    </message>
    <message>
        <source>the dense baseline reads a whole sequence and gives one output: it only fits many-to-one tasks</source>
        <translation>全結合のベースラインは系列全体を読んで 1 つの出力を返すので、多対一のタスクにしか使えません</translation>
    </message>
    <message>
        <source>a one-to-many network generates step by step, so it cannot look ahead (bidirectional is not possible)</source>
        <translation>一対多のネットワークは 1 ステップずつ生成するので先を見られません（双方向にはできません）</translation>
    </message>
    <message>
        <source>feeding the output back needs as many inputs as outputs</source>
        <translation>出力を入力に戻すには、入力と出力の数が同じでなければなりません</translation>
    </message>
    <message>
        <source>attention lets a decoder look back at an encoder: only sequence-to-sequence networks have one</source>
        <translation>アテンションはデコーダがエンコーダを振り返る仕組みです。系列変換（seq2seq）のネットワークにしかありません</translation>
    </message>
    <message>
        <source>dot scores multiply the decoder&apos;s state with an encoder output of the same size, so the encoder must read one way; with a bidirectional encoder choose general or additive</source>
        <translation>dot のスコアはデコーダの状態と同じ大きさのエンコーダ出力を掛け合わせるので、エンコーダは一方向でなければなりません。双方向のエンコーダでは general か additive を選んでください</translation>
    </message>
    <message>
        <source>CTC reads an output at every frame (many-to-many)</source>
        <translation>CTC は毎フレームの出力を読みます（多対多）</translation>
    </message>
    <message>
        <source>CTC needs the blank plus a label</source>
        <translation>CTC には空白とラベルが 1 つ以上必要です</translation>
    </message>
    <message>
        <source>classification needs 2+ classes</source>
        <translation>分類には 2 つ以上のクラスが必要です</translation>
    </message>
    <message>
        <source>settings section &apos;{name}&apos; must be an object</source>
        <translation>設定の区分 '{name}' はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>unknown setting(s) in &apos;{section}&apos;: {names}</source>
        <translation>'{section}' に不明な設定があります: {names}</translation>
    </message>
    <message>
        <source>the number is out of range</source>
        <translation>数が範囲外です</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>expected {expected}, got {given}</source>
        <translation>{expected} が必要ですが {given} でした</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} のいずれかです</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true か false でなければなりません</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>整数でなければなりません</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>数でなければなりません</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>有限の数でなければなりません</translation>
    </message>
    <message>
        <source>must be above {bound}</source>
        <translation>{bound} より大きくなければなりません</translation>
    </message>
    <message>
        <source>must be below {bound}</source>
        <translation>{bound} より小さくなければなりません</translation>
    </message>
    <message>
        <source>at least {bound}</source>
        <translation>{bound} 以上です</translation>
    </message>
    <message>
        <source>at most {bound}</source>
        <translation>{bound} 以下です</translation>
    </message>
    <message>
        <source>must lie in {interval}</source>
        <translation>{interval} の範囲になければなりません</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>ファイルまたはフォルダがありません</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>アクセスが許可されていません</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>フォルダです</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>読み取り専用のファイルシステムです</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>ディスクに空きがありません</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読めません: {reason}</translation>
    </message>
    <message>
        <source>cannot save {path}: {reason}</source>
        <translation>{path} を保存できません: {reason}</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>{path}: the file is too large ({size} bytes, at most {limit})</source>
        <translation>{path}: ファイルが大きすぎます（{size} バイト、上限 {limit}）</translation>
    </message>
    <message>
        <source>{path}: the file is too large (at most {limit} bytes)</source>
        <translation>{path}: ファイルが大きすぎます（上限 {limit} バイト）</translation>
    </message>
    <message>
        <source>{name} was not saved: the written file would not reopen ({reason}); the previous file is unchanged</source>
        <translation>{name} は保存されませんでした: 書いたファイルを開き直せません（{reason}）。元のファイルはそのままです</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>フォルダ {folder} がありません</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>フォルダです</translation>
    </message>
    <message>
        <source>parameter {name} has the wrong name or shape {shape}</source>
        <translation>パラメータ {name} の名前か形 {shape} が違います</translation>
    </message>
    <message>
        <source>this is not an experiment file (missing {entries})</source>
        <translation>これは実験ファイルではありません（{entries} がありません）</translation>
    </message>
    <message>
        <source>the file entry &apos;{name}&apos; declares {size} bytes, more than its settings can produce (at most {most})</source>
        <translation>ファイルの項目 '{name}' が {size} バイトと宣言していますが、その設定で作れる量を超えています（上限 {most}）</translation>
    </message>
    <message>
        <source>the file holds more optimizer buffers than its network has</source>
        <translation>ファイルのオプティマイザのバッファがネットワークの持つ数より多いです</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; holds more records than an experiment with a history of {most} steps can</source>
        <translation>'{entry}' の記録が、{most} ステップの履歴を持つ実験にありうる数より多いです</translation>
    </message>
    <message>
        <source>unknown file format version {version}</source>
        <translation>不明なファイル形式バージョン {version} です</translation>
    </message>
    <message>
        <source>the file was written in format version {version} by a newer program (version {app}); this program reads up to version {read}. Please update RNN Sandbox.</source>
        <translation>このファイルは新しいプログラム（バージョン {app}）が形式バージョン {version} で書いたものです。このプログラムが読めるのはバージョン {read} までです。RNN Sandbox を更新してください。</translation>
    </message>
    <message>
        <source>invalid settings: {reason}</source>
        <translation>設定が正しくありません: {reason}</translation>
    </message>
    <message>
        <source>cannot rebuild the experiment: {reason}</source>
        <translation>実験を作り直せません: {reason}</translation>
    </message>
    <message>
        <source>cannot rebuild the experiment from its settings ({reason})</source>
        <translation>設定から実験を作り直せません（{reason}）</translation>
    </message>
    <message>
        <source>invalid trainer state ({reason})</source>
        <translation>学習の状態が正しくありません（{reason}）</translation>
    </message>
    <message>
        <source>the stored data come without their description (data_meta)</source>
        <translation>保存されたデータに説明（data_meta）がありません</translation>
    </message>
    <message>
        <source>unexpected array &apos;{name}&apos; in the stored data</source>
        <translation>保存されたデータに予期しない配列 '{name}' があります</translation>
    </message>
    <message>
        <source>the stored data lack the train inputs or targets</source>
        <translation>保存されたデータに学習用の入力か目標がありません</translation>
    </message>
    <message>
        <source>the stored data lack the val inputs or targets</source>
        <translation>保存されたデータに検証用の入力か目標がありません</translation>
    </message>
    <message>
        <source>this is not an experiment file (not a zip archive)</source>
        <translation>これは実験ファイルではありません（ZIP 形式ではありません）</translation>
    </message>
    <message>
        <source>this is not a runs file (not a zip archive)</source>
        <translation>これは実行ファイルではありません（ZIP 形式ではありません）</translation>
    </message>
    <message>
        <source>this is not a lesson pack (not a zip archive)</source>
        <translation>これはレッスンパックではありません（ZIP 形式ではありません）</translation>
    </message>
    <message>
        <source>this is not an experiment file (wrong format name)</source>
        <translation>これは実験ファイルではありません（形式名が違います）</translation>
    </message>
    <message>
        <source>this is not a runs file (wrong format name)</source>
        <translation>これは実行ファイルではありません（形式名が違います）</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>the runs file</source>
        <translation>実行ファイル</translation>
    </message>
    <message>
        <source>the lesson pack</source>
        <translation>レッスンパック</translation>
    </message>
    <message>
        <source>the weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>the optimizer state</source>
        <translation>オプティマイザの状態</translation>
    </message>
    <message>
        <source>the stored data</source>
        <translation>保存されたデータ</translation>
    </message>
    <message>
        <source>the gradient summaries</source>
        <translation>勾配の要約</translation>
    </message>
    <message>
        <source>the file is damaged or truncated ({detail})</source>
        <translation>ファイルが壊れているか途中で切れています（{detail}）</translation>
    </message>
    <message>
        <source>the file is damaged or truncated (it ends inside an archive it holds)</source>
        <translation>ファイルが壊れているか途中で切れています（中に含むアーカイブの途中で終わっています）</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is shorter than declared</source>
        <translation>項目 '{name}' が宣言より短いです</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; contains NaN or infinite values</source>
        <translation>配列 '{name}' に NaN か無限大の値があります</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is longer than declared</source>
        <translation>項目 '{name}' が宣言より長いです</translation>
    </message>
    <message>
        <source>{what} has {count} entries (at most {most})</source>
        <translation>{what}: 項目が {count} 個あります（上限 {most}）</translation>
    </message>
    <message>
        <source>{what} contains &apos;{name}&apos; twice</source>
        <translation>{what}: '{name}' が 2 回あります</translation>
    </message>
    <message>
        <source>{what} contains an unexpected entry &apos;{name}&apos;</source>
        <translation>{what}: 予期しない項目 '{name}' があります</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; is encrypted</source>
        <translation>{what}: 項目 '{name}' が暗号化されています</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; uses an unsupported compression</source>
        <translation>{what}: 項目 '{name}' の圧縮方式には対応していません</translation>
    </message>
    <message>
        <source>{what} entry &apos;{name}&apos; declares {size} bytes (at most {most} for its settings)</source>
        <translation>{what}: 項目 '{name}' が {size} バイトと宣言しています（その設定では上限 {most}）</translation>
    </message>
    <message>
        <source>{what} declares {size} bytes in all (at most {most})</source>
        <translation>{what}: 合計 {size} バイトと宣言しています（上限 {most}）</translation>
    </message>
    <message>
        <source>entry &apos;{name}&apos; is shorter or longer than declared</source>
        <translation>項目 '{name}' が宣言より短いか長いです</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an unknown .npy version {version}</source>
        <translation>配列 '{name}' の .npy バージョン {version} は不明です</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has a damaged header: {reason}</source>
        <translation>配列 '{name}' のヘッダが壊れています: {reason}</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an unsupported type {dtype}</source>
        <translation>配列 '{name}' の型 {dtype} には対応していません</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; has an invalid shape {shape}</source>
        <translation>配列 '{name}' の形 {shape} が正しくありません</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; should hold {expected} bytes but holds {actual} (truncated?)</source>
        <translation>配列 '{name}' は {expected} バイトのはずが {actual} バイトです（途中で切れている?）</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; is truncated</source>
        <translation>配列 '{name}' が途中で切れています</translation>
    </message>
    <message>
        <source>array &apos;{name}&apos; is longer than its header says</source>
        <translation>配列 '{name}' がヘッダの示す長さより長いです</translation>
    </message>
    <message>
        <source>{what} is not a readable .npz archive: {reason}</source>
        <translation>{what}: 読める .npz アーカイブではありません: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a number JSON allows</source>
        <translation>{name} は JSON で使える数ではありません</translation>
    </message>
    <message>
        <source>it holds too many numbers</source>
        <translation>数が多すぎます</translation>
    </message>
    <message>
        <source>{number} is out of range</source>
        <translation>{number} は範囲外です</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; is not valid JSON ({reason})</source>
        <translation>'{entry}' が正しい JSON ではありません（{reason}）</translation>
    </message>
    <message>
        <source>&apos;{entry}&apos; must hold a JSON object</source>
        <translation>'{entry}' には JSON オブジェクトが必要です</translation>
    </message>
    <message>
        <source>the network of “{title}” does not write</source>
        <translation>「{title}」のネットワークは文章を書きません</translation>
    </message>
    <message>
        <source>task settings are for &apos;{given}&apos;, not &apos;{task}&apos;</source>
        <translation>タスクの設定は '{task}' ではなく '{given}' のものです</translation>
    </message>
    <message>
        <source>wrote</source>
        <comment>the column of written words</comment>
        <translation>書いた語</translation>
    </message>
    <message>
        <source>there is no task named &apos;{name}&apos; (known tasks: {known})</source>
        <translation>'{name}' という名前のタスクはありません（あるタスク: {known}）</translation>
    </message>
    <message>
        <source>needs about {size} of memory</source>
        <translation>メモリが約 {size} 必要</translation>
    </message>
    <message>
        <source>needs about {size} of memory, {duration} per step</source>
        <translation>メモリが約 {size} 必要、1 ステップ {duration}</translation>
    </message>
    <message>
        <source>the weights, their gradients and the optimizer</source>
        <translation>重み、その勾配、オプティマイザ</translation>
    </message>
    <message>
        <source>one batch&apos;s forward and backward pass</source>
        <translation>1 バッチの順伝播と逆伝播</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>データセット</translation>
    </message>
    <message numerus="yes">
        <source>these settings need about {need} of memory for %n run(s), and {have} is available: the program itself needs about {base}; close other programs to free memory</source>
        <translation><numerusform>この設定では %n 個の実行にメモリが約 {need} 必要ですが、使えるのは {have} です。プログラム自体が約 {base} 使います。ほかのプログラムを閉じてメモリを空けてください</numerusform></translation>
    </message>
    <message>
        <source>these settings need about {need} of memory, and {have} is available: the program itself needs about {base}; close other programs to free memory</source>
        <translation>この設定ではメモリが約 {need} 必要ですが、使えるのは {have} です。プログラム自体が約 {base} 使います。ほかのプログラムを閉じてメモリを空けてください</translation>
    </message>
    <message>
        <source>lower the hidden size or the layers, or turn off bidirectional</source>
        <translation>隠れ層のサイズか層の数を減らすか、双方向をオフにしてください</translation>
    </message>
    <message>
        <source>lower the batch size, the sequence length or the hidden size</source>
        <translation>バッチサイズ、系列の長さ、隠れ層のサイズのどれかを減らしてください</translation>
    </message>
    <message>
        <source>lower the samples or the sequence length</source>
        <translation>サンプル数か系列の長さを減らしてください</translation>
    </message>
    <message numerus="yes">
        <source>these settings need about {need} of memory for %n run(s) (most of it for {part}: {size}), and {have} is available; {advice}</source>
        <translation><numerusform>この設定では %n 個の実行にメモリが約 {need} 必要ですが（大部分は{part}の {size}）、使えるのは {have} です。{advice}</numerusform></translation>
    </message>
    <message>
        <source>these settings need about {need} of memory (most of it for {part}: {size}), and {have} is available; {advice}</source>
        <translation>この設定ではメモリが約 {need} 必要ですが（大部分は{part}の {size}）、使えるのは {have} です。{advice}</translation>
    </message>
    <message>
        <source>CSV file not found: {file}</source>
        <translation>CSV ファイルが見つかりません: {file}</translation>
    </message>
    <message>
        <source>{file} is not a text file (it is not UTF-8 encoded)</source>
        <translation>{file} はテキストファイルではありません（UTF-8 ではありません）</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file: {reason}</source>
        <translation>{file} は読める CSV ファイルではありません: {reason}</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} は空です</translation>
    </message>
    <message>
        <source>{file} has no header: row 1 holds numbers ({numbers}); the first row must name the columns</source>
        <translation>{file} に見出しがありません: 1 行目が数です（{numbers}）。1 行目には列の名前を書いてください</translation>
    </message>
    <message>
        <source>{file}: column {column} has no name in the header (row 1)</source>
        <translation>{file}: 列 {column} の見出し（1 行目）に名前がありません</translation>
    </message>
    <message>
        <source>{file}: the header names column &apos;{column}&apos; twice</source>
        <translation>{file}: 見出しに列 '{column}' が 2 回あります</translation>
    </message>
    <message>
        <source>{file} has no column named &apos;{column}&apos;; its columns are: {columns}</source>
        <translation>{file} に '{column}' という列はありません。列は次のとおりです: {columns}</translation>
    </message>
    <message>
        <source>{file} has a header but no data rows</source>
        <translation>{file} には見出しはありますがデータの行がありません</translation>
    </message>
    <message>
        <source>{file}: row {row} is empty</source>
        <translation>{file}: {row} 行目が空です</translation>
    </message>
    <message>
        <source>{file}: row {row} has {cells} cells but the header names {columns} columns</source>
        <translation>{file}: {row} 行目のセルは {cells} 個ですが、見出しの列は {columns} 個です</translation>
    </message>
    <message>
        <source>{file}: gap at row {row}, column &apos;{column}&apos; (the cell is empty)</source>
        <translation>{file}: {row} 行目の列 '{column}' が抜けています（セルが空です）</translation>
    </message>
    <message>
        <source>{file}: row {row}, column &apos;{column}&apos; holds text (&apos;{text}&apos;), not a number</source>
        <translation>{file}: {row} 行目の列 '{column}' が数ではなく文字です（'{text}'）</translation>
    </message>
    <message>
        <source>{file}: row {row}, column &apos;{column}&apos; holds &apos;{text}&apos;, which is not a finite number</source>
        <translation>{file}: {row} 行目の列 '{column}' の '{text}' は有限の数ではありません</translation>
    </message>
    <message>
        <source>choose at least one feature column</source>
        <translation>特徴の列を 1 つ以上選んでください</translation>
    </message>
    <message>
        <source>feature columns must be given by name</source>
        <translation>特徴の列は名前で指定してください</translation>
    </message>
    <message>
        <source>choose a target column</source>
        <translation>目標の列を選んでください</translation>
    </message>
    <message>
        <source>horizon must be a whole number of rows, at least 1 (got {value})</source>
        <translation>horizon は 1 以上の整数の行数でなければなりません（値: {value}）</translation>
    </message>
    <message>
        <source>{file} has {rows} data rows: too few for a window of {window} rows plus a horizon of {horizon} (at least {least} rows give the 4 windows needed for training and validation)</source>
        <translation>{file} のデータは {rows} 行です: {window} 行の窓と {horizon} 行先の予測には足りません（学習と検証に要る 4 つの窓には {least} 行以上必要です）</translation>
    </message>
    <message>
        <source>{file}: column &apos;{column}&apos; holds values too large to standardise (up to {largest}); rescale the column</source>
        <translation>{file}: 列 '{column}' の値が大きすぎて標準化できません（最大 {largest}）。列の尺度を変えてください</translation>
    </message>
    <message>
        <source>the CSV data&apos;s description lacks or mistypes &apos;{key}&apos;</source>
        <translation>CSV データの説明に '{key}' がないか、型が違います</translation>
    </message>
    <message>
        <source>{file}: last row of the window: {values}</source>
        <translation>{file}：ウィンドウの最後の行：{values}</translation>
    </message>
    <message numerus="yes">
        <source>{column} %n row(s) later: {value}</source>
        <translation><numerusform>%n 行後の {column}：{value}</numerusform></translation>
    </message>
    <message>
        <source>{column}: forecast {forecast}   truth {truth}   error {error}</source>
        <translation>{column}：予測 {forecast}   正解 {truth}   誤差 {error}</translation>
    </message>
    <message>
        <source>Try a lower learning rate, turn on gradient clipping, or a smaller spectral radius.</source>
        <translation>学習率を下げるか、勾配クリッピングをオンにするか、スペクトル半径を小さくしてみてください。</translation>
    </message>
    <message>
        <source>the loss became {loss} at step {step}: the weights grew too large.</source>
        <translation>ステップ {step} で損失が {loss} になりました: 重みが大きくなりすぎました。</translation>
    </message>
    <message>
        <source>the gradient of {name} became {kind} at step {step} (the loss was {loss}): the gradients exploded.</source>
        <translation>ステップ {step} で {name} の勾配が {kind} になりました（損失は {loss}）: 勾配が爆発しました。</translation>
    </message>
    <message>
        <source>the update at step {step} would make the optimizer&apos;s {buffer} buffer of {name} {kind} (the loss was {loss}); the weights are those of step {previous}.</source>
        <translation>ステップ {step} の更新で {name} のオプティマイザの {buffer} バッファが {kind} になるところでした（損失は {loss}）。重みはステップ {previous} のものです。</translation>
    </message>
    <message>
        <source>the update at step {step} would make the weight {name} {kind} (the loss was {loss}); the weights are those of step {previous}.</source>
        <translation>ステップ {step} の更新で重み {name} が {kind} になるところでした（損失は {loss}）。重みはステップ {previous} のものです。</translation>
    </message>
    <message>
        <source>a setup line is text</source>
        <translation>設定の行はテキストです</translation>
    </message>
    <message>
        <source>the setup line is {length} characters long (at most {most}); a setup line names a task and a few settings</source>
        <translation>設定の行が {length} 文字あります（上限 {most}）。設定の行に書くのはタスクといくつかの設定です</translation>
    </message>
    <message>
        <source>the setup line is empty: it starts with a task, like long_memory;cell=lstm;hidden=32</source>
        <translation>設定の行が空です: long_memory;cell=lstm;hidden=32 のようにタスクから始めます</translation>
    </message>
    <message>
        <source>the task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>a setup line starts with its task, not &apos;{name}&apos; (tasks: {tasks})</source>
        <translation>設定の行は '{name}' ではなくタスクから始めます（タスク: {tasks}）</translation>
    </message>
    <message>
        <source>there is no task &apos;{name}&apos; (tasks: {tasks})</source>
        <translation>タスク '{name}' はありません（タスク: {tasks}）</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>&apos;{item}&apos;: write each setting as NAME=VALUE, like hidden=32</source>
        <translation>'{item}': 各設定は hidden=32 のように 名前=値 で書いてください</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is given twice</source>
        <translation>'{name}' が 2 回指定されています</translation>
    </message>
    <message>
        <source>{task} cannot use these options: {reason}</source>
        <translation>{task} はこのオプションを使えません: {reason}</translation>
    </message>
    <message>
        <source>the task {task} decides it ({value} for these settings); leave it out</source>
        <translation>タスク {task} が決めます（この設定では {value}）。書かないでください</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not true or false</source>
        <translation>'{text}' は true でも false でもありません</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a whole number</source>
        <translation>'{text}' は整数ではありません</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>'{text}' は数ではありません</translation>
    </message>
    <message>
        <source>{text} is not allowed: {reason}</source>
        <translation>{text} は使えません: {reason}</translation>
    </message>
    <message>
        <source>{value} is not a value an option can take</source>
        <translation>{value} はオプションの値にできません</translation>
    </message>
    <message>
        <source>the value is nested too deeply</source>
        <translation>値の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>the %-escapes are not UTF-8 text</source>
        <translation>% エスケープが UTF-8 のテキストになっていません</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is neither a setting nor an option of {task} (settings: {settings}; options of {task}: {options})</source>
        <translation>'{name}' は設定でも {task} のオプションでもありません（設定: {settings}、{task} のオプション: {options}）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is neither a setting nor an option of {task} (settings: {settings})</source>
        <translation>'{name}' は設定でも {task} のオプションでもありません（設定: {settings}）</translation>
    </message>
    <message>
        <source>a scene is a number (one to {most}), perhaps a size ({sizes}), a colour ({colours}) and a shape ({shapes}), e.g. &quot;two big red circles&quot;</source>
        <translation>場面は数（one から {most}）、必要なら大きさ（{sizes}）、色（{colours}）と形（{shapes}）で書きます。例: "two big red circles"</translation>
    </message>
    <message>
        <source>unknown words: {words}; {scene}</source>
        <translation>不明な単語: {words}。{scene}</translation>
    </message>
    <message>
        <source>caption: seq_len must be at least {need} (the longest caption)</source>
        <translation>caption: seq_len は {need} 以上でなければなりません（最も長い説明文）</translation>
    </message>
    <message>
        <source>caption: too few samples to hold out &apos;{holdout}&apos;</source>
        <translation>caption: '{holdout}' を取り分けるにはサンプルが少なすぎます</translation>
    </message>
    <message>
        <source>temperature must be 0 or more</source>
        <translation>温度は 0 以上でなければなりません</translation>
    </message>
    <message>
        <source>scene: {scene}</source>
        <translation>場面：{scene}</translation>
    </message>
    <message>
        <source>caption:</source>
        <translation>説明文：</translation>
    </message>
    <message>
        <source>network: &quot;{written}&quot;   truth: &quot;{truth}&quot;   (exact)</source>
        <translation>ネットワーク：「{written}」   正解：「{truth}」   （完全一致）</translation>
    </message>
    <message>
        <source>network: &quot;{written}&quot;   truth: &quot;{truth}&quot;   (wrong)</source>
        <translation>ネットワーク：「{written}」   正解：「{truth}」   （不正解）</translation>
    </message>
    <message>
        <source>caption: holdout must be a colour and a shape, e.g. &apos;blue triangle&apos; (colours {colours}; shapes {shapes}), not &apos;{text}&apos;</source>
        <translation>caption: holdout は '{text}' ではなく、'blue triangle' のように色と形にしてください（色 {colours}、形 {shapes}）</translation>
    </message>
    <message>
        <source>colour={colour} shape={shape} size={size} count={count}</source>
        <translation>色={colour} 形={shape} 大きさ={size} 個数={count}</translation>
    </message>
    <message>
        <source>sentences need up to {steps} steps</source>
        <translation>文には最大 {steps} ステップ必要です</translation>
    </message>
    <message>
        <source>name_share must lie between 0 and 1</source>
        <translation>name_share は 0 と 1 の間でなければなりません</translation>
    </message>
    <message>
        <source>should be {tag}</source>
        <translation>正しくは {tag}</translation>
    </message>
    <message>
        <source>(name or noun?)</source>
        <translation>（人名か名詞か？）</translation>
    </message>
    <message>
        <source>all tags right</source>
        <translation>タグはすべて正解</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) wrong</source>
        <translation><numerusform>%n 個のタグが不正解</numerusform></translation>
    </message>
    <message>
        <source>cat first</source>
        <translation>猫が先</translation>
    </message>
    <message>
        <source>dog first</source>
        <translation>犬が先</translation>
    </message>
    <message>
        <source>order_matters needs 2 &lt;= min_len &lt;= seq_len</source>
        <translation>order_matters には 2 &lt;= min_len &lt;= seq_len が必要です</translation>
    </message>
    <message>
        <source>network: {guess} ({share})   truth: {truth}   (right)</source>
        <translation>ネットワーク：{guess}（{share}）   正解：{truth}   （正解）</translation>
    </message>
    <message>
        <source>network: {guess} ({share})   truth: {truth}   (wrong)</source>
        <translation>ネットワーク：{guess}（{share}）   正解：{truth}   （不正解）</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>否定的</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>肯定的</translation>
    </message>
    <message>
        <source>sentiment: max_clauses must lie between 1 and 5</source>
        <translation>sentiment: max_clauses は 1 から 5 の間でなければなりません</translation>
    </message>
    <message numerus="yes">
        <source>sentiment: posts of %n clause(s) need seq_len &gt;= {least}</source>
        <translation><numerusform>sentiment: %n 節の投稿には seq_len &gt;= {least} が必要です</numerusform></translation>
    </message>
    <message>
        <source>min_frames must be at least 1 and at most max_frames</source>
        <translation>min_frames は 1 以上 max_frames 以下でなければなりません</translation>
    </message>
    <message>
        <source>{need} frames are needed for {letters}-letter words at up to {most} frames per letter</source>
        <translation>{letters} 文字の単語を 1 文字最大 {most} フレームで表すには {need} フレーム必要です</translation>
    </message>
    <message numerus="yes">
        <source>&apos;{word}&apos;: %n frame(s) of {features} features</source>
        <translation><numerusform>「{word}」：{features} 個の特徴をもつフレームが %n 個</numerusform></translation>
    </message>
    <message>
        <source>right</source>
        <comment>a prediction</comment>
        <translation>正解</translation>
    </message>
    <message>
        <source>wrong</source>
        <comment>a prediction</comment>
        <translation>不正解</translation>
    </message>
    <message>
        <source>frames</source>
        <comment>a CTC row</comment>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>collapsed</source>
        <comment>a CTC row</comment>
        <translation>まとめた結果</translation>
    </message>
    <message>
        <source>target</source>
        <comment>a CTC row</comment>
        <translation>目標</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>text_generation: there is no text &apos;{text}&apos; (known: {known})</source>
        <translation>text_generation: テキスト '{text}' はありません（あるもの: {known}）</translation>
    </message>
    <message>
        <source>text_generation: seq_len {steps} is longer than the training text allows</source>
        <translation>text_generation: seq_len {steps} は学習用テキストには長すぎます</translation>
    </message>
    <message>
        <source>text_generation: seq_len {steps} is longer than the validation text allows</source>
        <translation>text_generation: seq_len {steps} は検証用テキストには長すぎます</translation>
    </message>
    <message>
        <source>start &quot;{first}&quot; → &quot;{rest}&quot;</source>
        <translation>書き出し「{first}」→「{rest}」</translation>
    </message>
    <message>
        <source>text:</source>
        <comment>above the guesses</comment>
        <translation>文章：</translation>
    </message>
    <message>
        <source>guesses:</source>
        <translation>予想：</translation>
    </message>
    <message>
        <source>({hits}/{total} next characters right)</source>
        <translation>（次の文字 {hits}/{total} 個が正解）</translation>
    </message>
    <message>
        <source>text is written by a one-to-many classification network</source>
        <translation>テキストを書くのは一対多の分類ネットワークです</translation>
    </message>
    <message>
        <source>the network&apos;s size does not match this alphabet</source>
        <translation>ネットワークの大きさがこのアルファベットに合いません</translation>
    </message>
    <message>
        <source>give at least one start character</source>
        <translation>最初の文字を 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>not in the text&apos;s alphabet: {shown} (the network knows only the {count} characters of its text)</source>
        <translation>テキストのアルファベットにありません: {shown}（ネットワークが知っているのはテキストの {count} 文字だけです）</translation>
    </message>
    <message>
        <source>tiny_bptt needs at least 2 time steps (a first and a last)</source>
        <translation>tiny_bptt には時間ステップが 2 つ以上必要です（最初と最後）</translation>
    </message>
    <message>
        <source>(a, b) per step: {steps} → a₁ − b_last = {target}</source>
        <translation>ステップごとの (a, b)：{steps} → a₁ − b_last = {target}</translation>
    </message>
    <message>
        <source>network {network}   truth {truth}   error {error}</source>
        <translation>ネットワーク {network}   正解 {truth}   誤差 {error}</translation>
    </message>
    <message>
        <source>adverb</source>
        <translation>副詞</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主語</translation>
    </message>
    <message>
        <source>verb</source>
        <translation>動詞</translation>
    </message>
    <message>
        <source>adjective</source>
        <translation>形容詞</translation>
    </message>
    <message>
        <source>object</source>
        <translation>目的語</translation>
    </message>
    <message>
        <source>words: the longest sentence has {low} to {high} words, not {given}</source>
        <translation>words: 最も長い文の単語数は {given} ではなく {low} から {high} です</translation>
    </message>
    <message>
        <source>target must be one of {targets}, not &apos;{given}&apos;</source>
        <translation>target は '{given}' ではなく {targets} のいずれかです</translation>
    </message>
    <message>
        <source>source sentences need up to {steps} steps</source>
        <translation>元の文には最大 {steps} ステップ必要です</translation>
    </message>
    <message>
        <source>words</source>
        <comment>a column</comment>
        <translation>単語数</translation>
    </message>
    <message>
        <source>sentences</source>
        <comment>a column</comment>
        <translation>文の数</translation>
    </message>
    <message>
        <source>sentence accuracy by source length</source>
        <translation>元の文の長さ別の文正解率</translation>
    </message>
    <message>
        <source>source</source>
        <comment>a translation row</comment>
        <translation>元の文</translation>
    </message>
    <message>
        <source>network</source>
        <comment>a translation row</comment>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>expected</source>
        <comment>a translation row</comment>
        <translation>正解</translation>
    </message>
    <message>
        <source>({order} order)</source>
        <translation>（語順 {order}）</translation>
    </message>
    <message>
        <source>all right</source>
        <translation>すべて正解</translation>
    </message>
    <message>
        <source>order wrong (the right words):</source>
        <translation>語順が違う（単語は正しい）：</translation>
    </message>
    <message>
        <source>order wrong:</source>
        <translation>語順が違う：</translation>
    </message>
    <message>
        <source>word {place}: &apos;{wrote}&apos; should be &apos;{expected}&apos;</source>
        <translation>{place} 語目：「{wrote}」ではなく「{expected}」</translation>
    </message>
    <message numerus="yes">
        <source>order right, %n word(s) wrong:</source>
        <translation><numerusform>語順は正しく、%n 語が不正解：</numerusform></translation>
    </message>
    <message>
        <source>weather: resolution must be one of {choices}</source>
        <translation>weather: resolution は {choices} のいずれかです</translation>
    </message>
    <message>
        <source>weather: horizon_hours must lie between 1 and 72</source>
        <translation>weather: horizon_hours は 1 から 72 の間でなければなりません</translation>
    </message>
    <message>
        <source>mean of the hour up to {clock}: {reading}</source>
        <translation>{clock} までの1時間の平均：{reading}</translation>
    </message>
    <message>
        <source>last reading at {clock}: {reading}</source>
        <translation>{clock} の最後の測定値：{reading}</translation>
    </message>
    <message>
        <source>{hours} h of readings ({resolution}), {low} to {high} °C</source>
        <translation>{hours} 時間分の測定値（{resolution}）、{low}〜{high} °C</translation>
    </message>
    <message>
        <source>temperature {hours} h later: {value} °C</source>
        <translation>{hours} 時間後の気温：{value} °C</translation>
    </message>
    <message>
        <source>now {now} °C → forecast for +{hours} h: {forecast} °C   measured {measured} °C   error {error} °C</source>
        <translation>現在 {now} °C → +{hours} 時間の予測：{forecast} °C   測定値 {measured} °C   誤差 {error} °C</translation>
    </message>
    <message>
        <source>pressure {pressure} hPa ({change} hPa in {hours} h), wind {wind} m/s</source>
        <translation>気圧 {pressure} hPa（{hours} 時間で {change} hPa）、風速 {wind} m/s</translation>
    </message>
    <message>
        <source>sample index {index} is outside 0..{last}</source>
        <translation>サンプル番号 {index} が 0..{last} の範囲外です</translation>
    </message>
    <message>
        <source>exporting &apos;{cell}&apos; cells is not supported</source>
        <translation>'{cell}' セルの書き出しには対応していません</translation>
    </message>
    <message>
        <source>{run}: training diverged: {reason}</source>
        <translation>{run}: 学習が発散しました: {reason}</translation>
    </message>
    <message>
        <source>the runs were cancelled</source>
        <translation>実行は取り消されました</translation>
    </message>
    <message>
        <source>the train data&apos;s {array} hold NaN or infinite values as {dtype} numbers; rescale the data or use float64</source>
        <translation>学習データの {array} が {dtype} の数として NaN か無限大になります。データの尺度を変えるか float64 を使ってください</translation>
    </message>
    <message>
        <source>the val data&apos;s {array} hold NaN or infinite values as {dtype} numbers; rescale the data or use float64</source>
        <translation>検証データの {array} が {dtype} の数として NaN か無限大になります。データの尺度を変えるか float64 を使ってください</translation>
    </message>
    <message>
        <source>a network without recurrent states has no hidden units to read</source>
        <translation>再帰する状態のないネットワークには読める隠れユニットがありません</translation>
    </message>
    <message>
        <source>lessons (.md) and pictures (.png, .jpg, .gif)</source>
        <translation>レッスン（.md）と画像（.png、.jpg、.gif）</translation>
    </message>
    <message>
        <source>{file}: lessons come as a folder of .md files or one .zip of them</source>
        <translation>{file}: レッスンは .md ファイルのフォルダか、それをまとめた 1 つの .zip で渡してください</translation>
    </message>
    <message>
        <source>the name &apos;{name}…&apos; is too long</source>
        <translation>名前 '{name}…' が長すぎます</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a path outside the pack</source>
        <translation>'{name}' はパックの外を指すパスです</translation>
    </message>
    <message>
        <source>the name &apos;{name}&apos; has control characters</source>
        <translation>名前 '{name}' に制御文字があります</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; lies more than {depth} folders deep</source>
        <translation>'{name}' はフォルダ {depth} 段より深くにあります</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a lesson or a picture: a pack holds only {kinds}</source>
        <translation>'{name}' はレッスンでも画像でもありません: パックに入れられるのは{kinds}だけです</translation>
    </message>
    <message>
        <source>the pack holds more than {size} MB</source>
        <translation>パックが {size} MB を超えています</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a link: a pack holds its files themselves</source>
        <translation>'{name}' はリンクです: パックにはファイルそのものを入れてください</translation>
    </message>
    <message>
        <source>the folder holds more than {most} files: is it a folder of lessons?</source>
        <translation>フォルダに {most} 個を超えるファイルがあります: レッスンのフォルダですか?</translation>
    </message>
    <message>
        <source>{file} is damaged ({detail})</source>
        <translation>{file} は壊れています（{detail}）</translation>
    </message>
    <message>
        <source>the pack has {entries} entries (at most {most} files)</source>
        <translation>パックの項目が {entries} 個あります（ファイルは {most} 個まで）</translation>
    </message>
    <message>
        <source>the pack holds {count} files (at most {most})</source>
        <translation>パックのファイルが {count} 個あります（上限 {most}）</translation>
    </message>
    <message>
        <source>the pack holds no lessons: a lesson is a Markdown file (.md); a pack holds only {kinds}</source>
        <translation>パックにレッスンがありません: レッスンは Markdown ファイル（.md）です。パックに入れられるのは{kinds}だけです</translation>
    </message>
    <message>
        <source>the pack holds {count} lessons (at most {most})</source>
        <translation>パックのレッスンが {count} 個あります（上限 {most}）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not the picture its name says</source>
        <translation>'{name}' は名前が示す形式の画像ではありません</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8</source>
        <translation>{file} は UTF-8 のテキストではありません（{byte} バイト目が読めません）。UTF-8 で保存してください</translation>
    </message>
    <message>
        <source>{file} is not text (it holds NUL characters)</source>
        <translation>{file} はテキストではありません（NUL 文字があります）</translation>
    </message>
    <message>
        <source>{file}, line {row}: lessons are Markdown without HTML (found &apos;{found}…&apos;); write a lone &lt; as &amp;lt;</source>
        <translation>{file} の {row} 行目: レッスンは HTML を含まない Markdown です（'{found}…' がありました）。単独の &lt; は &amp;lt; と書いてください</translation>
    </message>
    <message>
        <source>{file}: the setup link &apos;{link}&apos; cannot be read: {reason}</source>
        <translation>{file}: 設定のリンク '{link}' を読めません: {reason}</translation>
    </message>
    <message>
        <source>{file} shows a picture from elsewhere ({picture}): pictures must be files in the pack</source>
        <translation>{file} がほかの場所の画像（{picture}）を表示しています: 画像はパックの中のファイルでなければなりません</translation>
    </message>
    <message>
        <source>{file} shows a picture outside the pack ({picture})</source>
        <translation>{file} がパックの外の画像（{picture}）を表示しています</translation>
    </message>
    <message>
        <source>{file} shows the picture &apos;{picture}&apos;, which is not in the pack</source>
        <translation>{file} が表示する画像 '{picture}' はパックの中にありません</translation>
    </message>
    <message>
        <source>A simple RNN multiplies its state, and the error travelling back, by W_hh at every step. Eigenvalues inside the unit circle shrink what they meet (vanishing), outside it they let it grow (exploding); the spectral radius ρ is the largest |λ|.</source>
        <translation>単純な RNN は、状態と逆向きに伝わる誤差に毎ステップ W_hh を掛けます。単位円の内側の固有値は出会うものを縮め（消失）、外側の固有値は増やします（爆発）。スペクトル半径 ρ は最大の |λ| です。</translation>
    </message>
    <message>
        <source>Eigenvalues are shown for the simple RNN. An LSTM&apos;s or a GRU&apos;s W_hh stacks one block per gate, and minGRU and minLSTM have none: their gates read only x_t.</source>
        <translation>固有値は単純な RNN について表示されます。LSTM や GRU の W_hh はゲートごとのブロックを積み重ねたもので、minGRU と minLSTM には W_hh がありません。ゲートは x_t だけを読みます。</translation>
    </message>
    <message>
        <source>Eigenvalues λ of W&lt;sub&gt;hh&lt;/sub&gt;</source>
        <translation>W&lt;sub&gt;hh&lt;/sub&gt; の固有値 λ</translation>
    </message>
    <message>
        <source>real part</source>
        <translation>実部</translation>
    </message>
    <message>
        <source>imaginary part</source>
        <translation>虚部</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;■&lt;/span&gt; {label}: ρ = {radius}</source>
        <translation>&lt;span style='color:{colour}'&gt;■&lt;/span&gt; {label}: ρ = {radius}</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>this is an experiment file (.rnnx), not a runs file (.rnns)</source>
        <translation>これは実験ファイル（.rnnx）で、実行ファイル（.rnns）ではありません</translation>
    </message>
    <message>
        <source>this is not a runs file (missing {entry})</source>
        <translation>これは実行ファイルではありません（{entry} がありません）</translation>
    </message>
    <message>
        <source>run {name}: {reason}</source>
        <translation>実行 {name}: {reason}</translation>
    </message>
    <message>
        <source>the runs file lists no runs</source>
        <translation>実行ファイルに実行が 1 つもありません</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>実行 {number}</translation>
    </message>
    <message>
        <source>{run} is not a valid record</source>
        <translation>{run} が正しい記録ではありません</translation>
    </message>
    <message>
        <source>the name must be text of 1 to {most} characters</source>
        <translation>名前は 1 から {most} 文字のテキストでなければなりません</translation>
    </message>
    <message>
        <source>two runs are called {name}</source>
        <translation>{name} という名前の実行が 2 つあります</translation>
    </message>
    <message>
        <source>the colour must be a whole number in 0..{most}</source>
        <translation>色は 0..{most} の整数でなければなりません</translation>
    </message>
    <message>
        <source>the group must be text or null</source>
        <translation>グループはテキストか null でなければなりません</translation>
    </message>
    <message>
        <source>hidden must be true or false</source>
        <translation>hidden は true か false でなければなりません</translation>
    </message>
    <message>
        <source>its entry {entry} is not in the file</source>
        <translation>その項目 {entry} がファイルにありません</translation>
    </message>
    <message>
        <source>the entry {entry} belongs to two runs</source>
        <translation>項目 {entry} が 2 つの実行に属しています</translation>
    </message>
    <message>
        <source>the entry {entry} belongs to no run</source>
        <translation>項目 {entry} がどの実行にも属していません</translation>
    </message>
    <message>
        <source>the stored train data</source>
        <translation>保存された学習データ</translation>
    </message>
    <message>
        <source>the stored val data</source>
        <translation>保存された検証データ</translation>
    </message>
    <message>
        <source>inputs shaped {shape} do not fit {targets} targets and {features} input features</source>
        <translation>形 {shape} の入力は {targets} 個の目標と {features} 個の入力特徴に合いません</translation>
    </message>
    <message>
        <source>inputs or targets are of the wrong type</source>
        <translation>入力か目標の型が違います</translation>
    </message>
    <message>
        <source>the mask does not match the inputs</source>
        <translation>マスクが入力に合いません</translation>
    </message>
    <message>
        <source>the target mask does not match the targets</source>
        <translation>目標のマスクが目標に合いません</translation>
    </message>
    <message>
        <source>class labels outside 0..{last}</source>
        <translation>クラスのラベルが 0..{last} の範囲外です</translation>
    </message>
    <message>
        <source>the stored data do not fit the network ({reason})</source>
        <translation>保存されたデータがネットワークに合いません（{reason}）</translation>
    </message>
    <message>
        <source>{what} is not floating point ({dtype})</source>
        <translation>{what}: 浮動小数点数ではありません（{dtype}）</translation>
    </message>
    <message>
        <source>{what} contains NaN or infinite values (or values too large for {dtype})</source>
        <translation>{what}: NaN か無限大の値（または {dtype} には大きすぎる値）があります</translation>
    </message>
    <message>
        <source>the file holds more weights than its network has</source>
        <translation>ファイルの重みがネットワークの持つ数より多いです</translation>
    </message>
    <message>
        <source>the settings name a data file that is not a .csv file, and the data are not stored in the experiment file</source>
        <translation>設定が .csv ではないデータファイルを指していて、データが実験ファイルに保存されていません</translation>
    </message>
    <message>
        <source>the data&apos;s description: {key} must be a whole number</source>
        <translation>データの説明: {key} は整数でなければなりません</translation>
    </message>
    <message>
        <source>the data&apos;s description: {key} must list names</source>
        <translation>データの説明: {key} は名前の一覧でなければなりません</translation>
    </message>
    <message>
        <source>the data&apos;s description does not fit the task ({reason})</source>
        <translation>データの説明がタスクに合いません（{reason}）</translation>
    </message>
    <message>
        <source>parameter {name}</source>
        <translation>パラメータ {name}</translation>
    </message>
    <message>
        <source>the weights do not fit the network: {reason}</source>
        <translation>重みがネットワークに合いません: {reason}</translation>
    </message>
    <message>
        <source>must be an integer in [{low}, {high}], got {value}</source>
        <translation>は [{low}, {high}] の整数でなければなりませんが {value} でした</translation>
    </message>
    <message>
        <source>the trainer state is missing or not an object</source>
        <translation>学習の状態がないか、オブジェクトではありません</translation>
    </message>
    <message>
        <source>trainer.order must list every training sample once</source>
        <translation>trainer.order には学習サンプルをすべて 1 回ずつ並べなければなりません</translation>
    </message>
    <message>
        <source>trainer.order is not a permutation of the samples</source>
        <translation>trainer.order がサンプルの並べ替えになっていません</translation>
    </message>
    <message>
        <source>trainer.pos lies beyond the training samples</source>
        <translation>trainer.pos が学習サンプルの範囲を超えています</translation>
    </message>
    <message>
        <source>trainer.rng must be an object</source>
        <translation>trainer.rng はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>trainer.rng is not a valid generator state ({reason})</source>
        <translation>trainer.rng が乱数生成器の正しい状態ではありません（{reason}）</translation>
    </message>
    <message>
        <source>trainer.elapsed must be a number of seconds in [0, {most}]</source>
        <translation>trainer.elapsed は [0, {most}] の秒数でなければなりません</translation>
    </message>
    <message>
        <source>unexpected optimizer buffer &apos;{key}&apos; for {kind}</source>
        <translation>{kind} には予期しないオプティマイザのバッファ '{key}' です</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos; has the wrong shape or type</source>
        <translation>オプティマイザのバッファ '{key}' の形か型が違います</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos;</source>
        <translation>オプティマイザのバッファ '{key}'</translation>
    </message>
    <message>
        <source>optimizer buffer &apos;{key}&apos; holds negative squares</source>
        <translation>オプティマイザのバッファ '{key}' に負の二乗があります</translation>
    </message>
    <message>
        <source>the training history must be a list</source>
        <translation>学習の履歴はリストでなければなりません</translation>
    </message>
    <message>
        <source>the training history holds {count} steps (a file keeps at most {most})</source>
        <translation>学習の履歴に {count} ステップあります（ファイルに残せるのは {most} まで）</translation>
    </message>
    <message>
        <source>history entry {index} is not a valid record</source>
        <translation>履歴の項目 {index} が正しい記録ではありません</translation>
    </message>
    <message>
        <source>history entry {index}: {key} must be a whole number in 0..{most}</source>
        <translation>履歴の項目 {index}: {key} は 0..{most} の整数でなければなりません</translation>
    </message>
    <message>
        <source>history entry {index}: {key}</source>
        <translation>履歴の項目 {index}: {key}</translation>
    </message>
    <message>
        <source>history entry {index}: seconds must be in [0, {most}]</source>
        <translation>履歴の項目 {index}: seconds は [0, {most}] の範囲でなければなりません</translation>
    </message>
    <message>
        <source>history entry {index}: step {step} is not a step of this run (it reached step {reached}, and steps rise)</source>
        <translation>履歴の項目 {index}: ステップ {step} はこの実行のステップではありません（到達したのはステップ {reached} で、ステップは増えていきます）</translation>
    </message>
    <message>
        <source>the gradient summaries must hold &apos;steps&apos; and &apos;values&apos;</source>
        <translation>勾配の要約には 'steps' と 'values' が必要です</translation>
    </message>
    <message>
        <source>the gradient summaries must be at most {most} steps of at most {longest} time steps each</source>
        <translation>勾配の要約は最大 {most} ステップ、それぞれ最大 {longest} 時間ステップでなければなりません</translation>
    </message>
    <message>
        <source>the gradient summaries must be finite, non-negative norms</source>
        <translation>勾配の要約は有限で負でないノルムでなければなりません</translation>
    </message>
    <message>
        <source>the gradient summaries&apos; steps are not steps of this run</source>
        <translation>勾配の要約のステップがこの実行のステップではありません</translation>
    </message>
    <message>
        <source>the baselines must be a list</source>
        <translation>ベースラインはリストでなければなりません</translation>
    </message>
    <message>
        <source>baseline {number} is not a valid record</source>
        <translation>ベースライン {number} が正しい記録ではありません</translation>
    </message>
    <message>
        <source>baseline {number}: value</source>
        <translation>ベースライン {number}: value</translation>
    </message>
    <message>
        <source>the metric must have a name and a direction</source>
        <translation>指標には名前と向きが必要です</translation>
    </message>
    <message>
        <source>the metric must be an object</source>
        <translation>指標はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>the file was changed since it was read</source>
        <translation>読んだ後にファイルが変更されました</translation>
    </message>
    <message>
        <source>the runs file was changed since it was read</source>
        <translation>読んだ後に実行ファイルが変更されました</translation>
    </message>
    <message>
        <source>The {cell}&apos;s new state and its gradients are shown as the engine computes them; its equations are in its module, rnn_sandbox/engine/{module}.py.</source>
        <translation>{cell}の新しい状態と勾配はエンジンが計算したとおりに示しています。式はそのモジュール rnn_sandbox/engine/{module}.py にあります。</translation>
    </message>
    <message>
        <source>from the gates and {prev} (engine)</source>
        <translation>ゲートと {prev} から（エンジン）</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <source>read-out + next step + layer above (engine)</source>
        <translation>読み出し + 次のステップ + 上の層（エンジン）</translation>
    </message>
    <message>
        <source>(engine)</source>
        <translation>（エンジン）</translation>
    </message>
    <message>
        <source>{symbols} → marked {symbol}</source>
        <translation>{symbols} → 印の付いた記号 {symbol}</translation>
    </message>
    <message>
        <source>network says {guess} ({share}), the marked one was {truth}: right</source>
        <translation>ネットワークの答えは {guess}（{share}）、印の付いた記号は {truth}：正解</translation>
    </message>
    <message>
        <source>network says {guess} ({share}), the marked one was {truth}: wrong</source>
        <translation>ネットワークの答えは {guess}（{share}）、印の付いた記号は {truth}：不正解</translation>
    </message>
    <message numerus="yes">
        <source>… {window} → value %n step(s) later: {value}</source>
        <translation><numerusform>… {window} → %n ステップ後の値：{value}</numerusform></translation>
    </message>
    <message>
        <source>forecast {forecast}   truth {truth}   error {error}</source>
        <translation>予測 {forecast}   正解 {truth}   誤差 {error}</translation>
    </message>
</context>
</TS>
