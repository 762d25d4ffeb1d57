/**
 * What the docs pages of the question elements share. A question element lives only inside a
 * <sipas-form>, so each page shows its element's API (from custom-elements.json) above the stories
 * of its type from question-types.stories.ts, rendered as there. Those stories are listed in the
 * sidebar under Form/Question types already, so on a docs page all but the first are tagged `!dev`
 * (shown on the page, not listed again); the first stays listed, because a docs page takes its own
 * sidebar tags from its file's first story.
 */
import questionTypes from './question-types.stories.js';

/** The question-types stories' args: the form's language, the questionnaire and its answers. */
export type QuestionStoryArgs = Parameters<NonNullable<typeof questionTypes.render>>[0];

/** The story's own args are the form's, not the element's: the element's tables leave them out. */
const notTheElements = { table: { disable: true } };

/** The meta of question-types.stories.ts without its title and component. */
export const questionStoryRendering = {
  args: questionTypes.args,
  beforeEach: questionTypes.beforeEach,
  render: questionTypes.render,
  argTypes: { lang: notTheElements, questionnaire: notTheElements, data: notTheElements },
};
