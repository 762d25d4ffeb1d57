// Form.io's renderer (@formio/js) with its default Bootstrap template, as a wizard.
'use strict';
(async () => {
  const name = new URLSearchParams(location.search).get('q');
  const app = document.getElementById('app');
  // Set before createForm resolves: Form.io paints the page first and settles its conditions after.
  window.benchAdapter = {
    questionRoot: (question) => app.querySelector(`.formio-component-${CSS.escape(question)}`),
    nextButton: () => app.querySelector('.btn-wizard-nav-next'),
    roots: () => [document.body],
  };
  const json = await (await fetch(`/q/formio/${name}.json`)).json();
  await Formio.createForm(app, json);
})();
