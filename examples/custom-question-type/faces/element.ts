/**
 * @summary The faces rating in `<sipas-form>`: a row of big faces, saddest first, each a native
 * radio named by its words (the face itself is decoration), so arrows, Space and screen readers
 * work as on any radio group. It wears the form's own rating classes, so the form's stylesheet
 * (and its kiosk mode's larger targets) draws it: no styles of its own, nothing for a strict CSP
 * to refuse.
 * @csspart question - the question frame; question-title, question-description, question-error; choice, choice-label.
 */
import { SipasQuestionElement } from '@sipas/form';
import { faceLevels } from './type.js';

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
