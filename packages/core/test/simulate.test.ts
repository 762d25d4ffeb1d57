import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { templates } from '@sipas/templates';
import { checkResponse, seededRandom, simulateResponse, simulateResponses } from '@sipas/core';

describe('simulated respondents', () => {
  for (const { id, questionnaire } of templates) {
    it(`should answer ${id} in ways the checks accept`, () => {
      for (const response of simulateResponses(questionnaire, 60, { random: seededRandom(7) })) {
        assert.deepEqual(checkResponse(questionnaire, response).errors, [], JSON.stringify(response.answers));
      }
    });
  }

  it('should repeat itself from the same seed and differ with another', () => {
    const [first, second, other] = [1, 1, 2].map((seed) => simulateResponse(templates[0]!.questionnaire, { random: seededRandom(seed) }));
    assert.deepEqual(first!.answers, second!.answers);
    assert.deepEqual(first!.submittedAt, second!.submittedAt);
    assert.notDeepEqual(first!.answers, other!.answers);
  });

  it('should date submissions inside the window, after they were started', () => {
    for (const response of simulateResponses(templates[0]!.questionnaire, 50, { random: seededRandom(3), from: '2024-04-01', to: '2024-06-30' })) {
      assert.ok(response.submittedAt >= '2024-04-01' && response.submittedAt < '2024-07-01', response.submittedAt);
      assert.ok(Date.parse(response.startedAt!) < Date.parse(response.submittedAt));
    }
  });
});
