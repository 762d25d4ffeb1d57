import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { listQuestions, validateQuestionnaire, type IndexNode, type Questionnaire } from '@sipas/schema';
import { copyTemplate, counter3, kioskQuick, sipas1001, sipas2640, templates } from '@sipas/templates';

const questionnairesDir = new URL('../questionnaires/', import.meta.url);

/** Leaf ids of an index tree, depth first. */
function leafIds(node: IndexNode): string[] {
  return node.children ? node.children.flatMap(leafIds) : [node.id];
}

/** Every localized text of a document (any object holding a "vi" string). */
function localizedTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.vi === 'string') return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localizedTexts(item, `${path}/${key}`));
}

/** Criterion codes of the likert rows of a questionnaire, in document order. */
function rowCodes(questionnaire: Questionnaire): string[] {
  return listQuestions(questionnaire).flatMap(({ question }) =>
    question.type === 'likert' ? ((question as { rows: { code?: string }[] }).rows.map((r) => r.code).filter(Boolean) as string[]) : [],
  );
}

describe('@sipas/templates', () => {
  it('should export every questionnaire file, each under its own id', () => {
    const files = readdirSync(questionnairesDir).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(templates.map((t) => t.file), files);
    for (const entry of templates) {
      const fromFile = JSON.parse(readFileSync(new URL(entry.file, questionnairesDir), 'utf8'));
      delete fromFile.$schema;
      assert.deepEqual(entry.questionnaire, fromFile, entry.file);
      assert.equal(entry.id, fromFile.id);
    }
  });

  for (const { id, questionnaire } of templates) {
    describe(id, () => {
      it('should be a valid questionnaire', () => {
        assert.deepEqual(validateQuestionnaire(questionnaire).errors, []);
      });

      it('should carry an index model', () => {
        assert.ok(questionnaire.sipas?.index?.root, 'no index model');
      });

      it('should have every text in Vietnamese and English', () => {
        const texts = localizedTexts(questionnaire);
        assert.ok(texts.length > 5);
        for (const { path, text } of texts) assert.ok(typeof text.en === 'string' && text.en.length > 0, `no English at ${path}`);
      });
    });
  }

  describe('SIPAS 2017–2020 (2640)', () => {
    const expected = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'D1', 'D2', 'D3', 'E1', 'E2', 'E3', 'E4'];

    it('should ask the 22 criteria A1–E4 in order', () => {
      assert.deepEqual(rowCodes(sipas2640), expected);
    });

    it('should compute the index as the mean of five components of their criteria', () => {
      const root = sipas2640.sipas!.index!.root;
      assert.equal(root.method ?? 'mean', 'mean');
      assert.deepEqual(root.children!.map((c) => c.id), ['A', 'B', 'C', 'D', 'E']);
      for (const component of root.children!) {
        assert.deepEqual(leafIds(component), expected.filter((code) => code.startsWith(component.id)));
      }
    });

    it('should say that its wording is reconstructed and must be verified', () => {
      assert.equal(sipas2640.metadata?.status, 'reconstructed');
      assert.match(sipas2640.metadata?.legalBasis ?? '', /2640\/QĐ-BNV/);
    });
  });

  describe('SIPAS 2023–2026 (1001)', () => {
    it('should ask the 19 service items S-A1 to S-E3 and the policy items P1 to P14', () => {
      const codes = rowCodes(sipas1001);
      const services = ['S-A1', 'S-A2', 'S-A3', 'S-A4', 'S-B1', 'S-B2', 'S-B3', 'S-B4', 'S-C1', 'S-C2', 'S-C3', 'S-C4', 'S-C5', 'S-D1', 'S-D2', 'S-D3', 'S-E1', 'S-E2', 'S-E3'];
      for (const code of [...services, ...Array.from({ length: 14 }, (_, i) => `P${i + 1}`)]) assert.ok(codes.includes(code), code);
    });

    it('should index policies (I) and services (II) and every satisfaction item', () => {
      const root = sipas1001.sipas!.index!.root;
      assert.deepEqual(root.children!.map((c) => c.id), ['I', 'II']);
      const leaves = leafIds(root);
      for (const code of rowCodes(sipas1001).filter((c) => /^(P\d+|S-)/.test(c))) assert.ok(leaves.includes(code), code);
    });

    it('should name its questions Q1–Q11 after the official form', () => {
      const names = listQuestions(sipas1001).map(({ question }) => question.name);
      for (const n of ['Q1', 'Q2', 'Q3', 'Q8', 'Q10', 'Q11']) assert.ok(names.includes(n), n);
    });
  });

  describe('the one-stop counter rating and the kiosk form', () => {
    it('should rate the counter on the 3-level scale with faces', () => {
      const ratings = listQuestions(counter3).filter(({ question }) => question.type === 'rating').map(({ question }) => question as { scale: unknown; display?: string });
      assert.ok(ratings.length >= 2);
      for (const rating of ratings) {
        assert.equal(rating.scale, 'satisfaction-3');
        assert.equal(rating.display, 'faces');
      }
    });

    it('should take the kiosk index from the overall question and report three criteria', () => {
      const root = kioskQuick.sipas!.index!.root;
      assert.equal(root.method, 'source');
      assert.equal(root.children!.length, 3);
      assert.ok(listQuestions(kioskQuick).length <= 4, 'a kiosk form must stay short');
    });
  });

  it('should hand out copies that do not change the standard', () => {
    const copy = copyTemplate('sipas-2640')!;
    copy.title = 'Khảo sát của tỉnh';
    assert.notEqual(sipas2640.title, 'Khảo sát của tỉnh');
    assert.equal(copyTemplate('no-such-template'), undefined);
  });
});
