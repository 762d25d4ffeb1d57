/**
 * Opening and saving questionnaire files: every way a file can be wrong gives a located problem,
 * a saved file reads back as the same document (work in progress included) and a valid one is
 * what `sipas validate` accepts.
 */
import { expect } from '@open-wc/testing';
import { listQuestions, validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { designChecks } from '../../src/model/design-checks.js';
import { addPage } from '../../src/model/operations.js';
import {
  MAX_FILE_BYTES,
  downloadFile,
  downloadQuestionnaire,
  questionnaireFileName,
  questionnaireJson,
  readQuestionnaireFile,
  type FileProblem,
  type ReadQuestionnaireResult,
} from '../../src/model/files.js';

const template = (id = 'sipas-2640'): Questionnaire => copyTemplate(id)!;

const fileOf = (content: BlobPart, name = 'phieu.json'): File => new File([content], name, { type: 'application/json' });

/** The problems of a file that must not open. */
function problemsOf(result: ReadQuestionnaireResult): FileProblem[] {
  if (!('errors' in result)) throw new Error('the file opened, but it should not have');
  return result.errors;
}

/** The document a file opened as, with its validation problems. */
function openedOf(result: ReadQuestionnaireResult): { questionnaire: Questionnaire; problems: { path: string; code: string }[] } {
  if ('errors' in result) throw new Error(`the file did not open: ${result.errors.map((error) => `${error.path} ${error.message.en}`).join('; ')}`);
  return result;
}

/** What `sipas validate` does with a file's text (packages/cli: read-documents.ts and validate-command.ts). */
function cliAccepts(text: string): boolean {
  return validateQuestionnaire(JSON.parse(text.replace(/^\uFEFF/, ''))).valid;
}

/** Captures what a download hands the browser, without a real download. */
async function captureDownload(start: Questionnaire | (() => void)): Promise<{ name: string; text: string; type: string; linksLeft: number }> {
  const originalCreate = URL.createObjectURL;
  const originalClick = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return originalCreate.call(URL, object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    if (typeof start === 'function') start();
    else downloadQuestionnaire(start);
  } finally {
    URL.createObjectURL = originalCreate;
    HTMLAnchorElement.prototype.click = originalClick;
  }
  if (!blob) throw new Error('no file was offered for download');
  return { name, text: await blob.text(), type: blob.type, linksLeft: document.querySelectorAll('a[download]').length };
}

describe('questionnaire files', () => {
  describe('opening', () => {
    it('should open a valid questionnaire file, with no problems', async () => {
      const opened = openedOf(await readQuestionnaireFile(fileOf(JSON.stringify(template()))));
      expect(opened.questionnaire.id).to.equal('sipas-2640');
      expect(opened.problems).to.deep.equal([]);
    });

    it('should open a file with a byte order mark, as Windows editors save it', async () => {
      const result = await readQuestionnaireFile(fileOf(`\uFEFF${JSON.stringify(template('kiosk-quick'))}`));
      expect(result).to.have.property('questionnaire');
    });

    it('should open a valid document that has only design warnings', async () => {
      const questionnaire = template('kiosk-quick');
      questionnaire.title = 'Chỉ có tiếng Việt';
      expect(designChecks(questionnaire).some((check) => check.severity === 'warning')).to.equal(true);
      const result = await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire)));
      expect(result).to.have.property('questionnaire');
    });

    it('should refuse a file over 5 MB before reading it', async () => {
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf(new Uint8Array(MAX_FILE_BYTES + 1))));
      expect(problem!.code).to.equal('too-big');
      expect(problem!.path).to.equal('');
      expect(problem!.message.vi).to.contain('5 MB');
      expect(problem!.message.en).to.contain('too big');
    });

    it('should locate a JSON syntax error by line and column', async () => {
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf('{\n  "id": "x",\n  oops\n}')));
      expect(problem!.code).to.equal('not-json');
      expect(problem!.line).to.equal(3);
      expect(problem!.column).to.equal(3);
      expect(problem!.offset).to.equal(17);
      expect(problem!.message.vi).to.equal('Lỗi cú pháp JSON ở dòng 3, cột 3: tên thuộc tính phải nằm trong dấu ngoặc kép');
      expect(problem!.message.en).to.equal('JSON syntax error at line 3, column 3: a property name must be in double quotes');
    });

    it('should locate a syntax error in a file with a byte order mark', async () => {
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf('\uFEFF{\n  "id": "x",,\n}')));
      expect([problem!.line, problem!.column, problem!.offset]).to.deep.equal([2, 13, 14]);
    });

    it('should locate a file cut short at its end', async () => {
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf('{\n  "id": "x",')));
      expect(problem!.code).to.equal('not-json');
      expect(problem!.line).to.equal(2);
    });

    it('should say an empty file is empty', async () => {
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf('  \n')));
      expect(problem!.code).to.equal('empty');
    });

    it('should refuse JSON that is not an object', async () => {
      for (const content of ['[1, 2]', '"phiếu"', 'null', '42']) {
        const [problem] = problemsOf(await readQuestionnaireFile(fileOf(content)));
        expect(problem!.code, content).to.equal('not-object');
      }
    });

    it('should refuse an object that is not a questionnaire, saying where its pages belong', async () => {
      const [problem, ...rest] = problemsOf(await readQuestionnaireFile(fileOf('{"name": "không phải phiếu"}')));
      expect(rest).to.deep.equal([]);
      expect(problem).to.deep.include({ path: '/pages', code: 'shape' });
      expect(problem!.message.vi).to.contain('"pages"');
      expect(problem!.message.en).to.contain('"pages"');
    });

    it('should refuse a document the designer could not render, with every place located', async () => {
      const questionnaire = template('kiosk-quick') as unknown as { pages: Record<string, unknown>[] };
      delete questionnaire.pages[0]!.sections;
      questionnaire.pages.push({ name: 'p-moi', sections: [{ name: 's-moi', questions: [{ name: 'q-moi' }, 'câu hỏi'] }] });
      const problems = problemsOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      const last = questionnaire.pages.length - 1;
      expect(problems.map((problem) => problem.path)).to.deep.equal(['/pages/0/sections', `/pages/${last}/sections/0/questions/0/type`, `/pages/${last}/sections/0/questions/1`]);
      expect(problems.every((problem) => problem.code === 'shape' && problem.message.vi !== '' && problem.message.en !== '')).to.equal(true);
    });

    it('should open a question without choices, locating the problem for the designer to show', async () => {
      const questionnaire = template();
      const located = listQuestions(questionnaire).find(({ question }) => question.type === 'single')!;
      delete (located.question as { choices?: unknown }).choices;
      const opened = openedOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      expect(opened.questionnaire).to.deep.equal(questionnaire);
      expect(opened.problems.map((problem) => problem.path)).to.include(`${located.path}/choices`);
    });

    it('should open a broken expression, locating it', async () => {
      const questionnaire = template();
      const located = listQuestions(questionnaire)[3]!;
      located.question.visibleIf = '{A1} = ';
      const { problems } = openedOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      expect(problems[0]).to.deep.include({ path: `${located.path}/visibleIf`, code: 'expression-syntax' });
    });

    it('should open a question of a type no one has registered yet, locating it', async () => {
      const questionnaire = template('kiosk-quick');
      (questionnaire.pages[0]!.sections[0]!.questions[0] as { type: string }).type = 'chu-ky';
      const { problems } = openedOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      expect(problems.map((problem) => problem.path).some((path) => path.startsWith('/pages/0/sections/0/questions/0'))).to.equal(true);
    });
  });

  describe('saving', () => {
    it('should name the file by id and version', () => {
      expect(questionnaireFileName({ ...template(), version: 3 })).to.equal('sipas-2640-v3.json');
      expect(questionnaireFileName(template())).to.equal('sipas-2640.json');
    });

    it('should make a file name any file system takes from a document being designed', () => {
      expect(questionnaireFileName({ ...template(), id: 'phiếu/mới: Đợt 2?' })).to.equal('phieu-moi-Dot-2.json');
      expect(questionnaireFileName({ ...template(), id: '' })).to.equal('phieu-khao-sat.json');
      expect(questionnaireFileName({ ...template(), id: 'CON' })).to.equal('CON-phieu.json');
      expect(questionnaireFileName({ ...template(), id: '..' })).to.equal('phieu-khao-sat.json');
    });

    it('should write two-space JSON with a final newline, without the repository’s schema path', () => {
      // As in the repository's questionnaires/ folder, from which a file may be opened.
      const questionnaire = { ...template(), $schema: '../../../schemas/questionnaire.schema.json' };
      const text = questionnaireJson(questionnaire);
      expect(text.endsWith('}\n')).to.equal(true);
      expect(text.startsWith('{\n  "formatVersion"')).to.equal(true);
      expect(Object.hasOwn(JSON.parse(text) as object, '$schema')).to.equal(false);
      expect(questionnaire.$schema, 'the document itself is unchanged').to.equal('../../../schemas/questionnaire.schema.json');
    });

    it('should keep a schema given as a URL', () => {
      const questionnaire = { ...template(), $schema: 'https://example.gov.vn/schemas/questionnaire.schema.json' };
      expect(JSON.parse(questionnaireJson(questionnaire)).$schema).to.equal(questionnaire.$schema);
    });

    it('should download a file that reads back as the same document and that sipas validate accepts', async () => {
      const questionnaire: Questionnaire = { ...template(), version: 2, $schema: '../../../schemas/questionnaire.schema.json' };
      const saved = await captureDownload(questionnaire);
      expect(saved.name).to.equal('sipas-2640-v2.json');
      expect(saved.type).to.equal('application/json');
      expect(saved.linksLeft, 'the temporary link is removed').to.equal(0);
      expect(saved.text).to.equal(questionnaireJson(questionnaire));
      expect(cliAccepts(saved.text)).to.equal(true);
      const reopened = openedOf(await readQuestionnaireFile(fileOf(saved.text, saved.name)));
      const { $schema: _schema, ...expected } = questionnaire;
      expect(reopened.questionnaire).to.deep.equal(expected);
      expect(reopened.problems).to.deep.equal([]);
    });

    it('should open again a saved work in progress that the validator does not accept yet (a new empty page)', async () => {
      const { questionnaire } = addPage(template('kiosk-quick'));
      expect(validateQuestionnaire(questionnaire).valid, 'work in progress').to.equal(false);
      const saved = await captureDownload(questionnaire);
      const reopened = openedOf(await readQuestionnaireFile(fileOf(saved.text, saved.name)));
      expect(reopened.questionnaire).to.deep.equal(questionnaire);
      expect(reopened.problems.map((problem) => problem.path)).to.deep.equal(validateQuestionnaire(questionnaire).errors.map((error) => error.path));
    });

    it('should download any text as a file of the given type', async () => {
      const saved = await captureDownload(() => downloadFile('ban-dich.csv', 'text/csv;charset=utf-8', 'khoa,vi,en\nA1,Hài lòng,Satisfied\n'));
      expect(saved.name).to.equal('ban-dich.csv');
      expect(saved.type).to.equal('text/csv;charset=utf-8');
      expect(saved.text).to.equal('khoa,vi,en\nA1,Hài lòng,Satisfied\n');
      expect(saved.linksLeft, 'the temporary link is removed').to.equal(0);
    });
  });
});
