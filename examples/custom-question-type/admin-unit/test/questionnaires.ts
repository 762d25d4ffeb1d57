/**
 * Questionnaires with an `admin-unit` question, shared by the Node and browser tests and the stories: the two
 * levels in force since July 2025 (the designer's sample), and three levels as before, to show
 * that the depth is data.
 */
import type { Question, Questionnaire } from '@sipas/schema';
import adminUnit from '../type.js';
import type { AdminUnitQuestion } from '../units.js';

const sample = adminUnit.designer!.defaults as Pick<AdminUnitQuestion, 'title' | 'levels' | 'units' | 'fullPath'>;

/** The designer's sample (province → commune), required. */
export const twoLevels = (overrides: Record<string, unknown> = {}): AdminUnitQuestion =>
  ({ type: 'admin-unit', name: 'place', ...structuredClone(sample), required: true, ...overrides }) as AdminUnitQuestion;

/** Province → district → commune, as in surveys of responses given before July 2025. */
export const threeLevels = (overrides: Record<string, unknown> = {}): AdminUnitQuestion =>
  ({
    type: 'admin-unit',
    name: 'place',
    title: { vi: 'Nơi làm thủ tục (trước 7/2025)', en: 'Where the procedure was done (before July 2025)' },
    levels: [
      { name: 'province', title: { vi: 'Tỉnh', en: 'Province' } },
      { name: 'district', title: { vi: 'Huyện', en: 'District' } },
      { name: 'commune', title: { vi: 'Xã', en: 'Commune' } },
    ],
    units: [
      { code: 'T1', name: 'Tỉnh Quảng Trị' },
      { code: 'H1', name: 'Huyện Vĩnh Linh', parent: 'T1' },
      { code: 'X1', name: 'Xã Vĩnh Thủy', parent: 'H1' },
      { code: 'X2', name: 'Thị trấn Hồ Xá', parent: 'H1' },
      { code: 'H2', name: 'Huyện Cồn Cỏ', parent: 'T1' },
    ],
    ...overrides,
  }) as AdminUnitQuestion;

export function questionnaireWith(...questions: AdminUnitQuestion[]): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'admin-unit-example',
    title: { vi: 'Khảo sát có câu hỏi đơn vị hành chính', en: 'Survey with an administrative unit question' },
    locales: ['vi', 'en'],
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: questions as unknown as Question[] }] }],
  } as Questionnaire;
}

export const response = (answers: Record<string, unknown>) => ({
  formatVersion: '1.0',
  responseId: '5f0c2a9e-3b1d-4c7a-8e2f-9a6b1c0d7e42',
  questionnaire: { id: 'admin-unit-example', version: 1 },
  channel: 'online',
  submittedAt: '2025-09-02T08:00:00Z',
  locale: 'vi',
  answers,
});
