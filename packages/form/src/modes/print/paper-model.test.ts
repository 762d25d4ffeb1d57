/**
 * The paper model and its skip instructions, without a sheet: numbering, tick lists, the likert
 * grid's row notes, and conditions read as sentences in both languages.
 */
import { expect } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import { counter3, sipas1001, sipas2640 } from '@sipas/templates';
import { paperForm, paperNumbers, type PaperAnswer, type PaperQuestion } from './paper-model.js';
import { describeCondition, skipInstruction, type SkipContext } from './skip-instruction.js';
import type { PaperLanguage } from './print-words.js';

const context = (questionnaire: Questionnaire, language: PaperLanguage = 'vi'): SkipContext => {
  const numbers = paperNumbers(questionnaire);
  return { questionnaire, language, labelOf: (name) => numbers.get(name) };
};

function paperQuestion(questionnaire: Questionnaire, name: string, language: PaperLanguage = 'vi'): PaperQuestion {
  for (const page of paperForm(questionnaire, language).pages) {
    for (const section of page.sections) {
      const found = section.questions.find((question) => question.name === name);
      if (found) return found;
    }
  }
  throw new Error(`no question ${name}`);
}

function answerOf<Kind extends PaperAnswer['kind']>(question: PaperQuestion, kind: Kind): Extract<PaperAnswer, { kind: Kind }> {
  expect(question.answer.kind).to.equal(kind);
  return question.answer as Extract<PaperAnswer, { kind: Kind }>;
}

describe('paper model', () => {
  describe('numbering', () => {
    it('should number every answerable question in order, hidden or not, and leave info text unnumbered', () => {
      const numbers = paperNumbers(sipas2640);
      expect(numbers.get('gender')).to.equal('1');
      expect(numbers.get('feedback_given')).to.equal('16');
      expect(numbers.get('E_criteria')).to.equal('17');
      expect(numbers.has('intro_text')).to.equal(false);
    });

    it('should print the codes when every question has a distinct one', () => {
      const numbers = paperNumbers(sipas1001);
      expect(numbers.get('R1')).to.equal('R1');
      expect(numbers.get('Q9_service')).to.equal('Q9-II');
    });

    it('should number questions even when the screen does not', () => {
      expect(counter3.settings?.questionNumbers).to.equal(false);
      expect(paperNumbers(counter3).get('reason')).to.equal('4');
    });
  });

  describe('answers', () => {
    it('should print "other" once with "ghi rõ", and the questionnaire\'s own words for it', () => {
      expect(answerOf(paperQuestion(sipas2640, 'ethnicity'), 'boxes').other).to.equal('Dân tộc khác (ghi rõ)');
      expect(answerOf(paperQuestion(sipas2640, 'occupation', 'en'), 'boxes').other).to.equal('Other (please specify)');
    });

    it('should mark multiple-choice questions as such', () => {
      expect(paperQuestion(sipas2640, 'expectations').hint).to.equal('(Có thể chọn nhiều ô)');
      expect(paperQuestion(sipas2640, 'gender').hint).to.equal(undefined);
    });

    it('should list service fields in columns and units as a tree', () => {
      const fields = answerOf(paperQuestion(sipas2640, 'service_field_used'), 'boxes');
      expect(fields.boxes).to.have.length(16);
      expect(fields.layout).to.equal(3);
      const units = answerOf(paperQuestion(sipas2640, 'agency_unit'), 'boxes');
      expect(units.boxes.find((box) => box.label.startsWith('Xã Mẫu A1a'))?.depth).to.equal(2);
      expect(units.boxes.every((box) => !box.heading)).to.equal(true);
    });

    it('should print the units above the chosen level as headings without boxes', () => {
      const communes = answerOf(paperQuestion(sipas1001, 'R1'), 'boxes');
      const headings = communes.boxes.filter((box) => box.heading).map((box) => box.label);
      expect(headings).to.have.length(2);
      expect(headings[0]).to.match(/^Tỉnh Mẫu A/);
      expect(communes.boxes.filter((box) => !box.heading)).to.have.length(5);
    });

    it('should give a list too long for paper a line to write the name on', () => {
      const communes = Array.from({ length: 200 }, (_, index) => ({ id: `c${index}`, label: `Xã ${index}`, level: 'commune' }));
      const many: Questionnaire = {
        ...structuredClone(sipas1001),
        sipas: { ...sipas1001.sipas, units: { items: [{ id: 'p', label: 'Tỉnh', level: 'province', children: communes }] } },
      };
      expect(answerOf(paperQuestion(many, 'R1'), 'lines')).to.deep.equal({ kind: 'lines', count: 1, label: 'Ghi rõ' });
    });

    it('should print ratings and yes/no on one line, comments as ruled lines', () => {
      expect(answerOf(paperQuestion(sipas2640, 'overall_satisfaction'), 'boxes').layout).to.equal('inline');
      expect(answerOf(paperQuestion(sipas2640, 'feedback_given', 'en'), 'boxes').boxes.map((box) => box.label)).to.deep.equal(['Yes', 'No']);
      expect(answerOf(paperQuestion(sipas2640, 'comments'), 'lines').count).to.be.greaterThan(1);
    });

    it('should make the likert grid with the no-opinion column and one note per run of rows under the same condition', () => {
      const grid = answerOf(paperQuestion(sipas1001, 'Q9_service'), 'grid');
      expect(grid.codes).to.equal(true);
      expect(grid.levels).to.have.length(6);
      expect(grid.levels.at(-1)).to.equal('Không có ý kiến');
      const notes = grid.lines.flatMap((line) => (line.kind === 'note' ? [line.text] : []));
      expect(notes).to.have.length(2);
      expect(notes[0]).to.match(/^Các dòng S-A1–S-D3: chỉ trả lời nếu ở câu Q8, dòng “Đã thực hiện thủ tục hành chính/);
      expect(notes[1]).to.match(/^Các dòng S-E1–S-E3: /);
      expect(grid.lines.filter((line) => line.kind === 'row')).to.have.length(19);
    });

    it('should leave a gap where a text pipes in an answer', () => {
      const piped: Questionnaire = {
        ...structuredClone(counter3),
        pages: [{ name: 'p', sections: [{ name: 's', questions: [{ type: 'comment', name: 'why', title: 'Vì sao Ông/Bà chọn {overall}?' }] }] }],
      };
      expect(paperQuestion(piped, 'why').title).to.equal('Vì sao Ông/Bà chọn ……?');
    });

    it('should take the agency and period from the survey block', () => {
      const paper = paperForm(sipas2640, 'en');
      expect(paper.agency).to.equal('Ministry of Home Affairs');
      expect(paper.period).to.equal('2017–2020');
      expect(paper.template).to.equal('Form sipas-2640, version 1');
    });
  });
});

describe('skip instructions', () => {
  it('should read a yes/no filter as a sentence, in both languages', () => {
    expect(skipInstruction('{feedback_given} = true', 'question', context(sipas2640))).to.equal('Chỉ trả lời nếu câu 16 là “Có”');
    expect(skipInstruction('{feedback_given} = true', 'question', context(sipas2640, 'en'))).to.equal('Answer only if question 16 is “Yes”');
  });

  it('should name a scale level by its words', () => {
    expect(describeCondition('{overall} = 1', context(counter3))).to.equal('câu 1 là “Không hài lòng”');
  });

  it('should list the levels a comparison lets through, or the ones it does not when that is shorter', () => {
    expect(describeCondition('{overall_satisfaction} <= 2', context(sipas2640))).to.equal('câu 19 là “Rất không hài lòng” hoặc “Không hài lòng”');
    expect(describeCondition('{overall_satisfaction} != 5', context(sipas2640))).to.equal('câu 19 không phải là “Rất hài lòng”');
    expect(describeCondition("{gender} anyof ['male']", context(sipas2640))).to.match(/^câu 1 là “Nam”$/);
  });

  it('should name the question once for a chain of its likert rows', () => {
    expect(describeCondition('{Q8.admin_procedure} = 1 or {Q8.feedback} = 1', context(sipas1001))).to.equal(
      'ở câu Q8, dòng “Đã thực hiện thủ tục hành chính tại cơ quan nhà nước” là “Đã từng / Có” hoặc dòng “Đã phản ánh, kiến nghị với cơ quan nhà nước” là “Đã từng / Có”',
    );
  });

  it('should read choices of a multiple-choice question and blank answers', () => {
    expect(describeCondition("{expectations} contains 'simplify_procedures'", context(sipas2640))).to.match(/^câu 20 có chọn “/);
    expect(describeCondition("{expectations} notcontains 'simplify_procedures'", context(sipas2640, 'en'))).to.match(/^question 20 does not include “/);
    expect(describeCondition('{comments} empty', context(sipas2640))).to.equal('câu 21 để trống');
    expect(describeCondition('{comments} notempty and {feedback_given} = false', context(sipas2640))).to.equal('câu 21 có trả lời và câu 16 là “Không”');
  });

  it('should fall back to a generic instruction that names the questions it depends on', () => {
    expect(describeCondition('{overall_satisfaction} + {A_satisfaction} > 6', context(sipas2640))).to.equal('phù hợp với trường hợp của Ông/Bà (xem câu 19, 9)');
    expect(describeCondition('({gender} = 1 or {age_group} = 2) and {education} = 3', context(sipas2640, 'en'))).to.equal('it applies to you (see questions 1, 2, 4)');
    expect(describeCondition("{channel} = 'paper'", context(sipas2640))).to.equal('phù hợp với trường hợp của Ông/Bà');
    expect(describeCondition('{feedback_given} = ', context(sipas2640))).to.equal('phù hợp với trường hợp của Ông/Bà');
  });
});
