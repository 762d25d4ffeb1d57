import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateResponse, type Questionnaire, type Response, type ValidationResult } from '@sipas/schema';
import { counter3, kioskQuick, sipas1001, sipas2640 } from '@sipas/templates';
import { makeResponse, seededRandom } from './helpers/response-factory.js';

const online = (questionnaire: Questionnaire, seed = 1): Response => ({ ...makeResponse(questionnaire, seededRandom(seed)), channel: 'online' });

function expectError(result: ValidationResult, code: string, path: string): void {
  assert.equal(result.valid, false, 'the response should be invalid');
  assert.ok(
    result.errors.some((e) => e.code === code && e.path === path),
    `expected ${code} at ${path}, got ${JSON.stringify(result.errors.map((e) => [e.code, e.path]))}`,
  );
  for (const error of result.errors) assert.ok(error.message.vi && error.message.en);
}

/** A response to the 2640 template through a channel that template collects (online), changed by `edit`. */
function check2640(edit: (response: Response) => void): ValidationResult {
  const response = structuredClone(online(sipas2640));
  edit(response);
  return validateResponse(sipas2640, response);
}

describe('validateResponse', () => {
  describe('responses that fit', () => {
    for (const questionnaire of [sipas2640, sipas1001, counter3, kioskQuick]) {
      it(`should accept generated responses to ${questionnaire.id}`, () => {
        for (let seed = 1; seed <= 25; seed++) {
          const response = makeResponse(questionnaire, seededRandom(seed));
          const result = validateResponse(questionnaire, response);
          assert.deepEqual(result.errors, [], `seed ${seed}`);
        }
      });
    }

    it('should accept a paper form with blanks, a serial number and spoiled items', () => {
      const result = check2640((r) => {
        r.channel = 'paper';
        const grid = r.answers.B_criteria as Record<string, number>;
        delete grid.B3;
        r.answers = { B_criteria: grid };
        r.paper = { serial: 'HN-000123', enumerator: 'DTV07', sample: 'reserve', verification: true, spoiled: ['B_criteria.B3'] };
      });
      assert.deepEqual(result.errors, []);
    });
  });

  describe('the response format', () => {
    it('should reject a response that is not an object', () => {
      expectError(validateResponse(sipas2640, 'hello'), 'type', '');
    });

    it('should reject a responseId that is not a UUID', () => {
      expectError(check2640((r) => (r.responseId = 'abc')), 'invalid-format', '/responseId');
    });

    it('should refuse personal data the format has no place for', () => {
      expectError(check2640((r) => Object.assign(r, { ipAddress: '203.0.113.9' })), 'unknown-property', '/ipAddress');
      expectError(check2640((r) => Object.assign(r, { userAgent: 'Mozilla/5.0' })), 'unknown-property', '/userAgent');
    });

    it('should reject an unknown channel and a missing submission time', () => {
      expectError(check2640((r) => Object.assign(r, { channel: 'fax' })), 'not-allowed-value', '/channel');
      expectError(check2640((r) => delete (r as Partial<Response>).submittedAt), 'required', '/submittedAt');
    });

    it('should reject answer keys that cannot be question names', () => {
      expectError(check2640((r) => (r.answers['bad key'] = 'x')), 'invalid-key', '/answers/bad key');
    });
  });

  describe('the envelope', () => {
    it('should reject a response to another questionnaire', () => {
      expectError(check2640((r) => (r.questionnaire.id = 'sipas-1001')), 'questionnaire-mismatch', '/questionnaire/id');
    });

    it('should reject a response to another published version', () => {
      const published = { ...sipas2640, version: 3 };
      const response = { ...online(sipas2640), questionnaire: { id: 'sipas-2640', version: 2 } };
      expectError(validateResponse(published, response), 'version-mismatch', '/questionnaire/version');
    });

    it('should reject a channel the questionnaire does not collect', () => {
      expectError(validateResponse(kioskQuick, online(kioskQuick)), 'channel-not-allowed', '/channel');
    });

    it('should reject unit and service field ids that are not in the lists', () => {
      expectError(check2640((r) => (r.unit = 'no-such-unit')), 'unknown-unit', '/unit');
      expectError(check2640((r) => (r.serviceField = 'no-such-field')), 'unknown-service-field', '/serviceField');
    });

    it('should accept ids that are in the lists, at any level', () => {
      const unitIds: string[] = [];
      const collect = (items: { id: string; children?: unknown[] }[]) =>
        items.forEach((item) => {
          unitIds.push(item.id);
          collect((item.children ?? []) as { id: string }[]);
        });
      collect(sipas2640.sipas!.units!.items);
      assert.ok(unitIds.length >= 3);
      for (const id of unitIds) {
        const result = check2640((r) => {
          r.unit = id;
          delete r.answers.agency_unit;
        });
        assert.deepEqual(result.errors, [], id);
      }
    });

    it('should reject a unit that differs from the one chosen in the agency question', () => {
      const result = check2640((r) => {
        r.unit = sipas2640.sipas!.units!.items[0]!.id;
        r.answers.agency_unit = 'somewhere-else';
      });
      expectError(result, 'unit-mismatch', '/unit');
    });

    it('should reject a start after the submission', () => {
      expectError(check2640((r) => (r.startedAt = '2024-05-18T00:00:00Z')), 'time-order', '/startedAt');
    });
  });

  describe('answers', () => {
    it('should reject answers to questions the questionnaire does not have', () => {
      expectError(check2640((r) => (r.answers.favourite_colour = 'blue')), 'unknown-question', '/answers/favourite_colour');
    });

    it('should reject an answer to an information block', () => {
      const info = sipas2640.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.type === 'info')!;
      expectError(check2640((r) => (r.answers[info.name] = 'x')), 'no-answer-expected', `/answers/${info.name}`);
    });

    it('should reject values outside the scale of a rating and of a likert row', () => {
      expectError(validateResponse(counter3, { ...online(counter3), answers: { ...online(counter3).answers, overall: 5 } }), 'out-of-scale', '/answers/overall');
      expectError(check2640((r) => ((r.answers.A_criteria as Record<string, number>).A1 = 6)), 'out-of-scale', '/answers/A_criteria/A1');
      expectError(check2640((r) => ((r.answers.A_criteria as Record<string, unknown>).A1 = '5')), 'out-of-scale', '/answers/A_criteria/A1');
    });

    it('should reject unknown likert rows and a grid answered with a list', () => {
      expectError(check2640((r) => ((r.answers.A_criteria as Record<string, number>).Z9 = 4)), 'unknown-row', '/answers/A_criteria/Z9');
      expectError(check2640((r) => (r.answers.A_criteria = [4, 5])), 'answer-type', '/answers/A_criteria');
    });

    it('should accept the no-opinion column only where the grid has one', () => {
      const q9 = sipas1001.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.type === 'likert' && q.noOpinion)!;
      const row = (q9 as { rows: { value: string }[] }).rows[0]!.value;
      const base = online(sipas1001);
      const withNa = { ...base, answers: { ...base.answers, [q9.name]: { [row]: 'na' } } };
      assert.deepEqual(validateResponse(sipas1001, withNa).errors, []);
      expectError(check2640((r) => ((r.answers.A_criteria as Record<string, unknown>).A1 = 'na')), 'out-of-scale', '/answers/A_criteria/A1');
    });

    it('should reject a choice that is not offered', () => {
      expectError(check2640((r) => (r.answers.gender = 'unicorn')), 'unknown-choice', '/answers/gender');
      expectError(check2640((r) => (r.answers.gender = ['male'])), 'answer-type', '/answers/gender');
    });

    it('should check multiple-choice lists: known choices, no repeats, the count rule', () => {
      const first = (sipas2640.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.name === 'expectations') as { choices: { value: string }[] }).choices.map((c) => c.value);
      expectError(check2640((r) => (r.answers.expectations = [first[0]!, 'teleportation'])), 'unknown-choice', '/answers/expectations/1');
      expectError(check2640((r) => (r.answers.expectations = [first[0]!, first[0]!])), 'duplicate-item', '/answers/expectations/1');
      expectError(check2640((r) => (r.answers.expectations = first.slice(0, 4))), 'validation-rule', '/answers/expectations');
      expectError(check2640((r) => (r.answers.expectations = 'x')), 'answer-type', '/answers/expectations');
    });

    it('should take "other" text only when "other" is chosen', () => {
      const withOther = check2640((r) => {
        r.answers.expectations = ['other'];
        r.answers['expectations-other'] = 'Mở thêm quầy buổi tối';
      });
      assert.deepEqual(withOther.errors, []);
      expectError(check2640((r) => (r.answers['expectations-other'] = 'x')), 'other-not-chosen', '/answers/expectations-other');
      expectError(check2640((r) => (r.answers['gender-other'] = 'x')), 'unknown-question', '/answers/gender-other');
    });

    it('should check types and formats of text answers', () => {
      const questionnaire: Questionnaire = {
        formatVersion: '1.0',
        id: 'formats',
        title: 'Định dạng',
        pages: [{ name: 'p', sections: [{ name: 's', questions: [
          { type: 'text', name: 'age', title: 'Tuổi', inputType: 'number', validators: [{ type: 'range', min: 18, max: 120 }] },
          { type: 'text', name: 'visit', title: 'Ngày', inputType: 'date' },
          { type: 'text', name: 'mail', title: 'Email', inputType: 'email' },
          { type: 'text', name: 'phone', title: 'Điện thoại', inputType: 'tel' },
          { type: 'text', name: 'code', title: 'Mã hồ sơ', validators: [{ type: 'pattern', pattern: '^[0-9]{6}$', message: { vi: 'Mã hồ sơ gồm 6 chữ số', en: 'Six digits' } }] },
          { type: 'boolean', name: 'again', title: 'Quay lại?' },
        ] }] }],
      };
      const respond = (answers: Response['answers']) =>
        validateResponse(questionnaire, { ...online(questionnaire), answers });
      assert.deepEqual(respond({ age: 30, visit: '2024-02-29', mail: 'a@b.vn', phone: '+84 912 345 678', code: '123456', again: false }).errors, []);
      expectError(respond({ age: '30' }), 'answer-type', '/answers/age');
      expectError(respond({ age: 12 }), 'validation-rule', '/answers/age');
      expectError(respond({ visit: '2023-02-29' }), 'answer-format', '/answers/visit');
      expectError(respond({ visit: '17/05/2024' }), 'answer-format', '/answers/visit');
      expectError(respond({ mail: 'not-an-email' }), 'answer-format', '/answers/mail');
      expectError(respond({ phone: 'call me' }), 'answer-format', '/answers/phone');
      expectError(respond({ again: 'yes' }), 'answer-type', '/answers/again');
      const pattern = respond({ code: '12' });
      expectError(pattern, 'validation-rule', '/answers/code');
      assert.deepEqual(pattern.errors[0]!.message, { vi: 'Mã hồ sơ gồm 6 chữ số', en: 'Six digits' });
    });
  });

  describe('required questions', () => {
    it('should report a required question left blank online', () => {
      const result = validateResponse(counter3, { ...online(counter3), answers: {} });
      expectError(result, 'missing-required', '/answers/overall');
    });

    it('should use the questionnaire\'s own required message', () => {
      const result = validateResponse(kioskQuick, { ...makeResponse(kioskQuick), answers: {} });
      const error = result.errors.find((e) => e.code === 'missing-required')!;
      assert.equal(error.message.vi, 'Xin Ông/Bà chọn một mức đánh giá.');
    });

    it('should not demand answers on paper, where blanks are data', () => {
      const response = { ...online(counter3), channel: 'paper' as const, answers: {} };
      const paperCounter = { ...counter3, sipas: { ...counter3.sipas, survey: { channels: ['paper' as const] } } };
      assert.deepEqual(validateResponse(paperCounter, response).errors, []);
    });

    it('should leave conditionally visible questions to the engine', () => {
      // E-component questions of 2640 are visible only after a "yes" to the feedback filter.
      const result = check2640((r) => {
        delete r.answers.E_criteria;
        delete r.answers.E_satisfaction;
      });
      assert.deepEqual(result.errors, []);
      expectError(check2640((r) => delete r.answers.D_criteria), 'missing-required', '/answers/D_criteria');
    });
  });

  describe('paper metadata', () => {
    it('should belong to the paper channel only', () => {
      expectError(check2640((r) => (r.paper = { serial: '1' })), 'paper-only', '/paper');
    });

    it('should name real items as spoiled, and those must have no answer', () => {
      const paper = (spoiled: string[]) =>
        check2640((r) => {
          r.channel = 'paper';
          r.paper = { serial: 'A-1', spoiled };
        });
      expectError(paper(['nothing_here']), 'unknown-question', '/paper/spoiled/0');
      expectError(paper(['A_criteria.Z9']), 'unknown-question', '/paper/spoiled/0');
      expectError(paper(['A_criteria.A1']), 'spoiled-with-answer', '/paper/spoiled/0');
    });
  });
});
