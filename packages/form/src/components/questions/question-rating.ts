import { resolveScale, type RatingQuestion, type ScaleLevel } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

const FACES_5 = ['😞', '🙁', '😐', '🙂', '😀'];
const FACES_3 = ['🙁', '😐', '🙂'];

/** The big mark on a level's button: its number, a star, or a face from sad to happy. */
function badge(display: RatingQuestion['display'], levels: ScaleLevel[], index: number): string {
  if (display === 'stars') return '★';
  if (display === 'faces') {
    const faces = levels.length === 3 ? FACES_3 : FACES_5;
    return faces[Math.round((index * (faces.length - 1)) / Math.max(1, levels.length - 1))]!;
  }
  return String(levels[index]!.value);
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
    const levels = resolveScale(this.form!.questionnaire, question.scale)?.levels ?? [];
    const value = this.value;
    return this.renderFrame(
      this.renderChoiceGroup({
        kind: 'radio',
        layout: `rating ${question.display ?? 'buttons'}`,
        options: levels.map((level, index) => ({ value: level.value, label: this.text(level.text), badge: badge(question.display, levels, index) })),
        isChecked: (option) => option === value,
        onToggle: (option) => this.commit(this.name, option),
      }),
      true,
    );
  }
}
