/** The three questionnaires every renderer is measured on. */
import type { Questionnaire } from '@sipas/schema';
import { sipas2640 } from '@sipas/templates';
import { largeQuestionnaire } from '../../packages/core/bench/large-questionnaire.js';

export interface BenchQuestionnaire {
  name: string;
  label: string;
  questionnaire: Questionnaire;
  /** Pages the scenario walks through (answering the clickable questions of each, then Next). */
  pagesToWalk: number;
}

/** One likert grid of 40 statements on the 5-level satisfaction scale, every row required. */
export function likertGrid(rows = 40): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'bench-likert-40',
    title: 'Lưới đánh giá 40 hàng',
    pages: [
      {
        name: 'grid_page',
        sections: [
          {
            name: 'grid_section',
            questions: [
              {
                type: 'likert',
                name: 'grid',
                title: 'Ông/Bà đánh giá thế nào về từng nội dung sau?',
                scale: 'satisfaction-5',
                required: true,
                rows: Array.from({ length: rows }, (_, i) => ({ value: `r${i + 1}`, text: `Nội dung đánh giá số ${i + 1}` })),
              },
            ],
          },
        ],
      },
    ],
  };
}

export function benchQuestionnaires(): BenchQuestionnaire[] {
  return [
    { name: 'sipas-2640', label: 'Mẫu 2640 (8 trang)', questionnaire: sipas2640, pagesToWalk: 3 },
    { name: 'large-300', label: '300 câu, 10 trang, 100 điều kiện', questionnaire: largeQuestionnaire(), pagesToWalk: 1 },
    { name: 'likert-40', label: 'Lưới likert 40 hàng', questionnaire: likertGrid(), pagesToWalk: 0 },
  ];
}
