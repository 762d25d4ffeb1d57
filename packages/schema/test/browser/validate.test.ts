// Runs in Chromium under a Content-Security-Policy without 'unsafe-eval' (web-test-runner.config.mjs):
// the precompiled validators must work where agency portals forbid eval and new Function.
import { expect } from '@open-wc/testing';
import { parseExpression, validateQuestionnaire, validateResponse, type Questionnaire } from '@sipas/schema';
import { templates, counter3 } from '@sipas/templates';

describe('validators in a browser with a strict CSP', () => {
  it('should run where eval is forbidden', () => {
    expect(() => new Function('return 1')).to.throw(EvalError);
  });

  it('should accept every standard questionnaire', () => {
    for (const { id, questionnaire } of templates) {
      expect(validateQuestionnaire(questionnaire).errors, id).to.deep.equal([]);
    }
  });

  it('should locate mistakes', () => {
    const broken = structuredClone(counter3) as Questionnaire;
    broken.pages[0]!.sections[0]!.questions[0]!.visibleIf = '{nobody} = 1';
    const result = validateQuestionnaire(broken);
    expect(result.errors.map((e) => [e.code, e.path])).to.deep.equal([['unknown-reference', '/pages/0/sections/0/questions/0/visibleIf']]);
    expect(validateQuestionnaire({ formatVersion: '1.0' }).errors.map((e) => e.code)).to.include('required');
  });

  it('should check responses and parse expressions', () => {
    const result = validateResponse(counter3, {
      formatVersion: '1.0',
      responseId: '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b',
      questionnaire: { id: 'counter-3', version: 1 },
      channel: 'kiosk',
      submittedAt: 'yesterday',
      locale: 'vi',
      answers: {},
    });
    expect(result.errors.map((e) => [e.code, e.path])).to.deep.equal([['invalid-format', '/submittedAt']]);
    expect(parseExpression("{overall} <= 1 and {channel} = 'kiosk'").ok).to.equal(true);
  });
});
