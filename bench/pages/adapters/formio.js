// Form.io's renderer (@formio/js) with its default Bootstrap template, as a wizard.
'use strict';
(async () => {
  const name = new URLSearchParams(location.search).get('q');
  const json = await (await fetch(`/q/formio/${name}.json`)).json();
  const app = document.getElementById('app');
  await Formio.createForm(app, json);
  window.benchAdapter = {
    questionRoot: (question) => app.querySelector(`.formio-component-${CSS.escape(question)}`),
    nextButton: () => app.querySelector('.btn-wizard-nav-next'),
    roots: () => [document.body],
  };
})();
