// SurveyJS Form Library with its framework-free renderer (survey-core + survey-js-ui).
'use strict';
(async () => {
  const name = new URLSearchParams(location.search).get('q');
  const json = await (await fetch(`/q/surveyjs/${name}.json`)).json();
  const app = document.getElementById('app');
  const survey = new Survey.Model(json);
  survey.render(app);
  window.benchAdapter = {
    questionRoot: (question) => app.querySelector(`[data-name="${CSS.escape(question)}"]`),
    nextButton: () => app.querySelector('.sd-navigation__next-btn, input[value="Next"], button[title="Next"]'),
    roots: () => [document.body],
  };
})();
