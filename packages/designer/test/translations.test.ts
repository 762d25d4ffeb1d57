/**
 * The translations table of the designer: which texts it finds, how one locale of a text is
 * edited, and the CSV that goes to translators and comes back.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate, templates } from '@sipas/templates';
import { collectTexts, CSV_BYTE_ORDER_MARK, fromCsv, missing, setText, TextEditError, toCsv } from '../src/model/translations.js';

const FIXTURES = new URL('../../../fixtures/questionnaires/valid/', import.meta.url);

const fixtures = (): [string, Questionnaire][] =>
  readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file, JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Questionnaire]);

/** Freezes a document all the way down, so a function that mutates it throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A small document with a text in every place a text can be. */
function everyKindOfText(): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'all-texts',
    title: { vi: 'Phiếu', en: 'Form' },
    description: 'Mô tả phiếu',
    locales: ['vi', 'en'],
    metadata: { source: 'Nguồn', notes: { vi: 'Ghi chú', en: 'Notes' }, legalBasis: 'not a text' },
    scales: { 'agree-3': { title: 'Đồng ý', levels: [{ value: 1, text: 'Không' }, { value: 2, text: 'Có' }] } },
    sipas: {
      survey: { agency: 'UBND tỉnh', period: { label: 'Năm 2025', from: '2025-01-01' } },
      units: {
        levels: [{ id: 'province', label: 'Tỉnh' }],
        items: [{ id: 'p1', label: 'Tỉnh A', children: [{ id: 'd1', label: 'Huyện B' }] }],
      },
      serviceFields: { items: [{ id: 'land', label: 'Đất đai' }] },
      index: { root: { id: 'ROOT', label: 'Chỉ số', method: 'mean', children: [{ id: 'K1', label: 'Tiêu chí 1', method: 'share', source: { question: 'grid', row: 'r1' } }] } },
    },
    pages: [
      {
        name: 'p1',
        title: 'Trang 1',
        description: 'Mô tả trang',
        sections: [
          {
            name: 's1',
            title: 'Phần 1',
            description: 'Mô tả phần',
            questions: [
              { type: 'info', name: 'intro', text: 'Xin chào' },
              {
                type: 'text',
                name: 'job',
                title: 'Nghề nghiệp',
                description: 'Ghi ngắn',
                placeholder: 'Ví dụ: nông dân',
                requiredMessage: 'Xin ghi nghề nghiệp',
                validators: [{ type: 'length', max: 50, message: 'Quá dài' }, { type: 'length', max: 60 }],
              },
              { type: 'single', name: 'sex', title: 'Giới tính', choices: [{ value: 1, text: 'Nam' }], other: { text: 'Khác, ghi rõ' } },
              { type: 'multiple', name: 'how', title: 'Qua đâu', choices: [{ value: 'web', text: 'Cổng' }], other: true, none: { text: 'Không có' } },
              { type: 'likert', name: 'grid', title: 'Lưới', scale: { title: 'Thang riêng', levels: [{ value: 1, text: 'Kém' }, { value: 2, text: 'Tốt' }] }, rows: [{ value: 'r1', text: 'Hàng 1' }], noOpinion: { text: 'Không ý kiến' } },
              { type: 'boolean', name: 'again', title: 'Đi lại?', labelTrue: 'Có', labelFalse: 'Không' },
              { type: 'signature', name: 'sign', title: 'Chữ ký', caption: { vi: 'Ký tên', en: 'Sign' }, pen: 'blue', hint: 'plain strings of custom types are not known texts' },
            ],
          },
        ],
      },
    ],
  } as unknown as Questionnaire;
}

describe('collectTexts', () => {
  it('should find a text in every place the format has one, in reading order', () => {
    const pointers = collectTexts(everyKindOfText()).map((row) => row.pointer);
    const q = '/pages/0/sections/0/questions';
    assert.deepEqual(pointers, [
      '/title',
      '/description',
      '/metadata/source',
      '/metadata/notes',
      '/sipas/survey/agency',
      '/sipas/survey/period/label',
      '/scales/agree-3/title',
      '/scales/agree-3/levels/0/text',
      '/scales/agree-3/levels/1/text',
      '/pages/0/title',
      '/pages/0/description',
      '/pages/0/sections/0/title',
      '/pages/0/sections/0/description',
      `${q}/0/text`,
      `${q}/1/title`,
      `${q}/1/description`,
      `${q}/1/placeholder`,
      `${q}/1/requiredMessage`,
      `${q}/1/validators/0/message`,
      `${q}/2/title`,
      `${q}/2/choices/0/text`,
      `${q}/2/other/text`,
      `${q}/3/title`,
      `${q}/3/choices/0/text`,
      `${q}/3/none/text`,
      `${q}/4/title`,
      `${q}/4/rows/0/text`,
      `${q}/4/noOpinion/text`,
      `${q}/4/scale/title`,
      `${q}/4/scale/levels/0/text`,
      `${q}/4/scale/levels/1/text`,
      `${q}/5/title`,
      `${q}/5/labelTrue`,
      `${q}/5/labelFalse`,
      `${q}/6/title`,
      `${q}/6/caption`,
      '/sipas/units/levels/0/label',
      '/sipas/units/items/0/label',
      '/sipas/units/items/0/children/0/label',
      '/sipas/serviceFields/items/0/label',
      '/sipas/index/root/label',
      '/sipas/index/root/children/0/label',
    ]);
  });

  it('should give each row its owner element, the field inside it and its texts by locale', () => {
    const rows = collectTexts(everyKindOfText());
    const choice = rows.find((row) => row.pointer.endsWith('/2/choices/0/text'))!;
    assert.deepEqual(choice.owner, { kind: 'question', name: 'sex' });
    assert.deepEqual(choice.field, ['choices', 0, 'text']);
    assert.deepEqual(choice.path, ['pages', 0, 'sections', 0, 'questions', 2, 'choices', 0, 'text']);
    assert.deepEqual(choice.texts, { vi: 'Nam' });
    const notes = rows.find((row) => row.pointer === '/metadata/notes')!;
    assert.deepEqual(notes.owner, { kind: 'questionnaire', name: '' });
    assert.deepEqual(notes.texts, { vi: 'Ghi chú', en: 'Notes' });
    assert.deepEqual(rows.find((row) => row.pointer === '/pages/0/sections/0/title')!.owner, { kind: 'section', name: 's1' });
  });

  it('should return the same rows for the same document and new rows for an edited one', () => {
    const document = everyKindOfText();
    assert.equal(collectTexts(document), collectTexts(document));
    const edited = setText(document, ['title'], 'en', 'Survey');
    assert.notEqual(collectTexts(edited), collectTexts(document));
    assert.equal(collectTexts(edited)[0]!.texts.en, 'Survey');
  });

  it('should read half-valid documents without throwing', () => {
    const broken = { title: 'Phiếu', pages: [null, { name: 'p', sections: 'x' }, { name: 'q', sections: [{ questions: [7, { title: { vi: 1 } }] }] }] };
    assert.deepEqual(
      collectTexts(broken as unknown as Questionnaire).map((row) => row.pointer),
      ['/title'],
    );
    assert.deepEqual(collectTexts(null as unknown as Questionnaire), []);
  });

  it('should list every text of the standard templates', () => {
    const rows = collectTexts(copyTemplate('sipas-2640')!);
    assert.ok(rows.length > 100, `only ${rows.length} texts`);
    assert.equal(new Set(rows.map((row) => row.pointer)).size, rows.length, 'pointers are unique');
  });
});

describe('setText', () => {
  const path = ['pages', 0, 'sections', 0, 'questions', 1, 'title'] as const;

  it('should turn a plain Vietnamese string into {vi, en} when English is added', () => {
    const document = deepFreeze(everyKindOfText());
    const edited = setText(document, path, 'en', 'Occupation');
    assert.deepEqual(edited.pages[0]!.sections[0]!.questions[1]!.title, { vi: 'Nghề nghiệp', en: 'Occupation' });
    assert.equal(document.pages[0]!.sections[0]!.questions[1]!.title, 'Nghề nghiệp', 'the original is untouched');
  });

  it('should keep untouched elements identical (copy on write)', () => {
    const document = everyKindOfText();
    const edited = setText(document, path, 'en', 'Occupation');
    assert.equal(edited.sipas, document.sipas);
    assert.equal(edited.pages[0]!.sections[0]!.questions[0], document.pages[0]!.sections[0]!.questions[0]);
  });

  it('should remove a locale emptied and go back to a plain string when only Vietnamese is left', () => {
    const withEnglish = setText(everyKindOfText(), ['title'], 'fr', 'Formulaire');
    const noEnglish = setText(withEnglish, ['title'], 'en', '');
    assert.deepEqual(noEnglish.title, { vi: 'Phiếu', fr: 'Formulaire' });
    assert.equal(setText(noEnglish, ['title'], 'fr', '').title, 'Phiếu');
  });

  it('should replace the Vietnamese text and keep the translations', () => {
    assert.deepEqual(setText(everyKindOfText(), ['title'], 'vi', 'Phiếu mới').title, { vi: 'Phiếu mới', en: 'Form' });
  });

  it('should return the same document when nothing changes', () => {
    const document = everyKindOfText();
    assert.equal(setText(document, ['title'], 'en', 'Form'), document);
    assert.equal(setText(document, ['description'], 'en', ''), document);
  });

  it('should refuse to empty the Vietnamese text', () => {
    const document = deepFreeze(everyKindOfText());
    for (const empty of ['', '   ']) {
      assert.throws(
        () => setText(document, ['title'], 'vi', empty),
        (error: unknown) => error instanceof TextEditError && error.localized.vi.includes('tiếng Việt'),
      );
    }
  });

  it('should refuse a path that holds no text and a bad locale code', () => {
    const document = everyKindOfText();
    assert.throws(() => setText(document, ['id'], 'en', 'x'), TextEditError, 'an id is not shown to people');
    assert.throws(() => setText(document, ['metadata', 'legalBasis'], 'en', 'x'), TextEditError);
    assert.throws(() => setText(document, ['pages', 9, 'title'], 'en', 'x'), TextEditError);
    assert.throws(() => setText(document, ['title'], 'English', 'x'), TextEditError);
  });
});

describe('missing', () => {
  it('should list the locales a row has no non-blank text for', () => {
    assert.deepEqual(missing({ texts: { vi: 'Có' } }, ['en']), ['en']);
    assert.deepEqual(missing({ texts: { vi: 'Có', en: '  ' } }, ['vi', 'en']), ['en']);
    assert.deepEqual(missing({ texts: { vi: 'Có', en: 'Yes' } }, ['vi', 'en']), []);
  });
});

/** The CSV lines after the byte-order mark, without the final empty one. */
const csvLines = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

describe('toCsv', () => {
  it('should write a byte-order mark, the header pointer,vi,en and CRLF line ends', () => {
    const csv = toCsv(everyKindOfText());
    assert.ok(csv.startsWith(CSV_BYTE_ORDER_MARK));
    const lines = csvLines(csv);
    assert.equal(lines[0], 'pointer,vi,en');
    assert.equal(lines[1], '/title,Phiếu,Form');
    assert.equal(lines[2], '/description,Mô tả phiếu,');
    assert.equal(lines.length, collectTexts(everyKindOfText()).length + 1);
  });

  it('should quote commas, quotes and line breaks (RFC 4180) and keep Vietnamese diacritics', () => {
    const document = setText(everyKindOfText(), ['title'], 'en', 'Form "A", part 1\nline 2');
    const lines = csvLines(toCsv(setText(document, ['title'], 'vi', 'Phiếu, “Hài lòng”')));
    assert.equal(lines[1], '/title,"Phiếu, “Hài lòng”","Form ""A"", part 1\nline 2"');
  });

  it('should neutralise cells a spreadsheet would run as a formula', () => {
    let document = setText(everyKindOfText(), ['title'], 'en', '=HYPERLINK("http://x")');
    document = setText(document, ['description'], 'vi', '-5 điểm');
    document = setText(document, ['description'], 'en', '@SUM(A1)');
    const lines = csvLines(toCsv(document));
    assert.equal(lines[1], `/title,Phiếu,"'=HYPERLINK(""http://x"")"`);
    assert.equal(lines[2], `/description,'-5 điểm,'@SUM(A1)`);
  });

  it('should write the columns of the locales asked for, Vietnamese first', () => {
    assert.equal(csvLines(toCsv(everyKindOfText(), ['en', 'fr']))[0], 'pointer,vi,en,fr');
    const viOnly = { ...everyKindOfText(), locales: ['vi'] };
    assert.equal(csvLines(toCsv(viOnly))[0], 'pointer,vi');
  });
});

describe('fromCsv', () => {
  it('should give back an equal document from its own CSV (every template and fixture)', () => {
    const documents: [string, Questionnaire][] = [...templates.map((t) => [t.id, copyTemplate(t.id)!] as [string, Questionnaire]), ...fixtures(), ['all-texts', everyKindOfText()]];
    assert.ok(documents.length >= 6);
    for (const [name, document] of documents) {
      const result = fromCsv(document, toCsv(document));
      assert.deepEqual(result.errors, [], name);
      assert.equal(result.changed, 0, name);
      assert.equal(result.applied, collectTexts(document).length, name);
      assert.deepEqual(result.questionnaire, document, name);
    }
  });

  it('should round-trip any text, formulas, quotes, line breaks and apostrophes included (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ế', ',', '"', '\n', '\r\n', "'", '=', '-', '+', '@', ' ', ';', '\t'), maxLength: 12 });
    fc.assert(
      fc.property(text.filter((t) => t.trim() !== ''), text, (vi, en) => {
        const document = setText(setText(everyKindOfText(), ['title'], 'vi', vi), ['title'], 'en', en);
        const result = fromCsv(everyKindOfText(), toCsv(document));
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.questionnaire, document);
      }),
    );
  });

  it('should apply edited translations and count them', () => {
    const document = deepFreeze(everyKindOfText());
    const csv = ['pointer,vi,en', '/description,Mô tả phiếu,"Description, with a comma"', '/title,Phiếu,', '/pages/0/title,Trang một,Page one'].join('\r\n');
    const result = fromCsv(document, csv);
    assert.deepEqual(result.errors, []);
    assert.equal(result.applied, 3);
    assert.equal(result.changed, 4);
    assert.deepEqual(result.questionnaire.description, { vi: 'Mô tả phiếu', en: 'Description, with a comma' });
    assert.equal(result.questionnaire.title, 'Phiếu', 'an empty English cell removes the translation');
    assert.deepEqual(result.questionnaire.pages[0]!.title, { vi: 'Trang một', en: 'Page one' });
  });

  it('should read a file saved with semicolons, LF line ends and no byte-order mark', () => {
    const result = fromCsv(everyKindOfText(), 'pointer;vi;en\n/description;Mô tả phiếu;"A; B"\n');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.questionnaire.description, { vi: 'Mô tả phiếu', en: 'A; B' });
  });

  it('should report each bad line with its line number and apply the good ones', () => {
    const csv = [
      'pointer,vi,en', // 1
      '/pages/9/title,Không có,None', // 2 unknown pointer
      '/id,all-texts,', // 3 not a text
      '/title,,Form', // 4 empty Vietnamese
      '/description,"Mô tả ""đa', // 5 a cell spanning lines
      'dòng""",Multi-line', // 6
      '/pages/0/title,Trang 1,Page 1', // 7 good
      '/pages/0/title,Trang 1,Again', // 8 repeated
      '/pages/0/description,Mô "tả",Description', // 9 quote inside an unquoted cell
      '/metadata/source,"Nguồn"x,Source', // 10 characters after a closing quote
      '/metadata/notes,Ghi chú', // 11 a cell missing
    ].join('\r\n');
    const result = fromCsv(deepFreeze(everyKindOfText()), csv);
    assert.deepEqual(
      result.errors.map((error) => error.line),
      [2, 3, 4, 8, 9, 10, 11],
    );
    for (const error of result.errors) assert.ok(error.message.vi && error.message.en, 'both languages');
    assert.match(result.errors[0]!.message.en, /not in the questionnaire/);
    assert.match(result.errors[1]!.message.en, /not a text/);
    assert.match(result.errors[2]!.message.vi, /tiếng Việt/);
    assert.match(result.errors[3]!.message.en, /line 7/);
    assert.equal(result.applied, 2);
    assert.deepEqual(result.questionnaire.description, { vi: 'Mô tả "đa\r\ndòng"', en: 'Multi-line' });
    assert.deepEqual(result.questionnaire.pages[0]!.title, { vi: 'Trang 1', en: 'Page 1' });
    assert.equal(result.questionnaire.metadata!.source, 'Nguồn', 'a refused line changes nothing');
  });

  it('should report a quoted cell that is never closed at the line it starts on', () => {
    const result = fromCsv(everyKindOfText(), 'pointer,vi,en\n/title,Phiếu,Form\n/description,"Mô tả\nrest of file');
    assert.equal(result.applied, 1);
    assert.deepEqual(result.errors.map((error) => error.line), [3]);
    assert.match(result.errors[0]!.message.en, /never closed/);
  });

  it('should apply nothing when the header is missing or wrong', () => {
    const document = everyKindOfText();
    const cases = [
      '/title,Phiếu mới,New form\r\n/description,Mô tả,Description',
      'path,vi,en\r\n/title,Phiếu mới,New form',
      'pointer,vi,English\r\n/title,Phiếu mới,New form',
      'pointer,vi,vi\r\n/title,Phiếu mới,New form',
      'pointer\r\n/title',
      '"pointer,vi,en\r\n/title,Phiếu mới,New form',
      '',
      CSV_BYTE_ORDER_MARK,
    ];
    for (const csv of cases) {
      const result = fromCsv(document, csv);
      assert.equal(result.questionnaire, document, JSON.stringify(csv));
      assert.equal(result.applied, 0);
      assert.equal(result.errors.length, 1, JSON.stringify(csv));
      assert.equal(result.errors[0]!.line, 1);
    }
  });
});
