/**
 * Every built-in question type inside <sipas-form>, each in its states: empty, answered (through
 * `data`), error shown (after `validate()`) and disabled (an `enableIf` waiting for another answer).
 * The questions come from the shared fixture one-of-each-type.json (all required, with descriptions).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Answer, Question, Questionnaire } from '@sipas/schema';
import oneOfEachTypeJson from '../../../fixtures/questionnaires/valid/one-of-each-type.json';
import '../src/index.js';
import { freshDevice, shownForm } from './story-helpers.js';

type QuestionArgs = {
  lang: 'vi' | 'en';
  questionnaire: Questionnaire;
  data?: Record<string, Answer>;
};
type Story = StoryObj<QuestionArgs>;

const fixture = oneOfEachTypeJson as unknown as Questionnaire;
const fixtureQuestions: Question[] = fixture.pages.flatMap((page) => page.sections.flatMap((section) => section.questions));

function fixtureQuestion(type: string): Question {
  const question = fixtureQuestions.find((candidate) => candidate.type === type);
  if (!question) throw new Error(`one-of-each-type.json has no "${type}" question`);
  return question;
}

/** A yes/no question the disabled stories' question waits for. */
const UNLOCK: Question = { type: 'boolean', name: 'unlock', title: { vi: 'Mở khóa câu hỏi bên dưới?', en: 'Unlock the question below?' } };

/** A one-page questionnaire with the fixture's question of `type`; `disabled` puts it behind UNLOCK. */
function questionnaireFor(type: string, disabled = false): Questionnaire {
  const question = fixtureQuestion(type);
  const questions: Question[] = disabled ? [UNLOCK, { ...question, enableIf: '{unlock} = true' } as Question] : [question];
  return {
    ...fixture,
    id: `story-${type}${disabled ? '-disabled' : ''}`,
    settings: { progressBar: false },
    pages: [{ name: 'only_page', title: fixture.pages[0]!.title, sections: [{ name: 'question', questions }] }],
  };
}

const meta: Meta<QuestionArgs> = {
  title: 'Form/Question types',
  component: 'sipas-form',
  args: { lang: 'vi' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the form (`lang` attribute)' },
    questionnaire: { control: false },
    data: { control: 'object', description: 'The answers (`data` property)' },
  },
  beforeEach: freshDevice,
  render: ({ lang, questionnaire, data }) => html`<sipas-form lang=${lang} .data=${data ?? {}} .questionnaire=${questionnaire}></sipas-form>`,
};
export default meta;

const empty = (type: string): Story => ({ args: { questionnaire: questionnaireFor(type) } });

const answered = (type: string, answer: Answer): Story => ({
  args: { questionnaire: questionnaireFor(type), data: { [fixtureQuestion(type).name]: answer } },
});

const errorShown = (type: string): Story => ({
  args: { questionnaire: questionnaireFor(type) },
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    await expect(form.validate()).toBe(false);
    await waitFor(() => expect(form.shadowRoot!.querySelector('[part~="question-error"]')).toBeTruthy());
  },
});

const disabled = (type: string): Story => ({ args: { questionnaire: questionnaireFor(type, true) } });

export const TextEmpty = empty('text');
export const TextAnswered = answered('text', 'Kỹ sư xây dựng');
export const TextError = errorShown('text');
export const TextDisabled = disabled('text');

export const CommentEmpty = empty('comment');
export const CommentAnswered = answered('comment', 'Cán bộ hướng dẫn tận tình.\nNên có thêm chỗ ngồi chờ.');
export const CommentError = errorShown('comment');
export const CommentDisabled = disabled('comment');

export const SingleEmpty = empty('single');
export const SingleAnswered = answered('single', 'female');
export const SingleError = errorShown('single');
export const SingleDisabled = disabled('single');

export const MultipleEmpty = empty('multiple');
export const MultipleAnswered = answered('multiple', ['web', 'friends']);
export const MultipleError = errorShown('multiple');
export const MultipleDisabled = disabled('multiple');

export const DropdownEmpty = empty('dropdown');
export const DropdownAnswered = answered('dropdown', 'civil');
export const DropdownError = errorShown('dropdown');
export const DropdownDisabled = disabled('dropdown');

export const RatingEmpty = empty('rating');
export const RatingAnswered = answered('rating', 4);
export const RatingError = errorShown('rating');
export const RatingDisabled = disabled('rating');

export const LikertEmpty = empty('likert');
export const LikertAnswered = answered('likert', { polite: 5, helpful: 4 });
export const LikertError = errorShown('likert');
export const LikertDisabled = disabled('likert');

export const BooleanEmpty = empty('boolean');
export const BooleanAnswered = answered('boolean', false);
export const BooleanError = errorShown('boolean');
export const BooleanDisabled = disabled('boolean');

/** Information text: nothing to answer, so it has no other states. */
export const Info = empty('info');
