// <sipas-form>: the drop-in script defines the element; it loads the questionnaire from `src`.
'use strict';
(() => {
  const name = new URLSearchParams(location.search).get('q');
  const form = document.createElement('sipas-form');
  form.setAttribute('lang', 'vi');
  form.setAttribute('src', `/q/sipas/${name}.json`);
  document.getElementById('app').append(form);
  const questions = () => form.shadowRoot?.querySelectorAll('.page > section > *') ?? [];
  window.benchAdapter = {
    questionRoot: (question) => [...questions()].find((node) => node.name === question) ?? null,
    nextButton: () => form.shadowRoot?.querySelector('[part~="next-button"]') ?? null,
    roots: () => [document.body, form.shadowRoot].filter(Boolean),
  };
})();
