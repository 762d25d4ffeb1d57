import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectDelimiter, filterFrameByDate, formatCsv, FRAME_HEADERS, normalizeHeader, parseCsv, parseFrameCsv, parseFrameDate, SamplingError } from '@sipas/index';

describe('parseCsv', () => {
  it('should read quoted cells with separators, doubled quotes and line breaks', () => {
    const { records, errors } = parseCsv('id,name,note\r\n1,"Nguyễn Văn A, phường 3","nói ""tốt"""\r\n2,"Trần\nThị B",x\r\n3,C,y\r\n');
    assert.deepEqual(errors, []);
    assert.deepEqual(records, [
      { line: 1, cells: ['id', 'name', 'note'] },
      { line: 2, cells: ['1', 'Nguyễn Văn A, phường 3', 'nói "tốt"'] },
      { line: 3, cells: ['2', 'Trần\nThị B', 'x'] },
      { line: 5, cells: ['3', 'C', 'y'] },
    ]);
  });

  it('should drop a byte-order mark, accept LF, CRLF and CR line ends, and skip blank lines', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    for (const text of ['\uFEFFa,b\n1,2\n\n3,4', 'a,b\r\n1,2\r\n\r\n3,4\r\n', 'a,b\r1,2\r\r3,4\r']) {
      const { records, errors } = parseCsv(text);
      assert.deepEqual(errors, []);
      assert.deepEqual(records.map((record) => record.cells), expected, JSON.stringify(text));
      assert.deepEqual(records.map((record) => record.line), [1, 2, 4]);
    }
  });

  it('should detect the semicolons and tabs that spreadsheets write in some locales', () => {
    assert.equal(detectDelimiter('id;Họ tên;Đơn vị\n1;A;B'), ';');
    assert.equal(detectDelimiter('id\tname\n1\tA'), '\t');
    assert.equal(detectDelimiter('"a;b;c",d\n'), ',');
    assert.equal(detectDelimiter('only'), ',');
    assert.deepEqual(parseCsv('id;tên\n1;"A; B"').records[1]!.cells, ['1', 'A; B']);
  });

  it('should report a quote that is never closed, at the line where it opens', () => {
    const { records, errors } = parseCsv('id,name\n1,A\n2,"Bùi\n3,C\n');
    assert.deepEqual(records.map((record) => record.line), [1, 2]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 3);
    assert.match(errors[0]!.message.en, /never closed/);
    assert.match(errors[0]!.message.vi, /không bao giờ được đóng/);
  });

  it('should report text after a closing quote and keep reading the next lines', () => {
    const { records, errors } = parseCsv('id,name\n1,"A"x\n2,B\n');
    assert.deepEqual(records.map((record) => record.cells[0]), ['id', '2']);
    assert.deepEqual(errors.map((error) => error.line), [2]);
    assert.match(errors[0]!.message.en, /closing quote/);
  });

  it('should keep a quote inside an unquoted cell as text', () => {
    assert.deepEqual(parseCsv('a,b\n5" screen,x').records[1]!.cells, ['5" screen', 'x']);
  });

  it('should read back what formatCsv writes, for any text (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Ư', ' ', ',', ';', '"', '\n', '\r', '\t', 'x', 'đ') });
    const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(records, fc.constantFrom(',' as const, ';' as const, '\t' as const), fc.boolean(), (rows, delimiter, byteOrderMark) => {
        const parsed = parseCsv(formatCsv(rows, { delimiter, byteOrderMark }), delimiter);
        assert.deepEqual(parsed.errors, []);
        assert.deepEqual(
          parsed.records.map((record) => record.cells),
          rows,
        );
      }),
    );
  });
});

describe('parseFrameCsv', () => {
  const vietnameseFrame = [
    '\uFEFFSTT,Mã hồ sơ,Họ và tên,Đơn vị giải quyết,Lĩnh vực,Ngày trả kết quả,Địa chỉ',
    '1,HS-001,Nguyễn Văn An,UBND phường 1,Hộ tịch,17/05/2024,"12 Lê Lợi, phường 1"',
    '2,HS-002,"Công ty TNHH ""Sao Mai""",Sở Kế hoạch và Đầu tư,Đăng ký kinh doanh,2024-05-20,',
    '3,HS-003,Lê Thị Bình,UBND phường 1,Hộ tịch,,',
  ].join('\r\n');

  it('should read a frame with Vietnamese headers and keep every cell', () => {
    const result = parseFrameCsv(vietnameseFrame);
    assert.deepEqual(result.errors, []);
    assert.equal(result.usable, true);
    assert.deepEqual(result.fields, { id: 'Mã hồ sơ', name: 'Họ và tên', unit: 'Đơn vị giải quyết', field: 'Lĩnh vực', receivedAt: 'Ngày trả kết quả' });
    assert.deepEqual(result.columns, ['STT', 'Mã hồ sơ', 'Họ và tên', 'Đơn vị giải quyết', 'Lĩnh vực', 'Ngày trả kết quả', 'Địa chỉ']);
    assert.deepEqual(result.rows[0], {
      id: 'HS-001',
      name: 'Nguyễn Văn An',
      unit: 'UBND phường 1',
      field: 'Hộ tịch',
      receivedAt: '2024-05-17',
      line: 2,
      cells: { STT: '1', 'Mã hồ sơ': 'HS-001', 'Họ và tên': 'Nguyễn Văn An', 'Đơn vị giải quyết': 'UBND phường 1', 'Lĩnh vực': 'Hộ tịch', 'Ngày trả kết quả': '17/05/2024', 'Địa chỉ': '12 Lê Lợi, phường 1' },
    });
    assert.equal(result.rows[1]!.name, 'Công ty TNHH "Sao Mai"');
    assert.equal(result.rows[1]!.receivedAt, '2024-05-20');
    assert.equal(result.rows[2]!.receivedAt, undefined, 'an empty date is allowed; a date window leaves the row out');
  });

  it('should read English headers, headers without diacritics and semicolon-separated files', () => {
    const english = parseFrameCsv('ID,Full name,Unit,Service field,Received at\nA1,Ann,Tax office,Tax,2024-01-31T09:30:00+07:00\n');
    assert.deepEqual(english.errors, []);
    assert.deepEqual(english.rows.map((row) => [row.id, row.name, row.unit, row.field, row.receivedAt]), [['A1', 'Ann', 'Tax office', 'Tax', '2024-01-31']]);
    const plain = parseFrameCsv('ma ho so;ho ten;don vi;ngay tra ket qua\nX;Y;Z;1/2/2024\n');
    assert.deepEqual(plain.errors, []);
    assert.deepEqual([plain.rows[0]!.id, plain.rows[0]!.unit, plain.rows[0]!.receivedAt], ['X', 'Z', '2024-02-01']);
    assert.equal(parseFrameCsv('receivedAt,id\n2024-03-04,1').rows[0]!.receivedAt, '2024-03-04');
  });

  it('should recognise every documented header name', () => {
    for (const [field, names] of Object.entries(FRAME_HEADERS)) {
      for (const name of names) {
        const result = parseFrameCsv(formatCsv([field === 'id' ? [name] : ['id', name]]));
        assert.equal(result.fields[field as keyof typeof result.fields], name, `${field}: ${name}`);
      }
    }
    assert.equal(normalizeHeader('Ngày trả kết quả'), 'ngaytraketqua');
    assert.equal(normalizeHeader('ĐƠN VỊ'), 'donvi');
  });

  it('should refuse a header without an id column, naming the recognised ones', () => {
    const result = parseFrameCsv('Họ tên,Đơn vị\nA,B\n');
    assert.equal(result.usable, false);
    assert.deepEqual(result.rows, []);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]!.line, 1);
    assert.match(result.errors[0]!.message.vi, /Không có cột mã.*"mã hồ sơ"/);
    assert.match(result.errors[0]!.message.en, /no id column/);
  });

  it('should refuse repeated, unnamed and ambiguous columns', () => {
    assert.match(parseFrameCsv('id,unit,unit\n1,a,b').errors[0]!.message.en, /used twice/);
    assert.match(parseFrameCsv('id,,unit\n1,a,b').errors[0]!.message.en, /Column 2 of the header has no name/);
    const ambiguous = parseFrameCsv('id,Đơn vị,Cơ quan\n1,a,b');
    assert.equal(ambiguous.usable, false);
    assert.match(ambiguous.errors[0]!.message.en, /Two columns both mean "unit": "Đơn vị" and "Cơ quan"/);
  });

  it('should refuse an empty file and a header broken by an unclosed quote', () => {
    assert.equal(parseFrameCsv('').usable, false);
    assert.match(parseFrameCsv('\uFEFF\r\n').errors[0]!.message.en, /no header/);
    const broken = parseFrameCsv('"id,name\n1,A\n');
    assert.equal(broken.usable, false);
    assert.equal(broken.errors[0]!.line, 1);
  });

  it('should leave out bad rows and report each at its line', () => {
    const text = [
      'id,name,unit,receivedAt', // 1
      '1,An,A,2024-05-01', // 2
      ',Bình,A,2024-05-02', // 3: no id
      '3,Chi,A,31/02/2024', // 4: no such date
      '4,Dũng,A', // 5: a cell short
      '5,Nguyễn Văn E, phường 3,A,2024-05-03', // 6: an unquoted comma
      '6,"Giang', // 7: never closed
      '7,H,A,2024-05-04',
    ].join('\n');
    const result = parseFrameCsv(text);
    assert.equal(result.usable, true);
    assert.deepEqual(result.rows.map((row) => row.id), ['1']);
    assert.deepEqual(result.errors.map((error) => error.line), [3, 4, 5, 6, 7]);
    const [noId, badDate, short, long, unclosed] = result.errors.map((error) => error.message);
    assert.match(noId!.en, /The id \(column "id"\) is empty/);
    assert.match(badDate!.vi, /Ngày "31\/02\/2024".*không hợp lệ/);
    assert.match(short!.en, /3 cells, fewer than the header's 4 columns/);
    assert.match(long!.en, /5 cells, more than the header's 4 columns/);
    assert.match(unclosed!.en, /never closed/);
  });

  it('should accept empty cells left by trailing separators', () => {
    const result = parseFrameCsv('id,unit\n1,A,,\n2,B,\n');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows.map((row) => row.unit), ['A', 'B']);
  });

  it('should keep a column named like an Object property as a plain cell', () => {
    const result = parseFrameCsv('id,__proto__\n1,x\n');
    assert.deepEqual(Object.keys(result.rows[0]!.cells), ['id', '__proto__']);
    assert.equal(result.rows[0]!.cells['__proto__'], 'x');
  });
});

describe('dates and the date window', () => {
  it('should read ISO and day-first dates and refuse impossible ones', () => {
    assert.equal(parseFrameDate('2024-05-17'), '2024-05-17');
    assert.equal(parseFrameDate('17/05/2024'), '2024-05-17');
    assert.equal(parseFrameDate('7/5/2024'), '2024-05-07');
    assert.equal(parseFrameDate('07-05-2024'), '2024-05-07');
    assert.equal(parseFrameDate('07.05.2024 14:30'), '2024-05-07');
    assert.equal(parseFrameDate('29/02/2024'), '2024-02-29');
    for (const text of ['29/02/2023', '2024-13-01', '32/01/2024', '05/17/24', 'hôm qua', '']) assert.equal(parseFrameDate(text), undefined, text);
  });

  it('should keep the rows within the window, both ends included, and report the others', () => {
    const rows = [
      { id: 'a', receivedAt: '2024-01-01' },
      { id: 'b', receivedAt: '2024-01-15' },
      { id: 'c', receivedAt: '2024-01-31' },
      { id: 'd', receivedAt: '2024-02-01' },
      { id: 'e', receivedAt: '2023-12-31' },
      { id: 'f' },
    ];
    const result = filterFrameByDate(rows, { from: '01/01/2024', to: '2024-01-31' });
    assert.deepEqual(result.rows.map((row) => row.id), ['a', 'b', 'c']);
    assert.deepEqual(result.outside.map((row) => row.id), ['d', 'e']);
    assert.deepEqual(result.undated.map((row) => row.id), ['f']);
    assert.deepEqual(filterFrameByDate(rows, { from: '2024-01-31' }).rows.map((row) => row.id), ['c', 'd']);
    assert.deepEqual(filterFrameByDate(rows, { to: '2023-12-31' }).rows.map((row) => row.id), ['e']);
    assert.equal(filterFrameByDate(rows, {}).rows.length, 6, 'no window keeps every row, dated or not');
  });

  it('should refuse unreadable dates and a window that ends before it starts', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        assert.ok(error instanceof SamplingError);
        return error.code;
      }
    };
    assert.equal(codeOf(() => filterFrameByDate([], { from: '2024-02-30' })), 'invalid-date');
    assert.equal(codeOf(() => filterFrameByDate([], { to: 'tomorrow' })), 'invalid-date');
    assert.equal(codeOf(() => filterFrameByDate([], { from: '2024-03-01', to: '2024-02-01' })), 'invalid-window');
  });
});

describe('frames saved by Excel', () => {
  it('should ignore rows of bare separators and a trailing separator on the header', () => {
    const result = parseFrameCsv('Mã hồ sơ;Họ tên;Đơn vị;\r\nHS-1;Nguyễn Văn A;Sở Tư pháp;\r\nHS-2;Trần Thị B;UBND xã;\r\n;;;\r\n;;;\r\n');
    assert.deepEqual(result.errors, []);
    assert.equal(result.usable, true);
    assert.deepEqual(result.rows.map((row) => row.id), ['HS-1', 'HS-2']);
  });
});
