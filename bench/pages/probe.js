// Measures inside a benchmark page, the same way for every renderer. Loaded first, before the
// renderer; each renderer's adapter (adapters/*.js) tells it where a question and the Next
// button are. Times are performance.now() values: milliseconds since navigation started.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);

  /** The time after the frame being prepared is painted: a message posted from rAF runs after paint. */
  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };
  /** The time after the next frame is painted (for code that runs outside an animation frame). */
  const afterNextPaint = (callback) => requestAnimationFrame(() => afterPaint(callback));

  const shown = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  /** A question's radio buttons, one array per group (a likert row; one group otherwise), in page order. */
  const radioGroups = (question) => {
    const root = window.benchAdapter.questionRoot(question);
    if (!root) throw new Error(`question ${question} is not on the page`);
    const groups = new Map();
    for (const input of root.querySelectorAll('input[type=radio]')) {
      if (!groups.has(input.name)) groups.set(input.name, []);
      groups.get(input.name).push(input);
    }
    return [...groups.values()];
  };

  const bench = {
    firstRender: null,

    /** The element a person clicks to pick option `item` of radio group `group` in a question. */
    target(question, group, item) {
      const groups = radioGroups(question);
      const input = groups[group]?.[item];
      if (!input) throw new Error(`question ${question} has no option ${item} in group ${group} (${groups.length} groups)`);
      // Styled renderers hide the native radio and let its label take the click.
      return shown(input) && input.getBoundingClientRect().width >= 8 ? input : (input.closest('label') ?? input.labels?.[0] ?? input);
    },

    /** The value of a question's radio group as the page holds it (its checked input), for checks. */
    checkedValue(question, group) {
      return radioGroups(question)[group]?.find((input) => input.checked)?.value ?? null;
    },

    nextButton() {
      const button = window.benchAdapter.nextButton();
      if (!button) throw new Error('no Next button on the page');
      return button;
    },

    /** Which of these questions are on screen. */
    shownOf(questions) {
      return questions.filter((question) => shown(window.benchAdapter.questionRoot(question)));
    },

    /**
     * Starts watching: the next trusted click, the frame after it painted, and the frame painted
     * after the last change it caused to the page.
     */
    arm() {
      const state = { start: null, nextPaint: null, lastChange: null, settledPaint: null };
      bench.armed = state;
      const observer = new MutationObserver(() => {
        if (state.start === null) return;
        state.lastChange = performance.now();
        afterNextPaint((time) => (state.settledPaint = Math.max(state.settledPaint ?? 0, time)));
      });
      for (const root of window.benchAdapter.roots()) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      state.observer = observer;
      const onClick = (event) => {
        if (!event.isTrusted) return; // a renderer's own synthetic click is not the person's
        removeEventListener('click', onClick, true);
        state.start = event.timeStamp;
        afterNextPaint((time) => (state.nextPaint = time));
      };
      addEventListener('click', onClick, true);
    },

    /**
     * Resolves once nothing has changed for `quietMs` after the click, with the click-to-next-paint
     * and click-to-settled-paint durations; fails when the page is still changing after `maxMs`.
     */
    async settled(quietMs = 400, maxMs = 4000) {
      const state = bench.armed;
      const begun = performance.now();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = performance.now();
        const last = Math.max(state.start ?? begun, state.lastChange ?? 0, state.settledPaint ?? 0);
        if (state.nextPaint !== null && now - last >= quietMs) break;
        if (now - begun > maxMs) {
          state.observer.disconnect();
          throw new Error(state.start === null ? 'the click never reached the page' : `the page was still changing ${maxMs} ms after the click`);
        }
      }
      state.observer.disconnect();
      return { nextPaint: state.nextPaint - state.start, settled: Math.max(state.nextPaint, state.settledPaint ?? 0) - state.start };
    },
  };
  window.__bench = bench;

  // First render: the first frame painted with the first question laid out. poll runs inside an
  // animation frame, so the paint to wait for is this frame's.
  const first = params.get('first');
  const poll = () => {
    if (window.benchAdapter && shown(window.benchAdapter.questionRoot(first))) afterPaint((time) => (bench.firstRender = time));
    else requestAnimationFrame(poll);
  };
  if (first) requestAnimationFrame(poll);
})();
