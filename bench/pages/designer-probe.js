// Measures inside the designer benchmark's pages. Loaded before the element's script; the page
// says which element it measures (`?element=sipas-designer` or `sipas-form`). Times are
// performance.now() differences in milliseconds.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const tag = params.get('element');
  const first = params.get('first');

  /** The time after the frame being prepared is painted: a message posted from rAF runs after paint. */
  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };
  /** Resolves with the time after the next frame is painted (for code outside an animation frame). */
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterPaint(resolve)));

  const shown = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  let questionnaire = null;
  let element = null;

  /** Where a question is in the designer's document: its section and place there. */
  const placeOf = (document, name) => {
    for (const page of document.pages) {
      for (const section of page.sections) {
        const index = section.questions.findIndex((question) => question.name === name);
        if (index >= 0) return { page: page.name, section: section.name, index, question: section.questions[index] };
      }
    }
    return null;
  };

  /** A short fingerprint of the whole document (FNV-1a over its JSON), to tell documents apart cheaply. */
  const digest = (document) => {
    const text = JSON.stringify(document);
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return `${text.length}:${hash.toString(16)}`;
  };

  /** The questionnaire with one question's title replaced, copying only the objects on the way (the designer's edits must be pure). */
  const withTitle = (document, name, title) => {
    const place = placeOf(document, name);
    if (!place) return document;
    return {
      ...document,
      pages: document.pages.map((page) =>
        page.name !== place.page
          ? page
          : {
              ...page,
              sections: page.sections.map((section) =>
                section.name !== place.section ? section : { ...section, questions: section.questions.map((question, i) => (i === place.index ? { ...question, title } : question)) },
              ),
            },
      ),
    };
  };

  /** A question's tree item on the canvas (what carries its selected state and accessible name). */
  const treeItem = (name) => {
    const quoted = CSS.escape(name);
    return element?.shadowRoot?.querySelector(`[role="treeitem"][data-item="${quoted}"], [role="treeitem"][data-name="${quoted}"]`) ?? null;
  };
  /** A question's card: the box a person clicks, which says where the question sits (data-section, data-index). */
  const card = (name) => treeItem(name)?.closest(`[data-name="${CSS.escape(name)}"]`) ?? null;
  /** The question element <sipas-form> shows for a question (as bench/pages/adapters/sipas.js finds it). */
  const formQuestion = (name) => [...(element?.shadowRoot?.querySelectorAll('.page > section > *') ?? [])].find((node) => node.name === name) ?? null;
  const firstQuestionShown = () => shown(tag === 'sipas-designer' ? card(first) : formQuestion(first));

  const bench = {
    /** Fetches the questionnaire and waits for the element's definition: nothing of this is timed. */
    async ready() {
      const reply = await fetch(`/q/${params.get('q')}.json`);
      if (!reply.ok) throw new Error(`questionnaire: HTTP ${reply.status}`);
      questionnaire = await reply.json();
      await customElements.whenDefined(tag);
    },

    /**
     * Opens the questionnaire: from creating the element to the first frame painted after its
     * first render completed (updateComplete, then animation frames until the first question of
     * the first page has a box: the designer's first, <sipas-form>'s after it loaded the document).
     */
    async open() {
      const start = performance.now();
      element = document.createElement(tag);
      element.setAttribute('lang', 'vi');
      if (tag === 'sipas-designer') element.setAttribute('autosave', 'off');
      element.questionnaire = questionnaire;
      document.getElementById('app').append(element);
      await element.updateComplete;
      const painted = await new Promise((resolve, reject) => {
        const giveUp = performance.now() + 30_000;
        const poll = () => {
          if (firstQuestionShown()) afterPaint(resolve);
          else if (performance.now() > giveUp) reject(new Error(`${first} never appeared in <${tag}>`));
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      return painted - start;
    },

    /** The first page's questions that can move one step down within their section (not the last of it). */
    movableQuestions() {
      const page = element.questionnaire.pages[0];
      return page.sections.flatMap((section) => section.questions.slice(0, -1).map((question) => question.name));
    },

    /** What the checks compare before and after an edit, read from the designer and its canvas. */
    snapshot(name) {
      const place = placeOf(element.questionnaire, name);
      const item = treeItem(name);
      const box = card(name);
      return {
        digest: digest(element.questionnaire),
        selected: element.selection?.kind === 'question' ? element.selection.name : null,
        title: place ? (typeof place.question.title === 'string' ? place.question.title : JSON.stringify(place.question.title ?? null)) : null,
        section: place?.section ?? null,
        index: place?.index ?? -1,
        card: item && box ? { selected: item.getAttribute('aria-selected') === 'true', label: item.getAttribute('aria-label') ?? '', section: box.dataset.section ?? '', index: Number(box.dataset.index) } : null,
      };
    },

    /** Puts a question's card in the middle of the canvas, outside any measure. */
    reveal(name) {
      const item = card(name);
      if (!item) throw new Error(`no card for ${name} on the canvas`);
      item.scrollIntoView({ block: 'center' });
      return item;
    },

    /** Two painted frames and a short quiet spell, so one edit does not bleed into the next. */
    settle: (quietMs = 60) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, quietMs)))),

    /** Starts watching for the next trusted click: from its time stamp to the next painted frame. */
    arm() {
      bench.clicked = new Promise((resolve) => {
        const onClick = (event) => {
          if (!event.isTrusted) return;
          removeEventListener('click', onClick, true);
          const start = event.timeStamp;
          requestAnimationFrame(() => afterPaint((time) => resolve(time - start)));
        };
        addEventListener('click', onClick, true);
      });
    },

    /** The time from a click (armed before it) to the next painted frame. */
    async click() {
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the click never reached the page')), 5_000));
      return Promise.race([bench.clicked, timeout]);
    },

    /** Runs one programmatic edit and resolves with the time from the call to the next painted frame. */
    async edit(kind, name, title) {
      const start = performance.now();
      const painted = nextPaint();
      let applied = true;
      if (kind === 'title') applied = element.applyEdit({ label: `title of ${name}`, apply: (document) => withTitle(document, name, title) });
      else if (kind === 'move') element.moveStep({ kind: 'question', name }, 1);
      else if (kind === 'undo') element.undo();
      else throw new Error(`unknown edit ${kind}`);
      if (applied === false) throw new Error(`the designer refused the ${kind} edit of ${name}`);
      return (await painted) - start;
    },
  };
  window.__designerBench = bench;
})();
