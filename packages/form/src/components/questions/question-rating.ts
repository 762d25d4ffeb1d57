import { resolveScale, type RatingQuestion, type Scale } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

/**
 * Saddest to happiest. ☹ and ☺ (with the emoji selector) rather than the 2014 🙁 and 🙂, which
 * the fonts of many older tablets lack and show as a box; the others are Unicode 6.0.
 */
const FROWN = '\u2639\uFE0F';
const SMILE = '\u263A\uFE0F';
const FACES = ['😞', FROWN, '😐', SMILE, '😃'];
const FACES_3 = [FROWN, '😐', SMILE];
/** Three levels of which the upper two count as satisfied (the counters' Không hài lòng / Hài lòng / Rất hài lòng): the middle one smiles. */
const FACES_3_SATISFIED_MIDDLE = [FROWN, SMILE, '😃'];

function facesOf(scale: Scale): string[] {
  const { levels, satisfied } = scale;
  if (levels.length !== 3) return FACES;
  const [low, middle, high] = levels.map((level) => satisfied?.includes(level.value));
  return !low && middle && high ? FACES_3_SATISFIED_MIDDLE : FACES_3;
}

/** The big mark on each level's button: its number, a star, or a face from sad to happy. */
function badges(display: RatingQuestion['display'], scale: Scale): string[] {
  const { levels } = scale;
  if (display === 'stars') return levels.map(() => '★');
  if (display !== 'faces') return levels.map((level) => String(level.value));
  const faces = facesOf(scale);
  return levels.map((_, index) => faces[Math.round((index * (faces.length - 1)) / Math.max(1, levels.length - 1))]!);
}

/**
 * A rating on a scale (1–5 satisfaction by default), as a row of big buttons, stars or faces. Each
 * button is a native radio button named by the level's words, so screen readers read "Hài lòng",
 * not "4".
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `rating` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary A rating on a scale, as a row of big buttons, stars or faces.
 *
 * @tagname sipas-question-rating
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart choice - one level
 * @csspart choice-label - a level's words
 */
export class SipasQuestionRating extends SipasQuestionElement {
  protected override render() {
    const question = this.question as RatingQuestion;
    const scale = resolveScale(this.form!.questionnaire, question.scale) ?? { levels: [] };
    const marks = badges(question.display, scale);
    const value = this.value;
    return this.renderFrame(
      this.renderChoiceGroup({
        kind: 'radio',
        layout: `rating ${question.display ?? 'buttons'}`,
        options: scale.levels.map((level, index) => ({ value: level.value, label: this.text(level.text), badge: marks[index] })),
        isChecked: (option) => option === value,
        onToggle: (option) => this.commit(this.name, option),
      }),
      true,
    );
  }
}
