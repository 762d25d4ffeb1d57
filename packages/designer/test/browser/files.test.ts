/**
 * Opening and saving questionnaire files: every way a file can be wrong gives a located problem,
 * and a saved file reads back as the same document and is what `sipas validate` accepts.
 */
import { expect } from '@open-wc/testing';
import { listQuestions, validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { designChecks } from '../../src/model/design-checks.js';
import { MAX_FILE_BYTES, downloadQuestionnaire, questionnaireFileName, questionnaireJson, readQuestionnaireFile, type FileProblem, type ReadQuestionnaireResult } from '../../src/model/files.js';

const template = (id = 'sipas-2640'): Questionnaire => copyTemplate(id)!;

const fileOf = (content: BlobPart, name = 'phieu.json'): File => new File([content], name, { type: 'application/json' });

/** The problems of a file that must not open. */
function problemsOf(result: ReadQuestionnaireResult): FileProblem[] {
  if (!('errors' in result)) throw new Error('the file opened, but it should not have');
  return result.errors;
}

/** What `sipas validate` does with a file's text (packages/cli: read-documents.ts and validate-command.ts). */
function cliAccepts(text: string): boolean {
  return validateQuestionnaire(JSON.parse(text.replace(/^\uFEFF/, ''))).valid;
}

/** Captures what downloadQuestionnaire hands the browser, without a real download. */
async function captureDownload(questionnaire: Questionnaire): Promise<{ name: string; text: string; type: string; linksLeft: number }> {
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
    downloadQuestionnaire(questionnaire);
  } finally {
    URL.createObjectURL = originalCreate;
    HTMLAnchorElement.prototype.click = originalClick;
  }
  if (!blob) throw new Error('no file was offered for download');
  return { name, text: await blob.text(), type: blob.type, linksLeft: document.querySelectorAll('a[download]').length };
}

describe('questionnaire files', () => {
  describe('opening', () => {
    it('should open a valid questionnaire file', async () => {
      const result = await readQuestionnaireFile(fileOf(JSON.stringify(template())));
      expect(result).to.have.property('questionnaire');
      expect((result as { questionnaire: Questionnaire }).questionnaire.id).to.equal('sipas-2640');
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
      expect(problem!.message.vi).to.contain('dòng 3, cột 3');
      expect(problem!.message.en).to.contain('line 3, column 3');
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

    it('should refuse an object that is not a questionnaire, with the validator’s located errors', async () => {
      const problems = problemsOf(await readQuestionnaireFile(fileOf('{"name": "không phải phiếu"}')));
      expect(problems.length).to.be.greaterThan(0);
      expect(problems.every((problem) => typeof problem.path === 'string' && problem.message.vi && problem.message.en)).to.equal(true);
    });

    it('should locate a question without choices', async () => {
      const questionnaire = template();
      const located = listQuestions(questionnaire).find(({ question }) => question.type === 'single')!;
      delete (located.question as { choices?: unknown }).choices;
      const problems = problemsOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      expect(problems.map((problem) => problem.path)).to.include(`${located.path}/choices`);
    });

    it('should locate a broken expression', async () => {
      const questionnaire = template();
      const located = listQuestions(questionnaire)[3]!;
      located.question.visibleIf = '{A1} = ';
      const [problem] = problemsOf(await readQuestionnaireFile(fileOf(JSON.stringify(questionnaire))));
      expect(problem!.path).to.equal(`${located.path}/visibleIf`);
      expect(problem!.code).to.equal('expression-syntax');
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
      const reopened = await readQuestionnaireFile(fileOf(saved.text, saved.name));
      const { $schema: _schema, ...expected } = questionnaire;
      expect((reopened as { questionnaire: Questionnaire }).questionnaire).to.deep.equal(expected);
    });
  });
});
