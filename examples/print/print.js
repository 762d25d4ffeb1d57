// The print page's only script (a same-origin file: the page's CSP allows no inline script).
// It reads ?q=<template>&lang=<vi|en>, points <sipas-form mode="print"> at that questionnaire and
// turns the Print button on once the paper form is there.
const TEMPLATES = ['sipas-2640', 'sipas-1001', 'counter-3', 'kiosk-quick'];

const params = new URLSearchParams(window.location.search);
const requested = params.get('q');
const template = requested && TEMPLATES.includes(requested) ? requested : TEMPLATES[0];
const lang = params.get('lang') === 'en' ? 'en' : 'vi';

document.documentElement.lang = lang;
const toolbar = document.querySelector('.toolbar');
toolbar.elements.namedItem('q').value = template;
toolbar.elements.namedItem('lang').value = lang;

const form = document.querySelector('sipas-form');
form.lang = lang;
form.src = `/q/${template}.json`;

const printButton = toolbar.querySelector('.print-button');
printButton.addEventListener('click', () => window.print());
customElements.whenDefined('sipas-print-sheet').then(() => {
  printButton.disabled = false;
});
