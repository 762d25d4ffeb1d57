import { SipasQuestionElement } from '@sipas/form';
import { faceLevels } from './type.js';

/**
 * The faces rating in `<sipas-form>`: a row of big faces, saddest first (3 or 5 levels), each a
 * native radio named by its words (the face itself is decoration), so arrows, Space and screen
 * readers work as on any radio group. It wears the form's own rating classes, so the form's
 * stylesheet (and its kiosk mode's larger targets) draws it: no styles of its own, nothing for a
 * strict CSP to refuse.
 *
 * It is not placed by hand: index.ts registers the `faces` type with this element, and
 * `<sipas-form>` creates one for each `faces` question and sets `form`, `name` and `number`. It
 * renders into the form's shadow root (it has none of its own), so its parts are styled through the
 * form: `sipas-form::part(...)`.
 *
 * @summary A satisfaction rating as a row of big faces, for the tablet at a one-stop counter.
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart choice - one face
 * @csspart choice-label - a face and its words
 */
export class SipasFaces extends SipasQuestionElement {
  protected override render() {
    const value = this.value;
    return this.renderFrame(
      this.renderChoiceGroup({
        kind: 'radio',
        layout: 'rating faces',
        options: faceLevels(this.question).map((level) => ({ value: level.value, label: this.text(level.text), badge: level.face })),
        isChecked: (option) => option === value,
        onToggle: (option) => this.commit(this.name, option),
      }),
      true,
    );
  }
}
