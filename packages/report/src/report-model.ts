/**
 * The dashboard's view model, DOM-free: it reads the index engine's report (and the questionnaire
 * for names the report does not carry) and returns plain rows for the figures, tables and charts.
 * The element only renders what comes out of here. One module per part of the dashboard.
 */
export * from './model/normalize.js';
export * from './model/labels.js';
export * from './model/figures.js';
export * from './model/ranking.js';
export * from './model/trend.js';
export * from './model/expectations.js';
export * from './model/progress.js';
export * from './model/filters.js';
