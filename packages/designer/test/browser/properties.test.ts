import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QuestionTypeRegistry, questionTypes, validateQuestionnaire, type Choice, type LikertQuestion, type Question, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { createTypeRegistry, defineQuestionType } from '@sipas/core';
import { getIn, insertAt, setIn } from '../../src/model/immutable.js';
import { locate } from '../../src/model/locate.js';
import { DesignerTypeCatalog, designerTypes } from '../../src/model/question-catalog.js';
import { PropertiesHarness } from './properties-harness.js';

/** A key pressed with Alt held, as a person does it. */
async function altPress(key: string): Promise<void> {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Alt' });
}

const sipas2640 = (): Questionnaire => copyTemplate('sipas-2640')!;
const question = (name: string) => ({ kind: 'question' as const, name });
const questionIn = (questionnaire: Questionnaire, name: string) => locate(questionnaire, name)!.element as Question & Record<string, unknown>;

/** sipas-2640 with an extra question (built as the toolbox builds it) at the start of the first section. */
function withQuestion(extra: Question): Questionnaire {
  return insertAt(sipas2640(), ['pages', 0, 'sections', 0, 'questions'], 0, extra);
}

describe('sipas-designer-properties', () => {
  describe('accessibility', () => {
    it('should pass axe for a choice question', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await expect(panel.element).shadowDom.to.be.accessible();
    });

    it('should pass axe for a likert grid with its index component, and for the questionnaire', async () => {
      const likert = await PropertiesHarness.render(sipas2640(), question('A_criteria'));
      await expect(likert.element).shadowDom.to.be.accessible();
      const questionnaire = await PropertiesHarness.render(sipas2640(), { kind: 'questionnaire', name: '' });
      await expect(questionnaire.element).shadowDom.to.be.accessible();
    });

    it('should label every control', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_criteria'));
      const roots = [panel.element.shadowRoot!, ...[...panel.element.shadowRoot!.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
      for (const root of roots) {
        for (const control of root.querySelectorAll('input, select, textarea')) {
          const labelled = control.id !== '' && root.querySelector(`label[for="${control.id}"]`) !== null;
          expect(labelled || control.hasAttribute('aria-label'), control.outerHTML).to.equal(true);
        }
      }
    });
  });

  describe('properties', () => {
    it('should group a question’s fields under Vietnamese legends', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_criteria'));
      expect(panel.legends()).to.deep.equal(['Chung', 'Lựa chọn', 'Logic', 'Kiểm tra hợp lệ', 'Chỉ số SIPAS']);
      expect(panel.labels()).to.include.members(['Tiêu đề', 'Mô tả', 'Bắt buộc trả lời', 'Mã tiêu chí', 'Thuộc thành phần chỉ số']);
    });

    it('should speak English when lang is en', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'), { lang: 'en' });
      expect(panel.legends()).to.deep.equal(['General', 'Choices', 'Logic', 'Validation', 'SIPAS index']);
      expect(panel.labels()).to.include('Title');
    });

    it('should show page, section and questionnaire properties', async () => {
      const page = await PropertiesHarness.render(sipas2640(), { kind: 'page', name: 'respondent' });
      expect(page.labels()).to.include.members(['Tên (dùng trong biểu thức)', 'Tiêu đề', 'Mô tả']);
      expect(await page.expressionEditor('Hiện khi')).to.exist;
      const root = await PropertiesHarness.render(sipas2640(), { kind: 'questionnaire', name: '' });
      expect(root.labels()).to.include.members(['Mã bảng hỏi', 'Tiêu đề', 'Ngôn ngữ của phiếu', 'Hiện thanh tiến độ', 'Đánh số câu hỏi', 'Xóa câu trả lời của câu hỏi bị ẩn']);
    });
  });

  describe('events', () => {
    it('should request an edit that sets the title, without mutating the document', async () => {
      const original = sipas2640();
      const before = JSON.stringify(original);
      const panel = await PropertiesHarness.render(original, question('gender'));
      await panel.type('Tiêu đề', 'Giới tính của Ông/Bà');
      const edit = panel.lastEdit!;
      expect(edit.label).to.equal('Sửa Tiêu đề của gender');
      const next = edit.apply(original);
      expect(JSON.stringify(original)).to.equal(before);
      expect(questionIn(next, 'gender').title).to.deep.equal({ vi: 'Giới tính của Ông/Bà', en: 'Gender' });
      expect(next.pages[0]).to.equal(original.pages[0], 'other pages keep their identity');
    });

    it('should give successive keystrokes in one field the same merge key', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.type('Tiêu đề', 'G');
      await panel.type('Tiêu đề', 'Gi');
      await panel.type('Mô tả', 'x');
      const [first, second, third] = panel.edits;
      expect(first!.mergeKey).to.be.a('string').and.equal(second!.mergeKey);
      expect(third!.mergeKey).to.not.equal(first!.mergeKey);
    });

    it('should not fire an edit when the document changes programmatically', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'), { applyEdits: false });
      panel.element.questionnaire = sipas2640();
      panel.element.lang = 'en';
      await panel.settled();
      expect(panel.edits).to.have.length(0);
    });

    it('should refuse to empty a required title and remove an emptied description', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.type('Tiêu đề', '');
      expect(panel.edits).to.have.length(0);
      expect(panel.control('Tiêu đề').getAttribute('aria-invalid')).to.equal('true');
      expect(panel.errors()).to.include('Không thể xóa bản tiếng Việt khi còn bản dịch khác.');
      await panel.type('Mô tả', 'Chọn một');
      expect(questionIn(panel.questionnaire, 'gender').description).to.equal('Chọn một');
      await panel.type('Mô tả', '');
      expect(questionIn(panel.questionnaire, 'gender')).to.not.have.property('description');
    });

    it('should edit the English text and show the Vietnamese one as a hint', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'), { editLanguage: 'en' });
      expect((panel.control('Tiêu đề') as HTMLInputElement).value).to.equal('Gender');
      expect(panel.text()).to.contain('Bản tiếng Việt: Giới tính');
      await panel.type('Tiêu đề', 'Sex');
      expect(questionIn(panel.questionnaire, 'gender').title).to.deep.equal({ vi: 'Giới tính', en: 'Sex' });
    });

    it('should keep focus in the field being typed into across re-renders', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      const input = panel.control('Mô tả');
      input.focus();
      await sendKeys({ type: 'Nam hay nữ' });
      await panel.settled();
      expect(panel.edits.length).to.be.greaterThan(5);
      expect(panel.focused()).to.equal(input);
      expect(questionIn(panel.questionnaire, 'gender').description).to.equal('Nam hay nữ');
    });
  });

  describe('name', () => {
    it('should ask the shell to rename with a valid, free name', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.commit('Tên (dùng trong biểu thức)', 'gioi_tinh');
      expect(panel.renames).to.deep.equal([{ from: 'gender', to: 'gioi_tinh' }]);
      expect(panel.edits).to.have.length(0);
    });

    it('should refuse invalid and duplicate names with a message', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.commit('Tên (dùng trong biểu thức)', '1gioi');
      expect(panel.errors()).to.include('Tên phải bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, chữ số và dấu gạch dưới (_).');
      await panel.commit('Tên (dùng trong biểu thức)', 'giới');
      await panel.commit('Tên (dùng trong biểu thức)', 'age_group');
      expect(panel.errors()).to.include('Tên “age_group” đã được dùng trong bảng hỏi.');
      expect(panel.control('Tên (dùng trong biểu thức)').getAttribute('aria-invalid')).to.equal('true');
      expect(panel.renames).to.have.length(0);
    });
  });

  describe('expressions', () => {
    it('should hand the expression editor the value and the subject, and write its changes', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('E_criteria'));
      const editor = await panel.expressionEditor('Hiện khi');
      expect(editor.value).to.equal(questionIn(panel.questionnaire, 'E_criteria').visibleIf);
      expect(editor.subject).to.equal('E_criteria');
      await panel.setExpression('Hiện khi', '{feedback_given} = false');
      expect(questionIn(panel.questionnaire, 'E_criteria').visibleIf).to.equal('{feedback_given} = false');
      await panel.setExpression('Hiện khi', undefined);
      expect(questionIn(panel.questionnaire, 'E_criteria')).to.not.have.property('visibleIf');
    });
  });

  describe('choices', () => {
    const choices = (panel: PropertiesHarness) => questionIn(panel.questionnaire, 'gender').choices as Choice[];

    it('should add, edit and remove choices', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.press('Thêm lựa chọn');
      expect(choices(panel).map((c) => c.value)).to.deep.equal(['male', 'female', 1]);
      expect(panel.focused()).to.equal(panel.control('Nội dung của lựa chọn 3'));
      await panel.type('Nội dung của lựa chọn 3', 'Khác');
      await panel.type('Giá trị của lựa chọn 3', 'other_gender');
      expect(choices(panel)[2]).to.deep.equal({ value: 'other_gender', text: 'Khác' });
      await panel.press('Xóa lựa chọn 1');
      expect(choices(panel).map((c) => c.value)).to.deep.equal(['female', 'other_gender']);
      expect(panel.lastEdit!.label).to.equal('Sửa Các lựa chọn của gender');
    });

    it('should reorder with the Up and Down buttons', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      expect(panel.button('Chuyển lựa chọn 1 lên').disabled).to.equal(true);
      await panel.press('Chuyển lựa chọn 1 xuống');
      expect(choices(panel).map((c) => c.value)).to.deep.equal(['female', 'male']);
      await panel.press('Chuyển lựa chọn 2 lên');
      expect(choices(panel).map((c) => c.value)).to.deep.equal(['male', 'female']);
    });

    it('should add pasted lines and flag duplicate values', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.type('Dán nhiều dòng', 'Khác\nmale|Nam (lặp)\n\n');
      await panel.press('Thêm các dòng');
      expect(choices(panel)).to.deep.equal([
        ...(questionIn(sipas2640(), 'gender').choices as Choice[]),
        { value: 1, text: 'Khác' },
        { value: 'male', text: 'Nam (lặp)' },
      ]);
      expect(panel.errors()).to.include('Giá trị trùng với lựa chọn 1.');
      expect(panel.control('Giá trị của lựa chọn 4').getAttribute('aria-invalid')).to.equal('true');
      expect((panel.control('Dán nhiều dòng') as HTMLTextAreaElement).value).to.equal('');
      expect(panel.text()).to.contain('Đã thêm 2 dòng.');
    });

    it('should refuse an empty value without writing it', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      await panel.type('Giá trị của lựa chọn 1', ' ');
      expect(panel.edits).to.have.length(0);
      expect(panel.errors()).to.include('Bắt buộc nhập.');
    });

    it('should edit likert rows with their codes, refusing values that are not names', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_criteria'));
      await panel.type('Mã của dòng 1', 'A1x');
      expect((questionIn(panel.questionnaire, 'A_criteria') as unknown as LikertQuestion).rows[0]!.code).to.equal('A1x');
      const count = panel.edits.length;
      await panel.type('Giá trị của dòng 2', '2A');
      expect(panel.edits).to.have.length(count);
      await panel.type('Dán nhiều dòng', 'A5|Tiêu chí mới|A5');
      await panel.press('Thêm các dòng');
      expect((questionIn(panel.questionnaire, 'A_criteria') as unknown as LikertQuestion).rows.at(-1)).to.deep.equal({ value: 'A5', text: 'Tiêu chí mới', code: 'A5' });
    });
  });

  describe('keyboard', () => {
    it('should reorder choices with Alt+Arrow keys, focus following the row', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      panel.control('Nội dung của lựa chọn 1').focus();
      await altPress('ArrowDown');
      await panel.settled();
      expect((questionIn(panel.questionnaire, 'gender').choices as Choice[]).map((c) => c.value)).to.deep.equal(['female', 'male']);
      expect(panel.focused()).to.equal(panel.control('Nội dung của lựa chọn 2'));
      await altPress('ArrowUp');
      await panel.settled();
      expect((questionIn(panel.questionnaire, 'gender').choices as Choice[]).map((c) => c.value)).to.deep.equal(['male', 'female']);
      expect(panel.focused()).to.equal(panel.control('Nội dung của lựa chọn 1'));
    });

    it('should add and remove a choice with the keyboard only', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      panel.button('Thêm lựa chọn').focus();
      await sendKeys({ press: 'Enter' });
      await panel.settled();
      expect(panel.focused()).to.equal(panel.control('Nội dung của lựa chọn 3'));
      await sendKeys({ type: 'Không muốn nói' });
      await panel.settled();
      panel.button('Xóa lựa chọn 1').focus();
      await sendKeys({ press: 'Space' });
      await panel.settled();
      expect(questionIn(panel.questionnaire, 'gender').choices).to.deep.equal([
        { value: 'female', text: { vi: 'Nữ', en: 'Female' } },
        { value: 1, text: 'Không muốn nói' },
      ]);
      expect(panel.focused()).to.equal(panel.button('Xóa lựa chọn 1'));
    });
  });

  describe('scale', () => {
    it('should choose a standard scale, then levels written in place', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_satisfaction'));
      await panel.choose('Thang đánh giá', 'satisfaction-3');
      expect(questionIn(panel.questionnaire, 'A_satisfaction').scale).to.equal('satisfaction-3');
      expect(panel.text()).to.contain('1 – Không hài lòng');
      await panel.choose('Thang đánh giá', 'Thang riêng (nhập các mức)');
      const scale = questionIn(panel.questionnaire, 'A_satisfaction').scale as { levels: unknown[]; satisfied: unknown[] };
      expect(scale.levels).to.have.length(3);
      expect(scale.satisfied).to.deep.equal([2, 3]);
      await panel.type('Nội dung của mức 1', 'Chưa hài lòng');
      expect(getIn(questionIn(panel.questionnaire, 'A_satisfaction'), ['scale', 'levels', 0, 'text'])).to.deep.equal({ vi: 'Chưa hài lòng', en: 'Dissatisfied' });
      expect(validateQuestionnaire(panel.questionnaire).errors).to.deep.equal([]);
    });

    it('should offer the questionnaire’s own scales and flag an unknown one', async () => {
      const questionnaire = { ...sipas2640(), scales: { 'clean-4': { levels: [1, 2, 3, 4].map((value) => ({ value, text: `Mức ${value}` })) } } };
      const panel = await PropertiesHarness.render(questionnaire, question('A_satisfaction'));
      expect(panel.options('Thang đánh giá')).to.include('clean-4');
      await panel.choose('Thang đánh giá', 'clean-4');
      expect(questionIn(panel.questionnaire, 'A_satisfaction').scale).to.equal('clean-4');
      const dangling = setIn(sipas2640(), [...locate(sipas2640(), 'A_satisfaction')!.path, 'scale'], 'clean-4');
      const missing = await PropertiesHarness.render(dangling, question('A_satisfaction'));
      expect(missing.options('Thang đánh giá')).to.include('clean-4 (không tìm thấy)');
      expect(missing.errors()).to.include('Không có thang “clean-4”.');
    });
  });

  describe('validators', () => {
    const note = designerTypes.get('text')!.create('note');

    it('should add a pattern rule and refuse a bad regular expression', async () => {
      const panel = await PropertiesHarness.render(withQuestion(note), question('note'));
      expect(panel.options('Loại quy tắc mới')).to.deep.equal(['Độ dài (ký tự)', 'Mẫu (biểu thức chính quy)', 'Điều kiện']);
      await panel.choose('Loại quy tắc mới', 'pattern');
      await panel.press('Thêm quy tắc');
      expect(questionIn(panel.questionnaire, 'note').validators).to.deep.equal([{ type: 'pattern', pattern: '^[0-9]+$' }]);
      const count = panel.edits.length;
      await panel.type('Mẫu', '([');
      expect(panel.edits).to.have.length(count);
      expect(panel.errors().some((error) => error.startsWith('Mẫu không hợp lệ:'))).to.equal(true);
      expect(panel.control('Mẫu').getAttribute('aria-invalid')).to.equal('true');
      await panel.type('Mẫu', '^0[0-9]{9}$');
      expect(questionIn(panel.questionnaire, 'note').validators).to.deep.equal([{ type: 'pattern', pattern: '^0[0-9]{9}$' }]);
      await panel.type('Thông báo khi không đạt', 'Số điện thoại chưa đúng');
      await panel.press('Xóa quy tắc 1');
      expect(questionIn(panel.questionnaire, 'note')).to.not.have.property('validators');
    });

    it('should edit bounds and refuse a rule with none', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('expectations'));
      const bounds = () => (questionIn(panel.questionnaire, 'expectations').validators as Record<string, unknown>[]).map(({ message: _m, ...rule }) => rule);
      expect(bounds()).to.deep.equal([{ type: 'count', max: 3 }]);
      await panel.type('Nhỏ nhất', '1');
      await panel.type('Lớn nhất', '');
      expect(bounds()).to.deep.equal([{ type: 'count', min: 1 }]);
      await panel.type('Nhỏ nhất', '');
      expect(panel.errors()).to.include('Cần ít nhất giá trị nhỏ nhất hoặc lớn nhất.');
      await panel.type('Lớn nhất', '1.5');
      expect(panel.errors()).to.include('Nhập một số nguyên.');
      expect(bounds()).to.deep.equal([{ type: 'count', min: 1 }]);
    });
  });

  describe('SIPAS index', () => {
    it('should warn about a code missing from the index model and add the question under a component', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_satisfaction'));
      expect(panel.text()).to.contain('Mã A-S chưa có trong mô hình chỉ số.');
      expect(panel.options('Thuộc thành phần chỉ số')[0]).to.equal('(Không thuộc chỉ số)');
      await panel.choose('Thuộc thành phần chỉ số', 'A');
      const component = panel.questionnaire.sipas!.index!.root.children![0]!;
      expect(component.children!.at(-1)).to.deep.include({ id: 'A-S', source: { question: 'A_satisfaction' } });
      expect(panel.text()).to.not.contain('chưa có trong mô hình chỉ số');
      expect((panel.control('Thuộc thành phần chỉ số') as HTMLSelectElement).selectedOptions[0]!.value).to.equal('A');
      expect(validateQuestionnaire(panel.questionnaire).errors).to.deep.equal([]);
    });

    it('should move a likert grid’s rows to another component and out of the index', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('B_criteria'));
      await panel.choose('Thuộc thành phần chỉ số', 'C');
      const [, b, c] = panel.questionnaire.sipas!.index!.root.children!;
      expect(b!.children).to.deep.equal([]);
      expect(c!.children!.filter((node) => node.source?.question === 'B_criteria').map((node) => node.source!.row)).to.deep.equal(['B1', 'B2', 'B3', 'B4', 'B5']);
      await panel.choose('Thuộc thành phần chỉ số', '(Không thuộc chỉ số)');
      expect(JSON.stringify(panel.questionnaire.sipas!.index)).to.not.contain('"B_criteria"');
    });

    it('should rename the index item with the criterion code, and refuse a bad code', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('A_satisfaction'));
      await panel.choose('Thuộc thành phần chỉ số', 'A');
      await panel.type('Mã tiêu chí', 'A-T');
      expect(questionIn(panel.questionnaire, 'A_satisfaction').code).to.equal('A-T');
      expect(panel.questionnaire.sipas!.index!.root.children![0]!.children!.at(-1)!.id).to.equal('A-T');
      const count = panel.edits.length;
      await panel.type('Mã tiêu chí', 'A T');
      expect(panel.edits).to.have.length(count);
      expect(panel.errors()).to.include('Mã bắt đầu bằng chữ hoặc số, chỉ gồm chữ không dấu, chữ số và các dấu _ . -');
    });

    it('should ask for a code before linking a question without one', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      expect((panel.control('Thuộc thành phần chỉ số') as HTMLSelectElement).disabled).to.equal(true);
      expect(panel.text()).to.contain('Nhập mã tiêu chí để đưa câu hỏi vào chỉ số.');
    });
  });

  describe('custom types', () => {
    before(() => {
      questionTypes.register({
        type: 'faces-test',
        properties: { type: 'object', required: ['levels'], properties: { levels: { enum: [3, 5] }, label: { $ref: '#/$defs/LocalizedString' } } },
      });
    });
    after(() => questionTypes.unregister('faces-test'));

    it('should build a working panel from the type’s schema fragment', async () => {
      const faces = { type: 'faces-test', name: 'mood', title: 'Tâm trạng', levels: 5 } as Question;
      const panel = await PropertiesHarness.render(withQuestion(faces), question('mood'));
      expect(panel.labels()).to.include.members(['Tiêu đề', 'levels', 'label']);
      expect(panel.options('levels')).to.deep.equal(['3', '5']);
      await panel.choose('levels', '3');
      await panel.type('label', 'Khuôn mặt');
      const mood = questionIn(panel.questionnaire, 'mood');
      expect([mood.levels, mood.label]).to.deep.equal([3, 'Khuôn mặt']);
      await expect(panel.element).shadowDom.to.be.accessible();
    });
  });

  describe('custom types of the designer’s own registry', () => {
    /** A registry of its own, as a page passes to <sipas-designer types=…>: the shared one never hears of `stars-own`. */
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType(
      {
        type: 'stars-own',
        schema: {
          properties: { type: 'object', required: ['stars'], properties: { stars: { enum: [5, 10] } } },
          answer: { type: 'integer', minimum: 1, maximum: 10 },
          answerValues: (question) => Array.from({ length: Number((question as { stars?: unknown }).stars) || 5 }, (_, index) => index + 1),
        },
      },
      types,
    );
    const stars = { type: 'stars-own', name: 'stars', title: 'Số sao', stars: 5 } as unknown as Question;

    it('should say the type is unregistered when given only the shared registry', async () => {
      const panel = await PropertiesHarness.render(withQuestion(stars), question('stars'));
      expect(panel.text()).to.contain('Loại câu hỏi “stars-own” chưa được đăng ký');
      expect(panel.labels()).not.to.include('stars');
    });

    it('should build the panel from the registry’s schema fragment and edit it', async () => {
      const panel = await PropertiesHarness.render(withQuestion(stars), question('stars'), { types });
      expect(panel.text()).not.to.contain('chưa được đăng ký');
      expect(panel.labels()).to.include.members(['Tiêu đề', 'stars']);
      expect(panel.options('stars')).to.deep.equal(['5', '10']);
      await panel.choose('stars', '10');
      expect(questionIn(panel.questionnaire, 'stars').stars).to.equal(10);
      expect(validateQuestionnaire(panel.questionnaire, { types: types.schemas }).valid).to.equal(true);
      await expect(panel.element).shadowDom.to.be.accessible();
    });

    it('should take the type’s name from the given catalog, and offer the index link its answer values allow', async () => {
      const catalog = new DesignerTypeCatalog();
      catalog.register({
        type: 'stars-own',
        label: { vi: 'Chấm sao', en: 'Star rating' },
        icon: '☆',
        group: 'scale',
        schema: { allOf: [{ $ref: '#/$defs/AnswerableCommon' }, types.schemas!.get('stars-own')!.properties] },
        create: (name) => ({ ...stars, name }),
      });
      const panel = await PropertiesHarness.render(withQuestion(stars), question('stars'), { types, catalog });
      expect(panel.text()).to.contain('Câu hỏi “stars” (Chấm sao)');
      expect(panel.labels()).to.include('Thuộc thành phần chỉ số');
    });
  });

  describe('focusProperty', () => {
    it('should focus the input of a design check’s path', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), question('gender'));
      expect(await panel.element.focusProperty(['choices', 1, 'value'])).to.equal(true);
      expect(panel.focused()).to.equal(panel.control('Giá trị của lựa chọn 2'));
      expect(await panel.element.focusProperty(['title', 'vi'])).to.equal(true);
      expect(panel.focused()).to.equal(panel.control('Tiêu đề'));
      expect(await panel.element.focusProperty(['nothing'])).to.equal(false);
    });
  });

  describe('questionnaire settings', () => {
    it('should write an unticked progress bar and the languages', async () => {
      const panel = await PropertiesHarness.render(sipas2640(), { kind: 'questionnaire', name: '' });
      await panel.toggle('Hiện thanh tiến độ');
      expect(panel.questionnaire.settings).to.deep.equal({ progressBar: false, questionNumbers: true });
      await panel.toggle('Hiện thanh tiến độ');
      expect(panel.questionnaire.settings).to.deep.equal({ questionNumbers: true });
      await panel.type('Ngôn ngữ của phiếu', 'en');
      expect(panel.errors()).to.include('Danh sách ngôn ngữ phải có vi.');
      await panel.type('Ngôn ngữ của phiếu', 'vi, en, fr');
      expect(panel.questionnaire.locales).to.deep.equal(['vi', 'en', 'fr']);
      expect(panel.lastEdit!.label).to.equal('Sửa Ngôn ngữ của phiếu của bảng hỏi');
    });
  });
});
