// Measures inside a benchmark page, the same way for every renderer. Loaded first, before the
// renderer; each renderer's adapter (adapters/*.js) tells it where a question and the Next
// button are. Times are performance.now() values: milliseconds since navigation started.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);

  /** Calls back after the next frame has been painted (a message posted from rAF runs after paint). */
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });

  const shown = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  const bench = {
    firstRender: null,
    errors: [],

    /** The element a person clicks to pick option `item` of radio group `group` in a question. */
    target(question, group, item) {
      const root = window.benchAdapter.questionRoot(question);
      if (!root) throw new Error(`question ${question} is not on the page`);
      const groups = [];
      for (const input of root.querySelectorAll('input[type=radio]')) {
        const last = groups[groups.length - 1];
        if (last && last[0].name === input.name) last.push(input);
        else groups.push([input]);
      }
      const input = groups[group]?.[item];
      if (!input) throw new Error(`question ${question} has no option ${item} in group ${group} (${groups.length} groups)`);
      // Styled renderers hide the native radio and let its label take the click.
      return shown(input) && input.getBoundingClientRect().width >= 8 ? input : (input.closest('label') ?? input.labels?.[0] ?? input);
    },

    /** The value of a question's radio group as the page holds it (checked input), for checks. */
    checkedValue(question, group) {
      const root = window.benchAdapter.questionRoot(question);
      const names = [...new Set([...root.querySelectorAll('input[type=radio]')].map((input) => input.name))];
      return root.querySelector(`input[type=radio][name="${CSS.escape(names[group])}"]:checked`)?.value ?? null;
    },

    nextButton() {
      const button = window.benchAdapter.nextButton();
      if (!button) throw new Error('no Next button on the page');
      return button;
    },

    isShown(question) {
      return shown(window.benchAdapter.questionRoot(question));
    },

    /**
     * Starts watching for the next trusted click: when it happened, when the frame after it was
     * painted, and when the frame after the last change it caused to the page was painted.
     */
    arm() {
      const state = { start: null, nextPaint: null, lastChange: null, settledPaint: null, changes: 0 };
      bench.armed = state;
      const observer = new MutationObserver(() => {
        if (state.start === null) return;
        state.changes++;
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
     * Resolves once nothing has changed for `quietMs` after the click (or after `maxMs`), with
     * the click-to-next-paint and click-to-settled-paint durations.
     */
    async settled(quietMs = 400, maxMs = 4000) {
      const state = bench.armed;
      const begun = performance.now();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = performance.now();
        const last = Math.max(state.start ?? begun, state.lastChange ?? 0, state.settledPaint ?? 0);
        const waitedEnough = state.nextPaint !== null && now - last >= quietMs;
        if (waitedEnough || now - begun > maxMs) break;
      }
      state.observer.disconnect();
      if (state.start === null) throw new Error('the click never reached the page');
      return {
        nextPaint: state.nextPaint - state.start,
        settled: Math.max(state.nextPaint, state.settledPaint ?? 0) - state.start,
        changes: state.changes,
      };
    },
  };
  window.__bench = bench;
  addEventListener('error', (event) => bench.errors.push(String(event.message)));

  // First render: the first frame painted with the first question laid out.
  const first = params.get('first');
  const poll = () => {
    if (window.benchAdapter && shown(window.benchAdapter.questionRoot(first))) afterNextPaint((time) => (bench.firstRender = time));
    else requestAnimationFrame(poll);
  };
  if (first) requestAnimationFrame(poll);
})();
