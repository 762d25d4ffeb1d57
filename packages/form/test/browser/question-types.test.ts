/**
 * Shared base tests: every built-in question type meets the same bar (title, description,
 * required marker, errors linked with ARIA, keyboard use, one sipas-value-change per user edit and
 * none for programmatic changes, no axe violations).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Answer, Questionnaire, RatingQuestion } from '@sipas/schema';
import { isolated, loadFixture, record, renderForm, type FormHarness } from './harness.js';
import type { SipasValueChangeDetail } from '../../src/index.js';

interface TypeCase {
  name: string;
  type: string;
  title: string;
  description: string;
  /** Answers the question with key presses only, starting from its first control. */
  answerByKeyboard: (form: FormHarness) => Promise<void>;
  expected: Answer;
  /** A valid answer set from a script. */
  programmatic: Answer;
}

const press = (key: string) => sendKeys({ press: key });

const CASES: TypeCase[] = [
  { name: 'q_text', type: 'text', title: 'Nghề nghiệp của Ông/Bà', description: 'Ghi ngắn gọn', answerByKeyboard: async () => { await sendKeys({ type: 'Nông dân' }); await press('Tab'); }, expected: 'Nông dân', programmatic: 'Giáo viên' },
  { name: 'q_comment', type: 'comment', title: 'Góp ý của Ông/Bà', description: 'Không bắt buộc viết dài', answerByKeyboard: async () => { await sendKeys({ type: 'Tốt' }); await press('Tab'); }, expected: 'Tốt', programmatic: 'Nhanh' },
  { name: 'q_single', type: 'single', title: 'Giới tính', description: 'Chọn một', answerByKeyboard: () => press('Space'), expected: 'male', programmatic: 'female' },
  { name: 'q_multiple', type: 'multiple', title: 'Ông/Bà biết thủ tục qua đâu?', description: 'Chọn nhiều', answerByKeyboard: () => press('Space'), expected: ['web'], programmatic: ['friends'] },
  { name: 'q_dropdown', type: 'dropdown', title: 'Lĩnh vực', description: 'Chọn trong danh sách', answerByKeyboard: () => press('ArrowDown'), expected: 'land', programmatic: 'civil' },
  { name: 'q_rating', type: 'rating', title: 'Mức độ hài lòng chung', description: '1 là thấp nhất', answerByKeyboard: async () => { await press('Space'); await press('ArrowRight'); await press('ArrowRight'); }, expected: 3, programmatic: 4 },
  { name: 'q_likert', type: 'likert', title: 'Đánh giá về công chức', description: 'Mỗi dòng một đánh giá', answerByKeyboard: async () => { await press('ArrowRight'); }, expected: { polite: 2 }, programmatic: { polite: 5, helpful: 4 } },
  { name: 'q_boolean', type: 'boolean', title: 'Ông/Bà có phải đi lại nhiều lần không?', description: 'Có hoặc không', answerByKeyboard: async () => { await press('Space'); }, expected: true, programmatic: false },
];

let base: Questionnaire;
before(async () => {
  base = await loadFixture('one-of-each-type');
});

for (const spec of CASES) {
  describe(`question type ${spec.type}`, () => {
    let form: FormHarness;
    beforeEach(async () => {
      form = await renderForm(isolated(base));
    });

    describe('accessibility', () => {
      it('should have no axe violations, also when showing an error', async () => {
        await expect(form.element).shadowDom.to.be.accessible();
        await form.click('submit-button');
        await expect(form.element).shadowDom.to.be.accessible();
      });

      it('should link its errors to its inputs with aria-invalid and aria-describedby', async () => {
        await form.click('submit-button');
        const question = form.question(spec.name);
        const errors = question.querySelector('.errors')!;
        expect(errors.textContent).to.contain('Vui lòng');
        const described = question.querySelectorAll('[aria-invalid="true"]');
        expect(described.length).to.be.greaterThan(0);
        for (const input of described) {
          const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
          expect(ids).to.include(errors.id);
          expect(ids.every((id) => form.root.getElementById(id) !== null)).to.equal(true);
        }
      });
    });

    describe('properties', () => {
      it('should show its title, description and required marker', () => {
        const question = form.question(spec.name);
        expect(question.querySelector('.title')!.textContent).to.contain(spec.title);
        expect(question.querySelector('.description')!.textContent).to.equal(spec.description);
        expect(question.querySelector('.required-marker')!.getAttribute('aria-hidden')).to.equal('true');
        expect(question.querySelector('.title .visually-hidden')!.textContent).to.contain('bắt buộc');
      });

      it('should show an answer set from a script', async () => {
        form.element.data = { [spec.name]: spec.programmatic };
        await form.settled();
        expect(form.element.data[spec.name]).to.deep.equal(spec.programmatic);
        expect(form.errorText(spec.name)).to.equal('');
      });
    });

    describe('events', () => {
      it('should fire sipas-value-change once per user edit', async () => {
        const changes = record<SipasValueChangeDetail>(form.element, 'sipas-value-change');
        form.control(spec.name).focus();
        await spec.answerByKeyboard(form);
        await form.settled();
        expect(form.element.data[spec.name]).to.deep.equal(spec.expected);
        const own = changes.filter((change) => change.name === spec.name);
        expect(own.length).to.be.greaterThan(0);
        expect(own.at(-1)!.value).to.deep.equal(spec.expected);
        // One event per edit: the number of events equals the number of distinct values passed through.
        const distinct = new Set(own.map((change) => JSON.stringify(change.value)));
        expect(own.length).to.equal(distinct.size);
      });

      it('should not fire sipas-value-change for a programmatic change', async () => {
        const changes = record<SipasValueChangeDetail>(form.element, 'sipas-value-change');
        form.element.data = { [spec.name]: spec.programmatic };
        await form.settled();
        expect(changes).to.deep.equal([]);
      });
    });

    describe('keyboard', () => {
      it('should take its answer with the keyboard alone and clear its error', async () => {
        await form.click('submit-button');
        expect(form.errorText(spec.name)).to.not.equal('');
        form.control(spec.name).focus();
        await spec.answerByKeyboard(form);
        await form.settled();
        expect(form.element.data[spec.name]).to.deep.equal(spec.expected);
        if (spec.type !== 'likert') expect(form.errorText(spec.name)).to.equal('');
      });
    });
  });
}

describe('question type info', () => {
  it('should show its text and take no answer', async () => {
    const form = await renderForm(isolated(base));
    const info = form.question('intro');
    expect(info.textContent).to.contain('Phiếu này không thu thập thông tin cá nhân.');
    expect(info.querySelector('input, select, textarea')).to.equal(null);
    await expect(form.element).shadowDom.to.be.accessible();
  });
});

describe('question type rating, drawn as faces', () => {
  const ratingOn = (scale: RatingQuestion['scale']): RatingQuestion => ({ type: 'rating', name: 'mood', title: 'Ông/Bà hài lòng không?', scale, display: 'faces' });
  const facesOf = async (scale: RatingQuestion['scale']) => {
    const questionnaire: Questionnaire = { formatVersion: '1.0', id: `faces-${crypto.randomUUID().slice(0, 8)}`, title: 'Mặt cười', pages: [{ name: 'p1', sections: [{ name: 's1', questions: [ratingOn(scale)] }] }] };
    const form = await renderForm(questionnaire);
    return [...form.question('mood').querySelectorAll('.badge')].map((badge) => badge.textContent);
  };
  const [frown, smile] = ['\u2639\uFE0F', '\u263A\uFE0F'];

  it('should go from sad to happy on the five-level satisfaction scale, with faces older tablets have', async () => {
    expect(await facesOf('satisfaction-5')).to.deep.equal(['😞', frown, '😐', smile, '😃']);
  });

  it("should smile at the middle of the counters' three levels, which counts as satisfied", async () => {
    // Không hài lòng / Hài lòng / Rất hài lòng: "Hài lòng" is satisfied, not neutral.
    expect(await facesOf('satisfaction-3')).to.deep.equal([frown, smile, '😃']);
  });

  it('should keep a neutral middle on a three-level scale whose middle is not satisfied', async () => {
    const levels = ['Kém', 'Trung bình', 'Tốt'].map((text, index) => ({ value: index + 1, text }));
    expect(await facesOf({ levels })).to.deep.equal([frown, '😐', smile]);
    expect(await facesOf({ levels, satisfied: [3] })).to.deep.equal([frown, '😐', smile]);
  });

  it('should spread other scales over the five faces', async () => {
    const scale = (count: number) => ({ levels: Array.from({ length: count }, (_, index) => ({ value: index + 1, text: `Mức ${index + 1}` })) });
    expect(await facesOf(scale(4))).to.deep.equal(['😞', frown, smile, '😃']);
    expect(await facesOf(scale(2))).to.deep.equal(['😞', '😃']);
  });
});
